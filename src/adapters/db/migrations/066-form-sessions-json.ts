import { sql, type Kysely } from 'kysely';

/**
 * A form session's identity details and last outputs are written whole and read whole, as a verification's state
 * is (migration 056): `json` keeps the text as given instead of converting it, on every forms call that writes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table form_sessions
      alter column identity type json using identity::json,
      alter column last_outputs type json using last_outputs::json`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table form_sessions
      alter column identity type jsonb using identity::jsonb,
      alter column last_outputs type jsonb using last_outputs::jsonb`.execute(db);
}
