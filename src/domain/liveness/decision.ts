// Attempt-level decision (R17) and face authentication rows (R16), plus the three-attempt rule.
import { evaluateChallenge } from './challenges.ts';
import { cosineSimilarity, round4 } from './geometry.ts';
import { checkCapture, isStillAcrossAttempt } from './integrity.ts';
import { decideMatch, fmrForSimilarity, formatFmr, type CalibrationTable, type MatchResult } from './fmr.ts';
import type { LivenessThresholds } from './thresholds.ts';
import type { Challenge, ChallengeCapture, ChallengeResult, PassFail, ReasonCode } from './types.ts';

export interface ChallengeAssessment {
  readonly requested: readonly Challenge[];
  readonly challenges: readonly ChallengeResult[];
  /** attempt-level reasons found from the tracks alone (order, missing challenge, still image) */
  readonly reasons: readonly ReasonCode[];
}

/** Phase 1, tracks only: each requested challenge evaluated, best frames chosen. */
export function assessChallenges(
  requested: readonly Challenge[],
  captures: readonly ChallengeCapture[],
  t: LivenessThresholds,
): ChallengeAssessment {
  const reasons = new Set<ReasonCode>();
  const challenges: ChallengeResult[] = [];
  for (const challenge of requested) {
    const capture = captures.find((c) => c.challenge === challenge);
    if (!capture) {
      reasons.add('CHALLENGE_MISSING');
      challenges.push({
        challenge,
        result: 'FAIL',
        score: 0,
        bestFrameIndex: -1,
        evidenceFrameIndex: -1,
        reasons: ['CHALLENGE_MISSING'],
        metrics: {},
      });
      continue;
    }
    challenges.push(evaluateChallenge(capture, t));
  }
  // captures must follow the requested (randomised) order in time
  const ordered = requested
    .map((ch) => captures.find((c) => c.challenge === ch))
    .filter((c): c is ChallengeCapture => c !== undefined && c.frames.length > 0);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]?.frames;
    const cur = ordered[i]?.frames;
    const prevEnd = prev?.[prev.length - 1]?.tMs ?? 0;
    const curStart = cur?.[0]?.tMs ?? 0;
    if (curStart < prevEnd) reasons.add('OUT_OF_ORDER');
  }
  if (captures.some((c) => !requested.includes(c.challenge))) reasons.add('OUT_OF_ORDER');
  // a photo held up (moved rigidly, never turning or blinking) across every capture
  const samples = ordered.map((c) => checkCapture(c.frames, t.frames).samples);
  if (ordered.length === requested.length && isStillAcrossAttempt(samples, t.frames)) reasons.add('STILL_IMAGE');
  return { requested, challenges, reasons: [...reasons] };
}

export type TrustedSource = 'PROVIDED' | 'PASSPORT' | 'IMMIGRATION';
export type Probe = 'SELFIE' | `${Challenge} BEST FRAME` | 'BLINK LIVENESS FRAME';

export interface FaceDescriptorInput {
  /** number of faces the engine found in the image */
  readonly faceCount: number;
  readonly descriptor?: readonly number[];
}

export interface AttemptEvidence {
  readonly selfie: FaceDescriptorInput;
  /** descriptors of the frames chosen in phase 1 */
  readonly probes: Partial<Record<Exclude<Probe, 'SELFIE'>, FaceDescriptorInput>>;
  /** the trusted source faces available for this person (application photo, passport image, immigration photo) */
  readonly sources: Partial<Record<TrustedSource, FaceDescriptorInput>>;
  /** passive presentation-attack check, when one was run */
  readonly pad?: PassFail;
}

export interface FaceAuthenticationRow {
  readonly probe: Probe;
  readonly source: TrustedSource;
  /** label as on the seed's Faces view, e.g. "TRUSTED SOURCE FACE - PROVIDED", "NOD BEST FRAME" */
  readonly label: string;
  readonly similarity: number | null;
  readonly fmr: number | null;
  readonly fmrText: string;
  readonly threshold: number;
  readonly thresholdText: string;
  readonly result: MatchResult;
}

export interface SameFaceCheck {
  readonly probe: Exclude<Probe, 'SELFIE'>;
  readonly similarity: number | null;
  readonly ok: boolean;
}

