import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateChallenge } from '../../../src/domain/liveness/challenges.ts';
import { eyeAspectRatio } from '../../../src/domain/liveness/geometry.ts';
import { DEFAULT_THRESHOLDS as T, livenessThresholds } from '../../../src/domain/liveness/thresholds.ts';
import { capture, eyeWithEar, goodBlink, goodNod, goodShake, ramp, type FaceSpec } from './tracks.ts';

test('eye aspect ratio of a synthetic eye is the ratio it was built with', () => {
  assert.ok(Math.abs(eyeAspectRatio(eyeWithEar(0, 0, 0.31)) - 0.31) < 1e-12);
});

test('BLINK passes on a dip below 0.6 x baseline and recovery; evidence frame is the trough', () => {
  const r = evaluateChallenge(capture('BLINK', goodBlink()), T);
  assert.equal(r.result, 'PASS');
  assert.deepEqual(r.reasons, []);
  assert.equal(r.evidenceFrameIndex, 11);
  assert.ok(r.score >= 0.5 && r.score <= 1);
  assert.ok(r.bestFrameIndex >= 0 && r.bestFrameIndex !== 11, 'best frame has the eyes open');
});

test('BLINK at its threshold: trough exactly at 0.6 x baseline fails, just below passes with score 0.5', () => {
  const trough = (ear: number): FaceSpec[] => [...ramp('ear', [0.35], 1, 10), { ear }, ...ramp('ear', [0.35], 1, 10)];
  const at = evaluateChallenge(capture('BLINK', trough(0.21)), T);
  assert.equal(at.result, 'FAIL');
  assert.deepEqual(at.reasons, ['BLINK_NOT_DETECTED']);
  const below = evaluateChallenge(capture('BLINK', trough(0.2099)), T);
  assert.equal(below.result, 'PASS');
  assert.ok(Math.abs(below.score - 0.5) < 0.01);
});

test('BLINK: eyes closed longer than maxClosedMs is not a blink; eyes never reopening is not a blink', () => {
  const long = [
    ...ramp('ear', [0.35], 1, 10),
    ...Array.from({ length: 12 }, () => ({ ear: 0.1 })),
    ...ramp('ear', [0.35], 1, 5),
  ];
  const r = evaluateChallenge(capture('BLINK', long), T);
  assert.deepEqual(r.reasons, ['BLINK_NOT_DETECTED']);
  assert.equal(r.metrics.tooLong, 1);
  const shut = [...ramp('ear', [0.35], 1, 10), { ear: 0.1 }, { ear: 0.1 }];
  assert.equal(evaluateChallenge(capture('BLINK', shut), T).result, 'FAIL');
  // the closed-duration limit is configurable
  const lenient = livenessThresholds({ blink: { maxClosedMs: 2000 } });
  assert.equal(evaluateChallenge(capture('BLINK', long), lenient).result, 'PASS');
});

test('NOD passes down-and-back; evidence is the lowest pitch', () => {
  const specs = goodNod();
  const r = evaluateChallenge(capture('NOD', specs), T);
  assert.equal(r.result, 'PASS', JSON.stringify(r));
  const lowest = specs.reduce((m, s, i) => ((s.pitch ?? 0) < (specs[m]?.pitch ?? 0) ? i : m), 0);
  assert.equal(r.evidenceFrameIndex, lowest);
});

test('NOD at its thresholds: range 15 passes with score 0.5, 14.9 fails; no return fails', () => {
  const ok = evaluateChallenge(capture('NOD', ramp('pitch', [5, -10, 5], 4, 8)), T);
  assert.equal(ok.result, 'PASS');
  assert.equal(ok.score, 0.5);
  const short = evaluateChallenge(capture('NOD', ramp('pitch', [5, -9.9, 5], 4, 8)), T);
  assert.deepEqual(short.reasons, ['NOD_NOT_DETECTED']);
  const noReturn = evaluateChallenge(capture('NOD', ramp('pitch', [5, -15], 4, 8)), T);
  assert.deepEqual(noReturn.reasons, ['NOD_NOT_DETECTED']);
  // up then down (both sides past the excursion) is also a nod
  assert.equal(evaluateChallenge(capture('NOD', ramp('pitch', [5, 14, -4], 4, 8)), T).result, 'PASS');
});

test('SHAKE passes on both sides; at its thresholds +-12.5 (range 25) passes, +-12 (range 24) fails', () => {
  assert.equal(evaluateChallenge(capture('SHAKE', goodShake()), T).result, 'PASS');
  const at = evaluateChallenge(capture('SHAKE', ramp('yaw', [0, 12.5, -12.5, 0], 4, 8)), T);
  assert.equal(at.result, 'PASS');
  assert.equal(at.score, 0.5);
  const under = evaluateChallenge(capture('SHAKE', ramp('yaw', [0, 12, -12, 0], 4, 8)), T);
  assert.deepEqual(under.reasons, ['SHAKE_NOT_DETECTED']);
  const oneSide = evaluateChallenge(capture('SHAKE', ramp('yaw', [0, 30, 0], 4, 8)), T);
  assert.deepEqual(oneSide.reasons, ['SHAKE_NOT_DETECTED']);
});

test('shaking when asked to nod (and nodding when asked to shake) is WRONG_MOVEMENT', () => {
  const nodAsked = evaluateChallenge(capture('NOD', ramp('yaw', [0, 25, -25, 0], 4, 8, { pitch: 5 })), T);
  assert.deepEqual(nodAsked.reasons, ['WRONG_MOVEMENT']);
  const shakeAsked = evaluateChallenge(capture('SHAKE', ramp('pitch', [5, -20, 5], 4, 8)), T);
  assert.deepEqual(shakeAsked.reasons, ['WRONG_MOVEMENT']);
});

test('a movement completed only after maxChallengeMs is TIMEOUT', () => {
  const late = ramp('yaw', [0, 20, -20, 0], 4, 80); // 80 still frames at 15 fps = 5.3 s first
  const r = evaluateChallenge(capture('SHAKE', late), T);
  assert.deepEqual(r.reasons, ['TIMEOUT']);
  assert.equal(
    evaluateChallenge(capture('SHAKE', late), livenessThresholds({ maxChallengeMs: 10_000 })).result,
    'PASS',
  );
});

test('best frame is the most frontal frame with open eyes', () => {
  const specs: FaceSpec[] = [
    { yaw: 3 },
    { yaw: 1 },
    { yaw: 0.2, ear: 0.1 },
    { yaw: 0.5 },
    ...ramp('yaw', [1, 20, -20, 1], 3, 0),
  ];
  const r = evaluateChallenge(capture('SHAKE', specs), T);
  assert.equal(specs[r.bestFrameIndex]?.yaw, 0.5);
});
