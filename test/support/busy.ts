// What a client sees when work waits for a worker thread and the line is full: 503, the stable code, the wait in
// Retry-After (whole seconds, 1 to 120) and the same wait in the message's words.
import assert from 'node:assert/strict';

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Asserts the busy answer; `message(seconds)` is the refusal in words. Returns the Retry-After seconds. */
export function assertBusy(answer: Answer, code: string, message: (seconds: number) => string): number {
  assert.equal(answer.statusCode, 503, answer.body);
  const retryAfter = Number(answer.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 120, `Retry-After ${retryAfter}`);
  const body = JSON.parse(answer.body) as { error: string; code: string; message: string };
  assert.deepEqual(
    { error: body.error, code: body.code, message: body.message },
    { error: 'unavailable', code, message: message(retryAfter) },
  );
  return retryAfter;
}
