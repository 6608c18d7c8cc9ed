export { getFaceEngine, decodeImage, FaceEngineError } from './engine.ts';
export type {
  FaceEngine,
  FrameAnalysis,
  FaceObservation,
  FaceBox,
  MeshPoint,
  RgbFrame,
  AnalyseOptions,
} from './engine.ts';
export { toTrackFace, LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from './track.ts';
export { loadCalibrationTable } from './calibration.ts';
