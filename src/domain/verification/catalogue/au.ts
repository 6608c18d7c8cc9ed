// Australian sources (seed 001 "Supported Verification Sources", seed 002 tables, research §5.1).
// Source ids are greenID's where known (research §5.1); ids marked "ours" were not retrieved.
import type { AuState } from '../validation-rules.ts';
import { AU_STATES } from '../validation-rules.ts';
import {
  AU_ADDRESS_FIELDS,
  NAME_DOB_FIELDS,
  NAME_FIELDS,
  BOTH,
  NAME_ADDRESS,
  NAME_DOB,
  TANDC,
  backgroundSource,
  interactiveSource,
  textField,
  type FieldDefinition,
  type SourceDefinition,
} from './definitions.ts';

const OPTIONAL_DOB: FieldDefinition = {
  field: 'dob',
  label: 'Date of birth',
  type: 'text',
  required: false,
  rule: 'date',
  prefill: 'dob',
};
const STATES_EXCEPT = (...except: AuState[]) => AU_STATES.filter((s) => !except.includes(s));

function document(
  sourceId: string,
  name: string,
  order: number,
  own: FieldDefinition[],
  extra: Partial<SourceDefinition> = {},
): SourceDefinition {
  return interactiveSource('AU', sourceId, name, order, NAME_DOB, [...own, ...NAME_DOB_FIELDS], extra);
}

const text = textField;
const stateSelect: FieldDefinition = {
  field: 'registration_state',
  label: 'State of registration',
  type: 'select',
  required: true,
  rule: 'auState',
  options: AU_STATES,
};

function licence(state: AuState, order: number): SourceDefinition {
  return document(
    `${state.toLowerCase()}regodvs`,
    `${state} Driver's Licence (DVS)`,
    order,
    [
      text('number', "Driver's licence number", `licence${state}`),
      text('cardnumber', 'Card number', `licenceCard${state}`, false),
    ],
    { documentType: 'DRIVERS_LICENCE', documentSubRegion: state },
  );
}

/** Background-only AU sources, in stub-position order (positions are in stubs/background-au.ts). */
const AU_BACKGROUND: readonly SourceDefinition[] = [
  backgroundSource('wp', 'White Pages', 'AU', 'identity', NAME_ADDRESS, 505),
  backgroundSource('fcs', 'FCS Public Number Directory', 'AU', 'identity', NAME_ADDRESS, 506),
  backgroundSource('asic', 'ASIC Personal Name Search', 'AU', 'identity', BOTH, 507),
  backgroundSource('tenancy', 'Australian Tenancy File', 'AU', 'identity', BOTH, 508),
  backgroundSource('fnsnad', 'FNS NAD File', 'AU', 'identity', NAME_ADDRESS, 509),
  backgroundSource('claims', 'Australian Claims Database', 'AU', 'identity', BOTH, 510),
  backgroundSource('dnb', 'illion Credit Header', 'AU', 'creditHeader', BOTH, 514),
  backgroundSource('fraudcheck', 'greenID fraud check', 'AU', 'fraud', [], 516),
  backgroundSource('experian', 'Experian Credit Header', 'AU', 'creditHeader', BOTH, 517),
  backgroundSource('datacoop', 'Data Co-op Database', 'AU', 'identity', BOTH, 518),
  backgroundSource(
    'illionbanking',
    'illion credit header - Australian banking & finance segment',
    'AU',
    'creditHeader',
    BOTH,
    519,
  ),
  backgroundSource(
    'illiontelco',
    'illion credit header - Australian telecommunications segment',
    'AU',
    'creditHeader',
    BOTH,
    520,
  ),
  backgroundSource(
    'illionutilities',
    'illion credit header - Australian utilities segment',
    'AU',
    'creditHeader',
    BOTH,
    521,
  ),
  backgroundSource(
    'illionpublic',
    'illion credit header - Australian public records segment',
    'AU',
    'creditHeader',
    BOTH,
    522,
  ),
  backgroundSource('payroll', 'Payroll Data', 'AU', 'identity', BOTH, 525),
  backgroundSource('superannuation', 'Superannuation Data', 'AU', 'identity', BOTH, 526),
  backgroundSource('gbgalert', 'GBG Alert', 'AU', 'fraud', [], 527),
  backgroundSource('visaentitlement', 'Visa Entitlement Check', 'AU', 'entitlement', [], 528),
];

/** Electoral rolls: background and interactive (the interactive stub is keyed on street number / year of birth). */
const AU_ROLLS: readonly SourceDefinition[] = [
  {
    sourceId: 'aec',
    name: 'Australian Electoral Roll',
    country: 'AU',
    background: true,
    interactive: true,
    category: 'identity',
    confirms: NAME_ADDRESS,
    order: 40,
    version: 1,
    fields: [...NAME_FIELDS, OPTIONAL_DOB, ...AU_ADDRESS_FIELDS, TANDC],
  },
  {
    sourceId: 'waec',
    name: 'Western Australian Electoral Roll',
    country: 'AU',
    background: true,
    interactive: true,
    category: 'identity',
    confirms: NAME_ADDRESS,
    order: 41,
    version: 1,
    fields: [...NAME_FIELDS, ...AU_ADDRESS_FIELDS, TANDC],
  },
  {
    sourceId: 'vicec',
    name: 'Victorian Electoral Roll',
    country: 'AU',
    background: true,
    interactive: true,
    category: 'identity',
    confirms: BOTH,
    order: 42,
    version: 1,
    fields: [...NAME_DOB_FIELDS, ...AU_ADDRESS_FIELDS, TANDC],
  },
];

