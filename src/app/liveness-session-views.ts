// What officers and the applicant are shown of a liveness session, from its rows and the domain's decision:
// officers see every attempt set with its evidence; the applicant only passed / try again / could not complete.
import type { LivenessCheckDecision, LivenessCheckStatus, LivenessThresholds } from '../domain/liveness/index.ts';
import type { OfficerDirectory } from './casework/officer-directory.ts';
import type { AttemptRow, SessionRow } from './liveness-session-store.ts';
import {
  TRUSTED_SOURCES,
  type ApplicantState,
  type ApplicantView,
  type AttemptView,
  type CapturePlan,
  type SessionView,
  type UploadLimits,
} from './liveness-session-types.ts';

export const APPLICANT_STATE: Readonly<Record<LivenessCheckStatus, ApplicantState>> = {
  NOT_STARTED: 'ready',
  RETRY_AVAILABLE: 'try_again',
  PASSED: 'passed',
  FAILED: 'could_not_complete',
};

export interface SessionFacts {
  attempts: readonly AttemptRow[];
  sources: readonly { source: string; document_id: string | null; content_type: string; sha256: string }[];
  frameCounts: readonly { attempt_id: string; challenge: string; n: number }[];
  decision: LivenessCheckDecision;
  officers: OfficerDirectory;
  /** an attempt analysing since before this was abandoned (its process died) and shows as open again */
  staleBefore: number;
}

export function sessionView(s: SessionRow, f: SessionFacts): SessionView {
  const d = f.decision;
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
    createdByName: f.officers.name(s.created_by),
    createdByEmail: f.officers.email(s.created_by),
    createdAt: s.created_at.toISOString(),
    completedAt: s.completed_at?.toISOString() ?? null,
    trustedSources: TRUSTED_SOURCES.flatMap((source) => {
      const r = f.sources.find((x) => x.source === source);
      return r ? [{ source, documentId: r.document_id, contentType: r.content_type, sha256: r.sha256 }] : [];
    }),
    attempts: f.attempts.map((a) => attemptView(a, f)),
  };
}

function attemptView(a: AttemptRow, f: SessionFacts): AttemptView {
  const outcome = a.outcome;
  const stale = a.state === 'ANALYSING' && a.analysing_since !== null && a.analysing_since.getTime() < f.staleBefore;
  return {
    id: a.attempt_id,
    number: a.attempt_number,
    challenges: a.challenges,
    state: stale ? 'OPEN' : a.state,
    startedAt: a.started_at.toISOString(),
    decidedAt: a.decided_at?.toISOString() ?? null,
    result: a.result,
    liveness: a.liveness,
    faceMatch: a.face_match,
    reasons: a.reasons ?? [],
    challengeResults: (outcome?.challenges ?? []).map((c) => ({
      challenge: c.challenge,
      result: c.result,
      score: c.score,
      reasons: [...c.reasons],
      metrics: { ...c.metrics },
      frameCount: Number(
        f.frameCounts.find((n) => n.attempt_id === a.attempt_id && n.challenge === c.challenge)?.n ?? 0,
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
}

export interface ApplicantFacts {
  attempts: readonly AttemptRow[];
  decision: LivenessCheckDecision;
  /** the casework link's status when the session came from a link */
  linkStatus: 'Active' | 'Completed' | 'Expired' | undefined;
  thresholds: LivenessThresholds;
  capture: CapturePlan;
  limits: UploadLimits;
}

export function applicantView(f: ApplicantFacts): ApplicantView {
  const d = f.decision;
  const decided = f.attempts.filter((a) => a.state === 'DECIDED');
  const open = f.attempts.find((a) => a.state !== 'DECIDED');
  let state: ApplicantState = APPLICANT_STATE[d.status];
  if (f.linkStatus && (d.status === 'NOT_STARTED' || d.status === 'RETRY_AVAILABLE')) {
    if (f.linkStatus === 'Expired') state = 'expired';
    else if (f.linkStatus === 'Completed') state = 'used';
  }
  const usable = state === 'ready' || state === 'try_again';
  const challenges = open ? open.challenges : [];
  return {
    maxAttempts: f.thresholds.maxAttempts,
    capture: f.capture,
    limits: f.limits,
    state,
    attemptsUsed: d.attemptsUsed,
    attemptsRemaining: d.status === 'PASSED' ? 0 : f.thresholds.maxAttempts - decided.length,
    attempt:
      open && usable
        ? { id: open.attempt_id, number: open.attempt_number, challenges, steps: challenges.length + 1 }
        : null,
  };
}
