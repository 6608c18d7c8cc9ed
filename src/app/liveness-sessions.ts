// Liveness sessions (SPEC P4), AWS-style: a session per person with its trusted source faces, created from a
// casework liveness link (lazily, on the applicant's first start) or directly by API for an integration. Each
// attempt set gets a challenge order the server picks at random and stores; the client uploads the selfie and one
// frame sequence per challenge; the analysis runs off the event loop (analysis workers) behind a per-process
// concurrency limit (AnalysisGate), and the decision, the tracks and every frame are stored in PostgreSQL. Up to
// three attempt sets; the applicant sees only passed / try again / could not complete, officers see everything.
// The SQL is in liveness-session-store.ts, the upload checks in liveness-uploads.ts, the views in
// liveness-session-views.ts.
import { performance } from 'node:perf_hooks';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Db } from './ports/database.ts';
import type { Logger } from './ports/logger.ts';
import {
  CHALLENGES,
  DEFAULT_THRESHOLDS,
  decideLivenessCheck,
  type LivenessCheckDecision,
  type LivenessThresholds,
  type PassFail,
  type TrustedSource,
} from '../domain/liveness/index.ts';
import { jpegOrPng } from '../domain/files/image-size.ts';
import type { Casework } from './casework/casework.ts';
import { authorize, conflict, invalid, notFound, type Actor } from './casework/actor.ts';
import { appendAudit, auditActor } from './casework/audit.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import { AnalysisGate } from './analysis-gate.ts';
import { digest } from './ids.ts';
import { analyseLivenessAttempt, type LivenessAnalysis } from './liveness-analysis.ts';
import type { FaceAnalyser } from './ports/face-engine.ts';
import { OfficerDirectory } from './casework/officer-directory.ts';
import * as store from './liveness-session-store.ts';
import type { AttemptRow, SessionRow } from './liveness-session-store.ts';
import { APPLICANT_STATE, applicantView, sessionView } from './liveness-session-views.ts';
import { checkSubmission, checkTrustedSources, isTrustedSource } from './liveness-uploads.ts';
import { addGivenFaces, attachDocumentFaces } from './liveness-trusted-sources.ts';
import {
  DEFAULT_CAPTURE,
  DEFAULT_LIMITS,
  type Analyser,
  type AnalysisWorkers,
  type ApplicantResult,
  type ApplicantView,
  type AttemptSubmission,
  type CapturePlan,
  type CreateSessionInput,
  type LivenessSessionOptions,
  type SessionView,
  type UploadLimits,
} from './liveness-session-types.ts';

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
  readonly #loadFaceEngine: (() => Promise<FaceAnalyser>) | undefined;
  readonly #engineAnalyser: Analyser = async (input) => {
    if (this.#workers) return this.#workers.analyse({ input, thresholds: this.thresholds });
    if (!this.#loadFaceEngine) throw new Error('liveness analysis needs worker threads or a face engine');
    return analyseLivenessAttempt(input, { engine: await this.#loadFaceEngine(), thresholds: this.thresholds });
  };
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
    this.#loadFaceEngine = options.loadFaceEngine;
    this.#gate = new AnalysisGate(
      options.maxConcurrentAnalyses ?? options.workers?.threads ?? 1,
      options.maxQueuedAnalyses ?? 16,
      (retryAfterSeconds) =>
        new AppError(
          'unavailable',
          `Too many liveness checks are being analysed right now: send this one again in ${retryAfterSeconds} seconds`,
          'LIVENESS_BUSY',
          [],
          retryAfterSeconds,
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
    const sources = checkTrustedSources(input.trustedSources ?? [], this.limits);

    const id = randomUUID();
    const clientToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      let applicationId: string | null = null;
      let personId: string | null = null;
      if (input.applicationReference && input.personId) {
        applicationId = (await store.applicationIdByReference(tx, input.applicationReference)) ?? null;
        if (applicationId === null)
          throw invalid('applicationReference', `application ${input.applicationReference} was not found`);
        if (!(await store.isPersonOn(tx, applicationId, input.personId)))
          throw invalid('personId', 'personId is not a person on this application');
        personId = input.personId;
      }
      await store.insertSession(tx, {
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
      });
      await addGivenFaces(tx, id, applicationId, sources);
      if (applicationId !== null && personId !== null && sources.length === 0)
        await attachDocumentFaces(tx, id, applicationId, personId);
      if (!(await store.hasTrustedSource(tx, id, 'PROVIDED')))
        throw invalid('trustedSources', 'a PROVIDED trusted source face (the application photo) is required');
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId,
        action: 'liveness-session.create',
        entity: 'liveness-session',
        entityId: id,
        after: { personId, subjectReference: input.subjectReference ?? null, sources: sources.map((x) => x.source) },
      });
    });
    return { session: await this.get(actor, id), clientToken, pagePath: `/liveness/${clientToken}` };
  }

  async get(actor: Actor, sessionId: string): Promise<SessionView> {
    authorize(actor, 'documents.read');
    const s = await store.sessionById(this.db, sessionId);
    if (!s) throw notFound('liveness session', sessionId);
    return this.view(s);
  }

  /** Sessions of one application (every link and API session for its people). */
  async list(actor: Actor, applicationReference: string): Promise<SessionView[]> {
    authorize(actor, 'documents.read');
    const applicationId = await store.applicationIdByReference(this.db, applicationReference);
    if (applicationId === undefined) throw notFound('application', applicationReference);
    const rows = await store.sessionsOfApplication(this.db, applicationId);
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
    const f = await store.frameImage(this.db, attempt.attempt_id, challenge, index);
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
    if (!isTrustedSource(source)) throw notFound('trusted source', source);
    const r = await store.trustedSourceImage(this.db, sessionId, source);
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
      const s = await store.lockSession(tx, session.session_id);
      const attempts = await store.attemptsOf(tx, s.session_id);
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
      await store.insertAttempt(tx, {
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
      });
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
    const input = checkSubmission(submission, this.limits);

    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - this.#staleMs);
    // claim the attempt: OPEN (or an analysis abandoned by a dead process) -> ANALYSING
    const claimed = await this.db.transaction().execute(async (tx) => {
      const a = await store.lockAttempt(tx, session.session_id, attemptId);
      if (!a) throw notFound('liveness attempt', attemptId);
      const stale = a.state === 'ANALYSING' && a.analysing_since !== null && a.analysing_since < staleBefore;
      if (a.state !== 'OPEN' && !stale)
        throw conflict('this attempt set was already submitted; start a new one', 'ATTEMPT_SUBMITTED');
      // An incomplete set is refused before it is analysed, so it does not use up one of the person's attempts.
      const sent = new Set(input.captures.map((c) => c.challenge));
      const missing = a.challenges.filter((c) => !sent.has(c));
      if (missing.length > 0) {
        throw invalid(
          'captures',
          `the attempt set is incomplete: ${missing.join(' and ')} ${missing.length === 1 ? 'was' : 'were'} not recorded; record every challenge and send the set again`,
          'ATTEMPT_INCOMPLETE',
        );
      }
      await store.updateAttempt(tx, attemptId, { state: 'ANALYSING', analysing_since: now });
      return a;
    });
    const requested = claimed.challenges;
    const sources = await store.trustedSourceContents(this.db, session.session_id);
    const trustedSources: Partial<Record<TrustedSource, Buffer>> = {};
    for (const s of sources) trustedSources[s.source] = Buffer.from(s.content);

    let analysis: LivenessAnalysis;
    try {
      const started = performance.now();
      analysis = await this.#gate.run(() =>
        this.#analyse({ requested, selfie: input.selfie, captures: input.captures, trustedSources }),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const listener of this.#analysedListeners) listener(seconds);
    } catch (error) {
      await store.updateAttempt(this.db, attemptId, { state: 'OPEN', analysing_since: null });
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
      await store.insertFrames(tx, [
        {
          attempt_id: attemptId,
          challenge: 'SELFIE',
          frame_index: 0,
          t_ms: 0,
          content_type: jpegOrPng(input.selfie) ?? 'image/jpeg',
          content: input.selfie,
        },
        ...input.captures.flatMap((c) =>
          c.frames.map((f, i) => ({
            attempt_id: attemptId,
            challenge: c.challenge,
            frame_index: i,
            t_ms: f.tMs,
            content_type: jpegOrPng(f.image) ?? 'image/jpeg',
            content: f.image,
          })),
        ),
      ]);
      await store.updateAttempt(tx, attemptId, {
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
      });
      const decided = await store.attemptsOf(tx, session.session_id, true);
      const d = this.decide(decided);
      const finished = d.status === 'PASSED' || d.status === 'FAILED';
      await store.setSessionStatus(tx, session.session_id, {
        status: d.status,
        completed_at: finished ? decidedAt : null,
      });
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
    const byClient = await store.sessionByClientToken(this.db, hash);
    if (byClient) return { session: byClient, link: undefined };
    const link = await store.linkByTokenHash(this.db, hash);
    if (!link || link.sent_at === null) throw notFound('liveness check', '(token)');
    const { status } = await this.casework.links.landing(token);
    if (status === 'Unknown') throw notFound('liveness check', '(token)');
    const session = await store.sessionOfLink(this.db, link.link_id);
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
      const inserted = await store.insertSession(tx, {
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
      });
      if (!inserted) return;
      await attachDocumentFaces(tx, id, link.applicationId, link.personId);
      await appendAudit(tx, now, {
        actor: 'applicant',
        applicationId: link.applicationId,
        action: 'liveness-session.create',
        entity: 'liveness-session',
        entityId: id,
        after: { linkId: link.id, personId: link.personId },
      });
    });
    const session = await store.sessionOfLink(this.db, link.id);
    if (!session) throw notFound('liveness check', '(token)');
    return session;
  }

  private async applicantViewOf(access: ApplicantAccess): Promise<ApplicantView> {
    const attempts = access.session ? await store.attemptsOf(this.db, access.session.session_id) : [];
    return applicantView({
      attempts,
      decision: this.decide(attempts.filter((a) => a.state === 'DECIDED')),
      linkStatus: access.link?.status,
      thresholds: this.thresholds,
      capture: this.capture,
      limits: this.limits,
    });
  }

  private async attemptRow(sessionId: string, attemptNumber: number): Promise<AttemptRow> {
    const a = await store.attemptByNumber(this.db, sessionId, attemptNumber);
    if (!a) throw notFound('liveness attempt', `${sessionId}/${attemptNumber}`);
    return a;
  }

  private async view(s: SessionRow): Promise<SessionView> {
    const attempts = await store.attemptsOf(this.db, s.session_id);
    return sessionView(s, {
      attempts,
      sources: await store.trustedSourceDescriptions(this.db, s.session_id),
      frameCounts: await store.frameCounts(
        this.db,
        attempts.map((a) => a.attempt_id),
      ),
      decision: this.decide(attempts.filter((a) => a.state === 'DECIDED')),
      officers: await OfficerDirectory.of(this.db, [s.created_by]),
      staleBefore: this.clock.now().getTime() - this.#staleMs,
    });
  }
}
