// The SQL of the INZ notifications a closed ceremony schedules: inserted once per idempotency key, claimed under
// a lease, and marked sent only by the holder of the claim.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';
import type { InzNotificationsTable } from '../ports/database-schema.ts';

export type InzNotificationRow = Selectable<InzNotificationsTable>;

/** Inserts the notification; a second insert with the same idempotency key does nothing. */
export async function insertInzNotification(tx: Tx, row: Insertable<InzNotificationsTable>): Promise<void> {
  await tx
    .insertInto('inz_notifications')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

export async function inzNotification(db: Db, idempotencyKey: string): Promise<InzNotificationRow> {
  return db
    .selectFrom('inz_notifications')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirstOrThrow();
}

/** The notification locked for the transaction, when there is one. */
export async function lockInzNotification(tx: Tx, idempotencyKey: string): Promise<InzNotificationRow | undefined> {
  return tx
    .selectFrom('inz_notifications')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .forUpdate()
    .executeTakeFirst();
}

export async function inzNotificationStatus(db: Db, idempotencyKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('inz_notifications')
    .select('status')
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row?.status;
}

export async function inzNotificationKeysOf(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inz_notifications')
    .select('idempotency_key')
    .where('application_id', '=', applicationId)
    .execute();
  return rows.map((r) => r.idempotency_key);
}

/** The notifications not yet sent that are due by `today`, earliest first. */
export async function dueInzNotificationKeys(db: Db, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inz_notifications')
    .select('idempotency_key')
    .where('status', '<>', 'sent')
    .where('due_on', '<=', today)
    .orderBy('due_on')
    .execute();
  return rows.map((r) => r.idempotency_key);
}

export async function updateInzNotification(
  tx: Tx,
  idempotencyKey: string,
  set: Updateable<InzNotificationsTable>,
): Promise<void> {
  await tx.updateTable('inz_notifications').set(set).where('idempotency_key', '=', idempotencyKey).execute();
}

/**
 * Records the outcome of a send, only while `claimId` still holds the notification in "sending". Returns the
 * notification's application and person, or undefined when the claim no longer holds it.
 */
export async function recordInzOutcome(
  tx: Tx,
  idempotencyKey: string,
  claimId: string,
  set: Updateable<InzNotificationsTable>,
): Promise<{ application_id: string; person_id: string } | undefined> {
  return tx
    .updateTable('inz_notifications')
    .set(set)
    .where('idempotency_key', '=', idempotencyKey)
    .where('claim_id', '=', claimId)
    .where('status', '=', 'sending')
    .returning(['application_id', 'person_id'])
    .executeTakeFirst();
}
