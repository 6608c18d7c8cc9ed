import { sql, type Kysely } from 'kysely';

/**
 * Registry files are loaded in batches, each its own short statement, so that a large file never holds the
 * database (PGlite has one connection) while other requests wait. The rows of an import stay invisible to
 * matching until the whole file has loaded: `registry_imports` records each import's state, and a row whose
 * import is not `loaded` is never a candidate. Rows loaded before imports existed have no import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_imports (
      import_id text primary key,
      account_id text not null references accounts(account_id) on delete cascade,
      source_id text not null,
      state text not null check (state in ('loading', 'loaded', 'failed')),
      rows integer not null default 0,
      started_at timestamptz not null default now(),
      progress_at timestamptz not null default now()
    );
    create index registry_imports_unfinished on registry_imports (account_id, source_id) where state <> 'loaded';
    alter table registry_records add column import_id text;
    create index registry_records_import on registry_records (import_id) where import_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index registry_records_import;
    alter table registry_records drop column import_id;
    drop table registry_imports;
  `.execute(db);
}
