import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALIBRATION } from '../../../src/domain/liveness/calibration/index.ts';
import {
  assessChallenges,
  canStartAttempt,
  decideAttempt,
  decideLivenessCheck,
  type AttemptEvidence,
} from '../../../src/domain/liveness/decision.ts';
import { DEFAULT_THRESHOLDS as T, livenessThresholds } from '../../../src/domain/liveness/thresholds.ts';
import type { Challenge, ChallengeCapture } from '../../../src/domain/liveness/types.ts';
import { capture, goodBlink, goodNod, goodShake, ramp } from './tracks.ts';

const REQUESTED: Challenge[] = ['BLINK', 'NOD', 'SHAKE'];
const live = (): ChallengeCapture[] => [
  capture('BLINK', goodBlink(), 15, 0),
  capture('NOD', goodNod(), 15, 3000),
  capture('SHAKE', goodShake(), 15, 6000),
];

const unit = (i: number, n = 8): number[] => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));
const ME = unit(0);
const ME_AGAIN = [0.95, Math.sqrt(1 - 0.95 ** 2), 0, 0, 0, 0, 0, 0];
const SOMEONE_ELSE = unit(2);
const one = (descriptor: number[]): { faceCount: number; descriptor: number[] } => ({ faceCount: 1, descriptor });

function evidence(overrides: Partial<AttemptEvidence> = {}): AttemptEvidence {
  return {
    selfie: one(ME),
    probes: {
      'BLINK BEST FRAME': one(ME_AGAIN),
      'BLINK LIVENESS FRAME': one(ME_AGAIN),
      'NOD BEST FRAME': one(ME_AGAIN),
      'SHAKE BEST FRAME': one(ME_AGAIN),
    },
    sources: { PROVIDED: one(ME_AGAIN), PASSPORT: one(ME_AGAIN) },
    ...overrides,
  };
}

test('a live attempt with the same face passes; the seed views are produced', () => {
  const a = assessChallenges(REQUESTED, live(), T);
  const o = decideAttempt(a, evidence(), DEFAULT_CALIBRATION, T);
  assert.equal(o.liveness, 'PASS', JSON.stringify(o.reasons));
  assert.equal(o.faceMatch, 'MATCH');
  assert.equal(o.result, 'PASS');
  assert.deepEqual(
    o.evaluation.slice(0, 3).map((r) => [r.type, r.detail.split(' ')[0], r.result]),
    [
      ['Liveness Assessment', 'BLINK', 'PASS'],
      ['Liveness Assessment', 'NOD', 'PASS'],
      ['Liveness Assessment', 'SHAKE', 'PASS'],
    ],
  );
  assert.match(o.evaluation[0]?.detail ?? '', /^BLINK \(Score: \d\.\d{4}\)$/);
  const labels = o.faceAuthentication.filter((r) => r.source === 'PROVIDED').map((r) => r.label);
  assert.deepEqual(labels, [
    'TRUSTED SOURCE FACE - PROVIDED',
    'BLINK BEST FRAME',
    'BLINK LIVENESS FRAME',
    'NOD BEST FRAME',
    'SHAKE BEST FRAME',
  ]);
  assert.ok(o.faceAuthentication.some((r) => r.label === 'TRUSTED SOURCE FACE - PASSPORT' && r.result === 'MATCH'));
  const row = o.faceAuthentication[0];
  assert.equal(row?.thresholdText, '1.0000E-3');
  assert.ok((row?.fmr ?? 1) <= 1e-3);
  assert.ok(
    o.evaluation.some(
      (r) => r.type === 'Face Authentication' && /^TRUSTED SOURCE FACE - PROVIDED \(FMR: [\d.]+E-\d+\)$/.test(r.detail),
    ),
  );
});

test('R17: a failed challenge fails the attempt even with a perfect face match', () => {
  const caps = live();
  caps[1] = capture('NOD', ramp('pitch', [5, 5], 1, 16), 15, 3000);
  const o = decideAttempt(assessChallenges(REQUESTED, caps, T), evidence(), DEFAULT_CALIBRATION, T);
  assert.equal(o.faceMatch, 'MATCH');
  assert.equal(o.liveness, 'FAIL');
  assert.equal(o.result, 'FAIL');
  assert.deepEqual(o.reasons, ['NOD_NOT_DETECTED']);
});

