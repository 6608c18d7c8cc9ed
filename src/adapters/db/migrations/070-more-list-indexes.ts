import { sql, type Kysely } from 'kysely';

/**
 * Indexes in the keyset order of the lists that still had none (found by test/adapters/db/list-plans.test.ts):
 * the escalations of every status and of one status other than queued (oldest or newest first), an account's
 * undelivered webhook deliveries (pending, retrying, failed: few among many delivered, newest first), and one
 * application's INZ notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index escalations_by_raised on escalations (raised_on, escalation_id);
    create index escalations_by_status_raised on escalations (status, raised_on, escalation_id);
    create index webhook_deliveries_undelivered on webhook_deliveries (account_id, created_at desc, id desc)
      where delivered_at is null;
    create index inz_notifications_by_application on inz_notifications (application_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index inz_notifications_by_application;
    drop index webhook_deliveries_undelivered;
    drop index escalations_by_status_raised;
    drop index escalations_by_raised;
  `.execute(db);
}
