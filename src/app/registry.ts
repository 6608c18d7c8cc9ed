import type { Db } from '../adapters/db/database.ts';
import { parseRegistryRows, registrySourceIds, type Person, type RegistryRecords, type RegistryRecord } from '../domain/verification/index.ts';
import { errors, type FieldProblem } from './errors.ts';

function isoDob(person: Pick<Person, 'dob'>): string {
  const { year, month, day } = person.dob;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The records operators load for registry sources (e.g. a roll or a customer file), kept per account and
 * source. Candidates for a person are those with the same date of birth; the domain then matches names and
 * addresses and gives the field statuses.
 */
export class Registry {
  constructor(private readonly db: Db) {}

  async candidates(accountId: string, sourceIds: readonly string[], person: Pick<Person, 'dob'>, db: Db = this.db): Promise<RegistryRecords> {
    const wanted = sourceIds.filter((id) => registrySourceIds().includes(id));
    const out: RegistryRecords = {};
    if (wanted.length === 0) return out;
    const rows = await db
      .selectFrom('registry_records')
      .select(['source_id', 'record'])
      .where('account_id', '=', accountId)
      .where('source_id', 'in', wanted)
      .where('dob', '=', isoDob(person))
      .limit(200)
      .execute();
    for (const row of rows) (out[row.source_id] ??= []).push(row.record as unknown as RegistryRecord);
    return out;
  }

  /** Loads parsed CSV rows into a registry source; every row is checked first and nothing is written if one is bad. */
  async load(accountId: string, sourceId: string, rows: Record<string, string>[]): Promise<{ loaded: number }> {
    if (!registrySourceIds().includes(sourceId)) {
      throw errors.invalid([{ field: 'sourceId', message: `${sourceId} is not a registry source; registry sources: ${registrySourceIds().join(', ')}` }]);
    }
    const parsed = parseRegistryRows(rows);
    if (parsed.problems.length > 0) {
      const problems: FieldProblem[] = parsed.problems.map((p) => ({ field: `row ${p.row}: ${p.field}`, message: p.message }));
      throw errors.invalid(problems);
    }
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < parsed.records.length; i += 500) {
        const chunk = parsed.records.slice(i, i + 500);
        await tx
          .insertInto('registry_records')
          .values(chunk.map((record) => ({ account_id: accountId, source_id: sourceId, dob: record.dob ?? null, surname_key: null, record: JSON.stringify(record) })))
          .execute();
      }
    });
    return { loaded: parsed.records.length };
  }
}
