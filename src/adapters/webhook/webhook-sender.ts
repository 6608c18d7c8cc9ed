import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { signedEvent } from './signature.ts';

export interface WebhookJob {
  accountId: string;
  verificationId: string;
  event: string;
  deliveryKey: string;
  url: string;
  payload: unknown;
}

export class WebhookDeliveryError extends Error {}

/** Why a request got no answer, in words: the network's error code (ECONNREFUSED …) or a timeout; never the URL. */
function noAnswer(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer within 10 s';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(cause.code) ? cause.code : undefined;
  return code ? `no answer (${code})` : 'no answer (the address could not be reached)';
}

/**
 * Delivers one webhook. A non-2xx answer or a network error throws, so the job queue retries it with back-off;
 * the delivery key stays the same across retries so that the receiver can drop duplicates. Each attempt is
 * recorded on the delivery (time, status, why it failed) and a failed one is logged, by account and delivery
 * key only: the event and the receiver's answer stay out of the log.
 */
export async function deliverWebhook(
  db: Db,
  secretFor: (accountId: string) => Promise<string | null>,
  job: WebhookJob,
  nowSeconds: () => number,
  logger?: Logger,
): Promise<void> {
  const secret = await secretFor(job.accountId);
  const timestamp = nowSeconds();
  const { body, headers } = signedEvent(
    { event: job.event, deliveryKey: job.deliveryKey, data: job.payload },
    secret,
    timestamp,
  );
  let status = 0;
  let failure: string | null = null;
  try {
    const response = await fetch(job.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    await response.arrayBuffer();
    if (status < 200 || status >= 300) failure = `the receiver answered HTTP ${status}`;
  } catch (error) {
    failure = status === 0 ? noAnswer(error) : `the answer was cut short after HTTP ${status}`;
  }
  const delivered = failure === null;
  const now = new Date(timestamp * 1000);
  const row = await db
    .insertInto('webhook_deliveries')
    .values({
      account_id: job.accountId,
      verification_id: job.verificationId,
      event: job.event,
      delivery_key: job.deliveryKey,
      attempts: 1,
      last_status: status || null,
      last_error: failure,
      last_attempt_at: now,
      delivered_at: delivered ? now : null,
      attempts_left: 0,
    })
    .onConflict((oc) =>
      oc.column('delivery_key').doUpdateSet((eb) => ({
        attempts: eb('webhook_deliveries.attempts', '+', 1),
        last_status: status || null,
        last_error: failure,
        last_attempt_at: now,
        delivered_at: delivered ? now : null,
        attempts_left: delivered ? 0 : sql<number>`greatest(webhook_deliveries.attempts_left - 1, 0)`,
      })),
    )
    .returning(['attempts', 'attempts_left'])
    .executeTakeFirst();
  if (failure !== null) {
    logger?.warn(
      {
        accountId: job.accountId,
        deliveryKey: job.deliveryKey,
        attempt: row?.attempts,
        attemptsLeft: row?.attempts_left,
        status: status || null,
        reason: failure,
      },
      'webhook delivery failed',
    );
    throw new WebhookDeliveryError(`webhook ${job.deliveryKey}: ${failure}`);
  }
}
