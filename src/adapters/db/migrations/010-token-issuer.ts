import { sql, type Kysely } from 'kysely';

/**
 * Who issued an officer's API token, and on the audit trail who an officer acted through: an administrator who
 * issues tokens for two officers must not become both pairs of eyes of one four-eyes check unseen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table officer_api_tokens add column issued_by text;
    alter table audit_events add column acting_through text;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_events drop column acting_through;
    alter table officer_api_tokens drop column issued_by;
  `.execute(db);
}
