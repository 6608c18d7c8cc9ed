// The outbound notification to INZ after a ceremony closes, as the ceremonies use case sees it; the signed-POST
// adapter is src/adapters/webhook/inz-notifier.ts.

export interface InzNotifier {
  /** Sends once; resolves with the HTTP status (0 when there was no answer). */
  send(idempotencyKey: string, payload: object, nowSeconds: number): Promise<number>;
}
