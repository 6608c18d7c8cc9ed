// The input set of seed 001's "Identity Verification" service as data: the personal details, the address in
// long format, and each source's inputs with the engine field (catalogue `greenid_<source>_<field>`) it
// fills. Input names follow the seed where it names them (flatNumber, streetType, birthdvsRegistrationDate,
// changeofnamecertificatedvsOldGivenName, marriagecertificatedvsRegistrationNumber, …) and the same
// pattern elsewhere. The component serves these tables to browsers, so its checks mirror the server's.
import { AU_STATES } from './validation-rules.ts';
import { catalogueSource } from './catalogue/index.ts';

export type FormsFieldKind = 'text' | 'date' | 'select' | 'month' | 'year';

export interface FormsField {
  input: string;
  label: string;
  kind: FormsFieldKind;
  required: boolean;
  /** A regular expression the whole value must match (the browser checks the same one). */
  pattern?: string;
  /** What the pattern asks for, in words. */
  format?: string;
  options?: readonly string[];
}

/** How one source's inputs fill the engine's fields. */
export interface FormsSourceGroup {
  group: string;
  /** Help for the person: where on the document each value is found (the component shows it). */
  help: string;
  /** Sample image (served under /forms/samples/) showing where the values are. */
  sample?: string;
  /** The sources (engine ids) verified from this group's inputs. */
  sources: readonly string[];
  fields: readonly FormsField[];
  /** Input → engine short field. */
  engine: Readonly<Record<string, string>>;
}

const YMD = { pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'a date, yyyy-MM-dd (e.g. 2016-07-21)' };
const text = (input: string, label: string, required: boolean, pattern?: string, format?: string): FormsField => ({
  input,
  label,
  kind: 'text',
  required,
  ...(pattern ? { pattern } : {}),
  ...(format ? { format } : {}),
});
const date = (input: string, label: string, required: boolean): FormsField => ({
  input,
  label,
  kind: 'date',
  required,
  ...YMD,
});
const stateSelect = (input: string, label: string, states: readonly string[] = AU_STATES): FormsField => ({
  input,
  label,
  kind: 'select',
  required: true,
  options: states,
});

export const NAME_PATTERN = '^[^<>\\u0000-\\u001f]{1,255}$';

/** Personal details (seed 001: DOB as yyyy-MM-dd; phone numbers optional). */
export const PERSONAL_FIELDS: readonly FormsField[] = [
  text('title', 'Title', false, NAME_PATTERN),
  text('firstName', 'First name', true, NAME_PATTERN),
  text('middleName', 'Middle name', false, NAME_PATTERN),
  text('lastName', 'Last name', true, NAME_PATTERN),
  date('dateOfBirth', 'Date of birth', true),
  text('email', 'Email', false, '^[^\\s@]+@[^\\s@]+\\.[A-Za-z]{2,}$', 'an email address'),
  text('homePhone', 'Home phone', false, '^[0-9 ()+-]{8,20}$', 'a phone number'),
  text('workPhone', 'Work phone', false, '^[0-9 ()+-]{8,20}$', 'a phone number'),
  text('mobilePhone', 'Mobile phone', false, '^[0-9 ()+-]{8,20}$', 'a phone number'),
];

/**
 * The address in long format (seed 001 "Address Format Requirement"): every field required except the
 * sub-dwelling (flatNumber) and streetType; the street number may be a range (267-277) or a PO Box or Locked
 * Bag; the street type expanded (ROAD) or abbreviated (RD); the state a short code; the country expanded.
 */
export const STREET_NUMBER_PATTERN =
  '^([0-9]+[A-Za-z]?(-[0-9]+[A-Za-z]?)?|(PO|P\\.O\\.|GPO|Locked|LOCKED|Private|PRIVATE) ?(Box|BOX|Bag|BAG) ?[0-9]+)$';
export function addressFields(prefix: '' | 'previous'): FormsField[] {
  const name = (field: string) =>
    prefix === '' ? field : `${prefix}${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`;
  const label = (words: string) => (prefix === '' ? words : `Previous address: ${words.toLowerCase()}`);
  return [
    text(name('flatNumber'), label('Flat, unit or level'), false, '^[^<>\\u0000-\\u001f]{1,60}$'),
    text(name('propertyName'), label('Property name'), false, '^[^<>\\u0000-\\u001f]{1,100}$'),
    text(
      name('streetNumber'),
      label('Street number'),
      true,
      STREET_NUMBER_PATTERN,
      'a number, a range like 267-277, or a PO Box or Locked Bag',
    ),
    text(name('streetName'), label('Street name'), true, '^[^<>\\u0000-\\u001f]{1,100}$'),
    text(name('streetType'), label('Street type'), false, '^[A-Za-z ]{1,30}$', 'a street type such as ROAD or RD'),
    text(name('suburb'), label('Suburb or town'), true, '^[^<>\\u0000-\\u001f]{1,100}$'),
    { input: name('state'), label: label('State'), kind: 'select', required: true, options: AU_STATES },
    text(name('postcode'), label('Postcode'), true, '^[0-9]{4}$', '4 digits'),
    text(name('country'), label('Country'), true, '^[A-Za-z ]{2,60}$', 'the country in full, e.g. Australia'),
  ];
}
export const ADDRESS_FIELDS = addressFields('');
export const PREVIOUS_ADDRESS_FIELDS = addressFields('previous');