export interface EvaluationRow {
  readonly type: 'Liveness Assessment' | 'Face Authentication';
  readonly detail: string;
  readonly result: PassFail | MatchResult;
}

export interface AttemptOutcome {
  /** R17: every requested challenge passed, same face throughout, PAD (if run) passed */
  readonly liveness: PassFail;
  readonly reasons: readonly ReasonCode[];
  readonly challenges: readonly ChallengeResult[];
  readonly sameFace: readonly SameFaceCheck[];
  /** selfie vs the application photo, the primary comparison */
  readonly faceMatch: MatchResult | 'NOT_AVAILABLE';
  /** PASS only with liveness PASS and faceMatch MATCH; a match never turns a liveness FAIL into a pass */
  readonly result: PassFail;
  readonly faceAuthentication: readonly FaceAuthenticationRow[];
  /** the seed's "Evaluation" view */
  readonly evaluation: readonly EvaluationRow[];
  readonly calibrationId: string;
}

function labelFor(probe: Probe, source: TrustedSource): string {
  if (probe === 'SELFIE') return `TRUSTED SOURCE FACE - ${source}`;
  return source === 'PROVIDED' ? probe : `${probe} - ${source}`;
}

const SOURCES: readonly TrustedSource[] = ['PROVIDED', 'PASSPORT', 'IMMIGRATION'];

/** Phase 2: same-face checks, face authentication rows and the attempt result. */
export function decideAttempt(
  assessment: ChallengeAssessment,
  evidence: AttemptEvidence,
  table: CalibrationTable,
  t: LivenessThresholds,
): AttemptOutcome {
  const reasons = new Set<ReasonCode>(assessment.reasons);
  for (const c of assessment.challenges) for (const r of c.reasons) reasons.add(r);
  if (evidence.selfie.faceCount === 0) reasons.add('SELFIE_NO_FACE');
  if (evidence.selfie.faceCount > 1) reasons.add('SELFIE_MULTIPLE_FACES');
  if (evidence.pad === 'FAIL') reasons.add('PAD_FAILED');

  const selfie = evidence.selfie.faceCount === 1 ? evidence.selfie.descriptor : undefined;
  const probeList: Exclude<Probe, 'SELFIE'>[] = [];
  for (const c of assessment.challenges) {
    if (c.bestFrameIndex >= 0) probeList.push(`${c.challenge} BEST FRAME`);
    if (c.challenge === 'BLINK' && c.evidenceFrameIndex >= 0) probeList.push('BLINK LIVENESS FRAME');
  }

  const similarity = (a: readonly number[] | undefined, b: FaceDescriptorInput | undefined): number | null =>
    a && b?.descriptor && b.faceCount === 1 && a.length === b.descriptor.length
      ? cosineSimilarity(a, b.descriptor)
      : null;

  // the same face throughout: every challenge's best frame resembles the selfie
  const sameFace: SameFaceCheck[] = probeList
    .filter((p) => p !== 'BLINK LIVENESS FRAME')
    .map((probe) => {
      const s = similarity(selfie, evidence.probes[probe]);
      return { probe, similarity: s === null ? null : round4(s), ok: s !== null && s >= t.sameFaceMinSimilarity };
    });
  for (const check of sameFace) {
    if (check.similarity === null) reasons.add('DESCRIPTOR_MISSING');
    else if (!check.ok) reasons.add('DIFFERENT_FACE');
  }
  if (selfie === undefined && evidence.selfie.faceCount === 1) reasons.add('DESCRIPTOR_MISSING');

  const faceAuthentication: FaceAuthenticationRow[] = [];
  const probesWithSelfie: Probe[] = ['SELFIE', ...probeList];
  for (const source of SOURCES) {
    const src = evidence.sources[source];
    if (!src) continue;
    for (const probe of probesWithSelfie) {
      const probeDescriptor =
        probe === 'SELFIE'
          ? selfie
          : evidence.probes[probe]?.faceCount === 1
            ? evidence.probes[probe]?.descriptor
            : undefined;
      const s = similarity(probeDescriptor, src);
      const fmr = s === null ? undefined : fmrForSimilarity(table, s);
      faceAuthentication.push({
        probe,
        source,
        label: labelFor(probe, source),
        similarity: s === null ? null : round4(s),
        fmr: fmr ?? null,
        fmrText: fmr === undefined ? '---' : formatFmr(fmr),
        threshold: t.fmrThreshold,
        thresholdText: formatFmr(t.fmrThreshold),
        result: decideMatch(fmr, t.fmrThreshold),
      });
    }
  }

  const liveness: PassFail =
    reasons.size === 0 && assessment.challenges.every((c) => c.result === 'PASS') ? 'PASS' : 'FAIL';
  const primary = faceAuthentication.find((r) => r.probe === 'SELFIE' && r.source === 'PROVIDED');
  const faceMatch = primary ? primary.result : 'NOT_AVAILABLE';

  const evaluation: EvaluationRow[] = [
    ...assessment.challenges.map((c): EvaluationRow => ({
      type: 'Liveness Assessment',
      detail: `${c.challenge} (Score: ${c.score.toFixed(4)})`,
      result: c.result,
    })),
    ...faceAuthentication
      .filter((r) => r.source === 'PROVIDED')
      .map((r): EvaluationRow => ({
        type: 'Face Authentication',
        detail: `${r.label} (FMR: ${r.fmrText})`,
        result: r.result,
      })),
  ];

  return {
    liveness,
    reasons: [...reasons],
    challenges: assessment.challenges,
    sameFace,
    faceMatch,
    // R17: the liveness result gates everything; a good match cannot override a FAIL
    result: liveness === 'PASS' && faceMatch === 'MATCH' ? 'PASS' : 'FAIL',
    faceAuthentication,
    evaluation,
    calibrationId: table.id,
  };
}

