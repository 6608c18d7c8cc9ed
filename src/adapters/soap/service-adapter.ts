// The SOAP port over the verification use cases (src/app/verification.ts): wire requests → use-case input,
// the use case's CurrentStatus → wire CurrentStatusV3. No business rule lives here.
import type { AccountCredentials } from '../../app/accounts.ts';
import type { Services } from '../../app/services.ts';
import type {
  CurrentStatus,
  RegisterInput as UseCaseRegisterInput,
  VerificationUseCases,
} from '../../app/verification.ts';
import type {
  Address as DomainAddress,
  CheckResultV3 as DomainCheckResult,
  FieldResultV3 as DomainFieldResult,
  FieldV3 as DomainField,
  NameValuePair as DomainPair,
  Person,
  SourceV3 as DomainSource,
} from '../../domain/verification/types.ts';
import { renderSourceForm } from './raw-form.ts';
import { soapRoutes, type PluginHost } from './routes.ts';
import type { RegisterInput, SoapCredentials, SoapVerificationPort, VerificationLookup } from './service-port.ts';
import type {
  Address,
  CheckResultV3,
  CurrentStatusV3,
  FieldResultV3,
  FieldV3,
  NameValuePair,
  RegistrationDetailsV3,
  SourceV3,
} from './wire-types.ts';

type UseCases = Pick<
  VerificationUseCases,
  'register' | 'get' | 'getByToken' | 'getFields' | 'setFields' | 'getToken' | 'expireToken'
>;

// ---- wire → use case

const ADDRESS_KEYS = [
  'flatNumber',
  'propertyName',
  'streetNumber',
  'streetName',
  'streetType',
  'suburb',
  'state',
  'postcode',
  'country',
] as const;

function domainAddress(address: Address | undefined): DomainAddress | undefined {
  if (address === undefined) return undefined;
  const out: DomainAddress = {};
  for (const key of ADDRESS_KEYS) {
    const value = address[key];
    if (value !== undefined) out[key] = value;
  }
  // NZ clients name the town townCity or town (research §3, Swift client)
  const city = address.city ?? address.townCity ?? address.town;
  if (city !== undefined) out.city = city;
  return out;
}

function pairsToRecord(pairs: readonly NameValuePair[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) if (pair.name !== undefined) out[pair.name] = pair.value ?? '';
  return out;
}

/** Missing names and date parts go through empty so that the use case reports them as FieldValidationFault. */
export function registerInput(input: RegisterInput): UseCaseRegisterInput {
  const person: Person = {
    givenName: input.name?.givenName ?? '',
    surname: input.name?.surname ?? '',
    dob: { day: input.dob?.day ?? 0, month: input.dob?.month ?? 0, year: input.dob?.year ?? 0 },
  };
  if (input.name?.middleNames !== undefined) person.middleNames = input.name.middleNames;
  if (input.name?.honorific !== undefined) person.honorific = input.name.honorific;
  if (input.email !== undefined) person.email = input.email;
  const current = domainAddress(input.currentResidentialAddress);
  if (current !== undefined) person.currentResidentialAddress = current;
  const previous = domainAddress(input.previousResidentialAddress);
  if (previous !== undefined) person.previousResidentialAddress = previous;
  if (input.homePhone !== undefined) person.homePhone = input.homePhone;
  if (input.workPhone !== undefined) person.workPhone = input.workPhone;
  if (input.mobilePhone !== undefined) person.mobilePhone = input.mobilePhone;
  const out: UseCaseRegisterInput = {
    person,
    extraData: pairsToRecord(input.extraData),
    generateVerificationToken: input.generateVerificationToken === true,
  };
  if (input.verificationId !== undefined) out.verificationId = input.verificationId;
  if (input.ruleId !== undefined) out.ruleId = input.ruleId;
  return out;
}

// ---- use case → wire

function pairs(list: readonly DomainPair[] | undefined): NameValuePair[] | undefined {
  return list === undefined || list.length === 0
    ? undefined
    : list.map((pair) => ({ name: pair.name, value: pair.value }));
}

function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

function wireFieldResult(field: DomainFieldResult): FieldResultV3 {
  return {
    addressType: field.addressType,
    changedValue: field.changedValue,
    data: field.data,
    extraData: pairs(field.extraData),
    extractedValue: field.extractedValue,
    format: field.format,
    masterRecordValue: field.masterRecordValue,
    name: field.name,
    status: orUndefined(field.status),
    value: field.value,
  };
}

export function wireCheckResult(check: DomainCheckResult): CheckResultV3 {
  return {
    dateCreated: orUndefined(check.dateCreated),
    dateVerified: orUndefined(check.dateVerified),
    documentRegion: check.documentRegion,
    documentSubRegion: check.documentSubRegion,
    documentType: check.documentType,
    extraData: pairs(check.extraData),
    faceMatchScore: check.faceMatchScore,
    fieldResult: check.fieldResult.map(wireFieldResult),
    individualResult: check.individualResult?.map(wireCheckResult),
    method: orUndefined(check.method),
    mode: orUndefined(check.mode),
    name: check.name,
    state: check.state,
  };
}

