import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateChallenge } from '../../../src/domain/liveness/challenges.ts';
import { checkCapture } from '../../../src/domain/liveness/integrity.ts';
import { DEFAULT_THRESHOLDS as T } from '../../../src/domain/liveness/thresholds.ts';
import type { TrackFrame } from '../../../src/domain/liveness/types.ts';
import { BOX, capture, frames, goodShake, type FaceSpec } from './tracks.ts';

const F = T.frames;

test('a clean live capture has no integrity reasons', () => {
  assert.deepEqual(checkCapture(frames(goodShake()), F).reasons, []);
});

test('no face in most frames is NO_FACE; a few dropped frames are tolerated', () => {
  const specs: (FaceSpec | null)[] = goodShake().map((s, i) => (i % 2 === 0 ? null : s));
  assert.ok(checkCapture(frames(specs), F).reasons.includes('NO_FACE'));
  const few: (FaceSpec | null)[] = goodShake().map((s, i) => (i === 3 ? null : s));
  assert.deepEqual(checkCapture(frames(few), F).reasons, []);
  const r = evaluateChallenge(
    capture(
      'SHAKE',
      specs.map(() => null),
    ),
    T,
  );
  assert.equal(r.result, 'FAIL');
  assert.ok(r.reasons.includes('NO_FACE'));
  assert.equal(r.bestFrameIndex, -1);
});

test('two faces in any frame is MULTIPLE_FACES', () => {
  const specs: (FaceSpec | FaceSpec[])[] = goodShake();
  specs[5] = [{}, { box: { x: 10, y: 10, width: 150, height: 180 } }];
  const r = evaluateChallenge(capture('SHAKE', specs), T);
  assert.equal(r.result, 'FAIL');
  assert.deepEqual(r.reasons, ['MULTIPLE_FACES']);
});

test('a face that jumps elsewhere between frames is FACE_DISCONTINUITY', () => {
  const specs = goodShake().map((s, i) => (i >= 10 ? { ...s, box: { ...BOX, x: BOX.x + 300 } } : s));
  assert.deepEqual(checkCapture(frames(specs), F).reasons, ['FACE_DISCONTINUITY']);
  // a small drift is fine
  const drift = goodShake().map((s, i) => ({ ...s, box: { ...BOX, x: BOX.x + i * 3 } }));
  assert.deepEqual(checkCapture(frames(drift), F).reasons, []);
});

test('small faces are FACE_TOO_SMALL', () => {
  const specs = goodShake().map((s) => ({ ...s, box: { x: 0, y: 0, width: 60, height: 70 } }));
  assert.deepEqual(checkCapture(frames(specs), F).reasons, ['FACE_TOO_SMALL']);
});

test('identical frames in a run of maxIdenticalRun within a moving clip are FROZEN_VIDEO', () => {
  const fr = frames(goodShake());
  const frozen: TrackFrame[] = fr.map((f, i) => (i >= 10 && i < 10 + F.maxIdenticalRun ? { ...f, digest: 'same' } : f));
  assert.deepEqual(checkCapture(frozen, F).reasons, ['FROZEN_VIDEO']);
  const shorter: TrackFrame[] = fr.map((f, i) => (i >= 10 && i < 9 + F.maxIdenticalRun ? { ...f, digest: 'same' } : f));
  assert.deepEqual(checkCapture(shorter, F).reasons, []);
});

test('a replayed loop is LOOPED_VIDEO', () => {
  const fr = frames(goodShake());
  const loop: TrackFrame[] = [...fr.slice(0, 12), ...fr.slice(4, 12).map((f, i) => ({ ...f, tMs: 2000 + i * 66 }))];
  assert.ok(checkCapture(loop, F).reasons.includes('LOOPED_VIDEO'));
});

test('every frame identical is STILL_IMAGE, also without digests (engine output identical)', () => {
  const still = frames(Array.from({ length: 20 }, () => ({}))).map((f) => ({ ...f, digest: 'photo' }));
  assert.deepEqual(checkCapture(still, F).reasons, ['STILL_IMAGE']);
  const noDigest: TrackFrame[] = still.map((f) => ({ tMs: f.tMs, faces: f.faces }));
  assert.deepEqual(checkCapture(noDigest, F).reasons, ['STILL_IMAGE']);
  const r = evaluateChallenge(
    capture(
      'BLINK',
      Array.from({ length: 20 }, () => ({})),
    ),
    T,
  );
  assert.equal(r.result, 'FAIL');
  assert.ok(r.reasons.includes('BLINK_NOT_DETECTED'));
});

test('timestamps must increase and the frame rate must reach minFps', () => {
  const fr = frames(goodShake());
  const swapped: TrackFrame[] = fr.map((f, i) => (i === 5 ? { ...f, tMs: 0 } : f));
  assert.ok(checkCapture(swapped, F).reasons.includes('BAD_TIMESTAMPS'));
  assert.ok(checkCapture(frames(goodShake(), 2), F).reasons.includes('LOW_FRAME_RATE'));
  assert.ok(checkCapture(frames([{}, {}]), F).reasons.includes('TOO_FEW_FRAMES'));
});
