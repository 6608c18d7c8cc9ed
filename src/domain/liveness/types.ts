// Pure data shapes for liveness decisions. No engine types: the app maps engine output onto these tracks.

export type Challenge = 'BLINK' | 'NOD' | 'SHAKE';
export const CHALLENGES: readonly Challenge[] = ['BLINK', 'NOD', 'SHAKE'];

export type Point2 = readonly [number, number];
/** Eye contour points p1..p6 of the eye-aspect-ratio formula: corners p1/p4, upper lid p2/p3, lower lid p6/p5. */
export type EyePoints = readonly [Point2, Point2, Point2, Point2, Point2, Point2];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TrackFace {
  readonly box: Box;
  /** detector confidence 0..1 */
  readonly score: number;
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly leftEye: EyePoints;
  readonly rightEye: EyePoints;
}

export interface TrackFrame {
  /** capture time in ms (any origin, increasing within an attempt) */
  readonly tMs: number;
  /** content digest of the decoded frame; identical digests mean identical pixels */
  readonly digest?: string;
  readonly faces: readonly TrackFace[];
}

export interface ChallengeCapture {
  readonly challenge: Challenge;
  readonly frames: readonly TrackFrame[];
}

export type ReasonCode =
  // frame integrity (per challenge)
  | 'NO_FACE'
  | 'MULTIPLE_FACES'
  | 'FACE_TOO_SMALL'
  | 'FACE_DISCONTINUITY'
  | 'FROZEN_VIDEO'
  | 'LOOPED_VIDEO'
  | 'STILL_IMAGE'
  | 'TOO_FEW_FRAMES'
  | 'LOW_FRAME_RATE'
  | 'BAD_TIMESTAMPS'
  // movement
  | 'BLINK_NOT_DETECTED'
  | 'NOD_NOT_DETECTED'
  | 'SHAKE_NOT_DETECTED'
  | 'WRONG_MOVEMENT'
  | 'TIMEOUT'
  // attempt level
  | 'CHALLENGE_MISSING'
  | 'OUT_OF_ORDER'
  | 'SELFIE_NO_FACE'
  | 'SELFIE_MULTIPLE_FACES'
  | 'DIFFERENT_FACE'
  | 'DESCRIPTOR_MISSING'
  | 'PAD_FAILED';

export type PassFail = 'PASS' | 'FAIL';

/** An attempt set: open for capture, being analysed, or decided. */
export type AttemptState = 'OPEN' | 'ANALYSING' | 'DECIDED';

export interface ChallengeResult {
  readonly challenge: Challenge;
  readonly result: PassFail;
  /** 0..1; 0.5 is exactly at the configured thresholds */
  readonly score: number;
  /** index into the capture's frames of the best-quality frame (frontal, eyes open); -1 when none */
  readonly bestFrameIndex: number;
  /** frame that shows the movement: blink trough, nod/shake peak; -1 when none */
  readonly evidenceFrameIndex: number;
  readonly reasons: readonly ReasonCode[];
  /** measured values, for evidence and display */
  readonly metrics: Readonly<Record<string, number>>;
}
