import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-pono-signature';
export const TIMESTAMP_HEADER = 'x-pono-timestamp';
export const DELIVERY_HEADER = 'x-pono-delivery';

/** `v1=` + hex HMAC-SHA256 over `<timestamp>.<raw body>`, as Stripe and GitHub do, so replays can be refused. */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** For receivers: checks the signature and that the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhook(
  secret: string,
  header: string,
  timestamp: number,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A pono event as it is POSTed: the JSON body `{ event, deliveryKey, data }` and its headers, signed when there is a
 * secret.
 */
export function signedEvent(
  event: { event: string; deliveryKey: string; data: unknown },
  secret: string | null,
  timestamp: number,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ event: event.event, deliveryKey: event.deliveryKey, data: event.data });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [DELIVERY_HEADER]: event.deliveryKey,
  };
  if (secret) headers[SIGNATURE_HEADER] = signWebhook(secret, timestamp, body);
  return { body, headers };
}
