import { sql, type Kysely } from 'kysely';

/**
 * Indexes in the keyset order of the lists that still had none (found by test/adapters/db/list-plans.test.ts):
 * the escalations of every status and of one status other than queued (oldest or newest first), an account's
 * undelivered webhook deliveries (pending, retrying, failed: few among many delivered, newest first), one
 * application's INZ notifications, and what a person's personal data export (and erasure) reads by person: their
 * escalations, liveness links and sessions, documents, and the audit events about them and their tasks and links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index escalations_by_raised on escalations (raised_on, escalation_id);
    create index escalations_by_status_raised on escalations (status, raised_on, escalation_id);
    create index webhook_deliveries_undelivered on webhook_deliveries (account_id, created_at desc, id desc)
      where delivered_at is null;
    create index inz_notifications_by_application on inz_notifications (application_id);
    create index escalations_by_person on escalations (person_id);
    create index liveness_links_by_person on liveness_links (person_id);
    create index liveness_sessions_by_person on liveness_sessions (person_id);
    create index casework_documents_by_person on casework_documents (person_id);
    create index audit_events_by_entity on audit_events (entity_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index audit_events_by_entity;
    drop index casework_documents_by_person;
    drop index liveness_sessions_by_person;
    drop index liveness_links_by_person;
    drop index escalations_by_person;
    drop index inz_notifications_by_application;
    drop index webhook_deliveries_undelivered;
    drop index escalations_by_status_raised;
    drop index escalations_by_raised;
  `.execute(db);
}
