// The use case on real images: Collins's portrait made to blink and shake, Hopper as another person.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { getFaceEngine, type FaceEngine } from '../../../src/adapters/face/engine.ts';
import { faceAnalyser } from '../../../src/adapters/face/face-analyser.ts';
import { LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from '../../../src/adapters/face/track.ts';
import { analyseLivenessAttempt } from '../../../src/app/liveness-analysis.ts';
import { COLLINS, buildRealAttempt, loadRaw, missingImages, toJpeg, type RealAttempt } from './fixtures.ts';

const skip = missingImages();
let engine: FaceEngine;
let attempt: RealAttempt;

before(async () => {
  if (skip) return;
  engine = await getFaceEngine();
  const base = await loadRaw(COLLINS);
  const a = await engine.analyse(await toJpeg(base));
  const f = a.faces[0];
  assert.ok(f);
  const eyes = [LEFT_EYE_INDICES, RIGHT_EYE_INDICES].map((idx) =>
    idx.map((i) => [f.mesh[i]?.[0] ?? 0, f.mesh[i]?.[1] ?? 0] as const),
  );
  attempt = await buildRealAttempt(
    { cx: f.box.x + f.box.width / 2, cy: f.box.y + f.box.height / 2, width: f.box.width, eyes },
    base,
  );
});

test(
  'BLINK and SHAKE pass on real frames; selfie matches the application photo, not another person',
  { skip },
  async () => {
    const r = await analyseLivenessAttempt(
      {
        requested: ['BLINK', 'SHAKE'],
        selfie: attempt.selfie,
        captures: [
          { challenge: 'BLINK', frames: attempt.blink },
          { challenge: 'SHAKE', frames: attempt.shake },
        ],
        trustedSources: { PROVIDED: attempt.application, PASSPORT: attempt.otherPerson },
      },
      { engine: faceAnalyser(engine) },
    );
    const [blink, shake] = r.outcome.challenges;
    assert.equal(blink?.result, 'PASS', JSON.stringify(blink));
    assert.equal(shake?.result, 'PASS', JSON.stringify(shake));
    assert.equal(r.outcome.liveness, 'PASS', JSON.stringify(r.outcome.reasons));
    assert.equal(r.outcome.faceMatch, 'MATCH');
    assert.equal(r.outcome.result, 'PASS');
    assert.ok([9, 10].includes(blink.evidenceFrameIndex), `blink trough at ${blink.evidenceFrameIndex}`);
    assert.ok(r.outcome.sameFace.every((s) => s.ok));
    const provided = r.faces.find((x) => x.label === 'TRUSTED SOURCE FACE - PROVIDED');
    assert.equal(provided?.result, 'MATCH');
    assert.ok(r.faces.filter((x) => x.source === 'PASSPORT').every((x) => x.result === 'NO MATCH'));
    assert.deepEqual(
      r.evaluation.map((e) => e.type),
      [
        'Liveness Assessment',
        'Liveness Assessment',
        'Face Authentication',
        'Face Authentication',
        'Face Authentication',
        'Face Authentication',
      ],
    );
    assert.equal(r.timing.trackingFrames, attempt.blink.length + attempt.shake.length);
    assert.equal(r.tracks[0]?.frames.length, attempt.blink.length);
  },
);

test('R17 on real frames: an unperformed NOD fails liveness although the face matches', { skip }, async () => {
  const r = await analyseLivenessAttempt(
    {
      requested: ['NOD'],
      selfie: attempt.selfie,
      captures: [{ challenge: 'NOD', frames: attempt.noNod }],
      trustedSources: { PROVIDED: attempt.application },
    },
    { engine: faceAnalyser(engine) },
  );
  assert.equal(r.outcome.faceMatch, 'MATCH');
  assert.equal(r.outcome.liveness, 'FAIL');
  assert.equal(r.outcome.result, 'FAIL');
  assert.deepEqual(r.outcome.challenges[0]?.reasons, ['NOD_NOT_DETECTED']);
});

test('a still photo (identical frames) fails with STILL_IMAGE', { skip }, async () => {
  const photo = attempt.application;
  const still = Array.from({ length: 6 }, (_, i) => ({ image: photo, tMs: i * 100 }));
  const r = await analyseLivenessAttempt(
    {
      requested: ['BLINK', 'SHAKE'],
      selfie: attempt.selfie,
      captures: [
        { challenge: 'BLINK', frames: still },
        { challenge: 'SHAKE', frames: still.map((f) => ({ ...f, tMs: f.tMs + 1000 })) },
      ],
      trustedSources: { PROVIDED: attempt.application },
    },
    { engine: faceAnalyser(engine) },
  );
  assert.equal(r.outcome.liveness, 'FAIL');
  assert.ok(r.outcome.reasons.includes('STILL_IMAGE'), JSON.stringify(r.outcome.reasons));
  assert.ok(r.outcome.challenges.every((c) => c.reasons.includes('STILL_IMAGE')));
});
