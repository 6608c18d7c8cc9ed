import type { Box, EyePoints, Point2, TrackFace } from './types.ts';

function dist(a: Point2, b: Point2): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** EAR = (|p2-p6| + |p3-p5|) / (2 |p1-p4|); about 0.3-0.5 open, under 0.2 closed. */
export function eyeAspectRatio(eye: EyePoints): number {
  const [p1, p2, p3, p4, p5, p6] = eye;
  const width = dist(p1, p4);
  if (width === 0) return 0;
  return (dist(p2, p6) + dist(p3, p5)) / (2 * width);
}

export function faceEar(face: TrackFace): number {
  return (eyeAspectRatio(face.leftEye) + eyeAspectRatio(face.rightEye)) / 2;
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

export function centreJump(a: Box, b: Box): number {
  const dx = a.x + a.width / 2 - (b.x + b.width / 2);
  const dy = a.y + a.height / 2 - (b.y + b.height / 2);
  return Math.hypot(dx, dy) / Math.max(1, (a.width + b.width) / 2);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError('descriptors differ in length or are empty');
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Round to 4 decimals, for scores shown to officers. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
