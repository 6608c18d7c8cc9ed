import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCalibrationTable } from '../../../src/adapters/face/calibration.ts';
import { toTrackFace, LEFT_EYE_INDICES } from '../../../src/adapters/face/track.ts';
import type { FaceObservation, MeshPoint } from '../../../src/adapters/face/engine.ts';
import { DEFAULT_CALIBRATION } from '../../../src/domain/liveness/calibration/index.ts';
import { fmrForSimilarity } from '../../../src/domain/liveness/fmr.ts';

test('the calibration table is replaceable by a configured path, and validated', async () => {
  assert.equal(await loadCalibrationTable(), DEFAULT_CALIBRATION);
  const dir = mkdtempSync(join(tmpdir(), 'pono-calib-'));
  const path = join(dir, 'table.json');
  writeFileSync(
    path,
    JSON.stringify({
      id: 'site-2025',
      metric: 'cosine',
      descriptor: 'x',
      impostorPairs: 5,
      distinctFaces: 3,
      fmrFloor: 1e-6,
      points: [
        { similarity: 0, fmr: 1 },
        { similarity: 1, fmr: 1e-6 },
      ],
    }),
  );
  const t = await loadCalibrationTable(path);
  assert.equal(t.id, 'site-2025');
  assert.ok(Math.abs(fmrForSimilarity(t, 0.5) - 1e-3) < 1e-12);
  writeFileSync(path, JSON.stringify({ id: 'bad' }));
  await assert.rejects(loadCalibrationTable(path), /calibration table/);
});

test('engine observations map onto tracks by the MediaPipe eye indices; no mesh means unusable', () => {
  const mesh: MeshPoint[] = Array.from({ length: 478 }, (_, i) => [i, i * 2, 0]);
  const obs: FaceObservation = {
    box: { x: 1, y: 2, width: 3, height: 4 },
    score: 0.9,
    mesh,
    yawDeg: 1,
    pitchDeg: 2,
    rollDeg: 3,
  };
  const t = toTrackFace(obs);
  assert.deepEqual(t.leftEye[0], [LEFT_EYE_INDICES[0], LEFT_EYE_INDICES[0] * 2]);
  assert.equal(t.score, 0.9);
  assert.equal(toTrackFace({ ...obs, mesh: [] }).score, 0);
});
