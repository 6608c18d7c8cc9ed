// Shared test data for the verification engine tests.
import {
  DEFAULT_RULE_SET,
  allSourceIds,
  catalogueSource,
  inputName,
  registerVerification,
  type AccountSettings,
  type Person,
  type RegistryRecords,
  type RuleSet,
  type VerificationState,
} from '../../../src/domain/verification/index.ts';

export const NOW = new Date('2024-05-01T02:03:04.050Z');

export function account(overrides: Partial<AccountSettings> = {}): AccountSettings {
  return {
    accountId: 'acme',
    stubMode: true,
    enabledSources: allSourceIds(),
    ruleSet: DEFAULT_RULE_SET,
    country: 'AU',
    ...overrides,
  };
}

export function ruleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...DEFAULT_RULE_SET, ...overrides };
}

export const AU_PERSON: Person = {
  givenName: 'Jane',
  surname: 'Citizen',
  dob: { day: 1, month: 2, year: 1980 },
  email: 'jane@example.com',
  currentResidentialAddress: {
    streetNumber: '10',
    streetName: 'Main',
    streetType: 'St',
    suburb: 'Sydney',
    state: 'NSW',
    postcode: '2000',
    country: 'AU',
  },
};

export const NZ_PERSON: Person = {
  givenName: 'Aroha',
  surname: 'Ngata',
  dob: { day: 3, month: 4, year: 1985 },
  currentResidentialAddress: {
    streetNumber: '5',
    streetName: 'Queen',
    streetType: 'Street',
    suburb: 'Auckland',
    postcode: '1010',
    country: 'NZ',
  },
};

export function register(
  acc: AccountSettings,
  middleNames: string | undefined,
  opts: { person?: Person; extraData?: Record<string, string>; registry?: RegistryRecords } = {},
): VerificationState {
  const person = { ...(opts.person ?? AU_PERSON), middleNames };
  return registerVerification(
    acc,
    { verificationId: 'v-1', ruleId: 'default', person, extraData: opts.extraData ?? {} },
    NOW,
    opts.registry ?? {},
  );
}

/** A valid sample value per validation rule (used to fill every field of a source). */
const SAMPLES: Record<string, string> = {
  name: 'Jane',
  text: 'Sample',
  date: '01/02/1980',
  year: '1999',
  tandc: 'on',
  streetNumber: '10',
  auState: 'NSW',
  auPostcode: '2000',
  nzPostcode: '1010',
  medicareNumber: '2123456701',
  medicareIrn: '1',
  medicareColour: 'G',
  monthYear: '12/2030',
  medicareExpiry: '12/2030',
  auPassportNumber: 'N1234567',
  passportNumber: 'X1234567',
  countryCode3: 'DEU',
  gender: 'F',
  medibankNumber: '12345678',
  registrationNumber: '98765',
  certificateNumber: '12345',
  stockNumber: 'ACC123456',
  clientId: '98765432101',
  registerNumber: '9876',
  entryNumber: '98765',
  immiCardNumber: 'ABC123456',
  centrelinkCrn: '123456789B',
  nzLicenceNumber: 'AB123456',
  nzLicenceVersion: '123',
  nzPassportNumber: 'LA123456',
  aaMembershipNumber: '3083269999999999',
  licenceACT: '1234567',
  licenceNSW: '1234567',
  licenceNT: '1234567',
  licenceQLD: '123456789',
  licenceSA: 'S12345',
  licenceTAS: 'A12345',
  licenceVIC: '1234567',
  licenceWA: '1234567',
  licenceCardACT: 'A123456789',
  licenceCardNSW: '1234567890',
  licenceCardNT: '123456',
  licenceCardQLD: 'A123456789',
  licenceCardSA: 'A12345678',
  licenceCardTAS: 'A12345678',
  licenceCardVIC: 'A1234567',
  licenceCardWA: 'A1234567',
};

/** Every field of a source filled with a valid value; name/dob from the person; then `overrides` (short names). */
export function validInputs(
  sourceId: string,
  person: Person,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const source = catalogueSource(sourceId);
  if (!source) throw new Error(`no source ${sourceId}`);
  const fromPerson: Record<string, string> = {
    givenname: person.givenName,
    surname: person.surname,
    middlename: '',
    dob: `${String(person.dob.day).padStart(2, '0')}/${String(person.dob.month).padStart(2, '0')}/${person.dob.year}`,
  };
  const out: Record<string, string> = {};
  for (const f of source.fields) {
    const sample = fromPerson[f.field] ?? SAMPLES[f.rule];
    if (sample === undefined) throw new Error(`no sample for rule ${f.rule}`);
    out[inputName(sourceId, f.field)] = sample;
  }
  for (const [k, v] of Object.entries(overrides)) out[inputName(sourceId, k)] = v;
  return out;
}
