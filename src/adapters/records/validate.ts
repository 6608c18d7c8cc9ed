// Checks one immigration record before it is stored: the domain's TypeBox schema, then that every date and
// date-time names a real calendar day (the schema's patterns accept 2021-02-30). Problems are JSON pointers
// into the record, e.g. `/movements/3/dateTime`.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ImmigrationRecordSchema, type ImmigrationRecord } from '../../domain/records/index.ts';
import { parseIsoDay } from '../../domain/presence/index.ts';

const compiled = TypeCompiler.Compile(ImmigrationRecordSchema);

export interface FieldProblem {
  path: string;
  message: string;
}

/** At most this many problems are reported per record. */
const PER_RECORD = 5;

function checkDay(problems: FieldProblem[], path: string, value: string | null): void {
  if (value === null) return;
  if (Number.isNaN(parseIsoDay(value.slice(0, 10)))) problems.push({ path, message: 'is not a calendar date' });
  else if (value.length > 10) {
    const hour = Number(value.slice(11, 13));
    const minute = Number(value.slice(14, 16));
    if (hour > 23 || minute > 59) problems.push({ path, message: 'is not a time of day' });
  }
}

function calendarProblems(record: ImmigrationRecord): FieldProblem[] {
  const p: FieldProblem[] = [];
  const identity = record.identity;
  checkDay(p, '/identity/dateOfBirth', identity.dateOfBirth);
  if (identity.latestAddress !== null)
    checkDay(p, '/identity/latestAddress/lastUpdated', identity.latestAddress.lastUpdated);
  identity.relationships.forEach((r, i) => checkDay(p, `/identity/relationships/${i}/dateOfBirth`, r.dateOfBirth));
  record.travelDocuments.forEach((d, i) => {
    checkDay(p, `/travelDocuments/${i}/issued`, d.issued);
    checkDay(p, `/travelDocuments/${i}/expiry`, d.expiry);
  });
  record.movements.forEach((m, i) => checkDay(p, `/movements/${i}/dateTime`, m.dateTime));
  record.visas.forEach((v, i) => {
    checkDay(p, `/visas/${i}/start`, v.start);
    checkDay(p, `/visas/${i}/expiry`, v.expiry);
  });
  record.alerts.forEach((a, i) => checkDay(p, `/alerts/${i}/raised`, a.raised));
  return p;
}

/** The problems of one record; empty when it may be stored. */
export function recordProblems(value: unknown): FieldProblem[] {
  if (!compiled.Check(value)) {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    for (const error of compiled.Errors(value)) {
      // A union reports each branch; keep the first problem of each path.
      if (seen.has(error.path)) continue;
      seen.add(error.path);
      problems.push({ path: error.path, message: error.message });
      if (problems.length >= PER_RECORD) break;
    }
    return problems;
  }
  return calendarProblems(value).slice(0, PER_RECORD);
}

export function isImmigrationRecord(value: unknown): value is ImmigrationRecord {
  return compiled.Check(value);
}
