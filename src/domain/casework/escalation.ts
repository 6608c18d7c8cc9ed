// Escalation to the ID Proofing Experts Group (BR-26; seed L594–596, L804–808): the case is presented on
// the "ID experts group template", queued, reviewed at the group's weekly meeting (each Wednesday), and the
// group's decision is recorded. The template's own fields are not shown in seed 000 (only its name), so
// the fields below are pono's [inf], built from what the grid and the seed say an officer knows.

import { addDays, compareDates, fail, isoWeekday, ok, type IsoDate, type Result } from './common.ts';
import { can, notPermittedMessage, type OfficerRole } from './roles.ts';
import { OPTION_TEXT, type ProofingEvidence, type ProofingOption, type ProofingStep } from './proofing-grid.ts';
import type { IdentityTaskKind } from './tasks.ts';

export const EXPERTS_GROUP_NAME = 'ID Proofing Experts Group';
export const TEMPLATE_NAME = 'ID experts group template'; // L804

/** ISO weekday of the group's meeting: "the group meet each Wednesday" (L596). */
export const REVIEW_WEEKDAY = 3;

export interface EscalationTemplate {
  readonly applicationRef: string; // e.g. "3G68KK"
  readonly personId: string;
  readonly personName: string;
  readonly task: IdentityTaskKind; // normally "Identity is bound"
  readonly gridColumn: number | null; // G1/G2 column, or null when outside the grid
  readonly evidence: ProofingEvidence; // the grid's four rows
  readonly optionsTried: readonly ProofingOption[]; // "Options available" already offered
  readonly caseSummary: string;
  readonly recommendation: string;
}