function wireSource(source: DomainSource): SourceV3 {
  return {
    attributes: pairs(source.attributes),
    available: source.available,
    name: source.name,
    notRequired: source.notRequired,
    oneSourceLeft: source.oneSourceLeft,
    order: source.order,
    passed: source.passed,
    state: source.state,
    version: source.version,
  };
}

function wireField(field: DomainField): FieldV3 {
  return {
    attribute: pairs(field.attribute),
    label: field.label,
    name: field.name,
    selectItem: pairs(field.selectItem),
    type: field.type,
    value: field.value,
  };
}

function wireRegistration(details: CurrentStatus['registrationDetails']): RegistrationDetailsV3 {
  const name: RegistrationDetailsV3['name'] = { givenName: details.givenName, surname: details.surname };
  if (details.honorific !== undefined) name.honorific = details.honorific;
  if (details.middleNames !== undefined) name.middleNames = details.middleNames;
  return {
    currentResidentialAddress: details.currentResidentialAddress,
    dateCreated: details.dateCreated,
    dob: details.dob,
    email: details.email,
    homePhone: details.homePhone,
    mobilePhone: details.mobilePhone,
    name,
    previousResidentialAddress: details.previousResidentialAddress,
    workPhone: details.workPhone,
  };
}

export function wireStatus(status: CurrentStatus): CurrentStatusV3 {
  const result = status.verificationResult;
  const wire: CurrentStatusV3 = {
    registrationDetails: wireRegistration(status.registrationDetails),
    sourceList: { source: status.sourceList.map(wireSource) },
    verificationResult: {
      dateVerified: orUndefined(result.dateVerified),
      individualResult: result.individualResult.map(wireCheckResult),
      mode: orUndefined(result.mode),
      overallVerificationStatus: result.overallVerificationStatus,
      ruleId: result.ruleId,
      verificationId: result.verificationId,
    },
    verificationToken: status.verificationToken,
  };
  // LastCheckResultV3: the state of the check setFields just ran; greenID never works in the background here.
  if (status.checkResult !== undefined) wire.checkResult = { state: status.checkResult.state, stillWorking: false };
  if (status.sourceFields !== undefined) {
    const fields = status.sourceFields.fieldList;
    wire.sourceFields = { fieldList: { sourceField: fields.map(wireField) }, rawData: renderSourceForm(fields) };
  }
  return wire;
}

// ---- the port

export function soapPortFor(useCases: UseCases): SoapVerificationPort {
  const credentials = (auth: SoapCredentials): AccountCredentials => ({
    accountId: auth.accountId,
    password: auth.password,
  });

  /** verificationId wins when both are given (research §2.5); a token alone is resolved through the use case. */
  async function resolveId(auth: SoapCredentials, lookup: VerificationLookup): Promise<string> {
    if (lookup.verificationId !== undefined || lookup.verificationToken === undefined)
      return lookup.verificationId ?? '';
    const status = await useCases.getByToken(credentials(auth), lookup.verificationToken);
    return status.verificationResult.verificationId;
  }

  return {
    register: async (auth, input) => wireStatus(await useCases.register(credentials(auth), registerInput(input))),
    getSources: async (auth, lookup) =>
      wireStatus(await useCases.get(credentials(auth), await resolveId(auth, lookup))),
    getFields: async (auth, lookup, sourceId) =>
      wireStatus(await useCases.getFields(credentials(auth), await resolveId(auth, lookup), sourceId)),
    setFields: async (auth, lookup, sourceId, inputs) =>
      wireStatus(await useCases.setFields(credentials(auth), await resolveId(auth, lookup), sourceId, inputs)),
    getResult: async (auth, lookup) =>
      wireStatus(
        lookup.verificationId === undefined && lookup.verificationToken !== undefined
          ? await useCases.getByToken(credentials(auth), lookup.verificationToken)
          : await useCases.get(credentials(auth), lookup.verificationId ?? ''),
      ),
    getToken: (auth, verificationId) => useCases.getToken(credentials(auth), verificationId),
    expireToken: (auth, token) => useCases.expireToken(credentials(auth), token),
  };
}

/**
 * For the composition root (src/main/server-plugins.ts): `soapPlugin(services, trustProxy)`. The WSDL's address
 * believes X-Forwarded-* only behind a proxy the operator runs (PONO_TRUST_PROXY).
 */
export function soapPlugin(services: Services, trustProxy = false): (app: PluginHost) => Promise<void> {
  return (app) => soapRoutes(app, { service: soapPortFor(services.verifications), trustProxy });
}
