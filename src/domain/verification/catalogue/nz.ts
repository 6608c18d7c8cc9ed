// New Zealand sources (seed 002 NZ tables, research §5.1 "NZ sources (partial)"). Ids marked "ours" were
// not retrieved from greenID.
import {
  NAME_DOB_FIELDS,
  NAME_FIELDS,
  NZ_ADDRESS_FIELDS,
  BOTH,
  NAME_ADDRESS,
  NAME_DOB,
  backgroundSources,
  illionSegments,
  interactiveSource,
  textField,
  type FieldDefinition,
  type SourceDefinition,
} from './definitions.ts';

function interactive(
  sourceId: string,
  name: string,
  order: number,
  confirms: SourceDefinition['confirms'],
  fields: FieldDefinition[],
  extra: Partial<SourceDefinition> = {},
): SourceDefinition {
  return interactiveSource('NZ', sourceId, name, order, confirms, fields, extra);
}
const text = textField;

/** Background-only NZ sources (ours, all ids); positions in stubs/background-nz.ts. */
const NZ_BACKGROUND: readonly SourceDefinition[] = backgroundSources('NZ', [
  ['nzdiabirths', 'DIA Births', 'identity', NAME_DOB, 604],
  ['nzcompanies', 'NZ Companies Office Directors and Shareholders Database', 'identity', NAME_ADDRESS, 605],
  ['nzdiacitizenship', 'DIA Citizenship', 'identity', NAME_DOB, 606],
  ['nzillion', 'illion Credit Header (NZ)', 'creditHeader', BOTH, 607],
  ['nzlinz', 'LINZ Property Ownership Database', 'identity', NAME_ADDRESS, 608],
  ['nztinz', 'Tenancy Information NZ (TINZ)', 'identity', NAME_ADDRESS, 609],
  ['nzexperian', 'Experian Credit Header (NZ)', 'creditHeader', BOTH, 610],
  ['nzcentrix', 'Centrix Credit Header', 'creditHeader', BOTH, 611],
  ['nzppsr', 'NZ PPSR', 'identity', NAME_DOB, 612],
  ['nztenancy', 'NZ Tenancy (illion)', 'identity', NAME_ADDRESS, 613],
  ...illionSegments('nz', 'NZ', 614),
]);

const NZ_INTERACTIVE: readonly SourceDefinition[] = [
  interactive(
    'nzdriverslicence',
    "NZ Transport Authority Driver's Licence",
    110,
    NAME_DOB,
    [
      text('number', "Driver's licence number", 'nzLicenceNumber'),
      text('version', 'Licence version number', 'nzLicenceVersion', false),
      ...NAME_DOB_FIELDS,
    ],
    { documentType: 'DRIVERS_LICENCE' },
  ),
  interactive(
    'nzpassport',
    'NZ Passport',
    111,
    NAME_DOB,
    [text('number', 'Passport number', 'nzPassportNumber'), ...NAME_DOB_FIELDS],
    { documentType: 'PASSPORT' },
  ),
  interactive('nzbirthcertificate', 'NZ Birth Certificate', 112, NAME_DOB, [...NAME_DOB_FIELDS]),
  interactive('nzcitizenship', 'NZ Citizenship', 113, NAME_DOB, [...NAME_DOB_FIELDS]),
  interactive('nzaa', 'Automobile Association Membership', 114, BOTH, [
    text('number', 'Membership number', 'aaMembershipNumber'),
    ...NAME_DOB_FIELDS,
    ...NZ_ADDRESS_FIELDS,
  ]),
  interactive('nzwhitepages', 'White Pages (NZ)', 115, NAME_ADDRESS, [...NAME_FIELDS, ...NZ_ADDRESS_FIELDS]),
];

export const NZ_SOURCES: readonly SourceDefinition[] = [...NZ_BACKGROUND, ...NZ_INTERACTIVE];
