// The greenID V3 XML schema as data: every complex type with its members in XSD sequence order.
// One table drives the WSDL (wsdl.ts), the response writer (serialize.ts: order, and nothing undeclared,
// which zeep insists on) and the request reader (envelope.ts: coercion of ints and booleans).
// Member order is the JAXB alphabetical order of research/greenid-api.md §3 for data types and the
// documented sequence for request wrappers (positional zeep calls rely on it).

export const SERVICE_NAMESPACE = 'http://dynamicform.services.registrations.edentiti.com/';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

export type PrimitiveType = 'string' | 'int' | 'long' | 'boolean';

export interface Member {
  readonly name: string;
  readonly type: PrimitiveType | TypeName;
  /** xs primitives that JAXB marks required (no minOccurs="0"). */
  readonly required?: true;
  readonly many?: true;
}

const s = (name: string): Member => ({ name, type: 'string' });
const many = (name: string, type: TypeName): Member => ({ name, type, many: true });
const opt = (name: string, type: TypeName): Member => ({ name, type });
const req = (name: string, type: 'int' | 'long' | 'boolean'): Member => ({ name, type, required: true });

const ADDRESS_MEMBERS = [
  'alley',
  'amalgamatedMunicipality',
  'area',
  'avenue',
  'block',
  'canton',
  'chome',
  'city',
  'country',
  'county',
  'deliveryNumber',
  'department',
  'direction',
  'dispatchingInformation',
  'district',
  'divisionFive',
  'divisionFour',
  'divisionOne',
  'divisionThree',
  'divisionTwo',
  'flatNumber',
  'level',
  'locality',
  'location',
  'mailCentre',
  'municipality',
  'neighbourhood',
  'organisation',
  'parish',
  'personName',
  'poBox',
  'postcode',
  'prefecture',
  'propertyName',
  'province',
  'quarter',
  'region',
  'ruralArea',
  'ruralLocality',
  'sector',
  'sectorNumber',
  'state',
  'streetName',
  'streetNumber',
  'streetType',
  'subdistrict',
  'subregion',
  'suburb',
  'town',
  'townCity',
  'township',
  'urbanLocality',
  'village',
] as const;

export type AddressMember = (typeof ADDRESS_MEMBERS)[number];

const CHECK_RESULT_MEMBERS: readonly Member[] = [
  s('dateCreated'),
  s('dateVerified'),
  s('documentRegion'),
  s('documentSubRegion'),
  s('documentType'),
  many('extraData', 'nameValuePair'),
  s('faceMatchScore'),
  many('fieldResult', 'fieldResultV3'),
  many('individualResult', 'checkResultV3'),
  s('method'),
  s('mode'),
  s('name'),
  opt('postOfficeData', 'postOfficeDataV3'),
  s('state'),
];

/** Request wrappers: accountId and password first, extraData last (research §3). */
const AUTH: readonly Member[] = [s('accountId'), s('password')];
const EXTRA: Member = many('extraData', 'nameValuePair');

