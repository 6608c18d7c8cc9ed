import type { Db } from '../adapters/db/database.ts';
import { isoFromDob, parseRegistryRows, registrySourceIds, type Person, type RegistryRecords, type RegistryRecord } from '../domain/verification/index.ts';
import { errors, type FieldProblem } from './errors.ts';

/** The immigration records of P3, seen as a registry source: candidates for a person. */
export interface ImmigrationCandidates {
  candidates(person: Pick<Person, 'givenName' | 'surname' | 'dob'>): Promise<RegistryRecord[] | 'unavailable'>;
}

export const IMMIGRATION_SOURCE = 'immigration';

/**
 * The records operators load for registry sources (e.g. a roll or a customer file), kept per account and
 * source, and the office's immigration records for the `immigration` source. Candidates for a person are
 * those with the same date of birth (immigration: the records' own candidate search); the domain then
 * matches names and addresses and gives the field statuses.
 */
export class Registry {
  constructor(
    private readonly db: Db,
    private readonly immigration: ImmigrationCandidates | null = null,
  ) {}

  /**
   * `db` is the caller's transaction when there is one. The immigration source is background-only, so it is
   * looked up only outside a transaction (at registration), never by setFields.
   */
  async candidates(accountId: string, sourceIds: readonly string[], person: Pick<Person, 'givenName' | 'surname' | 'dob'>, db: Db = this.db): Promise<RegistryRecords> {
    const out: RegistryRecords = {};
    if (this.immigration && db === this.db && sourceIds.includes(IMMIGRATION_SOURCE)) {
      out[IMMIGRATION_SOURCE] = await this.immigration.candidates(person);
    }
    const wanted = sourceIds.filter((id) => id !== IMMIGRATION_SOURCE && registrySourceIds().includes(id));
    if (wanted.length === 0) return out;
    const rows = await db
      .selectFrom('registry_records')
      .select(['source_id', 'record'])
      .where('account_id', '=', accountId)
      .where('source_id', 'in', wanted)
      .where('dob', '=', isoFromDob(person.dob))
      .limit(200)
      .execute();
    for (const row of rows) {
      const list = out[row.source_id] ?? [];
      if (list !== 'unavailable') list.push(row.record as unknown as RegistryRecord);
      out[row.source_id] = list;
    }
    return out;
  }

  /** Loads parsed CSV rows into a registry source; every row is checked first and nothing is written if one is bad. */
  async load(accountId: string, sourceId: string, rows: Record<string, string>[]): Promise<{ loaded: number }> {
    if (!registrySourceIds().includes(sourceId)) {
      throw errors.invalid([{ field: 'sourceId', message: `${sourceId} is not a registry source; registry sources: ${registrySourceIds().join(', ')}` }]);
    }
    const parsed = parseRegistryRows(rows);
    if (parsed.problems.length > 0) {
      const problems: FieldProblem[] = parsed.problems.map((p) => ({ field: p.row === 0 ? `header: ${p.field}` : `row ${p.row}: ${p.field}`, message: p.message }));
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
