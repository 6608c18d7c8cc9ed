// Synthetic landmark/angle tracks for the pure liveness decision.
import type {
  Box,
  Challenge,
  ChallengeCapture,
  EyePoints,
  TrackFace,
  TrackFrame,
} from '../../../src/domain/liveness/types.ts';

export interface FaceSpec {
  readonly yaw?: number;
  readonly pitch?: number;
  readonly ear?: number;
  readonly box?: Box;
  readonly score?: number;
}

/** An eye 30 px wide whose aspect ratio is exactly `ear`. */
export function eyeWithEar(x: number, y: number, ear: number): EyePoints {
  const g = 30 * ear;
  return [
    [x, y],
    [x + 10, y - g / 2],
    [x + 20, y - g / 2],
    [x + 30, y],
    [x + 20, y + g / 2],
    [x + 10, y + g / 2],
  ];
}

export const BOX: Box = { x: 200, y: 100, width: 200, height: 240 };

export function face(spec: FaceSpec = {}): TrackFace {
  const ear = spec.ear ?? 0.35;
  const box = spec.box ?? BOX;
  return {
    box,
    score: spec.score ?? 0.95,
    yawDeg: spec.yaw ?? 0,
    pitchDeg: spec.pitch ?? 5,
    rollDeg: 0,
    leftEye: eyeWithEar(box.x + 40, box.y + 90, ear),
    rightEye: eyeWithEar(box.x + 130, box.y + 90, ear),
  };
}

/** Frames at `fps` from `t0`, one face each from `specs`, with distinct digests (a live camera). */
export function frames(
  specs: readonly (FaceSpec | null | FaceSpec[])[],
  fps = 15,
  t0 = 0,
  digestPrefix = 'f',
): TrackFrame[] {
  return specs.map((spec, i) => ({
    tMs: t0 + (i * 1000) / fps,
    digest: `${digestPrefix}${t0}-${i}`,
    faces: spec === null ? [] : Array.isArray(spec) ? spec.map(face) : [face(spec)],
  }));
}

export function capture(
  challenge: Challenge,
  specs: readonly (FaceSpec | null | FaceSpec[])[],
  fps = 15,
  t0 = 0,
): ChallengeCapture {
  return { challenge, frames: frames(specs, fps, t0, challenge) };
}

/** `n` frames holding a value, then a ramp through the given keyframes, `steps` frames between each. */
export function ramp(
  key: 'yaw' | 'pitch' | 'ear',
  values: readonly number[],
  steps = 3,
  hold = 8,
  base: FaceSpec = {},
): FaceSpec[] {
  const out: FaceSpec[] = [];
  const first = values[0] ?? 0;
  for (let i = 0; i < hold; i++) out.push({ ...base, [key]: first });
  for (let v = 1; v < values.length; v++) {
    const a = values[v - 1] ?? 0;
    const b = values[v] ?? 0;
    for (let s = 1; s <= steps; s++) out.push({ ...base, [key]: a + ((b - a) * s) / steps });
  }
  return out;
}

export const goodBlink = (): FaceSpec[] => [
  ...ramp('ear', [0.35], 1, 10),
  { ear: 0.2 },
  { ear: 0.12 },
  { ear: 0.2 },
  ...ramp('ear', [0.35], 1, 10),
];
export const goodNod = (): FaceSpec[] => ramp('pitch', [5, -12, 5], 4, 8);
export const goodShake = (): FaceSpec[] => ramp('yaw', [0, 20, -20, 0], 4, 8);