test('a different face in a challenge is DIFFERENT_FACE; no trusted match is NO MATCH', () => {
  const ev = evidence();
  const swapped = evidence({ probes: { ...ev.probes, 'SHAKE BEST FRAME': one(SOMEONE_ELSE) } });
  const o = decideAttempt(assessChallenges(REQUESTED, live(), T), swapped, DEFAULT_CALIBRATION, T);
  assert.equal(o.liveness, 'FAIL');
  assert.ok(o.reasons.includes('DIFFERENT_FACE'));
  assert.equal(o.sameFace.find((s) => s.probe === 'SHAKE BEST FRAME')?.ok, false);
  const notMe = decideAttempt(
    assessChallenges(REQUESTED, live(), T),
    evidence({ sources: { PROVIDED: one(SOMEONE_ELSE) } }),
    DEFAULT_CALIBRATION,
    T,
  );
  assert.equal(notMe.liveness, 'PASS');
  assert.equal(notMe.faceMatch, 'NO MATCH');
  assert.equal(notMe.result, 'FAIL');
});

test('selfie with no face or two faces, missing descriptors, PAD failure', () => {
  const a = assessChallenges(REQUESTED, live(), T);
  assert.ok(
    decideAttempt(a, evidence({ selfie: { faceCount: 0 } }), DEFAULT_CALIBRATION, T).reasons.includes('SELFIE_NO_FACE'),
  );
  const two = decideAttempt(a, evidence({ selfie: { faceCount: 2 } }), DEFAULT_CALIBRATION, T);
  assert.ok(two.reasons.includes('SELFIE_MULTIPLE_FACES'));
  assert.equal(two.faceAuthentication[0]?.result, 'ERROR');
  assert.equal(two.faceAuthentication[0]?.fmrText, '---');
  assert.ok(decideAttempt(a, evidence({ probes: {} }), DEFAULT_CALIBRATION, T).reasons.includes('DESCRIPTOR_MISSING'));
  assert.deepEqual(decideAttempt(a, evidence({ pad: 'FAIL' }), DEFAULT_CALIBRATION, T).reasons, ['PAD_FAILED']);
  assert.equal(decideAttempt(a, evidence({ sources: {} }), DEFAULT_CALIBRATION, T).faceMatch, 'NOT_AVAILABLE');
});

test('challenges must be captured in the requested order; a missing one fails', () => {
  const caps = live();
  const reordered = assessChallenges(['NOD', 'BLINK', 'SHAKE'], caps, T);
  assert.ok(reordered.reasons.includes('OUT_OF_ORDER'));
  const missing = assessChallenges(REQUESTED, caps.slice(0, 2), T);
  assert.deepEqual(missing.reasons, ['CHALLENGE_MISSING']);
  assert.equal(missing.challenges[2]?.result, 'FAIL');
  const extra = assessChallenges(['BLINK', 'NOD'], caps, T);
  assert.ok(extra.reasons.includes('OUT_OF_ORDER'));
});

test('a photo held to the camera (rigid, no blink, no turn) across the attempt is STILL_IMAGE', () => {
  const still = (ch: Challenge, t0: number): ChallengeCapture =>
    capture(
      ch,
      Array.from({ length: 20 }, (_, i) => ({
        box: { x: 200 + i, y: 100, width: 200, height: 240 },
        yaw: 0.3,
        pitch: 6,
      })),
      15,
      t0,
    );
  const a = assessChallenges(REQUESTED, [still('BLINK', 0), still('NOD', 3000), still('SHAKE', 6000)], T);
  assert.ok(a.reasons.includes('STILL_IMAGE'));
  const o = decideAttempt(a, evidence(), DEFAULT_CALIBRATION, T);
  assert.equal(o.liveness, 'FAIL');
  assert.equal(o.result, 'FAIL');
});

test('up to three attempt sets; after the third failure the check fails with the no-liveness options', () => {
  const F = { result: 'FAIL' as const };
  const P = { result: 'PASS' as const };
  assert.equal(decideLivenessCheck([], T).status, 'NOT_STARTED');
  assert.ok(canStartAttempt([], T));
  const one = decideLivenessCheck([F], T);
  assert.deepEqual([one.status, one.attemptsRemaining, one.attemptsExhausted], ['RETRY_AVAILABLE', 2, false]);
  assert.ok(canStartAttempt([F, F], T));
  const passedSecond = decideLivenessCheck([F, P], T);
  assert.deepEqual([passedSecond.status, passedSecond.decidingAttempt], ['PASSED', 1]);
  assert.equal(canStartAttempt([F, P], T), false);
  const three = decideLivenessCheck([F, F, F], T);
  assert.equal(three.status, 'FAILED');
  assert.equal(three.attemptsExhausted, true);
  assert.deepEqual(three.options, [
    'SEND_NEW_LIVENESS_LINK',
    'SEND_ORIGINAL_PASSPORT',
    'IDENTITY_CONFIRMATION_APPOINTMENT',
  ]);
  assert.equal(canStartAttempt([F, F, F], T), false);
  // a fourth set is never counted, even if it passed
  assert.equal(decideLivenessCheck([F, F, F, P], T).status, 'FAILED');
  assert.equal(decideLivenessCheck([F, F, F], livenessThresholds({ maxAttempts: 4 })).status, 'RETRY_AVAILABLE');
});