export const COMPLEX_TYPES = {
  // ---- request wrappers
  registerVerification: [
    ...AUTH,
    s('verificationId'),
    s('ruleId'),
    opt('name', 'name'),
    s('email'),
    opt('currentResidentialAddress', 'address'),
    opt('previousResidentialAddress', 'address'),
    opt('dob', 'dateOfBirth'),
    s('homePhone'),
    s('workPhone'),
    s('mobilePhone'),
    s('deviceIDData'),
    req('generateVerificationToken', 'boolean'),
    EXTRA,
  ],
  getSources: [...AUTH, s('verificationId'), s('verificationToken'), EXTRA],
  getFields: [...AUTH, s('verificationId'), s('verificationToken'), s('sourceId'), EXTRA],
  setFields: [
    ...AUTH,
    s('verificationId'),
    s('verificationToken'),
    s('sourceId'),
    opt('inputFields', 'inputFields'),
    EXTRA,
  ],
  getVerificationResult: [...AUTH, s('verificationId'), s('verificationToken'), EXTRA],
  getVerificationToken: [...AUTH, s('verificationId'), EXTRA],
  expireToken: [...AUTH, s('verificationToken'), EXTRA],
  // ---- response wrappers
  registerVerificationResponse: [opt('return', 'currentStatusV3')],
  getSourcesResponse: [opt('return', 'currentStatusV3')],
  getFieldsResponse: [opt('return', 'currentStatusV3')],
  setFieldsResponse: [opt('return', 'currentStatusV3')],
  getVerificationResultResponse: [opt('return', 'currentStatusV3')],
  getVerificationTokenResponse: [s('return')],
  expireTokenResponse: [],
  // ---- data types
  nameValuePair: [s('name'), s('value')],
  inputFields: [many('input', 'nameValuePair')],
  name: [s('givenName'), s('honorific'), s('middleNames'), s('surname')],
  dateOfBirth: [req('day', 'int'), req('month', 'int'), req('year', 'int')],
  address: ADDRESS_MEMBERS.map(s),
  currentStatusV3: [
    opt('checkResult', 'lastCheckResultV3'),
    opt('registrationDetails', 'registrationDetailsV3'),
    opt('sourceFields', 'sourceFieldsV3'),
    opt('sourceList', 'sourceListV3'),
    opt('verificationResult', 'verificationResultV3'),
    s('verificationToken'),
  ],
  lastCheckResultV3: [s('state'), req('stillWorking', 'boolean')],
  registrationDetailsV3: [
    opt('currentResidentialAddress', 'address'),
    s('dateCreated'),
    opt('dob', 'dateOfBirth'),
    s('email'),
    many('extraData', 'nameValuePair'),
    s('homePhone'),
    s('mobilePhone'),
    opt('name', 'name'),
    opt('previousResidentialAddress', 'address'),
    s('workPhone'),
  ],
  sourceFieldsV3: [opt('fieldList', 'fieldListV3'), s('rawData')],
  fieldListV3: [many('sourceField', 'fieldV3')],
  fieldV3: [
    many('attribute', 'nameValuePair'),
    s('label'),
    s('name'),
    many('selectItem', 'nameValuePair'),
    s('type'),
    s('value'),
  ],
  sourceListV3: [many('source', 'sourceV3')],
  sourceV3: [
    many('attributes', 'nameValuePair'),
    req('available', 'boolean'),
    s('name'),
    req('notRequired', 'boolean'),
    req('oneSourceLeft', 'boolean'),
    req('order', 'int'),
    req('passed', 'boolean'),
    s('state'),
    req('version', 'int'),
  ],
  verificationResultV3: [
    s('dateVerified'),
    many('individualResult', 'checkResultV3'),
    s('mode'),
    s('overallVerificationStatus'),
    s('ruleId'),
    s('verificationId'),
  ],
  checkResultV3: CHECK_RESULT_MEMBERS,
  fieldResultV3: [
    s('addressType'),
    s('changedValue'),
    s('data'),
    many('extraData', 'nameValuePair'),
    s('extractedValue'),
    s('format'),
    s('masterRecordValue'),
    s('name'),
    s('status'),
    s('value'),
  ],
  postOfficeDataV3: [
    s('customerId'),
    s('documents'),
    opt('header', 'detailRecordHeader'),
    s('poFileName'),
    many('records', 'documentRecord'),
  ],
  detailRecordHeader: [
    s('amount'),
    s('channelId'),
    s('date'),
    s('dateOfBirth'),
    s('filler'),
    s('formVersion'),
    s('givenName'),
    req('id', 'long'),
    s('idWizardRefNo'),
    s('paymentMethod'),
    s('phoneNo'),
    s('postOfficeName'),
    s('recordNo'),
    s('recordType'),
    s('referenceNo'),
    s('surname'),
    s('totalNumberOfIdDocuments'),
    s('typeCode'),
    s('uniqueReferenceNo'),
  ],
  documentRecord: [
    s('amount'),
    s('comments'),
    s('countryOfIssue'),
    s('dateOfBirthMatchesForm'),
    s('documentExpiryDate'),
    s('documentName'),
    s('documentNumber'),
    s('filler'),
    req('id', 'long'),
    s('idDocumentType'),
    s('idWizardRefNo'),
    s('issuedBy'),
    s('issuedate'),
    s('nameMatchesform'),
    s('photoMatch'),
    s('recordNo'),
    s('recordType'),
    s('referenceNo'),
    s('residentialAddressMatchesForm'),
    s('stateOrTerritoryOfIssue'),
    s('utilityAccountIssuer'),
    s('utilityAccountType'),
  ],
  Fault: [s('code'), s('details')],
} as const satisfies Record<string, readonly Member[]>;

export type TypeName =
  | 'registerVerification'
  | 'getSources'
  | 'getFields'
  | 'setFields'
  | 'getVerificationResult'
  | 'getVerificationToken'
  | 'expireToken'
  | 'registerVerificationResponse'
  | 'getSourcesResponse'
  | 'getFieldsResponse'
  | 'setFieldsResponse'
  | 'getVerificationResultResponse'
  | 'getVerificationTokenResponse'
  | 'expireTokenResponse'
  | 'nameValuePair'
  | 'inputFields'
  | 'name'
  | 'dateOfBirth'
  | 'address'
  | 'currentStatusV3'
  | 'lastCheckResultV3'
  | 'registrationDetailsV3'
  | 'sourceFieldsV3'
  | 'fieldListV3'
  | 'fieldV3'
  | 'sourceListV3'
  | 'sourceV3'
  | 'verificationResultV3'
  | 'checkResultV3'
  | 'fieldResultV3'
  | 'postOfficeDataV3'
  | 'detailRecordHeader'
  | 'documentRecord'
  | 'Fault';

export function membersOf(type: TypeName): readonly Member[] {
  return COMPLEX_TYPES[type];
}

export function isPrimitive(type: Member['type']): type is PrimitiveType {
  return type === 'string' || type === 'int' || type === 'long' || type === 'boolean';
}

/** The seven operations with their request and response element names. */
export const OPERATIONS = [
  'registerVerification',
  'getSources',
  'getFields',
  'setFields',
  'getVerificationResult',
  'getVerificationToken',
  'expireToken',
] as const;

export type OperationName = (typeof OPERATIONS)[number];

export function isOperationName(name: string): name is OperationName {
  return (OPERATIONS as readonly string[]).includes(name);
}
