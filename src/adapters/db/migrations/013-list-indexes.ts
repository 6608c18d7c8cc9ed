import { sql, type Kysely } from 'kysely';

/**
 * Indexes in the keyset order of the lists that had none (found by test/adapters/db/list-plans.test.ts): an
 * account's verifications newest first, by status too (the review queue), and one application's escalations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index verifications_newest on verifications (account_id, created_at desc, verification_id desc);
    create index verifications_by_status_newest on verifications (account_id, overall_status, created_at desc, verification_id desc);
    drop index verifications_by_status;
    create index escalations_by_application on escalations (application_id, raised_on, escalation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index escalations_by_application;
    create index verifications_by_status on verifications (account_id, overall_status);
    drop index verifications_by_status_newest;
    drop index verifications_newest;
  `.execute(db);
}
