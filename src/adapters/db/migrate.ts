import { sql, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';

/** Any number used by nothing else: the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 7_346_251;

/**
 * Applies, in name order, every migration kept in the repository that the schema has not seen yet, in one
 * transaction under an advisory lock, so processes starting together migrate once and a failed migration
 * leaves nothing behind. Only this schema's `pono_migrations` table is read: nothing scans the catalogue,
 * which other schemas on a shared server may be changing at the same moment.
 */
export async function migrateToLatest<T>(db: Kysely<T>, schema = 'public'): Promise<void> {
  const table = sql.table(`${schema}.pono_migrations`);
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists ${table} (name text primary key, applied_at timestamptz not null default now())`.execute(
      tx,
    );
    const applied = new Set(
      (await sql<{ name: string }>`select name from ${table}`.execute(tx)).rows.map((r) => r.name),
    );
    for (const name of Object.keys(migrations).sort()) {
      if (applied.has(name)) continue;
      try {
        await migrations[name]?.up(tx);
      } catch (error) {
        throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      await sql`insert into ${table} (name) values (${name})`.execute(tx);
    }
  });
}
