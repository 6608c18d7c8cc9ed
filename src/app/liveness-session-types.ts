// What liveness sessions take and show: the capture plan and upload limits, the officer's and the applicant's
// views of a session, and the options the composition root builds the sessions with.
import type {
  Challenge,
  LivenessCheckStatus,
  AttemptState,
  LivenessThresholds,
  PassFail,
  TrustedSource,
} from '../domain/liveness/index.ts';
import type { LivenessAnalysis, LivenessAttemptInput } from './liveness-analysis.ts';
import type { FaceAnalyser } from './ports/face-engine.ts';

export const TRUSTED_SOURCES: readonly TrustedSource[] = ['PROVIDED', 'PASSPORT', 'IMMIGRATION'];

/** What the applicant's page is told: never a score, never a reason code. */
export type ApplicantState = 'ready' | 'passed' | 'try_again' | 'could_not_complete' | 'expired' | 'used';
export type ApplicantResult = 'passed' | 'try_again' | 'could_not_complete';

/** How the page captures: frames per second and length of each challenge, largest frame edge. */
export interface CapturePlan {
  readonly fps: number;
  readonly durationMs: number;
  readonly maxEdge: number;
  /** the "Starting in 3, 2, 1" before each challenge is recorded */
  readonly countdownMs: number;
}

export interface UploadLimits {
  /** one frame or selfie, bytes */
  readonly maxImageBytes: number;
  readonly maxFramesPerChallenge: number;
  /** the whole attempt, bytes */
  readonly maxAttemptBytes: number;
  readonly maxImageEdge: number;
}

export const DEFAULT_CAPTURE: CapturePlan = { fps: 12, durationMs: 3500, maxEdge: 640, countdownMs: 2100 };
export const DEFAULT_LIMITS: UploadLimits = {
  maxImageBytes: 512 * 1024,
  maxFramesPerChallenge: 90,
  maxAttemptBytes: 24 * 1024 * 1024,
  maxImageEdge: 1920,
};

export interface LivenessSessionOptions {
  readonly thresholds?: LivenessThresholds;
  readonly capture?: CapturePlan;
  readonly limits?: UploadLimits;
  /** analyses run at once in this process (the engine is one warm wasm instance) */
  readonly maxConcurrentAnalyses?: number;
  /** further submissions wait in line; beyond this many they get 503 */
  readonly maxQueuedAnalyses?: number;
  /** an attempt whose analysis started this long ago and never finished (process died) may be submitted again */
  readonly staleAnalysisMs?: number;
  /** where analyses run: worker threads off the event loop (the composition root's pool); in-process without */
  readonly workers?: AnalysisWorkers;
  /** the face engine, loaded on first use, for analyses run in this process (when there are no workers) */
  readonly loadFaceEngine?: () => Promise<FaceAnalyser>;
}

/** Worker threads that run the face engine (src/adapters/face/analysis-pool.ts). */
export interface AnalysisWorkers {
  readonly threads: number;
  analyse(task: { input: LivenessAttemptInput; thresholds: LivenessThresholds }): Promise<LivenessAnalysis>;
  close(): Promise<void>;
}

export type Analyser = (input: LivenessAttemptInput) => Promise<LivenessAnalysis>;

export interface UploadedImage {
  readonly image: Buffer;
}

export interface AttemptSubmission {
  readonly selfie: UploadedImage | undefined;
  readonly captures: readonly {
    readonly challenge: string;
    readonly frames: readonly { readonly image: Buffer; readonly tMs: number }[];
  }[];
}

export interface ApplicantAttempt {
  id: string;
  number: number;
  challenges: Challenge[];
  /** selfie + one step per challenge */
  steps: number;
}

export interface ApplicantView {
  state: ApplicantState;
  attemptsUsed: number;
  attemptsRemaining: number;
  maxAttempts: number;
  /** the open attempt set, if any */
  attempt: ApplicantAttempt | null;
  capture: CapturePlan;
  limits: UploadLimits;
}

export interface TrustedSourceInput {
  source: string;
  documentId?: string;
  /** the image itself (JPEG/PNG) */
  image?: Buffer;
}

/** A trusted source face as checked on arrival: a known source, by a casework document or the image itself. */
export interface GivenTrustedSource extends TrustedSourceInput {
  source: TrustedSource;
}

export interface CreateSessionInput {
  applicationReference?: string;
  personId?: string;
  subjectReference?: string;
  trustedSources?: TrustedSourceInput[];
}

export interface ChallengeEvidenceView {
  challenge: Challenge;
  result: PassFail;
  score: number;
  reasons: string[];
  metrics: Record<string, number>;
  frameCount: number;
  bestFrameIndex: number;
  evidenceFrameIndex: number;
}

export interface AttemptView {
  id: string;
  number: number;
  challenges: Challenge[];
  state: AttemptState;
  startedAt: string;
  decidedAt: string | null;
  /** the session-level result of this attempt set */
  result: PassFail | null;
  liveness: PassFail | null;
  faceMatch: string | null;
  reasons: string[];
  challengeResults: ChallengeEvidenceView[];
  /** seed D3 "Evaluation" rows */
  evaluation: object[];
  /** seed D4 "Faces" rows (every probe against every trusted source) */
  faces: object[];
  sameFace: object[];
  calibrationId: string | null;
  timing: object | null;
}

export interface SessionView {
  id: string;
  applicationId: string | null;
  personId: string | null;
  linkId: string | null;
  subjectReference: string | null;
  status: LivenessCheckStatus;
  attemptsUsed: number;
  attemptsRemaining: number;
  attemptsExhausted: boolean;
  options: string[];
  createdBy: string;
  /** The officer who opened the session, by name and email (the id stays the key). */
  createdByName: string;
  createdByEmail: string | null;
  createdAt: string;
  completedAt: string | null;
  trustedSources: { source: TrustedSource; documentId: string | null; contentType: string; sha256: string }[];
  attempts: AttemptView[];
}
