import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisGate } from '../../src/app/analysis-gate.ts';
import { AppError } from '../../src/app/errors.ts';

test('the gate runs one at a time, queues up to its limit and answers busy past it', async () => {
  const gate = new AnalysisGate(
    1,
    1,
    () => new AppError('unavailable', 'too many documents are being read; try again in a minute', 'DOCUMENTS_BUSY'),
  );
  const order: string[] = [];
  let release: () => void = () => undefined;
  const first = gate.run(
    () =>
      new Promise<string>((resolve) => {
        order.push('first started');
        release = () => resolve('first');
      }),
  );
  const second = gate.run(async () => {
    order.push('second started');
    return 'second';
  });
  assert.deepEqual(gate.load, { running: 1, waiting: 1 });
  await assert.rejects(
    gate.run(async () => 'third'),
    (error: unknown) => error instanceof AppError && error.code === 'DOCUMENTS_BUSY' && error.kind === 'unavailable',
  );
  release();
  assert.deepEqual(await Promise.all([first, second]), ['first', 'second']);
  assert.deepEqual(order, ['first started', 'second started']);
  assert.deepEqual(gate.load, { running: 0, waiting: 0 });
});

test('the busy answer says when to retry: the line ahead at the recent pace, from 1 s to 2 min', async () => {
  const said: number[] = [];
  const gate = new AnalysisGate(2, 0, (seconds) => {
    said.push(seconds);
    return new AppError('unavailable', `send this one again in ${seconds} seconds`, 'LIVENESS_BUSY', [], seconds);
  });
  // Before any analysis has finished one is taken to last 2 s: two running on two workers clear in one round.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const running = [gate.run(() => held), gate.run(() => held)];
  await assert.rejects(
    gate.run(async () => undefined),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.retryAfterSeconds, 2);
      return true;
    },
  );
  release();
  await Promise.all(running);
  // Quick analyses bring the estimate down, never below a second.
  for (let i = 0; i < 40; i++) await gate.run(async () => undefined);
  const quick = [gate.run(() => held), gate.run(() => new Promise<void>(() => undefined))];
  await assert.rejects(gate.run(async () => undefined));
  assert.deepEqual(said, [2, 1]);
  void quick;
});
