// Application stage lifecycle as a transition table. Stage labels follow seed 000 where it shows them:
// the General tab's "Application processing" section carries a "Stage" field whose value is
// "Complete and Correct" (ccms S2, L1218–1220); "Citizenship ceremony" is an application tab (L1194).
// Other labels are pono's own [inf].

import { fail, ok, type Result } from './common.ts';
import { roleInSentence, type CaseworkAction, type OfficerRole } from './roles.ts';

export const STAGES = [
  'draft',
  'submitted',
  'complete-and-correct',
  'application-processing',
  'decision',
  'ceremony',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  draft: 'Draft', // [inf] online application not yet paid and submitted
  submitted: 'Submitted', // [inf] paid and submitted online; the INZ API runs now (BR-42, L1155)
  'complete-and-correct': 'Complete and Correct', // seed L1220; Confirm Identity and "All fields are correct and complete" (L1823)
  'application-processing': 'Application processing', // seed L1218 section heading; eligibility units of work, e.g. "Eligibility 1" (L2152)
  decision: 'Decision', // [inf]
  ceremony: 'Citizenship ceremony', // tab name L1194
  closed: 'Closed', // "after the ceremony has been closed" (L2451)
};

export type ClosureReason = 'granted' | 'declined' | 'withdrawn';

/** Who moves a stage: an officer role, or the applicant (online submission), or the system (e.g. payment callback). */
export type StageActor = OfficerRole | 'applicant' | 'system';

export const STAGE_ACTIONS = [
  'submit',
  'allocate',
  'complete-and-correct-done',
  'revert-to-complete-and-correct',
  'refer-for-decision',
  'grant',
  'decline',
  'close-ceremony',
  'withdraw',
] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

/** Facts the guards need; the caller computes them from tasks, payments, ceremonies. */
export interface StageGuards {
  readonly paid?: boolean;
  readonly identityTasksValidated?: boolean; // every Confirm Identity task validated (four-eyes done)
  readonly ceremonyRecorded?: boolean; // ceremony date recorded (or no ceremony needed, R12)
  readonly revertReason?: string;
}

type Guard = 'paid' | 'identityTasksValidated' | 'ceremonyRecorded' | 'revertReason';

/** What a guard asks, in the office's words, as a refusal names it. */
const GUARD_TEXT: Readonly<Record<Guard, string>> = {
  paid: 'the application must be paid first',
  identityTasksValidated: 'every Confirm Identity task must be validated first',
  ceremonyRecorded: 'the ceremony must be recorded first',
  revertReason: 'give the reason for sending the application back',
};

/** Each stage action in the office's words. */
export const STAGE_ACTION_TEXT: Readonly<Record<StageAction, string>> = {
  submit: 'submit the application',
  allocate: 'pick up the application',
  'complete-and-correct-done': 'finish "Complete and Correct"',
  'revert-to-complete-and-correct': 'send the application back to "Complete and Correct"',
  'refer-for-decision': 'refer the application for decision',
  grant: 'grant the application',
  decline: 'decline the application',
  'close-ceremony': 'close the ceremony',
  withdraw: 'withdraw the application',
};

function actorInSentence(actor: StageActor): string {
  if (actor === 'applicant') return 'the applicant';
  if (actor === 'system') return 'pono itself';
  const role = roleInSentence(actor);
  return `${/^[aeiouAEIOU]/.test(role) ? 'an' : 'a'} ${role}`;
}

export interface StageTransition {
  readonly action: StageAction;
  readonly from: readonly Stage[];
  readonly to: Stage;
  readonly by: readonly StageActor[];
  /** The permission-table action whose roles are the officer actors in `by` (kept in step by a test). */
  readonly permission: CaseworkAction;
  readonly requires: readonly Guard[];
  readonly closure?: ClosureReason;
  readonly note: string;
}

const OPEN_STAGES: readonly Stage[] = ['submitted', 'complete-and-correct', 'application-processing', 'decision'];

