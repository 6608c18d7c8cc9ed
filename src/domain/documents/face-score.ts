// faceMatchScore (seed 003, 0–100) from the face engine's descriptor similarity, through the liveness work's
// calibration table (the false match rate an impostor reaches at that similarity):
//
//   faceMatchScore = round(100 × log10(1 / FMR) / 7), clamped to 0–100
//
// so 0 is "any impostor scores this" (FMR 1) and 100 is the table's floor (FMR 1e-7); every 100/7 ≈ 14.3
// points is a false match rate ten times smaller (score 43 ≈ FMR 1e-3, 57 ≈ 1e-4). The comparison is VERIFIED
// at or above the account's threshold (PONO_FACE_MATCH_THRESHOLD, default 40 ≈ FMR 1.9e-3) and PENDING (for
// review) below it: a document portrait is older and smaller than a selfie, so a low score is not a finding.
import { fmrForSimilarity, type CalibrationTable } from '../liveness/fmr.ts';
import { cosineSimilarity } from '../liveness/geometry.ts';

export const DEFAULT_FACE_MATCH_THRESHOLD = 40;
const FLOOR_DECADES = 7;

export function faceMatchScore(table: CalibrationTable, similarity: number): number {
  const fmr = fmrForSimilarity(table, similarity);
  const score = Math.round((100 * Math.log10(1 / fmr)) / FLOOR_DECADES);
  return Math.min(100, Math.max(0, score));
}

/** Cosine similarity of two descriptors; null when either is missing or they differ in length. */
export function descriptorSimilarity(
  a: readonly number[] | undefined,
  b: readonly number[] | undefined,
): number | null {
  return a && b && a.length === b.length && a.length > 0 ? cosineSimilarity(a, b) : null;
}
