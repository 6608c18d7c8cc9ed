import { sql, type Kysely } from 'kysely';

/**
 * Immigration records (SPEC P3): one row per INZ identity holding the whole record as JSONB, with the
 * columns the identity search blocks on (date of birth as text, so the near-miss variants the matcher
 * accepts can be looked up even when they are not calendar dates), and one row per name of the identity
 * (its name and every other name) keyed by the normalised family name and first given name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table immigration_identities (
      identity_id text primary key,
      client_id text not null,
      family_key text not null,
      given_key text not null,
      date_of_birth text not null,
      record jsonb not null,
      loaded_at timestamptz not null default now()
    );
    create index immigration_identities_by_dob on immigration_identities (date_of_birth);
    create index immigration_identities_by_client on immigration_identities (client_id);
    create table immigration_identity_names (
      identity_id text not null references immigration_identities(identity_id) on delete cascade,
      family_key text not null,
      given_key text not null,
      other_name boolean not null
    );
    create index immigration_identity_names_by_name on immigration_identity_names (family_key, given_key);
    create index immigration_identity_names_by_identity on immigration_identity_names (identity_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table immigration_identity_names, immigration_identities`.execute(db);
}
