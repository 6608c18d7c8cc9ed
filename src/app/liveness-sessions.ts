// Liveness sessions (SPEC P4), AWS-style: a session per person with its trusted source faces, created from a
// casework liveness link (lazily, on the applicant's first start) or directly by API for an integration. Each
// attempt set gets a challenge order the server picks at random and stores; the client uploads the selfie and one
// frame sequence per challenge; the analysis runs inline (the face engine is warm in this process) behind a
// per-process concurrency limit, and the decision, the tracks and every frame are stored in PostgreSQL. Up to
// three attempt sets; the applicant sees only passed / try again / could not complete, officers see everything.
import { sniffContentType } from '../domain/files/content-type.ts';
import { performance } from 'node:perf_hooks';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db, Tx } from '../adapters/db/database.ts';
import type { LivenessAttemptsTable, LivenessSessionsTable } from '../adapters/db/schema.ts';
import type { Logger } from './ports/logger.ts';
import {
  CHALLENGES,
  DEFAULT_THRESHOLDS,
  decideLivenessCheck,
  type AttemptOutcome,
  type Challenge,
  type LivenessCheckDecision,
  type LivenessCheckStatus,
  type LivenessThresholds,
  type PassFail,
  type TrustedSource,
} from '../domain/liveness/index.ts';
import type { Casework } from './casework/casework.ts';
import { authorize, conflict, invalid, notFound, type Actor } from './casework/actor.ts';
import { appendAudit, auditActor } from './casework/audit.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import { AnalysisGate } from './analysis-gate.ts';
import { digest } from './ids.ts';
import { analyseLivenessAttempt, type LivenessAnalysis, type LivenessAttemptInput } from './liveness-analysis.ts';
import { OfficerDirectory } from './casework/officer-directory.ts';

export const TRUSTED_SOURCES: readonly TrustedSource[] = ['PROVIDED', 'PASSPORT', 'IMMIGRATION'];
/** Casework document kinds used as trusted source faces of a link's session. */
const DOCUMENT_SOURCES: Readonly<Record<string, TrustedSource>> = {
  'passport-style-image': 'PROVIDED',
  'overseas-passport-image': 'PASSPORT',
};

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
  state: 'OPEN' | 'ANALYSING' | 'DECIDED';
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

type SessionRow = Selectable<LivenessSessionsTable>;
type AttemptRow = Selectable<LivenessAttemptsTable>;

const APPLICANT_STATE: Readonly<Record<LivenessCheckStatus, ApplicantState>> = {
  NOT_STARTED: 'ready',
  RETRY_AVAILABLE: 'try_again',
  PASSED: 'passed',
  FAILED: 'could_not_complete',
};

/** JPEG or PNG by magic bytes; the only formats accepted for frames, selfies and trusted source faces. */
export function imageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  return sniffContentType(bytes, LIVENESS_IMAGE_TYPES);
}
const LIVENESS_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;

/** Width and height from a JPEG's SOF or a PNG's IHDR, without decoding; undefined when not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const type = imageType(bytes);
  if (type === 'image/png') {
    if (bytes.length < 24) return undefined;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  if (type !== 'image/jpeg') return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0);
      const width = ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0);
      return { width, height };
    }
    i += 2 + length;
  }
  return undefined;
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function isChallenge(value: string): value is Challenge {
  return (CHALLENGES as readonly string[]).includes(value);
}

function isTrustedSource(value: string): value is TrustedSource {
  return (TRUSTED_SOURCES as readonly string[]).includes(value);
}

interface ApplicantAccess {
  /** the session, when it exists already */
  session: SessionRow | undefined;
  link:
    | {
        id: string;
        status: 'Active' | 'Completed' | 'Expired';
        applicationId: string;
        personId: string;
        createdBy: string;
      }
    | undefined;
}

