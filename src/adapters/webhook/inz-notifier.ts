// The outbound INZ notification after a ceremony closes (BR-58, R20): a signed JSON POST (signature.ts),
// carrying the notification's idempotency key in the delivery and Idempotency-Key headers so the receiver
// drops a duplicate if pono resends after a crash between sending and recording.
import type { InzNotifier } from '../../app/ports/inz-notifier.ts';
import { signedEvent } from './signature.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const INZ_NOTIFICATION_EVENT = 'citizenship.granted';

export interface InzNotifierConfig {
  url: string;
  secret: string;
}

export type { InzNotifier };

export function createInzNotifier(config: InzNotifierConfig | null): InzNotifier {
  return {
    async send(idempotencyKey, payload, nowSeconds) {
      if (!config) return 0;
      const signed = signedEvent(
        { event: INZ_NOTIFICATION_EVENT, deliveryKey: idempotencyKey, data: payload },
        config.secret,
        nowSeconds,
      );
      try {
        const response = await fetch(config.url, {
          method: 'POST',
          headers: { ...signed.headers, [IDEMPOTENCY_HEADER]: idempotencyKey },
          body: signed.body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    },
  };
}