const AU_DOCUMENTS: readonly SourceDefinition[] = [
  document(
    'passportdvs',
    'Australian Passport (DVS)',
    10,
    [
      text('number', 'Passport number', 'auPassportNumber'),
      { field: 'gender', label: 'Gender', type: 'select', required: false, rule: 'gender', options: ['M', 'F'] },
    ],
    { documentType: 'PASSPORT' },
  ),
  ...AU_STATES.map((s, i) => licence(s, 20 + i)),
  {
    sourceId: 'medicaredvs',
    name: 'Medicare (DVS)',
    country: 'AU',
    background: false,
    interactive: true,
    category: 'identity',
    confirms: NAME_DOB,
    order: 30,
    version: 1,
    // Medicare has no name fields of its own: the name on card defaults to the person's.
    fields: [
      text('number', 'Medicare card number', 'medicareNumber'),
      text('individualReferenceNumber', 'Individual reference number', 'medicareIrn'),
      text('nameOnCard', 'Name on card', 'name', false),
      {
        field: 'cardColour',
        label: 'Card colour',
        type: 'select',
        required: true,
        rule: 'medicareColour',
        options: ['G', 'Y', 'B'],
      },
      // seed 001 v3.0: "Added local mandatory check on Medicare expiry year field".
      text('expiry', 'Expiry date', 'medicareExpiry'),
      { field: 'dob', label: 'Date of birth', type: 'text', required: true, rule: 'date', prefill: 'dob' },
      TANDC,
    ],
    // seed 001: green cards expire MM/YYYY; yellow and blue cards carry a full date.
    formatWhen: [
      { when: 'cardColour', in: ['G', 'GREEN'], field: 'expiry', rule: 'monthYear' },
      { when: 'cardColour', in: ['Y', 'B', 'YELLOW', 'BLUE'], field: 'expiry', rule: 'date' },
    ],
  },
  document(
    'visadvs',
    'Australian Visa (DVS)',
    31,
    [
      text('passport_number', 'Passport number', 'passportNumber'),
      // seed 001: "Country of issue must be the 3 letter country code" (the research saw Germany = `D`; seed wins).
      text('country_of_issue', 'Country of issue', 'countryCode3'),
    ],
    { documentType: 'PASSPORT' },
  ),
  document('visa', 'Employment Visa', 32, [
    text('number', 'Passport number', 'passportNumber'),
    text('country', 'Country of issue', 'countryCode3'),
  ]),
  document('medibank', 'Medibank Private', 33, [text('number', 'Membership number', 'medibankNumber')]),
  {
    ...document('birthcertificatedvs', 'Birth Certificate (DVS)', 34, [
      text('registration_number', 'Registration number', 'registrationNumber'),
      // seed 001's input notes list five states, but its v4.1 release note fixed the field "showing only
      // 5 states": the newer note wins, all eight states are accepted.
      stateSelect,
      text('registration_year', 'Registration year', 'year', false),
      text('registration_date', 'Registration date', 'date', false),
      text('certificate_number', 'Certificate number', 'certificateNumber', false),
      text('certificate_printed_date', 'Certificate printed date', 'date', false),
    ]),
    // seed 001: the registration year for NSW and VIC, for QLD registrations from 2/7/1996 and TAS ones from
    // 1/11/1999; the registration date for QLD and TAS; the certificate number for SA certificates printed
    // after 1/11/1999, and the printed date for SA.
    requiredWhen: [
      { when: 'registration_state', in: ['QLD', 'TAS'], require: 'registration_date' },
      { when: 'registration_state', in: ['NSW', 'VIC'], require: 'registration_year' },
      {
        when: 'registration_state',
        in: ['QLD'],
        require: 'registration_year',
        dated: { field: 'registration_date', onOrAfter: '1996-07-02' },
      },
      {
        when: 'registration_state',
        in: ['TAS'],
        require: 'registration_year',
        dated: { field: 'registration_date', onOrAfter: '1999-11-01' },
      },
      {
        when: 'registration_state',
        in: ['SA'],
        require: 'certificate_number',
        dated: { field: 'certificate_printed_date', onOrAfter: '1999-11-02' },
      },
      { when: 'registration_state', in: ['SA'], require: 'certificate_printed_date' },
    ],
  },
  document('citizenshipcertificatedvs', 'Australian Citizenship Certificate (DVS)', 35, [
    text('stock_number', 'Stock number', 'stockNumber'),
    text('acquisition_date', 'Acquisition date', 'date'),
  ]),
  // ours: the two citizenship-by-descent ids were not retrieved.
  document('descentpost2005dvs', 'Citizenship by descent (post-July 2005) (DVS)', 36, [
    text('client_id', 'Client Id', 'clientId'),
  ]),
  document('descentpre2005dvs', 'Citizenship by descent (pre-July 2005) (DVS)', 37, [
    text('register_number', 'Register number', 'registerNumber'),
    text('entry_number', 'Entry number', 'entryNumber'),
  ]),
  {
    ...document('marriagecertificatedvs', 'Marriage Certificate (DVS)', 38, [
      text('registration_number', 'Registration number', 'registrationNumber', false),
      stateSelect,
      text('registration_year', 'Registration year', 'year', false),
      text('certificate_number', 'Certificate number', 'certificateNumber', false),
      text('certificate_issued_date', 'Certificate issued date', 'date', false),
    ]),
    requiredWhen: [
      // seed 001: the registration number except for TAS certificates issued after 1/11/2000; the certificate
      // number for SA, NT and ACT certificates issued after 1/5/2002, with the issued date beside it.
      { when: 'registration_state', in: STATES_EXCEPT('TAS'), require: 'registration_number' },
      {
        when: 'registration_state',
        in: ['TAS'],
        require: 'registration_number',
        dated: { field: 'certificate_issued_date', before: '2000-11-02' },
      },
      { when: 'registration_state', in: ['NSW', 'VIC', 'WA', 'TAS'], require: 'registration_year' },
      { when: 'registration_state', in: ['SA', 'NT'], require: 'certificate_number' },
      { when: 'registration_state', in: ['SA', 'NT'], require: 'certificate_issued_date' },
      {
        when: 'registration_state',
        in: ['ACT'],
        require: 'certificate_number',
        dated: { field: 'certificate_issued_date', onOrAfter: '2002-05-02' },
      },
      { when: 'registration_state', in: ['ACT'], require: 'certificate_issued_date', filled: 'certificate_number' },
    ],
  },
  {
    ...document('changeofnamecertificatedvs', 'Change of Name Certificate (DVS)', 39, [
      text('registration_number', 'Registration number', 'registrationNumber'),
      stateSelect,
      text('registration_year', 'Registration year', 'year', false),
      text('registration_date', 'Registration date', 'date', false),
      text('certificate_number', 'Certificate number', 'certificateNumber', false),
      text('certificate_issued_date', 'Certificate issued date', 'date', false),
      text('old_givenname', 'Previous given name', 'name', false),
      text('old_middlename', 'Previous middle name', 'name', false),
      text('old_surname', 'Previous surname', 'name', false),
    ]),
    requiredWhen: [
      { when: 'registration_state', in: ['NSW', 'VIC', 'WA'], require: 'registration_year' },
      { when: 'registration_state', in: STATES_EXCEPT('QLD', 'TAS'), require: 'registration_date' },
      // seed 001: the certificate number for NT, NSW certificates issued after 1/7/2010, SA ones after
      // 1/11/1999 and ACT ones from 1/5/2002; the issued date by the same rules (with the number beside it).
      { when: 'registration_state', in: ['NT'], require: 'certificate_number' },
      { when: 'registration_state', in: ['NT'], require: 'certificate_issued_date' },
      {
        when: 'registration_state',
        in: ['NSW'],
        require: 'certificate_number',
        dated: { field: 'certificate_issued_date', onOrAfter: '2010-07-02' },
      },
      {
        when: 'registration_state',
        in: ['SA'],
        require: 'certificate_number',
        dated: { field: 'certificate_issued_date', onOrAfter: '1999-11-02' },
      },
      {
        when: 'registration_state',
        in: ['ACT'],
        require: 'certificate_number',
        dated: { field: 'certificate_issued_date', onOrAfter: '2002-05-01' },
      },
      {
        when: 'registration_state',
        in: ['NSW', 'SA', 'ACT'],
        require: 'certificate_issued_date',
        filled: 'certificate_number',
      },
      { when: 'registration_state', in: STATES_EXCEPT('NSW', 'QLD', 'VIC', 'WA'), require: 'old_givenname' },
      { when: 'registration_state', in: STATES_EXCEPT('NSW', 'QLD', 'VIC', 'WA'), require: 'old_surname' },
    ],
  },
  document('immicarddvs', 'ImmiCard (DVS)', 43, [text('card_number', 'ImmiCard number', 'immiCardNumber')]),
  document('registrationbydescentdvs', 'Registration by Descent Certificate (DVS)', 44, [
    text('stock_number', 'Stock number', 'stockNumber'),
  ]),
  document('centrelinkdvs', 'Centrelink card (DVS)', 45, [
    text('crn', 'Customer reference number (CRN)', 'centrelinkCrn'),
  ]),
];

export const AU_SOURCES: readonly SourceDefinition[] = [...AU_ROLLS, ...AU_BACKGROUND, ...AU_DOCUMENTS];
