import { sql } from 'kysely';
import type { Db } from './ports/database.ts';
import { PREPARED } from './ports/database.ts';
import type { RegistryRecord } from '../domain/verification/index.ts';

/** An import that has made no progress for this long was left by a process that stopped. */
const ABANDONED_AFTER_MS = 15 * 60_000;

/** The SQL of registry sources: candidates by date of birth, and imports loaded in batches. */
export class RegistryStore {
  constructor(private readonly db: Db) {}

  /**
   * Records of finished imports (and of loads older than imports) with this date of birth. Every registration
   * with a registry source sends it: one text whatever the sources (an array parameter), kept prepared.
   */
  async candidates(
    accountId: string,
    sourceIds: readonly string[],
    dob: string,
    db: Db = this.db,
  ): Promise<{ source_id: string; record: RegistryRecord }[]> {
    const result = await sql<{ source_id: string; record: RegistryRecord }>`
      select r.source_id, r.record from registry_records r
      where r.account_id = ${accountId} and r.source_id = any(${[...sourceIds]}::text[]) and r.dob = ${dob}
        and (r.import_id is null
          or exists (select 1 from registry_imports i where i.import_id = r.import_id and i.state = 'loaded'))
      limit 200 ${sql.raw(PREPARED)}`.execute(db);
    return result.rows;
  }

  async beginImport(importId: string, accountId: string, sourceId: string): Promise<void> {
    await this.db
      .insertInto('registry_imports')
      .values({ import_id: importId, account_id: accountId, source_id: sourceId, state: 'loading' })
      .execute();
  }

  /** One batch of an import's rows, in one statement; the import's count and progress time move with it. */
  async insertBatch(
    importId: string,
    accountId: string,
    sourceId: string,
    records: readonly RegistryRecord[],
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('registry_records')
        .values(
          records.map((record) => ({
            account_id: accountId,
            source_id: sourceId,
            dob: record.dob ?? null,
            surname_key: null,
            record: JSON.stringify(record),
            import_id: importId,
          })),
        )
        .execute();
      await tx
        .updateTable('registry_imports')
        .set((eb) => ({ rows: eb('rows', '+', records.length), progress_at: new Date() }))
        .where('import_id', '=', importId)
        .execute();
    });
  }

  /** The import's rows become candidates, all at once. */
  async finishImport(importId: string): Promise<void> {
    await this.db
      .updateTable('registry_imports')
      .set({ state: 'loaded', progress_at: new Date() })
      .where('import_id', '=', importId)
      .execute();
  }

  async failImport(importId: string): Promise<void> {
    await this.db
      .updateTable('registry_imports')
      .set({ state: 'failed', progress_at: new Date() })
      .where('import_id', '=', importId)
      .execute();
  }

  /**
   * Deletes the rows of failed and abandoned imports a batch at a time (so that the deletion, too, never holds
   * the database for long), then the imports themselves. Returns how many rows went.
   */
  async removeUnfinished(now: Date, batch = 2000): Promise<number> {
    const abandoned = new Date(now.getTime() - ABANDONED_AFTER_MS);
    const imports = await this.db
      .selectFrom('registry_imports')
      .select('import_id')
      .where('state', '<>', 'loaded')
      .where((eb) => eb.or([eb('state', '=', 'failed'), eb('progress_at', '<', abandoned)]))
      .execute();
    let removed = 0;
    for (const { import_id: importId } of imports) {
      for (;;) {
        const result = await this.db
          .deleteFrom('registry_records')
          .where('id', 'in', (eb) =>
            eb.selectFrom('registry_records').select('id').where('import_id', '=', importId).limit(batch),
          )
          .executeTakeFirst();
        const count = Number(result.numDeletedRows);
        removed += count;
        if (count < batch) break;
      }
      await this.db.deleteFrom('registry_imports').where('import_id', '=', importId).execute();
    }
    return removed;
  }

  async importState(importId: string): Promise<{ state: string; rows: number } | undefined> {
    return this.db
      .selectFrom('registry_imports')
      .select(['state', 'rows'])
      .where('import_id', '=', importId)
      .executeTakeFirst();
  }
}