export type LivenessCheckStatus = 'NOT_STARTED' | 'PASSED' | 'RETRY_AVAILABLE' | 'FAILED';
export type NoLivenessOption =
  'SEND_NEW_LIVENESS_LINK' | 'SEND_ORIGINAL_PASSPORT' | 'IDENTITY_CONFIRMATION_APPOINTMENT';

export interface LivenessCheckDecision {
  readonly status: LivenessCheckStatus;
  readonly attemptsUsed: number;
  readonly attemptsRemaining: number;
  readonly attemptsExhausted: boolean;
  /** index of the attempt that decides the check (first passing one, else the latest) */
  readonly decidingAttempt: number;
  /** what the officer can offer when the check did not pass (seed: link again, original passport, appointment) */
  readonly options: readonly NoLivenessOption[];
}

const NO_LIVENESS_OPTIONS: readonly NoLivenessOption[] = [
  'SEND_NEW_LIVENESS_LINK',
  'SEND_ORIGINAL_PASSPORT',
  'IDENTITY_CONFIRMATION_APPOINTMENT',
];

/** Up to `maxAttempts` attempt sets per link; after the last one fails the check has failed. */
export function decideLivenessCheck(
  attempts: readonly { readonly result: PassFail }[],
  t: LivenessThresholds,
): LivenessCheckDecision {
  const counted = attempts.slice(0, t.maxAttempts);
  const passed = counted.findIndex((a) => a.result === 'PASS');
  const used = counted.length;
  if (passed >= 0) {
    return {
      status: 'PASSED',
      attemptsUsed: passed + 1,
      attemptsRemaining: 0,
      attemptsExhausted: false,
      decidingAttempt: passed,
      options: [],
    };
  }
  if (used === 0) {
    return {
      status: 'NOT_STARTED',
      attemptsUsed: 0,
      attemptsRemaining: t.maxAttempts,
      attemptsExhausted: false,
      decidingAttempt: -1,
      options: [],
    };
  }
  const exhausted = used >= t.maxAttempts;
  return {
    status: exhausted ? 'FAILED' : 'RETRY_AVAILABLE',
    attemptsUsed: used,
    attemptsRemaining: Math.max(0, t.maxAttempts - used),
    attemptsExhausted: exhausted,
    decidingAttempt: used - 1,
    options: exhausted ? NO_LIVENESS_OPTIONS : [],
  };
}

/** Whether another attempt set may be started on this link. */
export function canStartAttempt(attempts: readonly { readonly result: PassFail }[], t: LivenessThresholds): boolean {
  return decideLivenessCheck(attempts, t).status === 'RETRY_AVAILABLE' || attempts.length === 0;
}
