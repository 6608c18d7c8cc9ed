// The slant of a document's lines of print, so that a page photographed a little turned can be set level before
// it is read (the OCR misreads the MRZ of a page turned by as little as 1.5°). The projection-profile method: the
// dark pixels are sheared by each candidate angle and counted per row; at the angle of the print, its lines fall
// into few rows, so the sum of the squared row counts is highest. Pure arithmetic on a small grey image.

export interface GreyImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Limits (tuned on the specimen passports and licences; see test/domain/documents/skew.test.ts). */
export const SKEW_LIMITS = {
  /** the angles tried, either way, in whole degrees; a page turned further is for the locating step or a retake */
  maxDeg: 5,
  /** the finer steps tried within a degree of the best whole degree */
  stepDeg: 0.25,
  /** a grey level below this is print (the grey a turned photo's corners are filled with is not) */
  darkLevel: 70,
  /** below this turn the page is left as it is (no resampling of a straight page) */
  minDeg: 0.5,
} as const;

function dark(image: GreyImage): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.data[y * image.width + x] ?? 255) < SKEW_LIMITS.darkLevel) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs, ys };
}

function profileScore(xs: readonly number[], ys: readonly number[], height: number, slope: number, span: number) {
  const rows = new Float64Array(height + 2 * span + 1);
  for (let i = 0; i < xs.length; i++) {
    const row = Math.round((ys[i] ?? 0) + (xs[i] ?? 0) * slope) + span;
    rows[row] = (rows[row] ?? 0) + 1;
  }
  let score = 0;
  for (const count of rows) score += count * count;
  return score;
}

/**
 * The angle, in degrees clockwise, that sets the image's print level (0 when it is level, or within
 * SKEW_LIMITS.minDeg of it, or when there is no print to go by).
 */
export function printSkew(image: GreyImage): number {
  const { xs, ys } = dark(image);
  if (xs.length === 0) return 0;
  const span = Math.ceil(image.width * Math.tan((SKEW_LIMITS.maxDeg * Math.PI) / 180)) + 1;
  const score = (deg: number): number => profileScore(xs, ys, image.height, Math.tan((deg * Math.PI) / 180), span);
  // every whole degree first, then SKEW_LIMITS.stepDeg around the best of them; ties go to the smaller turn
  const bestOf = (candidates: readonly number[]): number => {
    let best = 0;
    let bestScore = -1;
    for (const deg of candidates) {
      const s = score(deg);
      if (s > bestScore || (s === bestScore && Math.abs(deg) < Math.abs(best))) {
        best = deg;
        bestScore = s;
      }
    }
    return best;
  };
  const whole = bestOf(Array.from({ length: 2 * SKEW_LIMITS.maxDeg + 1 }, (_, k) => k - SKEW_LIMITS.maxDeg));
  const fine = Math.round(1 / SKEW_LIMITS.stepDeg);
  const best = bestOf(Array.from({ length: 2 * fine - 1 }, (_, k) => whole + (k - fine + 1) * SKEW_LIMITS.stepDeg));
  return Math.abs(best) < SKEW_LIMITS.minDeg ? 0 : best;
}
