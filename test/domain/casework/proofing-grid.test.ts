import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextProofingStep, PROOFING_GRID, type ProofingInput } from '../../../src/domain/casework/index.ts';

const post = '2020-08-24';
const pre = '2020-02-12';
function ev(ams: boolean, passport: boolean, app: boolean, liveness: boolean, submittedOn = post): ProofingInput {
  return { amsPhoto: ams, overseasPassportImage: passport, applicationPhoto: app, livenessTest: liveness, submittedOn };
}
const P = ['send-original-passport', 'identity-confirmation-appointment'];

test('G1 has the seed six columns; only column 1 achieves proofing', () => {
  assert.equal(PROOFING_GRID.length, 6);
  assert.deepEqual(
    PROOFING_GRID.map((c) => c.achieved),
    [true, false, false, false, false, false],
  );
});

test('G1 column 1: all four → achieved', () => {
  assert.deepEqual(nextProofingStep(ev(true, true, true, true)), { step: 'achieved', standard: 'liveness', column: 1 });
});

test('G1 column 2: no liveness → original passport or appointment (link first unless declined), then escalate', () => {
  assert.deepEqual(nextProofingStep({ ...ev(true, true, true, false), livenessDeclined: true }), {
    step: 'offer-options',
    standard: 'liveness',
    column: 2,
    options: P,
  });
  const s = nextProofingStep(ev(true, true, true, false));
  assert.ok(s.step === 'offer-options');
  assert.deepEqual(s.options, ['send-liveness-link', ...P]);
  assert.deepEqual(nextProofingStep({ ...ev(true, true, true, false), optionsExhausted: true }), {
    step: 'escalate',
    standard: 'liveness',
    column: 2,
    reason: 'options-exhausted',
  });
});

test('G1 column 3: liveness passed but no AMS photo → not achieved; passport or appointment', () => {
  assert.deepEqual(nextProofingStep(ev(false, true, true, true)), {
    step: 'offer-options',
    standard: 'liveness',
    column: 3,
    options: P,
  });
  assert.equal(nextProofingStep({ ...ev(false, true, true, true), optionsExhausted: true }).step, 'escalate');
});

test('G1 column 4: no AMS photo, no liveness → options', () => {
  const s = nextProofingStep({ ...ev(false, true, true, false), livenessDeclined: true });
  assert.deepEqual(s, { step: 'offer-options', standard: 'liveness', column: 4, options: P });
});

test('G1 columns 5 and 6: no AMS photo, no passport image → escalate straight away', () => {
  assert.deepEqual(nextProofingStep(ev(false, false, true, true)), {
    step: 'escalate',
    standard: 'liveness',
    column: 5,
    reason: 'grid',
  });
  assert.deepEqual(nextProofingStep(ev(false, false, true, false)), {
    step: 'escalate',
    standard: 'liveness',
    column: 6,
    reason: 'grid',
  });
});

test('combinations outside the grid escalate', () => {
  assert.deepEqual(nextProofingStep(ev(true, true, false, true)), {
    step: 'escalate',
    standard: 'liveness',
    column: null,
    reason: 'outside-grid',
  });
  assert.equal(nextProofingStep(ev(true, false, true, true)).step, 'escalate');
});

test('pre-30-July grid (reconstructed): AMS photo suffices without liveness', () => {
  assert.deepEqual(nextProofingStep(ev(true, true, true, false, pre)), {
    step: 'achieved',
    standard: 'pre-liveness',
    column: 1,
  });
});

test('pre-30-July grid: AMS image missing → offer a liveness link, or passport/appointment; a liveness then achieves', () => {
  assert.deepEqual(nextProofingStep(ev(false, true, true, false, pre)), {
    step: 'offer-options',
    standard: 'pre-liveness',
    column: 3,
    options: ['send-liveness-link', ...P],
  });
  assert.deepEqual(nextProofingStep({ ...ev(false, true, true, false, pre), livenessDeclined: true }), {
    step: 'offer-options',
    standard: 'pre-liveness',
    column: 3,
    options: P,
  });
  assert.deepEqual(nextProofingStep(ev(false, true, true, true, pre)), {
    step: 'achieved',
    standard: 'pre-liveness',
    column: 2,
  });
  assert.deepEqual(nextProofingStep(ev(false, false, true, true, pre)), {
    step: 'escalate',
    standard: 'pre-liveness',
    column: 4,
    reason: 'grid',
  });
});
