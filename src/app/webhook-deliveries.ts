// An account's webhook deliveries: what was sent (or is still due), each attempt's outcome in words, and a
// retry of one. Each account sees only its own; another account's delivery answers as one that does not exist.
import type { Db } from './ports/database.ts';
import type { JobQueue } from './ports/job-queue.ts';
import type { Accounts, AccountCredentials } from './accounts.ts';
import { AppError, errors } from './errors.ts';
import { decodeCursor, keysetPage, TIME_AND_NUMBER_ID } from './keyset.ts';
import { WEBHOOK_QUEUE, WEBHOOK_RETRY_LIMIT } from './verification.ts';
import {
  listWebhookDeliveries,
  findWebhookDelivery,
  lockWebhookDelivery,
  rearmWebhookDelivery,
  type DeliveryState,
  type WebhookDeliveryView,
} from './webhook-delivery-store.ts';

export type { DeliveryState, WebhookDeliveryView } from './webhook-delivery-store.ts';

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryView[];
  /** Pass as `before` for the next page; null on the last. */
  next: string | null;
}

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
    const before = decodeCursor(TIME_AND_NUMBER_ID, query.before, 'before');
    const rows = await listWebhookDeliveries(this.db, account.accountId, {
      limit: query.limit + 1,
      before,
      state: query.state,
    });
    const page = keysetPage(rows, query.limit, TIME_AND_NUMBER_ID, (r) => r.position);
    return { deliveries: page.rows.map((r) => r.view), next: page.next };
  }

  async get(credentials: AccountCredentials, deliveryId: string): Promise<WebhookDeliveryView> {
    const account = await this.accounts.authenticate(credentials);
    return this.view(account.accountId, deliveryId);
  }

  /**
   * Sends the delivery again, to the account's webhook address as it is now, with the same delivery key and
   * event, and a fresh round of automatic retries. A delivery already accepted is not sent twice.
   */
  async retry(credentials: AccountCredentials, deliveryId: string): Promise<WebhookDeliveryView> {
    const account = await this.accounts.authenticate(credentials);
    const url = account.webhookUrl;
    await this.db.transaction().execute(async (tx) => {
      const row = await lockWebhookDelivery(tx, account.accountId, deliveryId);
      if (!row) throw notFound(deliveryId);
      if (row.delivered)
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
      await rearmWebhookDelivery(tx, row.id, WEBHOOK_RETRY_LIMIT + 1);
      const job = {
        accountId: account.accountId,
        verificationId: row.verificationId,
        event: row.event,
        deliveryKey: row.deliveryKey,
        url,
        payload: row.payload,
      };
      await this.queue.send(WEBHOOK_QUEUE, job, { tx });
    });
    return this.view(account.accountId, deliveryId);
  }

  private async view(accountId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const view = await findWebhookDelivery(this.db, accountId, deliveryId);
    if (!view) throw notFound(deliveryId);
    return view;
  }
}

function notFound(deliveryId: string): AppError {
  return errors.notFound('webhook delivery', deliveryId);
}
