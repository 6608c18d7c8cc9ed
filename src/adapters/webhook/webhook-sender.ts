import type { Db } from '../db/database.ts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './signature.ts';

export interface WebhookJob {
  accountId: string;
  verificationId: string;
  event: string;
  deliveryKey: string;
  url: string;
  payload: unknown;
}

export class WebhookDeliveryError extends Error {}

/**
 * Delivers one webhook. A non-2xx answer or a network error throws, so the job queue retries it with back-off;
 * the delivery key stays the same across retries so that the receiver can drop duplicates.
 */
export async function deliverWebhook(db: Db, secretFor: (accountId: string) => Promise<string | null>, job: WebhookJob, nowSeconds: () => number): Promise<void> {
  const secret = await secretFor(job.accountId);
  const rawBody = JSON.stringify({ event: job.event, deliveryKey: job.deliveryKey, data: job.payload });
  const timestamp = nowSeconds();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [DELIVERY_HEADER]: job.deliveryKey,
  };
  if (secret) headers[SIGNATURE_HEADER] = signWebhook(secret, timestamp, rawBody);
  let status = 0;
  try {
    const response = await fetch(job.url, { method: 'POST', headers, body: rawBody, signal: AbortSignal.timeout(10_000) });
    status = response.status;
    await response.arrayBuffer();
  } finally {
    await db
      .insertInto('webhook_deliveries')
      .values({ account_id: job.accountId, verification_id: job.verificationId, event: job.event, delivery_key: job.deliveryKey, attempts: 1, last_status: status || null, delivered_at: status >= 200 && status < 300 ? new Date() : null })
      .onConflict((oc) =>
        oc.column('delivery_key').doUpdateSet((eb) => ({
          attempts: eb('webhook_deliveries.attempts', '+', 1),
          last_status: status || null,
          delivered_at: status >= 200 && status < 300 ? new Date() : null,
        })),
      )
      .execute();
  }
  if (status < 200 || status >= 300) throw new WebhookDeliveryError(`webhook ${job.deliveryKey} answered ${status || 'no response'}`);
}
