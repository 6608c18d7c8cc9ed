// Immigration-record files (docs/records.md): a JSON array, NDJSON (one record per line), or CSV with one row
// per identity whose nested parts (other names, address, relationships, travel documents, movements, visas,
// alerts) are JSON in their own columns. Parsing only turns text into record-shaped values and remembers
// where each came from; the store checks them against the domain schema.
import { parse as parseCsv } from 'csv-parse/sync';
import type { ImmigrationRecord } from '../../domain/records/index.ts';

export type RecordsFormat = 'json' | 'ndjson' | 'csv';

export interface FileProblem {
  /** Where in the file, e.g. "line 4" or "row 3 (line 4), column movements". */
  where: string;
  message: string;
}

export interface ParsedRecordsFile {
  records: unknown[];
  /** Where each record came from, by index (for naming a record's problems). */
  origins: string[];
  problems: FileProblem[];
}

/** The CSV columns, in order. Every column must be present in the header; extra columns are refused. */
export const CSV_COLUMNS = [
  'clientId',
  'identityId',
  'givenNames',
  'middleNames',
  'familyName',
  'gender',
  'dateOfBirth',
  'countryOfBirth',
  'photoName',
  'photoRef',
  'otherNames',
  'latestAddress',
  'relationships',
  'travelDocuments',
  'movements',
  'visas',
  'alerts',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const JSON_ARRAY_COLUMNS = ['otherNames', 'relationships', 'travelDocuments', 'movements', 'visas', 'alerts'] as const;

export function formatFromName(fileName: string): RecordsFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

function jsonMessage(error: unknown): string {
  return `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
}

function parseNdjson(text: string): ParsedRecordsFile {
  const out: ParsedRecordsFile = { records: [], origins: [], problems: [] };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      out.records.push(JSON.parse(line) as unknown);
      out.origins.push(`line ${i + 1}`);
    } catch (error) {
      out.problems.push({ where: `line ${i + 1}`, message: jsonMessage(error) });
    }
  });
  return out;
}

function parseJson(text: string): ParsedRecordsFile {
  // A .json file holding one record per line is NDJSON too.
  if (!text.trimStart().startsWith('[')) return parseNdjson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], origins: [], problems: [{ where: 'file', message: jsonMessage(error) }] };
  }
  if (!Array.isArray(value))
    return { records: [], origins: [], problems: [{ where: 'file', message: 'must be a JSON array of records' }] };
  const records = value as unknown[];
  return { records, origins: records.map((_, i) => `record ${i + 1}`), problems: [] };
}

function parseCsvText(text: string): ParsedRecordsFile {
  const out: ParsedRecordsFile = { records: [], origins: [], problems: [] };
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    return {
      ...out,
      problems: [
        { where: 'file', message: `is not valid CSV (${error instanceof Error ? error.message : String(error)})` },
      ],
    };
  }
  const header = rows[0] ?? [];
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
    ];
    return {
      ...out,
      problems: [{ where: 'line 1 (header)', message: `columns: ${parts.filter(Boolean).join('; ')}` }],
    };
  }
  const index = new Map(header.map((h, i) => [h, i]));
  rows.slice(1).forEach((row, r) => {
    const where = `row ${r + 1} (line ${r + 2})`;
    const cell = (c: CsvColumn): string => row[index.get(c) ?? -1] ?? '';
    const json = (c: CsvColumn, empty: unknown): unknown => {
      const t = cell(c).trim();
      if (t === '') return empty;
      try {
        return JSON.parse(t) as unknown;
      } catch (error) {
        out.problems.push({ where: `${where}, column ${c}`, message: jsonMessage(error) });
        return empty;
      }
    };
    const nullable = (c: CsvColumn): string | null => (cell(c) === '' ? null : cell(c));
    const arrays = Object.fromEntries(JSON_ARRAY_COLUMNS.map((c) => [c, json(c, [])]));
    out.records.push({
      identity: {
        clientId: cell('clientId'),
        identityId: cell('identityId'),
        givenNames: cell('givenNames'),
        middleNames: nullable('middleNames'),
        familyName: cell('familyName'),
        otherNames: arrays.otherNames,
        gender: cell('gender'),
        dateOfBirth: cell('dateOfBirth'),
        countryOfBirth: cell('countryOfBirth'),
        photo:
          cell('photoName') === '' && cell('photoRef') === ''
            ? null
            : { name: cell('photoName'), ref: cell('photoRef') },
        latestAddress: json('latestAddress', null),
        relationships: arrays.relationships,
      },
      travelDocuments: arrays.travelDocuments,
      movements: arrays.movements,
      visas: arrays.visas,
      alerts: arrays.alerts,
    });
    out.origins.push(where);
  });
  return out;
}

export function parseRecordsFile(text: string, format: RecordsFormat): ParsedRecordsFile {
  switch (format) {
    case 'csv':
      return parseCsvText(text);
    case 'ndjson':
      return parseNdjson(text);
    case 'json':
      return parseJson(text);
  }
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

/** One record as a CSV row in the documented layout (the inverse of the CSV reader). */
export function csvRow(record: ImmigrationRecord): string {
  const i = record.identity;
  const cells: Record<CsvColumn, string> = {
    clientId: i.clientId,
    identityId: i.identityId,
    givenNames: i.givenNames,
    middleNames: i.middleNames ?? '',
    familyName: i.familyName,
    gender: i.gender,
    dateOfBirth: i.dateOfBirth,
    countryOfBirth: i.countryOfBirth,
    photoName: i.photo?.name ?? '',
    photoRef: i.photo?.ref ?? '',
    otherNames: JSON.stringify(i.otherNames),
    latestAddress: i.latestAddress === null ? '' : JSON.stringify(i.latestAddress),
    relationships: JSON.stringify(i.relationships),
    travelDocuments: JSON.stringify(record.travelDocuments),
    movements: JSON.stringify(record.movements),
    visas: JSON.stringify(record.visas),
    alerts: JSON.stringify(record.alerts),
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\n`;
}
