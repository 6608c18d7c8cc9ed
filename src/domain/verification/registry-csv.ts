// Registry records from already-parsed CSV rows (header → value objects, as csv-parse `columns: true` gives).
// Header names are matched case-insensitively, ignoring spaces, underscores and hyphens, through
// COLUMN_ALIASES. A row needs a surname and, when it has a date of birth, a real one (DATE_FORMATS of
// normalise.ts); dates are stored as ISO `YYYY-MM-DD`. Problems name the 1-based data row and the column.
import type { Address } from './types.ts';
import { parseDate } from './normalise.ts';
import type { RegistryRecord } from './registry.ts';

type RecordColumn = 'recordId' | 'givenName' | 'middleNames' | 'surname' | 'dob';
type AddressColumn =
  'flatNumber' | 'streetNumber' | 'streetName' | 'streetType' | 'suburb' | 'state' | 'postcode' | 'country';

export const COLUMN_ALIASES: Record<RecordColumn | AddressColumn, readonly string[]> = {
  recordId: ['id', 'recordid', 'reference', 'ref'],
  givenName: ['givenname', 'givennames', 'firstname', 'forename', 'given'],
  middleNames: ['middlenames', 'middlename', 'othernames'],
  surname: ['surname', 'familyname', 'lastname'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'born'],
  flatNumber: ['flatnumber', 'flat', 'unit', 'unitnumber'],
  streetNumber: ['streetnumber', 'number', 'housenumber'],
  streetName: ['streetname', 'street'],
  streetType: ['streettype'],
  suburb: ['suburb', 'locality', 'city', 'town', 'towncity'],
  state: ['state', 'region'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode'],
  country: ['country'],
};

const ADDRESS_COLUMNS: readonly AddressColumn[] = [
  'flatNumber',
  'streetNumber',
  'streetName',
  'streetType',
  'suburb',
  'state',
  'postcode',
  'country',
];

export interface RegistryRowProblem {
  row: number;
  field: string;
  message: string;
}

const key = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

function columnOf(header: string): RecordColumn | AddressColumn | null {
  const k = key(header);
  const hit = Object.entries(COLUMN_ALIASES).find(([, aliases]) => aliases.includes(k));
  return hit ? (hit[0] as RecordColumn | AddressColumn) : null;
}

/** The accepted header names, one per column, as the README lists them. */
export const ACCEPTED_HEADERS =
  'id, given name, middle names, surname, dob, flat number, street number, street name, street type, suburb, state, postcode, country';

/** The header row's problems: a column pono does not know would be dropped without a word, so it is named. */
export function registryHeaderProblems(headers: readonly string[]): RegistryRowProblem[] {
  return headers
    .filter((header) => columnOf(header) === null)
    .map((header) => ({
      row: 0,
      field: header,
      message: `the header row has a column pono does not know: "${header.slice(0, 64)}"; the accepted columns are ${ACCEPTED_HEADERS} (case, spaces, hyphens and underscores do not matter)`,
    }));
}

/** One data row (`at` is its 1-based number) → its record, or the problems that keep it out. */
export function parseRegistryRow(
  row: Readonly<Record<string, string>>,
  at: number,
): { record: RegistryRecord; problems: RegistryRowProblem[] } {
  const values: Partial<Record<RecordColumn | AddressColumn, string>> = {};
  for (const [header, raw] of Object.entries(row)) {
    const column = columnOf(header);
    const value = (raw ?? '').trim();
    if (column && value !== '') values[column] = value;
  }
  const problems: RegistryRowProblem[] = [];
  if (!values.surname) problems.push({ row: at, field: 'surname', message: `row ${at}: surname is required` });
  let dob: string | undefined;
  if (values.dob !== undefined) {
    dob = parseDate(values.dob) ?? undefined;
    if (dob === undefined)
      problems.push({ row: at, field: 'dob', message: `row ${at}: "${values.dob}" is not a date` });
  }
  const address: Address = {};
  for (const c of ADDRESS_COLUMNS) if (values[c] !== undefined) address[c] = values[c];
  const record: RegistryRecord = {};
  if (values.recordId) record.recordId = values.recordId;
  if (values.givenName) record.givenName = values.givenName;
  if (values.middleNames) record.middleNames = values.middleNames;
  if (values.surname) record.surname = values.surname;
  if (dob) record.dob = dob;
  if (Object.keys(address).length > 0) record.address = address;
  return { record, problems };
}

/** Every row of a file at once: the records of the good rows, and every problem (header first). */
export function parseRegistryRows(rows: readonly Record<string, string>[]): {
  records: RegistryRecord[];
  problems: RegistryRowProblem[];
} {
  const headerProblems = registryHeaderProblems(Object.keys(rows[0] ?? {}));
  if (headerProblems.length > 0) return { records: [], problems: headerProblems };
  const records: RegistryRecord[] = [];
  const problems: RegistryRowProblem[] = [];
  rows.forEach((row, index) => {
    const parsed = parseRegistryRow(row, index + 1);
    if (parsed.problems.length > 0) problems.push(...parsed.problems);
    else records.push(parsed.record);
  });
  return { records, problems };
}

/** Rows given as arrays with a header row first → header-keyed objects for parseRegistryRows. */
export function rowsFromTable(table: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...rest] = table;
  if (!header) return [];
  return rest.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}