export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    by: ['applicant', 'case-officer'],
    permission: 'application.submit',
    requires: ['paid'],
    note: 'paid and submitted online (BR-42)',
  },
  {
    action: 'allocate',
    from: ['submitted'],
    to: 'complete-and-correct',
    by: ['case-officer', 'system'],
    permission: 'application.allocate',
    requires: [],
    note: 'officer picks up the application; Stage "Complete and Correct" (L1161, L1220)',
  },
  {
    action: 'complete-and-correct-done',
    from: ['complete-and-correct'],
    to: 'application-processing',
    by: ['case-officer'],
    permission: 'application.move-stage',
    requires: ['identityTasksValidated'],
    note: 'Confirm Identity tasks validated',
  },
  {
    action: 'revert-to-complete-and-correct',
    from: ['application-processing', 'decision'],
    to: 'complete-and-correct',
    by: ['case-officer', 'validating-officer', 'system'],
    permission: 'application.revert-stage',
    requires: ['revertReason'],
    note: 'e.g. a child turns 14 during processing (seed L1041–1045, BR-39; childTurns14Policy)',
  },
  {
    action: 'refer-for-decision',
    from: ['application-processing'],
    to: 'decision',
    by: ['case-officer'],
    permission: 'application.move-stage',
    requires: ['identityTasksValidated'],
    note: '[inf]',
  },
  {
    action: 'grant',
    from: ['decision'],
    to: 'ceremony',
    by: ['validating-officer'],
    permission: 'application.decide',
    requires: [],
    note: '[inf] grant; awaiting ceremony (R12)',
  },
  {
    action: 'decline',
    from: ['decision'],
    to: 'closed',
    by: ['validating-officer'],
    permission: 'application.decide',
    requires: [],
    closure: 'declined',
    note: '[inf]',
  },
  {
    action: 'close-ceremony',
    from: ['ceremony'],
    to: 'closed',
    by: ['case-officer'],
    permission: 'ceremony.close',
    requires: ['ceremonyRecorded'],
    closure: 'granted',
    note: 'INZ is notified ~7 days later (BR-58, R20)',
  },
  {
    action: 'withdraw',
    from: OPEN_STAGES,
    to: 'closed',
    by: ['case-officer', 'applicant'],
    permission: 'application.withdraw',
    requires: [],
    closure: 'withdrawn',
    note: '[inf]',
  },
];

export type StageErrorCode = 'STAGE_TRANSITION_NOT_ALLOWED' | 'STAGE_ACTOR_NOT_PERMITTED' | 'STAGE_GUARD_FAILED';

export interface StageMove {
  readonly stage: Stage;
  readonly closure: ClosureReason | null;
  readonly transition: StageTransition;
}

export function transitionsFrom(stage: Stage): StageTransition[] {
  return STAGE_TRANSITIONS.filter((t) => t.from.includes(stage));
}

/** Applies a stage action if the table allows it from `stage`, for one of `actors`, with its guards met. */
export function applyStageAction(
  stage: Stage,
  action: StageAction,
  actors: StageActor | readonly StageActor[],
  guards: StageGuards = {},
): Result<StageMove, StageErrorCode> {
  const held: readonly StageActor[] = typeof actors === 'string' ? [actors] : actors;
  const t = STAGE_TRANSITIONS.find((x) => x.action === action && x.from.includes(stage));
  if (!t)
    return fail(
      'STAGE_TRANSITION_NOT_ALLOWED',
      `You cannot ${STAGE_ACTION_TEXT[action]} while it is in stage "${STAGE_LABELS[stage]}"`,
    );
  if (!held.some((a) => t.by.includes(a)))
    return fail(
      'STAGE_ACTOR_NOT_PERMITTED',
      `Only ${t.by.map(actorInSentence).join(' or ')} may ${STAGE_ACTION_TEXT[action]}`,
    );
  for (const g of t.requires) {
    const v = guards[g];
    const met = g === 'revertReason' ? typeof v === 'string' && v.trim() !== '' : v === true;
    if (!met) return fail('STAGE_GUARD_FAILED', `Before you ${STAGE_ACTION_TEXT[action]}, ${GUARD_TEXT[g]}`);
  }
  return ok({ stage: t.to, closure: t.closure ?? null, transition: t });
}
