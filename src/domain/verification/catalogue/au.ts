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
  backgroundSources,
  illionSegments,
  interactiveSource,
  rollSource,
  textField,
  type ConditionalRequirement,
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
/** The Australian Electoral Roll's property name (seed 001 v4.1: "Added additional fields for AEC - Date of Birth and Property Name"). */
const PROPERTY_NAME: FieldDefinition = {
  field: 'propertyname',
  label: 'Property name',
  type: 'text',
  required: false,
  rule: 'text',
  prefill: 'propertyName',
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
const AU_BACKGROUND: readonly SourceDefinition[] = backgroundSources('AU', [
  ['wp', 'White Pages', 'identity', NAME_ADDRESS, 505],
  ['fcs', 'FCS Public Number Directory', 'identity', NAME_ADDRESS, 506],
  ['asic', 'ASIC Personal Name Search', 'identity', BOTH, 507],
  ['tenancy', 'Australian Tenancy File', 'identity', BOTH, 508],
  ['fnsnad', 'FNS NAD File', 'identity', NAME_ADDRESS, 509],
  ['claims', 'Australian Claims Database', 'identity', BOTH, 510],
  ['dnb', 'illion Credit Header', 'creditHeader', BOTH, 514],
  ['fraudcheck', 'greenID fraud check', 'fraud', [], 516],
  ['experian', 'Experian Credit Header', 'creditHeader', BOTH, 517],
  ['datacoop', 'Data Co-op Database', 'identity', BOTH, 518],
  ...illionSegments('', 'Australian', 519),
  ['payroll', 'Payroll Data', 'identity', BOTH, 525],
  ['superannuation', 'Superannuation Data', 'identity', BOTH, 526],
  ['gbgalert', 'GBG Alert', 'fraud', [], 527],
  ['visaentitlement', 'Visa Entitlement Check', 'entitlement', [], 528],
]);

/** Electoral rolls: background and interactive (the interactive stub is keyed on street number / year of birth). */
const AU_ROLLS: readonly SourceDefinition[] = [
  rollSource('AU', 'aec', 'Australian Electoral Roll', 40, NAME_ADDRESS, [
    ...NAME_FIELDS,
    OPTIONAL_DOB,
    PROPERTY_NAME,
    ...AU_ADDRESS_FIELDS,
  ]),
  rollSource('AU', 'waec', 'Western Australian Electoral Roll', 41, NAME_ADDRESS, [
    ...NAME_FIELDS,
    ...AU_ADDRESS_FIELDS,
  ]),
  rollSource('AU', 'vicec', 'Victorian Electoral Roll', 42, BOTH, [...NAME_DOB_FIELDS, ...AU_ADDRESS_FIELDS]),
];

/** "When the registration state is one of `states`, `require` is required", with the seed's date or filled-in condition. */
function byState(
  states: readonly string[],
  require: string,
  condition: Pick<ConditionalRequirement, 'dated' | 'filled'> = {},
): ConditionalRequirement {
  return { when: 'registration_state', in: states, require, ...condition };
}
/** The same, only when the date in `field` is on or after `day`. */
const datedFrom = (states: readonly string[], require: string, field: string, day: string) =>
  byState(states, require, { dated: { field, onOrAfter: day } });

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
  // Medicare has no name fields of its own: the name on card defaults to the person's.
  interactiveSource(
    'AU',
    'medicaredvs',
    'Medicare (DVS)',
    30,
    NAME_DOB,
    [
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
    ],
    // seed 001: green cards expire MM/YYYY; yellow and blue cards carry a full date.
    {
      formatWhen: [
        { when: 'cardColour', in: ['G', 'GREEN'], field: 'expiry', rule: 'monthYear' },
        { when: 'cardColour', in: ['Y', 'B', 'YELLOW', 'BLUE'], field: 'expiry', rule: 'date' },
      ],
    },
  ),
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
      byState(['QLD', 'TAS'], 'registration_date'),
      byState(['NSW', 'VIC'], 'registration_year'),
      datedFrom(['QLD'], 'registration_year', 'registration_date', '1996-07-02'),
      datedFrom(['TAS'], 'registration_year', 'registration_date', '1999-11-01'),
      datedFrom(['SA'], 'certificate_number', 'certificate_printed_date', '1999-11-02'),
      byState(['SA'], 'certificate_printed_date'),
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
      byState(STATES_EXCEPT('TAS'), 'registration_number'),
      byState(['TAS'], 'registration_number', { dated: { field: 'certificate_issued_date', before: '2000-11-02' } }),
      byState(['NSW', 'VIC', 'WA', 'TAS'], 'registration_year'),
      byState(['SA', 'NT'], 'certificate_number'),
      byState(['SA', 'NT'], 'certificate_issued_date'),
      datedFrom(['ACT'], 'certificate_number', 'certificate_issued_date', '2002-05-02'),
      byState(['ACT'], 'certificate_issued_date', { filled: 'certificate_number' }),
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
      byState(['NSW', 'VIC', 'WA'], 'registration_year'),
      byState(STATES_EXCEPT('QLD', 'TAS'), 'registration_date'),
      // seed 001: the certificate number for NT, NSW certificates issued after 1/7/2010, SA ones after
      // 1/11/1999 and ACT ones from 1/5/2002; the issued date by the same rules (with the number beside it).
      byState(['NT'], 'certificate_number'),
      byState(['NT'], 'certificate_issued_date'),
      datedFrom(['NSW'], 'certificate_number', 'certificate_issued_date', '2010-07-02'),
      datedFrom(['SA'], 'certificate_number', 'certificate_issued_date', '1999-11-02'),
      datedFrom(['ACT'], 'certificate_number', 'certificate_issued_date', '2002-05-01'),
      byState(['NSW', 'SA', 'ACT'], 'certificate_issued_date', { filled: 'certificate_number' }),
      byState(STATES_EXCEPT('NSW', 'QLD', 'VIC', 'WA'), 'old_givenname'),
      byState(STATES_EXCEPT('NSW', 'QLD', 'VIC', 'WA'), 'old_surname'),
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
