// Default thresholds, from /work/shared/research/liveness.md §5 (measured on Human's 478-point mesh).
// All are configurable: pass a partial override to `livenessThresholds`.

export interface BlinkThresholds {
  /** the eyes count as closed below this fraction of the open-eye baseline EAR */
  readonly closedRatio: number;
  /** ... and below this absolute EAR */
  readonly closedAbsolute: number;
  /** the eyes count as open again at or above this fraction of the baseline */
  readonly reopenRatio: number;
  /** longest closure that still counts as a blink */
  readonly maxClosedMs: number;
  readonly minBlinks: number;
}

export interface NodThresholds {
  /** smallest pitch excursion from the baseline, degrees */
  readonly minExcursionDeg: number;
  /** smallest total pitch range (max - min), degrees */
  readonly minRangeDeg: number;
  /** after the peak the head must come back by this fraction of the excursion */
  readonly returnFraction: number;
  /** yaw must stay within this of its baseline (else it was a shake) */
  readonly maxOffAxisDeg: number;
}

export interface ShakeThresholds {
  /** yaw must reach this on both sides of the baseline, degrees */
  readonly minExcursionDeg: number;
  readonly minRangeDeg: number;
  /** pitch must stay within this of its baseline (else it was a nod) */
  readonly maxOffAxisDeg: number;
}

export interface FrameThresholds {
  readonly minFaceScore: number;
  /** median face box width, pixels */
  readonly minFaceWidthPx: number;
  /** fraction of frames that may lack a usable face */
  readonly maxNoFaceFraction: number;
  readonly minFrames: number;
  readonly minFps: number;
  /** consecutive frames: IoU below this AND centre jump above maxCentreJump x width = another face */
  readonly minIoU: number;
  readonly maxCentreJump: number;
  /** this many identical consecutive frames = a frozen video */
  readonly maxIdenticalRun: number;
  /** a run of this many frames that repeats an earlier run = a looped video */
  readonly minLoopRun: number;
  /** below these ranges over the whole attempt, nothing moved but the camera: a still image */
  readonly stillPoseRangeDeg: number;
  readonly stillEarRelativeRange: number;
  /** baseline = median over the first this-many ms of a capture */
  readonly baselineMs: number;
}

export interface LivenessThresholds {
  readonly blink: BlinkThresholds;
  readonly nod: NodThresholds;
  readonly shake: ShakeThresholds;
  readonly frames: FrameThresholds;
  /** a challenge must be completed within this time from its first frame */
  readonly maxChallengeMs: number;
  /** cosine similarity of a challenge's best frame to the selfie, proving the same face throughout */
  readonly sameFaceMinSimilarity: number;
  /** FMR decision threshold (R16), MATCH when FMR <= this */
  readonly fmrThreshold: number;
  readonly maxAttempts: number;
}

export const DEFAULT_THRESHOLDS: LivenessThresholds = {
  blink: { closedRatio: 0.6, closedAbsolute: 0.22, reopenRatio: 0.85, maxClosedMs: 500, minBlinks: 1 },
  nod: { minExcursionDeg: 8, minRangeDeg: 15, returnFraction: 0.5, maxOffAxisDeg: 12 },
  shake: { minExcursionDeg: 12, minRangeDeg: 25, maxOffAxisDeg: 12 },
  frames: {
    minFaceScore: 0.8,
    minFaceWidthPx: 100,
    maxNoFaceFraction: 0.2,
    minFrames: 3,
    minFps: 5,
    minIoU: 0.3,
    maxCentreJump: 0.25,
    maxIdenticalRun: 5,
    minLoopRun: 3,
    stillPoseRangeDeg: 2,
    stillEarRelativeRange: 0.08,
    baselineMs: 500,
  },
  maxChallengeMs: 5000,
  sameFaceMinSimilarity: 0.6,
  fmrThreshold: 1.0e-3,
  maxAttempts: 3,
};

export interface ThresholdOverrides {
  readonly blink?: Partial<BlinkThresholds>;
  readonly nod?: Partial<NodThresholds>;
  readonly shake?: Partial<ShakeThresholds>;
  readonly frames?: Partial<FrameThresholds>;
  readonly maxChallengeMs?: number;
  readonly sameFaceMinSimilarity?: number;
  readonly fmrThreshold?: number;
  readonly maxAttempts?: number;
}

export function livenessThresholds(overrides: ThresholdOverrides = {}): LivenessThresholds {
  const d = DEFAULT_THRESHOLDS;
  return {
    blink: { ...d.blink, ...overrides.blink },
    nod: { ...d.nod, ...overrides.nod },
    shake: { ...d.shake, ...overrides.shake },
    frames: { ...d.frames, ...overrides.frames },
    maxChallengeMs: overrides.maxChallengeMs ?? d.maxChallengeMs,
    sameFaceMinSimilarity: overrides.sameFaceMinSimilarity ?? d.sameFaceMinSimilarity,
    fmrThreshold: overrides.fmrThreshold ?? d.fmrThreshold,
    maxAttempts: overrides.maxAttempts ?? d.maxAttempts,
  };
}