export class LivenessSessions {
  readonly thresholds: LivenessThresholds;
  #capture: CapturePlan;
  readonly #defaultCapture: CapturePlan;
  readonly limits: UploadLimits;
  readonly #gate: AnalysisGate;
  readonly #staleMs: number;
  readonly #workers: AnalysisWorkers | undefined;
  readonly #engineAnalyser: Analyser = (input) =>
    this.#workers
      ? this.#workers.analyse({ input, thresholds: this.thresholds })
      : analyseLivenessAttempt(input, { thresholds: this.thresholds });
  #analyse: Analyser = this.#engineAnalyser;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly casework: Casework,
    private readonly logger: Logger,
    options: LivenessSessionOptions = {},
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.#defaultCapture = options.capture ?? DEFAULT_CAPTURE;
    this.#capture = this.#defaultCapture;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.#workers = options.workers;
    this.#gate = new AnalysisGate(
      options.maxConcurrentAnalyses ?? options.workers?.threads ?? 1,
      options.maxQueuedAnalyses ?? 16,
      () =>
        new AppError(
          'unavailable',
          'too many liveness checks are being analysed; try again in a minute',
          'LIVENESS_BUSY',
        ),
    );
    this.#staleMs = options.staleAnalysisMs ?? 5 * 60_000;
  }

  get capture(): CapturePlan {
    return this.#capture;
  }

  /** Changes how pages capture from now on (tests keep browser runs short); no argument restores the default. */
  useCapturePlan(plan?: Partial<CapturePlan>): void {
    this.#capture = { ...this.#defaultCapture, ...plan };
  }

  readonly #analysedListeners: ((seconds: number) => void)[] = [];

  /** Analyses running and waiting in this process (metrics). */
  analysisLoad(): { running: number; waiting: number } {
    return this.#gate.load;
  }

  /** Calls `listener` with the wall time of every analysis this process finishes (metrics). */
  onAnalysed(listener: (seconds: number) => void): void {
    this.#analysedListeners.push(listener);
  }

  /** Stops the analysis workers (the server is closing). */
  async close(): Promise<void> {
    await this.#workers?.close();
  }

  /** Swaps the analysis (tests that need a decided outcome without a face engine); no argument restores the engine. */
  useAnalyser(analyse?: Analyser): void {
    this.#analyse = analyse ?? this.#engineAnalyser;
  }

  // ---- Officer / integration side ---------------------------------------------------------------------

  /** A session created directly by API (integration or officer), with its trusted source faces. */
  async create(
    actor: Actor,
    input: CreateSessionInput,
  ): Promise<{ session: SessionView; clientToken: string; pagePath: string }> {
    authorize(actor, 'liveness-link.create');
    const hasPerson = input.applicationReference !== undefined || input.personId !== undefined;
    if (!hasPerson && !input.subjectReference) {
      throw invalid(
        'subjectReference',
        'give applicationReference and personId (a casework person) or subjectReference (your own reference)',
      );
    }
    if (hasPerson && (!input.applicationReference || !input.personId)) {
      throw invalid(
        input.applicationReference ? 'personId' : 'applicationReference',
        'applicationReference and personId go together',
      );
    }
    const sources = input.trustedSources ?? [];
    const seen = new Set<string>();
    sources.forEach((s, i) => {
      if (!isTrustedSource(s.source))
        throw invalid(`trustedSources.${i}.source`, `source must be one of ${TRUSTED_SOURCES.join(', ')}`);
      if (seen.has(s.source)) throw invalid(`trustedSources.${i}.source`, `${s.source} is given twice`);
      seen.add(s.source);
      if ((s.documentId === undefined) === (s.image === undefined))
        throw invalid(`trustedSources.${i}`, 'give either documentId or image');
      if (s.image) this.checkImage(s.image, `trustedSources.${i}.image`);
    });

    const id = randomUUID();
    const clientToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      let applicationId: string | null = null;
      let personId: string | null = null;
      if (input.applicationReference && input.personId) {
        const a = await tx
          .selectFrom('applications')
          .select('application_id')
          .where('reference', '=', input.applicationReference)
          .executeTakeFirst();
        if (!a) throw invalid('applicationReference', `application ${input.applicationReference} was not found`);
        const p = await tx
          .selectFrom('casework_people')
          .select('person_id')
          .where('person_id', '=', input.personId)
          .where('application_id', '=', a.application_id)
          .executeTakeFirst();
        if (!p) throw invalid('personId', 'personId is not a person on this application');
        applicationId = a.application_id;
        personId = p.person_id;
      }
      await tx
        .insertInto('liveness_sessions')
        .values({
          session_id: id,
          application_id: applicationId,
          person_id: personId,
          link_id: null,
          subject_reference: input.subjectReference ?? null,
          client_token_hash: digest(clientToken),
          status: 'NOT_STARTED',
          created_by: actor.officerId,
          created_at: now,
          completed_at: null,
        })
        .execute();
      for (const [i, s] of sources.entries()) {
        if (s.image) {
          await this.insertSource(tx, id, s.source as TrustedSource, null, s.image);
          continue;
        }
        const doc = await tx
          .selectFrom('casework_documents')
          .select(['document_id', 'application_id', 'content'])
          .where('document_id', '=', s.documentId ?? '')
          .executeTakeFirst();
        if (!doc || (applicationId !== null && doc.application_id !== applicationId)) {
          throw invalid(`trustedSources.${i}.documentId`, 'no such document on this application');
        }
        if (applicationId === null)
          throw invalid(
            `trustedSources.${i}.documentId`,
            'documents can be referenced only by a session for a casework person',
          );
        const content = Buffer.from(doc.content);
        if (!imageType(content))
          throw invalid(`trustedSources.${i}.documentId`, 'the document is not a JPEG or PNG image');
        await this.insertSource(tx, id, s.source as TrustedSource, doc.document_id, content);
      }
      if (applicationId !== null && personId !== null && sources.length === 0)
        await this.attachDocuments(tx, id, applicationId, personId);
      const provided = await tx
        .selectFrom('liveness_trusted_sources')
        .select('source')
        .where('session_id', '=', id)
        .where('source', '=', 'PROVIDED')
        .executeTakeFirst();
      if (!provided)
        throw invalid('trustedSources', 'a PROVIDED trusted source face (the application photo) is required');
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId,
        action: 'liveness-session.create',
        entity: 'liveness-session',
        entityId: id,
        after: { personId, subjectReference: input.subjectReference ?? null, sources: [...seen] },
      });
    });
    return { session: await this.get(actor, id), clientToken, pagePath: `/liveness/${clientToken}` };
  }

  async get(actor: Actor, sessionId: string): Promise<SessionView> {
    authorize(actor, 'documents.read');
    const s = await this.db
      .selectFrom('liveness_sessions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!s) throw notFound('liveness session', sessionId);
    return this.view(s);
  }

  /** Sessions of one application (every link and API session for its people). */
  async list(actor: Actor, applicationReference: string): Promise<SessionView[]> {
    authorize(actor, 'documents.read');
    const a = await this.db
      .selectFrom('applications')
      .select('application_id')
      .where('reference', '=', applicationReference)
      .executeTakeFirst();
    if (!a) throw notFound('application', applicationReference);
    const rows = await this.db
      .selectFrom('liveness_sessions')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .orderBy('created_at')
      .orderBy('session_id')
      .execute();
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /** One stored image: the selfie (challenge 'SELFIE', index 0) or a challenge frame. Officers only. */
  async frame(
    actor: Actor,
    sessionId: string,
    attemptNumber: number,
    challenge: string,
    index: number,
  ): Promise<{ contentType: string; content: Uint8Array }> {
    authorize(actor, 'documents.read');
    const attempt = await this.attemptRow(sessionId, attemptNumber);
    const f = await this.db
      .selectFrom('liveness_frames')
      .select(['content_type', 'content'])
      .where('attempt_id', '=', attempt.attempt_id)
      .where('challenge', '=', challenge)
      .where('frame_index', '=', index)
      .executeTakeFirst();
    if (!f) throw notFound('frame', `${challenge}/${index}`);
    return { contentType: f.content_type, content: f.content };
  }

  /** A challenge's best frame (frontal, eyes open) or its evidence frame (blink trough, nod/shake peak). */
  async chosenFrame(
    actor: Actor,
    sessionId: string,
    attemptNumber: number,
    challenge: string,
    which: 'best' | 'evidence',
  ): Promise<{ contentType: string; content: Uint8Array }> {
    authorize(actor, 'documents.read');
    const attempt = await this.attemptRow(sessionId, attemptNumber);
    const chosen = (
      attempt.frames as { challenge: string; bestFrameIndex: number; evidenceFrameIndex: number }[] | null
    )?.find((f) => f.challenge === challenge);
    const index = which === 'best' ? chosen?.bestFrameIndex : chosen?.evidenceFrameIndex;
    if (index === undefined || index < 0) throw notFound(`${which} frame`, challenge);
    return this.frame(actor, sessionId, attemptNumber, challenge, index);
  }

  /** Per-frame tracks (angles, eye points, boxes, timestamps) of one attempt. Officers only. */
  async tracks(actor: Actor, sessionId: string, attemptNumber: number): Promise<object[]> {
    authorize(actor, 'documents.read');
    const attempt = await this.attemptRow(sessionId, attemptNumber);
    return attempt.tracks ?? [];
  }

  async trustedSource(
    actor: Actor,
    sessionId: string,
    source: string,
  ): Promise<{ contentType: string; content: Uint8Array }> {
    authorize(actor, 'documents.read');
    const r = await this.db
      .selectFrom('liveness_trusted_sources')
      .select(['content_type', 'content'])
      .where('session_id', '=', sessionId)
      .where('source', '=', source)
      .executeTakeFirst();
    if (!r) throw notFound('trusted source', source);
    return { contentType: r.content_type, content: r.content };
  }

  // ---- Applicant side (token = a casework link token or a session's client token) --------------------

  async applicantView(token: string): Promise<ApplicantView> {
    const access = await this.access(token);
    return this.applicantViewOf(access);
  }

  /** Starts an attempt set, or returns the open one: the challenge order is the server's, stored with it. */
  async startAttempt(token: string): Promise<ApplicantView> {
    const access = await this.access(token);
    if (access.link && access.link.status !== 'Active') throw this.linkGone(access.link.status);
    const session = access.session ?? (await this.sessionForLink(access));
    await this.db.transaction().execute(async (tx) => {
      const s = await tx
        .selectFrom('liveness_sessions')
        .selectAll()
        .where('session_id', '=', session.session_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const attempts = await tx
        .selectFrom('liveness_attempts')
        .selectAll()
        .where('session_id', '=', s.session_id)
        .orderBy('attempt_number')
        .execute();
      const decided = attempts.filter((a) => a.state === 'DECIDED');
      const decision = this.decide(decided);
      if (decision.status === 'PASSED' || decision.status === 'FAILED') {
        throw conflict(
          'this liveness check is finished',
          decision.status === 'PASSED' ? 'LIVENESS_PASSED' : 'ATTEMPTS_EXHAUSTED',
        );
      }
      if (attempts.some((a) => a.state !== 'DECIDED')) return;
      const now = this.clock.now();
      await tx
        .insertInto('liveness_attempts')
        .values({
          attempt_id: randomUUID(),
          session_id: s.session_id,
          attempt_number: attempts.length + 1,
          challenges: JSON.stringify(shuffled(CHALLENGES)),
          state: 'OPEN',
          started_at: now,
          analysing_since: null,
          decided_at: null,
          result: null,
          liveness: null,
          face_match: null,
          reasons: null,
          outcome: null,
          frames: null,
          tracks: null,
          timing: null,
        })
        .execute();
    });
    return this.applicantView(token);
  }

  /**
   * The selfie and the frame sequences of the open attempt set: checked (400 naming the field), analysed inline
   * (one analysis at a time per process, others wait in a bounded line), stored with all frames, decided.
   */
  async submitAttempt(
    token: string,
    attemptId: string,
    submission: AttemptSubmission,
  ): Promise<ApplicantView & { result: ApplicantResult }> {
    const access = await this.access(token);
    if (!access.session) throw notFound('liveness attempt', attemptId);
    if (access.link && access.link.status !== 'Active') throw this.linkGone(access.link.status);
    const session = access.session;
    const input = this.checkSubmission(submission);

    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - this.#staleMs);
    // claim the attempt: OPEN (or an analysis abandoned by a dead process) -> ANALYSING
    const claimed = await this.db.transaction().execute(async (tx) => {
      const a = await tx
        .selectFrom('liveness_attempts')
        .selectAll()
        .where('attempt_id', '=', attemptId)
        .where('session_id', '=', session.session_id)
        .forUpdate()
        .executeTakeFirst();
      if (!a) throw notFound('liveness attempt', attemptId);
      const stale = a.state === 'ANALYSING' && a.analysing_since !== null && a.analysing_since < staleBefore;
      if (a.state !== 'OPEN' && !stale)
        throw conflict('this attempt set was already submitted; start a new one', 'ATTEMPT_SUBMITTED');
      // An incomplete set is refused before it is analysed, so it does not use up one of the person's attempts.
      const sent = new Set(input.captures.map((c) => c.challenge));
      const missing = a.challenges.filter((c) => !sent.has(c as Challenge));
      if (missing.length > 0) {
        throw invalid(
          'captures',
          `the attempt set is incomplete: ${missing.join(' and ')} ${missing.length === 1 ? 'was' : 'were'} not recorded; record every challenge and send the set again`,
          'ATTEMPT_INCOMPLETE',
        );
      }
      await tx
        .updateTable('liveness_attempts')
        .set({ state: 'ANALYSING', analysing_since: now })
        .where('attempt_id', '=', attemptId)
        .execute();
      return a;
    });
    const requested = claimed.challenges.filter(isChallenge);
    const sources = await this.db
      .selectFrom('liveness_trusted_sources')
      .select(['source', 'content'])
      .where('session_id', '=', session.session_id)
      .execute();
    const trustedSources: Partial<Record<TrustedSource, Buffer>> = {};
    for (const s of sources) if (isTrustedSource(s.source)) trustedSources[s.source] = Buffer.from(s.content);

    let analysis: LivenessAnalysis;
    try {
      const started = performance.now();
      analysis = await this.#gate.run(() =>
        this.#analyse({ requested, selfie: input.selfie, captures: input.captures, trustedSources }),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const listener of this.#analysedListeners) listener(seconds);
    } catch (error) {
      await this.db
        .updateTable('liveness_attempts')
        .set({ state: 'OPEN', analysing_since: null })
        .where('attempt_id', '=', attemptId)
        .execute();
      if (error instanceof AppError) throw error;
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'liveness analysis failed',
      );
      throw invalid('captures', 'an image could not be decoded; capture again', 'IMAGE_UNREADABLE');
    }

    const outcome = analysis.outcome;
    // With no application photo on file there is nothing to match against: liveness alone decides, and the
    // officer compares the faces (faceMatch NOT_AVAILABLE is shown).
    const result: PassFail = outcome.faceMatch === 'NOT_AVAILABLE' ? outcome.liveness : outcome.result;
    const decision = await this.db.transaction().execute(async (tx) => {
      const decidedAt = this.clock.now();
      await tx
        .insertInto('liveness_frames')
        .values({
          attempt_id: attemptId,
          challenge: 'SELFIE',
          frame_index: 0,
          t_ms: 0,
          content_type: imageType(input.selfie) ?? 'image/jpeg',
          content: input.selfie,
        })
        .execute();
      for (const c of input.captures) {
        const rows = c.frames.map((f, i) => ({
          attempt_id: attemptId,
          challenge: c.challenge,
          frame_index: i,
          t_ms: f.tMs,
          content_type: imageType(f.image) ?? 'image/jpeg',
          content: f.image,
        }));
        for (let i = 0; i < rows.length; i += 30)
          await tx
            .insertInto('liveness_frames')
            .values(rows.slice(i, i + 30))
            .execute();
      }
      await tx
        .updateTable('liveness_attempts')
        .set({
          state: 'DECIDED',
          decided_at: decidedAt,
          result,
          liveness: outcome.liveness,
          face_match: outcome.faceMatch,
          reasons: JSON.stringify(outcome.reasons),
          outcome: JSON.stringify(outcome),
          frames: JSON.stringify(analysis.frames),
          tracks: JSON.stringify(analysis.tracks),
          timing: JSON.stringify(analysis.timing),
        })
        .where('attempt_id', '=', attemptId)
        .execute();
      const decided = await tx
        .selectFrom('liveness_attempts')
        .selectAll()
        .where('session_id', '=', session.session_id)
        .where('state', '=', 'DECIDED')
        .orderBy('attempt_number')
        .execute();
      const d = this.decide(decided);
      const finished = d.status === 'PASSED' || d.status === 'FAILED';
      await tx
        .updateTable('liveness_sessions')
        .set({ status: d.status, completed_at: finished ? decidedAt : null })
        .where('session_id', '=', session.session_id)
        .execute();
      await appendAudit(tx, decidedAt, {
        actor: 'applicant',
        applicationId: session.application_id,
        action: 'liveness-attempt.decide',
        entity: 'liveness-session',
        entityId: session.session_id,
        after: {
          attempt: claimed.attempt_number,
          challenges: requested,
          result,
          liveness: outcome.liveness,
          faceMatch: outcome.faceMatch,
          reasons: outcome.reasons,
          status: d.status,
        },
      });
      return d;
    });
    if ((decision.status === 'PASSED' || decision.status === 'FAILED') && access.link) {
      try {
        await this.casework.links.completeByToken(token);
      } catch (error) {
        this.logger.warn(
          { err: { message: error instanceof Error ? error.message : String(error) }, linkId: access.link.id },
          'liveness link could not be marked Completed',
        );
      }
    }
    const view = await this.applicantView(token);
    return { ...view, result: APPLICANT_STATE[decision.status] as ApplicantResult };
  }

  // ---- internals --------------------------------------------------------------------------------------

  private decide(decided: readonly AttemptRow[]): LivenessCheckDecision {
    return decideLivenessCheck(
      decided.map((a) => ({ result: a.result === 'PASS' ? 'PASS' : 'FAIL' })),
      this.thresholds,
    );
  }

  private linkGone(status: string): AppError {
    return new AppError(
      'conflict',
      status === 'Expired'
        ? 'this link has expired; ask your case officer for a new one'
        : 'this link has already been used',
      status === 'Expired' ? 'LINK_EXPIRED' : 'LINK_COMPLETED',
    );
  }

  private async access(token: string): Promise<ApplicantAccess> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound('liveness check', '(token)');
    const hash = digest(token);
    const byClient = await this.db
      .selectFrom('liveness_sessions')
      .selectAll()
      .where('client_token_hash', '=', hash)
      .executeTakeFirst();
    if (byClient) return { session: byClient, link: undefined };
    const link = await this.db
      .selectFrom('liveness_links')
      .select(['link_id', 'application_id', 'person_id', 'created_by', 'sent_at'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (!link || link.sent_at === null) throw notFound('liveness check', '(token)');
    const { status } = await this.casework.links.landing(token);
    if (status === 'Unknown') throw notFound('liveness check', '(token)');
    const session = await this.db
      .selectFrom('liveness_sessions')
      .selectAll()
      .where('link_id', '=', link.link_id)
      .executeTakeFirst();
    return {
      session,
      link: {
        id: link.link_id,
        status,
        applicationId: link.application_id,
        personId: link.person_id,
        createdBy: link.created_by,
      },
    };
  }

  /** The link's session, made on the applicant's first start, with the person's photos as trusted sources. */
  private async sessionForLink(access: ApplicantAccess): Promise<SessionRow> {
    const link = access.link;
    if (!link) throw notFound('liveness check', '(token)');
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const id = randomUUID();
      const inserted = await tx
        .insertInto('liveness_sessions')
        .values({
          session_id: id,
          application_id: link.applicationId,
          person_id: link.personId,
          link_id: link.id,
          subject_reference: null,
          client_token_hash: null,
          status: 'NOT_STARTED',
          created_by: link.createdBy,
          created_at: now,
          completed_at: null,
        })
        .onConflict((oc) => oc.column('link_id').doNothing())
        .returning('session_id')
        .executeTakeFirst();
      if (!inserted) return;
      await this.attachDocuments(tx, id, link.applicationId, link.personId);
      await appendAudit(tx, now, {
        actor: 'applicant',
        applicationId: link.applicationId,
        action: 'liveness-session.create',
        entity: 'liveness-session',
        entityId: id,
        after: { linkId: link.id, personId: link.personId },
      });
    });
    return this.db.selectFrom('liveness_sessions').selectAll().where('link_id', '=', link.id).executeTakeFirstOrThrow();
  }

  /** The person's newest application photo (PROVIDED) and overseas passport image (PASSPORT) documents. */
  private async attachDocuments(tx: Tx, sessionId: string, applicationId: string, personId: string): Promise<void> {
    const docs = await tx
      .selectFrom('casework_documents')
      .select(['document_id', 'kind', 'content'])
      .where('application_id', '=', applicationId)
      .where('person_id', '=', personId)
      .where('kind', 'in', Object.keys(DOCUMENT_SOURCES))
      .orderBy('uploaded_at', 'desc')
      .execute();
    const done = new Set<TrustedSource>();
    for (const d of docs) {
      const source = DOCUMENT_SOURCES[d.kind];
      const content = Buffer.from(d.content);
      if (!source || done.has(source) || !imageType(content)) continue;
      done.add(source);
      await this.insertSource(tx, sessionId, source, d.document_id, content);
    }
  }

  private async insertSource(
    tx: Tx,
    sessionId: string,
    source: TrustedSource,
    documentId: string | null,
    content: Buffer,
  ): Promise<void> {
    await tx
      .insertInto('liveness_trusted_sources')
      .values({
        session_id: sessionId,
        source,
        document_id: documentId,
        content_type: imageType(content) ?? 'image/jpeg',
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      })
      .execute();
  }

  private checkImage(image: Buffer, field: string): void {
    if (image.byteLength === 0) throw invalid(field, 'the image is empty');
    if (image.byteLength > this.limits.maxImageBytes)
      throw invalid(field, `the image is larger than ${this.limits.maxImageBytes} bytes`);
    if (!imageType(image)) throw invalid(field, 'the image must be a JPEG or PNG');
    const size = imageSize(image);
    if (!size || size.width === 0 || size.height === 0) throw invalid(field, 'the image has no readable size');
    if (size.width > this.limits.maxImageEdge || size.height > this.limits.maxImageEdge) {
      throw invalid(field, `the image is larger than ${this.limits.maxImageEdge} pixels on a side`);
    }
  }

  private checkSubmission(s: AttemptSubmission): {
    selfie: Buffer;
    captures: { challenge: Challenge; frames: { image: Buffer; tMs: number }[] }[];
  } {
    if (!s.selfie) throw invalid('selfie', 'the selfie is required');
    this.checkImage(s.selfie.image, 'selfie');
    let total = s.selfie.image.byteLength;
    if (s.captures.length === 0) throw invalid('captures', 'at least one challenge capture is required');
    const seen = new Set<string>();
    const captures = s.captures.map((c, i) => {
      if (!isChallenge(c.challenge))
        throw invalid(`captures.${i}.challenge`, `challenge must be one of ${CHALLENGES.join(', ')}`);
      if (seen.has(c.challenge)) throw invalid(`captures.${i}.challenge`, `${c.challenge} is given twice`);
      seen.add(c.challenge);
      if (c.frames.length === 0) throw invalid(`captures.${i}.frames`, 'no frames');
      if (c.frames.length > this.limits.maxFramesPerChallenge)
        throw invalid(`captures.${i}.frames`, `more than ${this.limits.maxFramesPerChallenge} frames`);
      c.frames.forEach((f, j) => {
        this.checkImage(f.image, `captures.${i}.frames.${j}.image`);
        if (!Number.isFinite(f.tMs) || f.tMs < 0)
          throw invalid(`captures.${i}.frames.${j}.tMs`, 'tMs must be a time in milliseconds, 0 or more');
        total += f.image.byteLength;
      });
      return { challenge: c.challenge, frames: c.frames.map((f) => ({ image: f.image, tMs: f.tMs })) };
    });
    if (total > this.limits.maxAttemptBytes)
      throw invalid('captures', `the attempt is larger than ${this.limits.maxAttemptBytes} bytes`);
    return { selfie: s.selfie.image, captures };
  }

  private async applicantViewOf(access: ApplicantAccess): Promise<ApplicantView> {
    const base = { maxAttempts: this.thresholds.maxAttempts, capture: this.capture, limits: this.limits };
    const attempts = access.session
      ? await this.db
          .selectFrom('liveness_attempts')
          .selectAll()
          .where('session_id', '=', access.session.session_id)
          .orderBy('attempt_number')
          .execute()
      : [];
    const decided = attempts.filter((a) => a.state === 'DECIDED');
    const d = this.decide(decided);
    const open = attempts.find((a) => a.state !== 'DECIDED');
    let state: ApplicantState = APPLICANT_STATE[d.status];
    if (access.link && (d.status === 'NOT_STARTED' || d.status === 'RETRY_AVAILABLE')) {
      if (access.link.status === 'Expired') state = 'expired';
      else if (access.link.status === 'Completed') state = 'used';
    }
    const usable = state === 'ready' || state === 'try_again';
    const challenges = open ? open.challenges.filter(isChallenge) : [];
    return {
      ...base,
      state,
      attemptsUsed: d.attemptsUsed,
      attemptsRemaining: d.status === 'PASSED' ? 0 : this.thresholds.maxAttempts - decided.length,
      attempt:
        open && usable
          ? { id: open.attempt_id, number: open.attempt_number, challenges, steps: challenges.length + 1 }
          : null,
    };
  }

  private async attemptRow(sessionId: string, attemptNumber: number): Promise<AttemptRow> {
    const a = await this.db
      .selectFrom('liveness_attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('attempt_number', '=', attemptNumber)
      .executeTakeFirst();
    if (!a) throw notFound('liveness attempt', `${sessionId}/${attemptNumber}`);
    return a;
  }

  private async view(s: SessionRow): Promise<SessionView> {
    const attempts = await this.db
      .selectFrom('liveness_attempts')
      .selectAll()
      .where('session_id', '=', s.session_id)
      .orderBy('attempt_number')
      .execute();
    const sources = await this.db
      .selectFrom('liveness_trusted_sources')
      .select(['source', 'document_id', 'content_type', 'sha256'])
      .where('session_id', '=', s.session_id)
      .execute();
    const counts = await this.db
      .selectFrom('liveness_frames')
      .select(['attempt_id', 'challenge'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('attempt_id', 'in', attempts.length > 0 ? attempts.map((a) => a.attempt_id) : [''])
      .groupBy(['attempt_id', 'challenge'])
      .execute();
    const d = this.decide(attempts.filter((a) => a.state === 'DECIDED'));
    const officers = await OfficerDirectory.of(this.db, [s.created_by]);
    return {
      id: s.session_id,
      applicationId: s.application_id,
      personId: s.person_id,
      linkId: s.link_id,
      subjectReference: s.subject_reference,
      status: d.status,
      attemptsUsed: d.attemptsUsed,
      attemptsRemaining: d.attemptsRemaining,
      attemptsExhausted: d.attemptsExhausted,
      options: [...d.options],
      createdBy: s.created_by,
      createdByName: officers.name(s.created_by),
      createdByEmail: officers.email(s.created_by),
      createdAt: s.created_at.toISOString(),
      completedAt: s.completed_at?.toISOString() ?? null,
      trustedSources: TRUSTED_SOURCES.flatMap((source) => {
        const r = sources.find((x) => x.source === source);
        return r ? [{ source, documentId: r.document_id, contentType: r.content_type, sha256: r.sha256 }] : [];
      }),
      attempts: attempts.map((a) => {
        const outcome = a.outcome as AttemptOutcome | null;
        const stale =
          a.state === 'ANALYSING' &&
          a.analysing_since !== null &&
          a.analysing_since.getTime() < this.clock.now().getTime() - this.#staleMs;
        return {
          id: a.attempt_id,
          number: a.attempt_number,
          challenges: a.challenges.filter(isChallenge),
          state: stale ? 'OPEN' : (a.state as AttemptView['state']),
          startedAt: a.started_at.toISOString(),
          decidedAt: a.decided_at?.toISOString() ?? null,
          result: a.result === 'PASS' || a.result === 'FAIL' ? a.result : null,
          liveness: a.liveness === 'PASS' || a.liveness === 'FAIL' ? a.liveness : null,
          faceMatch: a.face_match,
          reasons: a.reasons ?? [],
          challengeResults: (outcome?.challenges ?? []).map((c) => ({
            challenge: c.challenge,
            result: c.result,
            score: c.score,
            reasons: [...c.reasons],
            metrics: { ...c.metrics },
            frameCount: Number(
              counts.find((n) => n.attempt_id === a.attempt_id && n.challenge === c.challenge)?.n ?? 0,
            ),
            bestFrameIndex: c.bestFrameIndex,
            evidenceFrameIndex: c.evidenceFrameIndex,
          })),
          evaluation: [...(outcome?.evaluation ?? [])],
          faces: [...(outcome?.faceAuthentication ?? [])],
          sameFace: [...(outcome?.sameFace ?? [])],
          calibrationId: outcome?.calibrationId ?? null,
          timing: a.timing,
        };
      }),
    };
  }
}
