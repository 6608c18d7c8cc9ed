import { sql, type Kysely } from 'kysely';

/**
 * Webhook deliveries an account can read and retry: the delivery is recorded when it is enqueued (with the
 * event it carries, which holds ids and statuses only), and each attempt records its time and, when it failed,
 * why in words. `attempts_left` counts the automatic attempts still to come (0: pono gave up). An account's
 * deliveries are listed newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table webhook_deliveries
      add column payload jsonb,
      add column last_error text,
      add column last_attempt_at timestamptz,
      add column attempts_left integer not null default 0;
    create index webhook_deliveries_newest on webhook_deliveries (account_id, created_at desc, id desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index webhook_deliveries_newest;
    alter table webhook_deliveries drop column attempts_left, drop column last_attempt_at, drop column last_error, drop column payload;
  `.execute(db);
}
