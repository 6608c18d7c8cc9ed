// Use case: one liveness attempt set. Selfie + per-challenge frame sequences (JPEG/PNG/WebP buffers) go through the
// face engine into landmark/angle tracks; the pure decision (src/domain/liveness) does the rest.
// WebM is not accepted here: decoding it needs ffmpeg (Debian `ffmpeg`), which pono does not depend on. The capture
// page sends frame sequences.
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import type { EngineFrame, FaceAnalyser } from './ports/face-engine.ts';
import { DEFAULT_CALIBRATION } from '../domain/liveness/calibration/index.ts';
import {
  assessChallenges,
  decideAttempt,
  type AttemptOutcome,
  type EvaluationRow,
  type FaceAuthenticationRow,
  type FaceDescriptorInput,
  type Probe,
  type TrustedSource,
} from '../domain/liveness/decision.ts';
import type { CalibrationTable } from '../domain/liveness/fmr.ts';
import { DEFAULT_THRESHOLDS, type LivenessThresholds } from '../domain/liveness/thresholds.ts';
import type { Challenge, ChallengeCapture, PassFail, TrackFrame } from '../domain/liveness/types.ts';

export interface CapturedFrame {
  readonly image: Buffer;
  /** capture time, ms */
  readonly tMs: number;
}

export interface LivenessAttemptInput {
  /** the challenges asked for, in the (randomised) order they were asked */
  readonly requested: readonly Challenge[];
  readonly selfie: Buffer;
  readonly captures: readonly { readonly challenge: Challenge; readonly frames: readonly CapturedFrame[] }[];
  /** application photo (PROVIDED), passport image, immigration photo, when present */
  readonly trustedSources: Partial<Record<TrustedSource, Buffer>>;
  readonly pad?: PassFail;
}

export interface LivenessAnalysisOptions {
  readonly engine: FaceAnalyser;
  readonly thresholds?: LivenessThresholds;
  readonly calibration?: CalibrationTable;
}

export interface ChallengeFrames {
  readonly challenge: Challenge;
  readonly bestFrameIndex: number;
  readonly evidenceFrameIndex: number;
}

export interface LivenessAnalysis {
  readonly outcome: AttemptOutcome;
  /** seed "Evaluation" view: per challenge result/score, then face authentication rows */
  readonly evaluation: readonly EvaluationRow[];
  /** seed "Faces" view rows: result, FMR, threshold per comparison */
  readonly faces: readonly FaceAuthenticationRow[];
  readonly frames: readonly ChallengeFrames[];
  /** per-frame tracks, to store as evidence */
  readonly tracks: readonly ChallengeCapture[];
  readonly timing: {
    readonly trackingFrames: number;
    readonly descriptorFrames: number;
    /** sum of the engine's own wall time over all frames analysed */
    readonly engineMs: number;
    readonly totalMs: number;
    /** the thread that ran the engine: 0 is the main thread (the server's event loop), workers are 1 and up */
    readonly threadId: number;
  };
}

function toTrackFrame(a: EngineFrame, tMs: number): TrackFrame {
  // tracking frames are analysed without descriptors, so the faces are the tracked faces as they are
  return { tMs, digest: a.digest, faces: a.faces };
}

export async function analyseLivenessAttempt(
  input: LivenessAttemptInput,
  options: LivenessAnalysisOptions,
): Promise<LivenessAnalysis> {
  const t0 = performance.now();
  const engine = options.engine;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const calibration = options.calibration ?? DEFAULT_CALIBRATION;
  let engineMs = 0;
  let trackingFrames = 0;
  let descriptorFrames = 0;

  const tracks: ChallengeCapture[] = [];
  for (const capture of input.captures) {
    const frames: TrackFrame[] = [];
    for (const frame of capture.frames) {
      const a = await engine.analyse(frame.image);
      engineMs += a.ms;
      trackingFrames++;
      frames.push(toTrackFrame(a, frame.tMs));
    }
    tracks.push({ challenge: capture.challenge, frames });
  }

  const assessment = assessChallenges(input.requested, tracks, thresholds);

  const describe = async (image: Buffer): Promise<FaceDescriptorInput> => {
    const a = await engine.analyse(image, { descriptor: true });
    engineMs += a.ms;
    descriptorFrames++;
    const face = a.faces.length === 1 ? a.faces[0] : undefined;
    return face?.descriptor ? { faceCount: 1, descriptor: face.descriptor } : { faceCount: a.faces.length };
  };

  const frameImage = (challenge: Challenge, index: number): Buffer | undefined =>
    index >= 0 ? input.captures.find((c) => c.challenge === challenge)?.frames[index]?.image : undefined;

  const probes: Partial<Record<Exclude<Probe, 'SELFIE'>, FaceDescriptorInput>> = {};
  for (const c of assessment.challenges) {
    const best = frameImage(c.challenge, c.bestFrameIndex);
    if (best) probes[`${c.challenge} BEST FRAME`] = await describe(best);
    // the seed's "BLINK LIVENESS FRAME": the eyes-closed frame that shows the blink
    const evidence = c.challenge === 'BLINK' ? frameImage(c.challenge, c.evidenceFrameIndex) : undefined;
    if (evidence) {
      probes['BLINK LIVENESS FRAME'] =
        c.evidenceFrameIndex === c.bestFrameIndex ? probes['BLINK BEST FRAME'] : await describe(evidence);
    }
  }
  const selfie = await describe(input.selfie);
  const sources: Partial<Record<TrustedSource, FaceDescriptorInput>> = {};
  for (const [source, image] of Object.entries(input.trustedSources) as [TrustedSource, Buffer | undefined][]) {
    if (image) sources[source] = await describe(image);
  }

  const outcome = decideAttempt(
    assessment,
    { selfie, probes, sources, ...(input.pad ? { pad: input.pad } : {}) },
    calibration,
    thresholds,
  );
  return {
    outcome,
    evaluation: outcome.evaluation,
    faces: outcome.faceAuthentication,
    frames: assessment.challenges.map((c) => ({
      challenge: c.challenge,
      bestFrameIndex: c.bestFrameIndex,
      evidenceFrameIndex: c.evidenceFrameIndex,
    })),
    tracks,
    timing: { trackingFrames, descriptorFrames, engineMs, totalMs: performance.now() - t0, threadId },
  };
}
