// Face authentication as FMR (research nz-citizenship §4.3, R16): a descriptor similarity is reported as the false
// match rate an impostor would reach at that score, read from a calibration table; MATCH iff FMR <= threshold.

export interface CalibrationPoint {
  /** cosine similarity */
  readonly similarity: number;
  /** fraction of impostor comparisons scoring at least `similarity` */
  readonly fmr: number;
}

export interface CalibrationTable {
  readonly id: string;
  readonly metric: 'cosine';
  /** which descriptor the table belongs to; a table is only valid for that model and version */
  readonly descriptor: string;
  readonly impostorPairs: number;
  readonly distinctFaces: number;
  /** the smallest FMR the table may report (no calibration resolves rarer events) */
  readonly fmrFloor: number;
  /** similarity strictly increasing, fmr non-increasing */
  readonly points: readonly CalibrationPoint[];
  readonly note?: string;
}

export type MatchResult = 'MATCH' | 'NO MATCH' | 'ERROR';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates an untrusted calibration table (e.g. from a configured path). Throws with the first problem. */
export function parseCalibrationTable(raw: unknown): CalibrationTable {
  if (!isRecord(raw)) throw new TypeError('calibration table: not an object');
  const { id, metric, descriptor, impostorPairs, distinctFaces, fmrFloor, points, note } = raw;
  if (typeof id !== 'string' || id === '') throw new TypeError('calibration table: id missing');
  if (metric !== 'cosine') throw new TypeError('calibration table: metric must be "cosine"');
  if (typeof descriptor !== 'string') throw new TypeError('calibration table: descriptor missing');
  if (typeof impostorPairs !== 'number' || typeof distinctFaces !== 'number') {
    throw new TypeError('calibration table: impostorPairs / distinctFaces missing');
  }
  if (typeof fmrFloor !== 'number' || !(fmrFloor > 0 && fmrFloor < 1))
    throw new TypeError('calibration table: bad fmrFloor');
  if (!Array.isArray(points) || points.length < 2) throw new TypeError('calibration table: needs at least 2 points');
  const parsed: CalibrationPoint[] = points.map((p: unknown, i) => {
    if (!isRecord(p) || typeof p.similarity !== 'number' || typeof p.fmr !== 'number') {
      throw new TypeError(`calibration table: point ${i} malformed`);
    }
    if (!(p.fmr >= 0 && p.fmr <= 1)) throw new TypeError(`calibration table: point ${i} fmr out of [0,1]`);
    return { similarity: p.similarity, fmr: p.fmr };
  });
  for (let i = 1; i < parsed.length; i++) {
    const a = parsed[i - 1];
    const b = parsed[i];
    if (a && b && !(b.similarity > a.similarity))
      throw new TypeError(`calibration table: similarity not increasing at ${i}`);
    if (a && b && b.fmr > a.fmr) throw new TypeError(`calibration table: fmr increases at ${i}`);
  }
  return {
    id,
    metric,
    descriptor,
    impostorPairs,
    distinctFaces,
    fmrFloor,
    points: parsed,
    ...(typeof note === 'string' ? { note } : {}),
  };
}

/** FMR for a similarity: log-linear interpolation between table points, clamped to [fmrFloor, 1]. */
export function fmrForSimilarity(table: CalibrationTable, similarity: number): number {
  const pts = table.points;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last || !Number.isFinite(similarity)) return 1;
  const floor = (x: number): number => Math.min(1, Math.max(table.fmrFloor, x));
  if (similarity <= first.similarity) return floor(first.fmr);
  if (similarity >= last.similarity) return floor(last.fmr);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (!a || !b || similarity > b.similarity) continue;
    if (similarity === b.similarity) return floor(b.fmr);
    const f = (similarity - a.similarity) / (b.similarity - a.similarity);
    const la = Math.log(Math.max(table.fmrFloor, a.fmr));
    const lb = Math.log(Math.max(table.fmrFloor, b.fmr));
    return floor(Math.exp(la + f * (lb - la)));
  }
  return floor(last.fmr);
}

/** Smallest similarity whose FMR is at or below `fmr` (the operating point of a threshold). */
export function similarityForFmr(table: CalibrationTable, fmr: number): number {
  let lo = -1;
  let hi = 1;
  if (fmrForSimilarity(table, hi) > fmr) return Number.POSITIVE_INFINITY;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (fmrForSimilarity(table, mid) <= fmr) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** R16: MATCH iff reported <= threshold; equality matches; a missing or non-numeric value is ERROR. */
export function decideMatch(fmr: number | undefined, threshold: number): MatchResult {
  if (fmr === undefined || !Number.isFinite(fmr) || fmr < 0) return 'ERROR';
  return fmr <= threshold ? 'MATCH' : 'NO MATCH';
}

/** Parses "1.0E-3", "1.0020e-5", "0.001". Undefined for anything else. */
export function parseFmr(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/** Formats like the seed: 1.0020E-5 (four decimals, upper-case E, no exponent padding). */
export function formatFmr(x: number): string {
  if (x === 0) return '0.0000E0';
  const [mantissa, exponent] = x.toExponential(4).split('e');
  return `${mantissa ?? ''}E${Number(exponent ?? 0)}`;
}
