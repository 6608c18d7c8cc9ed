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
