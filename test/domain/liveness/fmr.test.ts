import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALIBRATION } from '../../../src/domain/liveness/calibration/index.ts';
import {
  decideMatch,
  fmrForSimilarity,
  formatFmr,
  parseCalibrationTable,
  parseFmr,
  similarityForFmr,
  type CalibrationTable,
} from '../../../src/domain/liveness/fmr.ts';

const TABLE: CalibrationTable = parseCalibrationTable({
  id: 't',
  metric: 'cosine',
  descriptor: 'test',
  impostorPairs: 1000,
  distinctFaces: 10,
  fmrFloor: 1e-7,
  points: [
    { similarity: 0, fmr: 0.5 },
    { similarity: 0.5, fmr: 1e-2 },
    { similarity: 0.6, fmr: 1e-3 },
    { similarity: 0.7, fmr: 1e-5 },
  ],
});

test('R16: MATCH iff FMR <= threshold; equality matches; missing is ERROR', () => {
  assert.equal(decideMatch(1e-5, 1e-3), 'MATCH');
  assert.equal(decideMatch(1e-3, 1e-3), 'MATCH');
  assert.equal(decideMatch(2e-3, 1e-3), 'NO MATCH');
  assert.equal(decideMatch(1e-2, 1e-3), 'NO MATCH');
  assert.equal(decideMatch(undefined, 1e-3), 'ERROR');
  assert.equal(decideMatch(Number.NaN, 1e-3), 'ERROR');
  assert.equal(decideMatch(parseFmr('1.0E-3'), parseFmr('1.0E-3') ?? 0), 'MATCH');
});

test('FMR strings parse and format like the seed', () => {
  assert.equal(parseFmr('1.0E-3'), 1e-3);
  assert.equal(parseFmr('1.0020e-5'), 1.002e-5);
  assert.equal(parseFmr(' 0.001 '), 0.001);
  assert.equal(parseFmr('abc'), undefined);
  assert.equal(parseFmr('-1e-3'), undefined);
  assert.equal(formatFmr(1.002e-5), '1.0020E-5');
  assert.equal(formatFmr(1e-3), '1.0000E-3');
});

test('similarity maps to FMR at and around the threshold (log-linear between points)', () => {
  assert.equal(fmrForSimilarity(TABLE, 0.6), 1e-3);
  assert.equal(decideMatch(fmrForSimilarity(TABLE, 0.6), 1e-3), 'MATCH');
  assert.equal(decideMatch(fmrForSimilarity(TABLE, 0.5999), 1e-3), 'NO MATCH');
  assert.equal(decideMatch(fmrForSimilarity(TABLE, 0.6001), 1e-3), 'MATCH');
  assert.ok(Math.abs(fmrForSimilarity(TABLE, 0.65) - 1e-4) < 1e-12);
  assert.equal(fmrForSimilarity(TABLE, -1), 0.5);
  assert.equal(fmrForSimilarity(TABLE, 0.99), 1e-5);
  assert.ok(Math.abs(similarityForFmr(TABLE, 1e-3) - 0.6) < 1e-9);
});

test('calibration tables are validated', () => {
  assert.throws(() => parseCalibrationTable({ ...TABLE, metric: 'l2' }), /metric/);
  assert.throws(
    () =>
      parseCalibrationTable({
        ...TABLE,
        points: [
          { similarity: 0, fmr: 0.1 },
          { similarity: 0.5, fmr: 0.2 },
        ],
      }),
    /increases/,
  );
  assert.throws(
    () =>
      parseCalibrationTable({
        ...TABLE,
        points: [
          { similarity: 0.5, fmr: 0.1 },
          { similarity: 0.5, fmr: 0.05 },
        ],
      }),
    /increasing/,
  );
  assert.throws(() => parseCalibrationTable(null), /object/);
});

test('the shipped table is monotone, nominal, and puts FMR 1e-3 between impostor p99 and genuine scores', () => {
  const t = DEFAULT_CALIBRATION;
  assert.equal(t.metric, 'cosine');
  assert.ok(t.impostorPairs > 10_000 && t.distinctFaces >= 30);
  const at = similarityForFmr(t, 1e-3);
  assert.ok(at > 0.56 && at < 0.72, `cosine at FMR 1e-3 is ${at}`);
  for (let s = -0.2; s < 1; s += 0.01) assert.ok(fmrForSimilarity(t, s) >= fmrForSimilarity(t, s + 0.01));
  assert.equal(fmrForSimilarity(t, 0.999), t.fmrFloor);
});
