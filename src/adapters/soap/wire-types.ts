// The greenID V3 wire types (research/greenid-api.md §3), as TypeScript. Every member is optional on the
// wire; schema.ts holds the same types as data (order, primitives) and must agree with these shapes.
import type { AddressMember } from './schema.ts';

export interface NameValuePair {
  name?: string;
  value?: string;
}
export interface NameV3 {
  givenName?: string;
  honorific?: string;
  middleNames?: string;
  surname?: string;
}
export interface DateOfBirth {
  day?: number;
  month?: number;
  year?: number;
}
export type Address = Partial<Record<AddressMember, string>>;

export interface LastCheckResultV3 {
  state?: string;
  stillWorking?: boolean;
}

export interface RegistrationDetailsV3 {
  currentResidentialAddress?: Address;
  dateCreated?: string;
  dob?: DateOfBirth;
  email?: string;
  extraData?: NameValuePair[];
  homePhone?: string;
  mobilePhone?: string;
  name?: NameV3;
  previousResidentialAddress?: Address;
  workPhone?: string;
}

export interface FieldV3 {
  attribute?: NameValuePair[];
  label?: string;
  name?: string;
  selectItem?: NameValuePair[];
  type?: string;
  value?: string;
}

export interface SourceFieldsV3 {
  fieldList?: { sourceField?: FieldV3[] };
  rawData?: string;
}

export interface SourceV3 {
  attributes?: NameValuePair[];
  available?: boolean;
  name?: string;
  notRequired?: boolean;
  oneSourceLeft?: boolean;
  order?: number;
  passed?: boolean;
  state?: string;
  version?: number;
}

export interface SourceListV3 {
  source?: SourceV3[];
}

export interface FieldResultV3 {
  addressType?: string;
  changedValue?: string;
  data?: string;
  extraData?: NameValuePair[];
  extractedValue?: string;
  format?: string;
  masterRecordValue?: string;
  name?: string;
  status?: string;
  value?: string;
}

export interface DetailRecordHeader {
  amount?: string;
  channelId?: string;
  date?: string;
  dateOfBirth?: string;
  filler?: string;
  formVersion?: string;
  givenName?: string;
  id?: number;
  idWizardRefNo?: string;
  paymentMethod?: string;
  phoneNo?: string;
  postOfficeName?: string;
  recordNo?: string;
  recordType?: string;
  referenceNo?: string;
  surname?: string;
  totalNumberOfIdDocuments?: string;
  typeCode?: string;
  uniqueReferenceNo?: string;
}

export interface DocumentRecord {
  amount?: string;
  comments?: string;
  countryOfIssue?: string;
  dateOfBirthMatchesForm?: string;
  documentExpiryDate?: string;
  documentName?: string;
  documentNumber?: string;
  filler?: string;
  id?: number;
  idDocumentType?: string;
  idWizardRefNo?: string;
  issuedBy?: string;
  issuedate?: string;
  nameMatchesform?: string;
  photoMatch?: string;
  recordNo?: string;
  recordType?: string;
  referenceNo?: string;
  residentialAddressMatchesForm?: string;
  stateOrTerritoryOfIssue?: string;
  utilityAccountIssuer?: string;
  utilityAccountType?: string;
}

export interface PostOfficeDataV3 {
  customerId?: string;
  documents?: string;
  header?: DetailRecordHeader;
  poFileName?: string;
  records?: DocumentRecord[];
}

export interface CheckResultV3 {
  dateCreated?: string;
  dateVerified?: string;
  documentRegion?: string;
  documentSubRegion?: string;
  documentType?: string;
  extraData?: NameValuePair[];
  faceMatchScore?: string;
  fieldResult?: FieldResultV3[];
  individualResult?: CheckResultV3[];
  method?: string;
  mode?: string;
  name?: string;
  postOfficeData?: PostOfficeDataV3;
  state?: string;
}

export interface VerificationResultV3 {
  dateVerified?: string;
  individualResult?: CheckResultV3[];
  mode?: string;
  overallVerificationStatus?: string;
  ruleId?: string;
  verificationId?: string;
}

export interface CurrentStatusV3 {
  checkResult?: LastCheckResultV3;
  registrationDetails?: RegistrationDetailsV3;
  sourceFields?: SourceFieldsV3;
  sourceList?: SourceListV3;
  verificationResult?: VerificationResultV3;
  verificationToken?: string;
}

// ---- requests (as read off the wire: everything optional)

interface Credentials {
  accountId?: string;
  password?: string;
}
interface WithExtraData {
  extraData?: NameValuePair[];
}

export interface RegisterVerificationRequest extends Credentials, WithExtraData {
  verificationId?: string;
  ruleId?: string;
  name?: NameV3;
  email?: string;
  currentResidentialAddress?: Address;
  previousResidentialAddress?: Address;
  dob?: DateOfBirth;
  homePhone?: string;
  workPhone?: string;
  mobilePhone?: string;
  deviceIDData?: string;
  generateVerificationToken?: boolean;
}

export interface ByVerificationRequest extends Credentials, WithExtraData {
  verificationId?: string;
  verificationToken?: string;
}

export interface GetFieldsRequest extends ByVerificationRequest {
  sourceId?: string;
}
export interface SetFieldsRequest extends GetFieldsRequest {
  inputFields?: { input?: NameValuePair[] };
}
export interface ExpireTokenRequest extends Credentials, WithExtraData {
  verificationToken?: string;
}

export interface SoapRequests {
  registerVerification: RegisterVerificationRequest;
  getSources: ByVerificationRequest;
  getFields: GetFieldsRequest;
  setFields: SetFieldsRequest;
  getVerificationResult: ByVerificationRequest;
  getVerificationToken: ByVerificationRequest;
  expireToken: ExpireTokenRequest;
}

/**
 * greenID fault codes (research §2.8) and pono's own for what greenID's list lacks: InvalidRequestFault (not a
 * SOAP request at all), SourceNotAvailableFault. Any `<Name>Fault` code a use case
 * throws is passed through (faults.ts); these are the ones the adapter itself knows.
 */
export const FAULT_CODES = [
  'FieldValidationFault',
  'InvalidPasswordFault',
  'InvalidCustomerIdFault',
  'InvalidCertificateFault',
  'InvalidIPAddressFault',
  'InvalidSourceIdFault',
  'UserIdInUseFault',
  'UserIdForInvitationFault',
  'UserIdNotFoundFault',
  'InvalidTokenFault',
  'SystemFault',
  'InvalidRequestFault',
  'SourceNotAvailableFault',
] as const;
/** A fault name: one of FAULT_CODES or another `<Name>Fault` from a use case. */
export type FaultCode = string;

export interface SoapFaultInfo {
  code: FaultCode;
  /** faultstring: one short line. */
  message: string;
  /** faultDetails/details: readable text, one message per line. */
  details: string;
  /** SOAP 1.1 faultcode: Server for anything the service decided, Client for a request that is not SOAP. */
  faultcode: 'env:Server' | 'env:Client';
}
