// Seed 002 "Codes for interactive checks (Australia)", one table per row of the seed, columns in the seed's
// order: Verified, Verified With Changes, Pending Review, Error, Not Contributing (null = blank in the seed).
import { AU_STATES } from '../validation-rules.ts';
import { columns, type InteractiveStubTable } from './interactive-table.ts';

const EIGHT = columns('11111111', '22222222', '33333333', '44444444');

export const AU_INTERACTIVE_STUBS: readonly InteractiveStubTable[] = [
  {
    title: 'Australian Electoral Roll (AML version)',
    sourceIds: ['aec'],
    field: 'streetnumber',
    read: 'value',
    rows: columns('1', '2', '3', '4'),
  },
  {
    title: 'Australian Passport - DVS',
    sourceIds: ['passportdvs'],
    field: 'number',
    read: 'value',
    rows: columns('A1111111', 'A2222222', 'A3333333', 'A4444444', 'A6666666'),
  },
  {
    title: 'Australian Visa - DVS',
    sourceIds: ['visadvs'],
    field: 'passport_number',
    read: 'value',
    rows: columns('A1111111', 'A2222222', 'A3333333', 'A4444444', 'A6666666'),
  },
  {
    title: 'Employment Visa',
    sourceIds: ['visa'],
    field: 'number',
    read: 'value',
    rows: columns('A1111111', 'A2222222', 'A3333333', 'A4444444'),
  },
  {
    title: 'Medicare',
    sourceIds: ['medicaredvs'],
    field: 'number',
    read: 'value',
    rows: columns('2111111111', null, '3333333303', '4444444404', '6666666606'),
  },
  {
    title: "All driver's licences",
    sourceIds: AU_STATES.map((s) => `${s.toLowerCase()}regodvs`),
    field: 'number',
    read: 'value',
    rows: columns('11111111', null, '33333333', '44444444'),
  },
  {
    title: 'WA Electoral Roll',
    sourceIds: ['waec'],
    field: 'streetnumber',
    read: 'value',
    rows: columns('1', '2', '3', '4'),
  },
  {
    title: 'VIC Electoral Roll',
    sourceIds: ['vicec'],
    field: 'dob',
    read: 'yearOfDob',
    rows: columns('1901', '1902', '1903', '1904'),
  },
  { title: 'Medibank Private', sourceIds: ['medibank'], field: 'number', read: 'value', rows: EIGHT },
  {
    title: 'Birth Certificate - DVS',
    sourceIds: ['birthcertificatedvs'],
    field: 'registration_number',
    read: 'value',
    rows: EIGHT,
  },
  {
    title: 'Australian Citizenship Certificate - DVS',
    sourceIds: ['citizenshipcertificatedvs'],
    field: 'stock_number',
    read: 'value',
    rows: EIGHT,
  },
  {
    title: 'Citizenship by descent (post-July 2005) - DVS',
    sourceIds: ['descentpost2005dvs'],
    field: 'client_id',
    read: 'value',
    rows: columns('11111111111', '22222222222', '33333333333', '44444444444'),
  },
  // The seed gives the pre-July 2005 source two nominated fields; Register No. is read first.
  {
    title: 'Citizenship by descent (pre-July 2005) - DVS (Register No.)',
    sourceIds: ['descentpre2005dvs'],
    field: 'register_number',
    read: 'value',
    rows: columns('1111', '2222', '3333', '4444'),
  },
  {
    title: 'Citizenship by descent (pre-July 2005) - DVS (Entry No.)',
    sourceIds: ['descentpre2005dvs'],
    field: 'entry_number',
    read: 'value',
    rows: columns('11111', '22222', '33333', '44444'),
  },
  {
    title: 'Marriage Certificate - DVS',
    sourceIds: ['marriagecertificatedvs'],
    field: 'registration_number',
    read: 'value',
    rows: EIGHT,
  },
  {
    title: 'Change of Name Certificate - DVS',
    sourceIds: ['changeofnamecertificatedvs'],
    field: 'registration_number',
    read: 'value',
    rows: EIGHT,
  },
  {
    title: 'Immi Card - DVS',
    sourceIds: ['immicarddvs'],
    field: 'card_number',
    read: 'value',
    rows: columns('AAA111111', 'AAA222222', 'AAA333333', 'AAA444444'),
  },
  {
    title: 'Registration by Descent Certificate - DVS',
    sourceIds: ['registrationbydescentdvs'],
    field: 'stock_number',
    read: 'value',
    rows: EIGHT,
  },
  {
    title: 'Centrelink card - DVS',
    sourceIds: ['centrelinkdvs'],
    field: 'crn',
    read: 'value',
    rows: columns('111111111A', null, '333333333A', '444444444A', '666666666A'),
  },
];