export const ESCALATION_STATUSES = ['queued', 'decided', 'withdrawn'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_OUTCOMES = [
  'identity-proofing-achieved',
  'identity-proofing-not-achieved',
  'further-evidence-required',
] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

export interface EscalationDecision {
  readonly outcome: EscalationOutcome;
  readonly rationale: string;
  readonly decidedBy: string;
  readonly decidedOn: IsoDate;
}

export interface Escalation {
  readonly id: string;
  readonly template: EscalationTemplate;
  readonly raisedBy: string;
  readonly raisedOn: IsoDate;
  readonly reviewOn: IsoDate;
  readonly status: EscalationStatus;
  readonly decision: EscalationDecision | null;
}

export type EscalationErrorCode =
  | 'ESCALATION_IDENTITY_ACHIEVED'
  | 'ESCALATION_OPTIONS_NOT_TRIED'
  | 'ESCALATION_ALREADY_OPEN'
  | 'ESCALATION_TEMPLATE_INCOMPLETE'
  | 'ESCALATION_NOT_PERMITTED'
  | 'ESCALATION_NOT_QUEUED'
  | 'ESCALATION_BEFORE_REVIEW'
  | 'ESCALATION_RATIONALE_REQUIRED'
  | 'ESCALATION_SELF_DECISION';

/**
 * The meeting a case raised on `raisedOn` goes to: the next Wednesday strictly after it. A case raised on a
 * Wednesday goes to the following week's meeting [inf: the seed gives no cut-off].
 */
export function reviewDateFor(raisedOn: IsoDate): IsoDate {
  const delta = (REVIEW_WEEKDAY - isoWeekday(raisedOn) + 7) % 7;
  return addDays(raisedOn, delta === 0 ? 7 : delta);
}

function missingFields(t: EscalationTemplate): string[] {
  const missing: string[] = [];
  if (t.applicationRef.trim() === '') missing.push('applicationRef');
  if (t.personId.trim() === '') missing.push('personId');
  if (t.personName.trim() === '') missing.push('personName');
  if (t.caseSummary.trim() === '') missing.push('caseSummary');
  if (t.recommendation.trim() === '') missing.push('recommendation');
  return missing;
}

export interface Raiser {
  readonly id: string;
  readonly roles: readonly OfficerRole[];
}

export function raiseEscalation(
  id: string,
  template: EscalationTemplate,
  by: Raiser,
  raisedOn: IsoDate,
): Result<Escalation, EscalationErrorCode> {
  if (!can(by.roles, 'escalation.raise'))
    return fail('ESCALATION_NOT_PERMITTED', notPermittedMessage('escalation.raise'));
  const missing = missingFields(template);
  if (missing.length > 0) return fail('ESCALATION_TEMPLATE_INCOMPLETE', `template incomplete: ${missing.join(', ')}`);
  return ok({
    id,
    template,
    raisedBy: by.id,
    raisedOn,
    reviewOn: reviewDateFor(raisedOn),
    status: 'queued',
    decision: null,
  });
}

/** The queue for a meeting on `meetingOn`: queued entries due by then, oldest first. */
export function reviewQueue(entries: readonly Escalation[], meetingOn: IsoDate): Escalation[] {
  return entries
    .filter((e) => e.status === 'queued' && compareDates(e.reviewOn, meetingOn) <= 0)
    .sort((a, b) => compareDates(a.raisedOn, b.raisedOn) || a.id.localeCompare(b.id));
}

/** Records the group's decision. Only an ID proofing expert may, not the raising officer, and not before the meeting. */
export function recordEscalationDecision(
  entry: Escalation,
  decision: { readonly outcome: EscalationOutcome; readonly rationale: string },
  by: Raiser,
  decidedOn: IsoDate,
): Result<Escalation, EscalationErrorCode> {
  if (!can(by.roles, 'escalation.decide'))
    return fail('ESCALATION_NOT_PERMITTED', notPermittedMessage('escalation.decide'));
  if (entry.status !== 'queued') return fail('ESCALATION_NOT_QUEUED', `escalation is ${entry.status}`);
  if (by.id === entry.raisedBy)
    return fail('ESCALATION_SELF_DECISION', 'the raising officer may not decide their own escalation');
  if (compareDates(decidedOn, entry.reviewOn) < 0)
    return fail('ESCALATION_BEFORE_REVIEW', `decided before the review meeting on ${entry.reviewOn}`);
  if (decision.rationale.trim() === '') return fail('ESCALATION_RATIONALE_REQUIRED', 'record the rationale');
  return ok({ ...entry, status: 'decided', decision: { ...decision, decidedBy: by.id, decidedOn } });
}

/**
 * Escalations follow the grid (G1, BR-25/BR-26; M1-Q3 marks "raise straight to the group" as wrong): nothing to
 * escalate where identity proofing is achieved; where the column's "Options available" are the customer's
 * (columns 2–4), escalate only once they were tried and did not resolve it ("Not resolved yet?"). `step` is the
 * grid's answer for the evidence on file with the options tried counted as exhausted.
 */
export function escalationFollowsGrid(step: ProofingStep): Result<true, EscalationErrorCode> {
  if (step.step === 'achieved')
    return fail(
      'ESCALATION_IDENTITY_ACHIEVED',
      `identity proofing is achieved (grid column ${step.column}): there is nothing to escalate`,
    );
  if (step.step === 'offer-options') {
    return fail(
      'ESCALATION_OPTIONS_NOT_TRIED',
      `grid column ${step.column}: first ${OPTION_TEXT.P.charAt(0).toLowerCase()}${OPTION_TEXT.P.slice(1)}; escalate if that does not resolve it (say in optionsTried what was tried)`,
    );
  }
  return ok(true);
}

/** One open question per task: a task already queued for the group is not escalated again. */
export function escalationAlreadyOpen(
  open: { readonly raisedOn: IsoDate; readonly reviewOn: IsoDate } | undefined,
): Result<true, EscalationErrorCode> {
  if (open)
    return fail(
      'ESCALATION_ALREADY_OPEN',
      `this task is already with the ${EXPERTS_GROUP_NAME} (raised on ${open.raisedOn}, for the meeting on ${open.reviewOn})`,
    );
  return ok(true);
}
