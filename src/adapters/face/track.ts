// Maps engine observations onto the pure liveness track types (MediaPipe 478-point mesh indices).
import type { EyePoints, Point2, TrackFace } from '../../domain/liveness/types.ts';
import type { FaceObservation, MeshPoint } from './engine.ts';

/** EAR points p1..p6 per eye (research liveness.md §5): corners, upper lid, lower lid. */
export const LEFT_EYE_INDICES = [33, 160, 158, 133, 153, 144] as const;
export const RIGHT_EYE_INDICES = [362, 385, 387, 263, 373, 380] as const;

function eye(
  mesh: readonly MeshPoint[],
  indices: readonly [number, number, number, number, number, number],
): EyePoints | undefined {
  const pts: Point2[] = [];
  for (const i of indices) {
    const p = mesh[i];
    if (!p) return undefined;
    pts.push([p[0], p[1]]);
  }
  const [a, b, c, d, e, f] = pts;
  return a && b && c && d && e && f ? [a, b, c, d, e, f] : undefined;
}

const ZERO_EYE: EyePoints = [
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
];

/** A face without a usable mesh keeps its box (so it still counts as a face) but gets score 0 (not usable). */
export function toTrackFace(obs: FaceObservation): TrackFace {
  const left = eye(obs.mesh, LEFT_EYE_INDICES);
  const right = eye(obs.mesh, RIGHT_EYE_INDICES);
  return {
    box: obs.box,
    score: left && right ? obs.score : 0,
    yawDeg: obs.yawDeg,
    pitchDeg: obs.pitchDeg,
    rollDeg: obs.rollDeg,
    leftEye: left ?? ZERO_EYE,
    rightEye: right ?? ZERO_EYE,
  };
}