/**
 * The person's details as the document or record shows them, given on a source's call when they differ from
 * the registered ones (seed 001: interactive sources let the person change their data to match the source).
 * Which of them a person may change is the account's controlled changes (forms-changes.ts).
 */
export const DOCUMENT_DETAIL_FIELDS: readonly FormsField[] = [
  text('documentFirstName', 'First name as on the document', false, NAME_PATTERN),
  text('documentMiddleName', 'Middle name as on the document', false, NAME_PATTERN),
  text('documentLastName', 'Last name as on the document', false, NAME_PATTERN),
  date('documentDateOfBirth', 'Date of birth as on the document', false),
  // The address as the document or record shows it: the address fields' own formats, none required.
  ...ADDRESS_FIELDS.filter((f) => !['propertyName', 'country'].includes(f.input)).map((f): FormsField => ({
    ...f,
    input: `document${f.input[0]?.toUpperCase() ?? ''}${f.input.slice(1)}`,
    label: `${f.label} as on the document`,
    required: false,
  })),
];

/** The per-source inputs (seed 001 "Medicare Inputs" … "Marriage Certificate Inputs"). */
export const SOURCE_GROUPS: readonly FormsSourceGroup[] = [
  {
    group: 'medicare',
    sources: ['medicaredvs'],
    sample: 'medicare.svg',
    help: 'The card number is the 10 digits across the top of your Medicare card; the reference number is the digit beside your name; the expiry is at the bottom right.',
    fields: [
      text('medicareCardNumber', 'Medicare card number', true, '^[0-9]{10}$', '10 digits'),
      text(
        'medicareReferenceNumber',
        'Individual reference number',
        true,
        '^[1-9]$',
        'the digit 1 to 9 beside your name',
      ),
      text('medicareNameOnCard', 'Name on card', false, NAME_PATTERN),
      {
        input: 'medicareCardColour',
        label: 'Card colour',
        kind: 'select',
        required: true,
        options: ['Green', 'Yellow', 'Blue', 'G', 'Y', 'B'],
      },
      {
        input: 'medicareExpiryMonth',
        label: 'Expiry month',
        kind: 'month',
        required: false,
        pattern: '^(0[1-9]|1[0-2])$',
        format: 'the month as two digits (February = 02)',
      },
      {
        input: 'medicareExpiryYear',
        label: 'Expiry year',
        kind: 'year',
        required: false,
        pattern: '^[0-9]{4}$',
        format: 'the year, e.g. 2029',
      },
      date('medicareExpiryDate', 'Expiry date (yellow and blue cards)', false),
    ],
    engine: {
      medicareCardNumber: 'number',
      medicareReferenceNumber: 'individualReferenceNumber',
      medicareNameOnCard: 'nameOnCard',
      medicareCardColour: 'cardColour',
    },
  },
  {
    group: 'licence',
    sources: AU_STATES.map((s) => `${s.toLowerCase()}regodvs`),
    sample: 'licence.svg',
    help: "Choose the state that issued your driver's licence. The licence number is printed beside your photo; the card number is on the front or back depending on the state.",
    fields: [
      stateSelect('licenceState', 'State of issue'),
      text('licenceNumber', "Driver's licence number", true, '^[A-Za-z0-9]{1,10}$', 'letters and digits only'),
      text('licenceCardNumber', 'Card number', false, '^[A-Za-z0-9]{6,10}$', '6 to 10 letters and digits'),
    ],
    engine: { licenceNumber: 'number', licenceCardNumber: 'cardnumber' },
  },
  {
    group: 'passport',
    sources: ['passportdvs'],
    sample: 'passport.svg',
    help: 'The passport number is at the top right of the photo page: one or two letters then seven digits.',
    fields: [
      text('passportNumber', 'Passport number', true, '^[A-Za-z]{1,2}[0-9]{7}$', 'one or two letters then 7 digits'),
      {
        input: 'passportGender',
        label: 'Gender',
        kind: 'select',
        required: false,
        options: ['Male', 'Female', 'M', 'F'],
      },
    ],
    engine: { passportNumber: 'number', passportGender: 'gender' },
  },
  {
    group: 'visa',
    sources: ['visadvs'],
    sample: 'passport.svg',
    help: 'Give the number of the passport your visa is linked to, and the three-letter code of the country that issued it (e.g. NZL, GBR).',
    fields: [
      text('visaPassportNumber', 'Passport number', true, '^[A-Za-z0-9]{1,14}$', 'letters and digits only'),
      text('visaCountryOfIssue', 'Country of issue', true, '^[A-Za-z]{3}$', 'the 3-letter country code, e.g. NZL'),
    ],
    engine: { visaPassportNumber: 'passport_number', visaCountryOfIssue: 'country_of_issue' },
  },
  {
    group: 'birthCertificate',
    sources: ['birthcertificatedvs'],
    sample: 'certificate.svg',
    help: 'The registration number and the year or date of registration are near the top of the certificate; the certificate number and printed date at the bottom.',
    fields: [
      text('birthdvsRegistrationNumber', 'Registration number', true, '^[A-Za-z0-9/-]{1,12}$'),
      stateSelect('birthdvsRegistrationState', 'State of registration'),
      text('birthdvsRegistrationYear', 'Registration year', false, '^[0-9]{4}$', 'the year, e.g. 1986'),
      date('birthdvsRegistrationDate', 'Registration date', false),
      text('birthdvsCertificateNumber', 'Certificate number', false, '^[A-Za-z0-9/-]{1,12}$'),
      date('birthdvsCertificatePrintedDate', 'Certificate printed date', false),
      text('birthdvsMiddleNames', 'Middle names on the certificate', false, NAME_PATTERN),
    ],
    engine: {
      birthdvsRegistrationNumber: 'registration_number',
      birthdvsRegistrationState: 'registration_state',
      birthdvsRegistrationYear: 'registration_year',
      birthdvsRegistrationDate: 'registration_date',
      birthdvsCertificateNumber: 'certificate_number',
      birthdvsCertificatePrintedDate: 'certificate_printed_date',
      birthdvsMiddleNames: 'middlename',
    },
  },
  {
    group: 'citizenshipCertificate',
    sources: ['citizenshipcertificatedvs'],
    sample: 'certificate.svg',
    help: 'The stock number is printed at the top right of the certificate; the acquisition date is the date you became a citizen.',
    fields: [
      text('citizenshipStockNumber', 'Stock number', true, '^[A-Za-z0-9]{1,12}$'),
      date('citizenshipAcquisitionDate', 'Acquisition date', true),
    ],
    engine: { citizenshipStockNumber: 'stock_number', citizenshipAcquisitionDate: 'acquisition_date' },
  },
  {
    group: 'immiCard',
    sources: ['immicarddvs'],
    sample: 'certificate.svg',
    help: 'The ImmiCard number is three letters then six digits, on the front of the card.',
    fields: [text('immicardNumber', 'ImmiCard number', true, '^[A-Za-z]{3}[0-9]{6}$', '3 letters then 6 digits')],
    engine: { immicardNumber: 'card_number' },
  },
  {
    group: 'electoralRoll',
    sources: ['aec'],
    help: 'Your enrolled name and address are checked against the Australian Electoral Roll; use the address you are enrolled at.',
    fields: [],
    engine: {},
  },
  {
    group: 'registry',
    sources: ['registry'],
    help: "Your name, date of birth and address are compared with the records the organisation holds; give them as they appear on the organisation's records.",
    fields: [],
    engine: {},
  },
  {
    group: 'changeOfNameCertificate',
    sources: ['changeofnamecertificatedvs'],
    sample: 'certificate.svg',
    help: 'The registration number and date are near the top of the certificate; the previous name is the name you changed from.',
    fields: [
      text('changeofnamecertificatedvsRegistrationNumber', 'Registration number', true, '^[A-Za-z0-9/-]{1,12}$'),
      stateSelect('changeofnamecertificatedvsRegistrationState', 'State of registration'),
      text(
        'changeofnamecertificatedvsRegistrationYear',
        'Registration year',
        false,
        '^[0-9]{4}$',
        'the year, e.g. 2005',
      ),
      date('changeofnamecertificatedvsRegistrationDate', 'Registration date', false),
      text('changeofnamecertificatedvsCertificateNumber', 'Certificate number', false, '^[A-Za-z0-9/-]{1,12}$'),
      date('changeofnamecertificatedvsCertificateIssuedDate', 'Certificate issued date', false),
      text('changeofnamecertificatedvsOldGivenName', 'Previous given name', false, NAME_PATTERN),
      text('changeofnamecertificatedvsOldMiddleName', 'Previous middle name', false, NAME_PATTERN),
      text('changeofnamecertificatedvsOldSurname', 'Previous surname', false, NAME_PATTERN),
    ],
    engine: {
      changeofnamecertificatedvsRegistrationNumber: 'registration_number',
      changeofnamecertificatedvsRegistrationState: 'registration_state',
      changeofnamecertificatedvsRegistrationYear: 'registration_year',
      changeofnamecertificatedvsRegistrationDate: 'registration_date',
      changeofnamecertificatedvsCertificateNumber: 'certificate_number',
      changeofnamecertificatedvsCertificateIssuedDate: 'certificate_issued_date',
      changeofnamecertificatedvsOldGivenName: 'old_givenname',
      changeofnamecertificatedvsOldMiddleName: 'old_middlename',
      changeofnamecertificatedvsOldSurname: 'old_surname',
    },
  },
  {
    group: 'marriageCertificate',
    sources: ['marriagecertificatedvs'],
    sample: 'certificate.svg',
    help: 'The registration number and year are near the top of the certificate; the certificate number and issued date at the bottom.',
    fields: [
      text('marriagecertificatedvsRegistrationNumber', 'Registration number', false, '^[A-Za-z0-9/-]{1,12}$'),
      stateSelect('marriagecertificatedvsRegistrationState', 'State of registration'),
      text('marriagecertificatedvsRegistrationYear', 'Registration year', false, '^[0-9]{4}$', 'the year, e.g. 2010'),
      text('marriagecertificatedvsCertificateNumber', 'Certificate number', false, '^[A-Za-z0-9/-]{1,12}$'),
      date('marriagecertificatedvsCertificateIssuedDate', 'Certificate issued date', false),
    ],
    engine: {
      marriagecertificatedvsRegistrationNumber: 'registration_number',
      marriagecertificatedvsRegistrationState: 'registration_state',
      marriagecertificatedvsRegistrationYear: 'registration_year',
      marriagecertificatedvsCertificateNumber: 'certificate_number',
      marriagecertificatedvsCertificateIssuedDate: 'certificate_issued_date',
    },
  },
];

