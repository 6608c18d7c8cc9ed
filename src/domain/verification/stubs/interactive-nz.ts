// Seed 002 "Codes for interactive checks (New Zealand)": columns Verified, Verified With Changes, Pending
// Review, Error (no Not Contributing column for NZ).
import { columns, type InteractiveStubTable } from './interactive-table.ts';

export const NZ_INTERACTIVE_STUBS: readonly InteractiveStubTable[] = [
  {
    title: "NZ Transport Authority Driver's Licence",
    sourceIds: ['nzdriverslicence'],
    field: 'number',
    read: 'value',
    rows: columns(['11111111', 'AA111111'], null, ['33333333', 'AA333333'], ['44444444', 'AA444444']),
  },
  {
    title: 'NZ Passport',
    sourceIds: ['nzpassport'],
    field: 'number',
    read: 'value',
    rows: columns('A1111111', 'A2222222', 'A3333333', 'A4444444'),
  },
  {
    title: 'NZ Birth Certificate',
    sourceIds: ['nzbirthcertificate'],
    field: 'dob',
    read: 'yearOfDob',
    rows: columns('1901', '1902', '1903', '1904'),
  },
  {
    title: 'NZ Citizenship',
    sourceIds: ['nzcitizenship'],
    field: 'dob',
    read: 'yearOfDob',
    rows: columns('1901', '1902', '1903', '1904'),
  },
  {
    title: 'Automobile Association Membership',
    sourceIds: ['nzaa'],
    field: 'number',
    read: 'value',
    rows: [
      { code: '3083261111111111', outcome: 'VERIFIED', confirms: ['nameDob', 'nameAddress'] },
      { code: '3083261111111112', outcome: 'VERIFIED', confirms: ['nameAddress'] },
      { code: '3083261111111113', outcome: 'VERIFIED', confirms: ['nameDob'] },
      ...columns(null, '3083262222222222', '3083263333333333', '3083264444444444'),
    ],
  },
  {
    title: 'White Pages',
    sourceIds: ['nzwhitepages'],
    field: 'streetnumber',
    read: 'value',
    rows: columns('1', '2', '3', '4'),
  },
];
