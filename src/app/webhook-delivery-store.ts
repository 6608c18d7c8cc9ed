// The SQL of webhook deliveries: a delivery recorded when it falls due, an account's deliveries listed in keyset
// pages, one read or locked for a retry.
import type { Db, Tx } from './ports/database.ts';
import { pastPosition, type KeysetPosition } from './keyset.ts';

/**
 * - pending: not tried yet; delivered: the receiver answered 2xx;
 * - retrying: the last attempt failed and pono tries again with back-off;
 * - failed: every automatic attempt failed (retry it through the API once the receiver is fixed).
 */
export type DeliveryState = 'pending' | 'delivered' | 'retrying' | 'failed';

export interface WebhookDeliveryView {
  /** The delivery key, also sent in the X-Pono-Delivery header: receivers drop duplicates by it. */
  id: string;
  verificationId: string;
  event: string;
  state: DeliveryState;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  delivery_key: string;
  verification_id: string;
  event: string;
  attempts: number;
  attempts_left: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

function stateOf(row: Row): DeliveryState {
  if (row.delivered_at !== null) return 'delivered';
  if (row.attempts === 0) return 'pending';
  return row.attempts_left > 0 ? 'retrying' : 'failed';
}

function viewOf(row: Row): WebhookDeliveryView {
  return {
    id: row.delivery_key,
    verificationId: row.verification_id,
    event: row.event,
    state: stateOf(row),
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

const COLUMNS = [
  'id',
  'delivery_key',
  'verification_id',
  'event',
  'attempts',
  'attempts_left',
  'last_status',
  'last_error',
  'last_attempt_at',
  'delivered_at',
  'created_at',
] as const;

/** Records a delivery as due (listed from this moment, and retryable from its row). */
export async function insertWebhookDelivery(
  tx: Tx,
  delivery: {
    accountId: string;
    verificationId: string;
    event: string;
    deliveryKey: string;
    attemptsLeft: number;
    payload: object;
  },
): Promise<void> {
  await tx
    .insertInto('webhook_deliveries')
    .values({
      account_id: delivery.accountId,
      verification_id: delivery.verificationId,
      event: delivery.event,
      delivery_key: delivery.deliveryKey,
      attempts: 0,
      attempts_left: delivery.attemptsLeft,
      payload: JSON.stringify(delivery.payload),
    })
    .execute();
}

/** The account's deliveries, newest first, optionally in one state, after `before`; at most `limit`. */
export async function listWebhookDeliveries(
  db: Db,
  accountId: string,
  query: { limit: number; before?: KeysetPosition<Date, number>; state?: DeliveryState },
): Promise<{ view: WebhookDeliveryView; position: KeysetPosition<Date, number> }[]> {
  let select = db
    .selectFrom('webhook_deliveries')
    .select(COLUMNS)
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.state === 'delivered') select = select.where('delivered_at', 'is not', null);
  else if (query.state === 'pending') select = select.where('delivered_at', 'is', null).where('attempts', '=', 0);
  else if (query.state === 'retrying')
    select = select.where('delivered_at', 'is', null).where('attempts', '>', 0).where('attempts_left', '>', 0);
  else if (query.state === 'failed')
    select = select.where('delivered_at', 'is', null).where('attempts', '>', 0).where('attempts_left', '=', 0);
  const before = query.before;
  if (before) select = select.where((eb) => pastPosition(eb, { value: 'created_at', id: 'id' }, 'desc', before));
  const rows = await select.execute();
  return rows.map((row) => ({ view: viewOf(row), position: { value: row.created_at, id: row.id } }));
}

export async function findWebhookDelivery(
  db: Db,
  accountId: string,
  deliveryKey: string,
): Promise<WebhookDeliveryView | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(COLUMNS)
    .where('account_id', '=', accountId)
    .where('delivery_key', '=', deliveryKey)
    .executeTakeFirst();
  return row && viewOf(row);
}

/** A delivery as a retry needs it, its row locked until the transaction ends. */
export interface LockedDelivery {
  id: number;
  verificationId: string;
  event: string;
  deliveryKey: string;
  delivered: boolean;
  /** The event sent; null on deliveries recorded before 014. */
  payload: object | null;
}

export async function lockWebhookDelivery(
  tx: Tx,
  accountId: string,
  deliveryKey: string,
): Promise<LockedDelivery | undefined> {
  const row = await tx
    .selectFrom('webhook_deliveries')
    .select([...COLUMNS, 'payload'])
    .where('account_id', '=', accountId)
    .where('delivery_key', '=', deliveryKey)
    .forUpdate()
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      verificationId: row.verification_id,
      event: row.event,
      deliveryKey: row.delivery_key,
      delivered: row.delivered_at !== null,
      payload: row.payload,
    }
  );
}

/** Gives a delivery a fresh round of automatic attempts. */
export async function rearmWebhookDelivery(tx: Tx, id: number, attemptsLeft: number): Promise<void> {
  await tx.updateTable('webhook_deliveries').set({ attempts_left: attemptsLeft }).where('id', '=', id).execute();
}
