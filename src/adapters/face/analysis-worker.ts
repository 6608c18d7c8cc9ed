// One liveness attempt set analysed inside a worker thread (see analysis-pool.ts): the face engine is loaded once
// per worker on its first task. Images arrive as Uint8Array (structured clone) and are viewed as Buffers again.
import {
  analyseLivenessAttempt,
  type LivenessAnalysis,
  type LivenessAttemptInput,
} from '../../app/liveness-analysis.ts';
import { loadFaceAnalyser } from './face-analyser.ts';
import type { LivenessThresholds } from '../../domain/liveness/thresholds.ts';

export interface AnalysisTask {
  readonly input: LivenessAttemptInput;
  readonly thresholds: LivenessThresholds;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export default async function analyse(task: AnalysisTask): Promise<LivenessAnalysis> {
  const { input } = task;
  const trustedSources: LivenessAttemptInput['trustedSources'] = Object.fromEntries(
    Object.entries(input.trustedSources).flatMap(([source, image]) => (image ? [[source, asBuffer(image)]] : [])),
  );
  return analyseLivenessAttempt(
    {
      ...input,
      selfie: asBuffer(input.selfie),
      captures: input.captures.map((c) => ({
        challenge: c.challenge,
        frames: c.frames.map((f) => ({ image: asBuffer(f.image), tMs: f.tMs })),
      })),
      trustedSources,
    },
    { engine: await loadFaceAnalyser(), thresholds: task.thresholds },
  );
}