/**
 * "When input `when` is one of `in` (and `filled` is filled, and the date in `dated.input` is in range),
 * input `require` is required": a group's requirements that depend on other inputs, in its inputs' names,
 * so the component checks what the server checks before anything is sent.
 */
export interface FormsCondition {
  when: string;
  in: readonly string[];
  require: string;
  filled?: string;
  dated?: { input: string; onOrAfter?: string; before?: string };
}

/** Medicare's expiry by card colour (the server's own check is forms-request.ts medicareProblems). */
const MEDICARE_CONDITIONS: readonly FormsCondition[] = [
  { when: 'medicareCardColour', in: ['G', 'GREEN'], require: 'medicareExpiryMonth' },
  { when: 'medicareCardColour', in: ['G', 'GREEN'], require: 'medicareExpiryYear' },
  { when: 'medicareCardColour', in: ['Y', 'YELLOW', 'B', 'BLUE'], require: 'medicareExpiryDate' },
];

/** The group's input-dependent requirements: the catalogue's state rules of its source, in input names. */
export function groupConditions(group: FormsSourceGroup): FormsCondition[] {
  if (group.group === 'medicare') return [...MEDICARE_CONDITIONS];
  if (group.sources.length !== 1) return [];
  const inputOf = (field: string) => Object.entries(group.engine).find(([, f]) => f === field)?.[0];
  const source = catalogueSource(group.sources[0] ?? '');
  return (source?.requiredWhen ?? []).flatMap((cond): FormsCondition[] => {
    const when = inputOf(cond.when);
    const require = inputOf(cond.require);
    const filled = cond.filled === undefined ? undefined : inputOf(cond.filled);
    const dated = cond.dated === undefined ? undefined : inputOf(cond.dated.field);
    if (!when || !require || (cond.filled !== undefined && !filled) || (cond.dated !== undefined && !dated)) return [];
    return [
      {
        when,
        in: cond.in,
        require,
        ...(filled ? { filled } : {}),
        ...(cond.dated && dated
          ? {
              dated: {
                input: dated,
                ...(cond.dated.onOrAfter ? { onOrAfter: cond.dated.onOrAfter } : {}),
                ...(cond.dated.before ? { before: cond.dated.before } : {}),
              },
            }
          : {}),
      },
    ];
  });
}

/** The group whose inputs verify this source, if any. */
export function groupOfSource(sourceId: string): FormsSourceGroup | undefined {
  return SOURCE_GROUPS.find((g) => g.sources.includes(sourceId));
}

/** Every input name the service takes for personal details, address and sources. */
export const ALL_FORMS_FIELDS: readonly FormsField[] = [
  ...PERSONAL_FIELDS,
  ...ADDRESS_FIELDS,
  ...PREVIOUS_ADDRESS_FIELDS,
  ...DOCUMENT_DETAIL_FIELDS,
  ...SOURCE_GROUPS.flatMap((g) => g.fields),
];
