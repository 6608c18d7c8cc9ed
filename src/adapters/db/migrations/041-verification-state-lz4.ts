import { sql, type Kysely } from 'kysely';

/**
 * A verification's state (2–3 KB of JSON with three sources, 13 KB with every source) is past PostgreSQL's
 * TOAST threshold (~2 KB), so every registration compresses it; lz4 does that at a fraction of the default
 * pglz's CPU (bench register: the database's CPU per registration). Only new values are written with it; a
 * PostgreSQL built without lz4 (the embedded PGlite) keeps pglz.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      alter table verifications alter column state set compression lz4;
    exception when feature_not_supported then null;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table verifications alter column state set compression default`.execute(db);
}
