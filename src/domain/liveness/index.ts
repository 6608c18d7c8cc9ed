export * from './types.ts';
export * from './thresholds.ts';
export { eyeAspectRatio, faceEar, iou, centreJump, cosineSimilarity } from './geometry.ts';
export { checkCapture, isStillAcrossAttempt, frameKey, type Sample, type IntegrityReport } from './integrity.ts';
export { evaluateChallenge } from './challenges.ts';
export * from './fmr.ts';
export * from './decision.ts';
export { DEFAULT_CALIBRATION } from './calibration/index.ts';
