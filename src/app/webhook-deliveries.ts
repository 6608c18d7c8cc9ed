// An account's webhook deliveries: what was sent (or is still due), each attempt's outcome in words, and a
// retry of one. Each account sees only its own; another account's delivery answers as one that does not exist.
import type { Db } from './ports/database.ts';
import type { JobQueue } from './ports/job-queue.ts';
import type { Accounts, AccountCredentials } from './accounts.ts';
import { AppError, errors } from './errors.ts';
import { WEBHOOK_QUEUE, WEBHOOK_RETRY_LIMIT } from './verification.ts';

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

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryView[];
  /** Pass as `before` for the next page; null on the last. */
  next: string | null;
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

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: number } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, number];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || !Number.isSafeInteger(id)) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw errors.invalid([{ field: 'before', message: 'before must be the `next` value of a previous page' }]);
  }
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

export class WebhookDeliveries {
  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly queue: JobQueue,
  ) {}

  /** The account's deliveries, newest first, in keyset pages. */
  async list(
    credentials: AccountCredentials,
    query: { limit: number; before?: string; state?: DeliveryState },
  ): Promise<WebhookDeliveryPage> {
    const account = await this.accounts.authenticate(credentials);
    let select = this.db
      .selectFrom('webhook_deliveries')
      .select(COLUMNS)
      .where('account_id', '=', account.accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.state === 'delivered') select = select.where('delivered_at', 'is not', null);
    else if (query.state === 'pending') select = select.where('delivered_at', 'is', null).where('attempts', '=', 0);
    else if (query.state === 'retrying')
      select = select.where('delivered_at', 'is', null).where('attempts', '>', 0).where('attempts_left', '>', 0);
    else if (query.state === 'failed')
      select = select.where('delivered_at', 'is', null).where('attempts', '>', 0).where('attempts_left', '=', 0);
    if (query.before) {
      const cursor = decodeCursor(query.before);
      select = select.where((eb) =>
        eb.or([
          eb('created_at', '<', cursor.createdAt),
          eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
        ]),
      );
    }
    const rows = await select.execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { deliveries: page.map(viewOf), next: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  async get(credentials: AccountCredentials, deliveryId: string): Promise<WebhookDeliveryView> {
    const account = await this.accounts.authenticate(credentials);
    return viewOf(await this.row(account.accountId, deliveryId));
  }

  /**
   * Sends the delivery again, to the account's webhook address as it is now, with the same delivery key and
   * event, and a fresh round of automatic retries. A delivery already accepted is not sent twice.
   */
  async retry(credentials: AccountCredentials, deliveryId: string): Promise<WebhookDeliveryView> {
    const account = await this.accounts.authenticate(credentials);
    const url = account.webhookUrl;
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('webhook_deliveries')
        .select([...COLUMNS, 'payload'])
        .where('account_id', '=', account.accountId)
        .where('delivery_key', '=', deliveryId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound(deliveryId);
      if (row.delivered_at !== null)
        throw new AppError(
          'conflict',
          'This delivery was already accepted by the receiver; it is not sent twice',
          'DELIVERY_ALREADY_DELIVERED',
        );
      if (!url)
        throw new AppError(
          'conflict',
          'The account has no webhook address: set one before retrying a delivery',
          'WEBHOOK_NOT_CONFIGURED',
        );
      if (row.payload === null)
        throw new AppError(
          'conflict',
          'This delivery was recorded before pono kept the event it carries, so it cannot be sent again',
          'DELIVERY_NOT_RETRYABLE',
        );
      await tx
        .updateTable('webhook_deliveries')
        .set({ attempts_left: WEBHOOK_RETRY_LIMIT + 1 })
        .where('id', '=', row.id)
        .execute();
      const job = {
        accountId: account.accountId,
        verificationId: row.verification_id,
        event: row.event,
        deliveryKey: row.delivery_key,
        url,
        payload: row.payload,
      };
      await this.queue.send(WEBHOOK_QUEUE, job, { tx });
    });
    return viewOf(await this.row(account.accountId, deliveryId));
  }

  private async row(accountId: string, deliveryId: string): Promise<Row> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .where('delivery_key', '=', deliveryId)
      .executeTakeFirst();
    if (!row) throw notFound(deliveryId);
    return row;
  }
}

function notFound(deliveryId: string): AppError {
  return errors.notFound('webhook delivery', deliveryId);
}
