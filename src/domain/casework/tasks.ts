// Confirm Identity tasks per person (seed 000 L107–121, L395–459): "Identity is unique", "Identity exists",
// "Identity is bound". Each carries an outcome, criteria, comments and supporting-evidence links, and moves
// through a transition table with four-eyes validation. The liveness engine's PASS/MATCH results are
// advice (BR-11); the outcome recorded here by the officer is the decision.

import { fail, ok, type IsoDate, type Result } from './common.ts';
import { can, notPermittedMessage, type CaseworkAction, type OfficerRole } from './roles.ts';

export const IDENTITY_TASKS = ['identity-is-unique', 'identity-exists', 'identity-is-bound'] as const; // seed order L113–117
export type IdentityTaskKind = (typeof IDENTITY_TASKS)[number];

export const IDENTITY_TASK_LABELS: Readonly<Record<IdentityTaskKind, string>> = {
  'identity-is-unique': 'Identity is unique',
  'identity-exists': 'Identity exists',
  'identity-is-bound': 'Identity is bound', // where liveness is assessed (BR-06, L121, quiz Q2)
};

export const TASK_OUTCOMES = ['pass', 'fail'] as const; // only "Pass" is shown (L408); fail implied
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * Criteria an officer ticks. Seed 000 shows only "Liveness check" ticked (L409); "Name" at L413–418 is the
 * Criteria subgrid's column header, not a criterion. The rest come from the evidence the seed names.
 */
export const TASK_CRITERIA = [
  'liveness-check', // L409
  'consenting-parent-liveness', // BR-17: parent's check pasted into the child's task
  'inz-match', // INZ Results "Identity Match" 1:1 (L1272; R14)
  'ams-photo', // grid row "AMS Photo" (L800); INZ photo in supporting documents (L1523)
  'overseas-passport-image', // grid row (L801)
  'application-photo', // grid row (L802); "Photo of applicant" (L202)
  'original-passport', // grid options (L804), BR-22
  'identity-confirmation-appointment', // grid options (L804), BR-22
  'signature-binding', // secondary consent giver (BR-33, L864)
  'id-experts-group-decision', // escalation outcome (BR-26)
] as const;
export type TaskCriterion = (typeof TASK_CRITERIA)[number];

export const TASK_CRITERION_LABELS: Readonly<Record<TaskCriterion, string>> = {
  'liveness-check': 'Liveness check',
  'consenting-parent-liveness': "Consenting parent's liveness check",
  'inz-match': 'INZ match',
  'ams-photo': 'AMS photo',
  'overseas-passport-image': 'Overseas passport image',
  'application-photo': 'Application photo',
  'original-passport': 'Original passport',
  'identity-confirmation-appointment': 'Identity confirmation appointment',
  'signature-binding': 'Signatures compared and bound',
  'id-experts-group-decision': 'ID Proofing Experts Group decision',
};

/** Which criteria make sense on which task [inf, from the seed's evidence per task]. */
export const CRITERIA_BY_TASK: Readonly<Record<IdentityTaskKind, readonly TaskCriterion[]>> = {
  'identity-is-unique': ['inz-match', 'id-experts-group-decision'], // R14/R19: 1:N blocks uniqueness
  'identity-exists': ['inz-match', 'overseas-passport-image', 'original-passport', 'id-experts-group-decision'],
  'identity-is-bound': [
    'liveness-check',
    'consenting-parent-liveness',
    'ams-photo',
    'overseas-passport-image',
    'application-photo',
    'original-passport',
    'identity-confirmation-appointment',
    'signature-binding',
    'id-experts-group-decision',
  ],
};

/** The liveness challenges (BR-02, L47–49). A liveness comment must name the recording(s) watched (BR-15). */
export const LIVENESS_CHALLENGES = ['blink', 'nod', 'shake'] as const;
export type LivenessChallenge = (typeof LIVENESS_CHALLENGES)[number];

/** A supporting-evidence row: "Name", "Document type", "Provided as" (L420–424), or a liveness check URL. */
export interface EvidenceLink {
  readonly kind: 'document' | 'liveness-check';
  readonly ref: string; // document id or liveness check URL/id
  readonly name: string;
  readonly documentType?: string;
  readonly providedAs?: string;
}

/**
 * The officer's assessment of a liveness check on "Identity is bound" (BR-11: the engine's results are
 * advice; BR-15: the recording watched is named). Only a satisfactory assessment counts in the proofing grid.
 */
export const LIVENESS_ASSESSMENT_RESULTS = ['satisfactory', 'not-satisfactory'] as const;
export type LivenessAssessmentResult = (typeof LIVENESS_ASSESSMENT_RESULTS)[number];
export interface LivenessAssessment {
  readonly result: LivenessAssessmentResult;
  /** The liveness check (link) whose recordings were watched. */
  readonly linkId: string;
  /** The challenge recordings watched, e.g. ['shake'] (L410). */
  readonly recordings: readonly LivenessChallenge[];
}

/** Criteria that say a liveness check was assessed on this task: they need the assessment recorded. */
export const LIVENESS_CRITERIA: readonly TaskCriterion[] = ['liveness-check', 'consenting-parent-liveness'];

/** Task states in which the recorded preparation stands (a returned or reopened task must be prepared again). */
export const STANDING_STATES = ['prepared', 'validated'] as const;

/** True when the task records a satisfactory liveness assessment that still stands (the grid's "Liveness Test"). */
export function livenessCounts(task: {
  readonly kind: string;
  readonly state: string;
  readonly livenessAssessment: LivenessAssessment | null;
}): boolean {
  return (
    task.kind === 'identity-is-bound' &&
    (STANDING_STATES as readonly string[]).includes(task.state) &&
    task.livenessAssessment?.result === 'satisfactory'
  );
}

/** A stored assessment read back (JSON from storage): the known shape, or null. */
export function rowToDomainAssessment(value: unknown): LivenessAssessment | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<LivenessAssessment>;
  if (!LIVENESS_ASSESSMENT_RESULTS.includes(v.result as LivenessAssessmentResult) || typeof v.linkId !== 'string')
    return null;
  return {
    result: v.result as LivenessAssessmentResult,
    linkId: v.linkId,
    recordings: (v.recordings ?? []).filter((r) => LIVENESS_CHALLENGES.includes(r)),
  };
}

export const TASK_STATES = ['open', 'prepared', 'validated', 'returned', 'escalated'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_ACTIONS = ['prepare', 'validate', 'return', 'escalate', 'resolve-escalation', 'reopen'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskTransition {
  readonly action: TaskAction;
  readonly from: readonly TaskState[];
  readonly to: TaskState;
  readonly permission: CaseworkAction;
  readonly note: string;
}

export const TASK_TRANSITIONS: readonly TaskTransition[] = [
  {
    action: 'prepare',
    from: ['open', 'returned'],
    to: 'prepared',
    permission: 'task.prepare',
    note: 'assessor records outcome, criteria, comment (BR-15)',
  },
  {
    action: 'validate',
    from: ['prepared'],
    to: 'validated',
    permission: 'task.validate',
    note: 'validator agrees (BR-16); four-eyes',
  },
  {
    action: 'return',
    from: ['prepared'],
    to: 'returned',
    permission: 'task.return',
    note: 'validator disagrees (BR-16); four-eyes',
  },
  {
    action: 'escalate',
    from: ['open', 'returned'],
    to: 'escalated',
    permission: 'escalation.raise',
    note: 'grid "Not resolved yet?" (BR-25, BR-26)',
  },
  {
    action: 'resolve-escalation',
    from: ['escalated'],
    to: 'open',
    permission: 'escalation.decide',
    note: 'ID Proofing Experts Group decision recorded',
  },
  {
    action: 'reopen',
    from: ['prepared', 'validated'],
    to: 'open',
    permission: 'task.reopen',
    note: 'e.g. reverted to Complete and Correct (child turned 14); history kept (R13)',
  },
];

export interface TaskEvent {
  readonly action: TaskAction;
  readonly by: string;
  /** The officer whose API token `by` acted through, when that is someone else. */
  readonly through?: string;
  readonly on: IsoDate;
  readonly from: TaskState;
  readonly to: TaskState;
  readonly note?: string;
}

export interface IdentityTask {
  readonly id: string;
  readonly applicationId: string;
  readonly personId: string;
  readonly kind: IdentityTaskKind;
  readonly state: TaskState;
  readonly outcome: TaskOutcome | null;
  readonly criteria: readonly TaskCriterion[];
  readonly comments: string;
  readonly supportingEvidence: readonly EvidenceLink[];
  readonly livenessAssessment: LivenessAssessment | null;
  readonly preparedBy: string | null;
  readonly validatedBy: string | null;
  readonly history: readonly TaskEvent[];
}

export interface Officer {
  readonly id: string;
  readonly roles: readonly OfficerRole[];
  /** The officer who issued the API token this officer acts through, when that is someone else. */
  readonly actingThrough?: string;
}

/** Everyone behind an action: the officer, and whoever issued the token they acted through. */
function peopleBehind(id: string | null, through: string | undefined): string[] {
  return [id, through].filter((who): who is string => who !== null && who !== undefined);
}

/** The people behind the task's current preparation: its preparer, and the issuer of the token they used. */
function preparers(task: IdentityTask): string[] {
  const prepared = [...task.history].reverse().find((e) => e.action === 'prepare');
  return peopleBehind(task.preparedBy, prepared?.by === task.preparedBy ? prepared?.through : undefined);
}

export type TaskCommand =
  | {
      readonly action: 'prepare';
      readonly outcome: TaskOutcome;
      readonly criteria: readonly TaskCriterion[];
      readonly comments: string;
      readonly supportingEvidence?: readonly EvidenceLink[];
      readonly livenessAssessment?: LivenessAssessment;
    }
  | { readonly action: 'validate'; readonly comments?: string }
  | { readonly action: 'return'; readonly reason: string }
  | { readonly action: 'escalate'; readonly escalationId: string }
  | { readonly action: 'resolve-escalation'; readonly decisionNote: string }
  | { readonly action: 'reopen'; readonly reason: string };

export type TaskErrorCode =
  | 'TASK_TRANSITION_NOT_ALLOWED'
  | 'TASK_ROLE_NOT_PERMITTED'
  | 'TASK_SELF_VALIDATION'
  | 'TASK_CRITERIA_REQUIRED'
  | 'TASK_CRITERION_NOT_APPLICABLE'
  | 'TASK_COMMENT_REQUIRED'
  | 'TASK_LIVENESS_RECORDING_NOT_NAMED'
  | 'TASK_LIVENESS_ASSESSMENT_REQUIRED'
  | 'TASK_LIVENESS_ASSESSMENT_NOT_APPLICABLE'
  | 'TASK_REASON_REQUIRED';

/** The three open Confirm Identity tasks for one person, in the seed's order. */
export function createConfirmIdentityTasks(
  applicationId: string,
  personId: string,
  idFor: (kind: IdentityTaskKind) => string,
): IdentityTask[] {
  return IDENTITY_TASKS.map((kind) => ({
    id: idFor(kind),
    applicationId,
    personId,
    kind,
    state: 'open',
    outcome: null,
    criteria: [],
    comments: '',
    supportingEvidence: [],
    livenessAssessment: null,
    preparedBy: null,
    validatedBy: null,
    history: [],
  }));
}

/** Names of the liveness challenges mentioned in a comment (e.g. "Watched 'shake' recording", L410). */
export function challengesNamed(comment: string): LivenessChallenge[] {
  const lower = comment.toLowerCase();
  return LIVENESS_CHALLENGES.filter((c) => new RegExp(`\\b${c}`).test(lower));
}

/** Applies a command to a task: role check, table lookup, four-eyes, then the command's own rules. */
export function applyTaskCommand(
  task: IdentityTask,
  command: TaskCommand,
  actor: Officer,
  on: IsoDate,
): Result<IdentityTask, TaskErrorCode> {
  // The role first (the one permission check of a task command): an officer whose role may not act is told so,
  // whatever state the task is in.
  const permission = TASK_TRANSITIONS.find((x) => x.action === command.action)?.permission;
  if (permission && !can(actor.roles, permission))
    return fail('TASK_ROLE_NOT_PERMITTED', notPermittedMessage(permission));
  const t = TASK_TRANSITIONS.find((x) => x.action === command.action && x.from.includes(task.state));
  if (!t) return fail('TASK_TRANSITION_NOT_ALLOWED', `cannot ${command.action} a ${task.state} task`);

  const event = (note?: string): TaskEvent => ({
    action: command.action,
    by: actor.id,
    ...(actor.actingThrough === undefined ? {} : { through: actor.actingThrough }),
    on,
    from: task.state,
    to: t.to,
    ...(note ? { note } : {}),
  });

  switch (command.action) {
    case 'prepare': {
      if (command.criteria.length === 0) return fail('TASK_CRITERIA_REQUIRED', 'tick at least one criterion');
      const bad = command.criteria.find((c) => !CRITERIA_BY_TASK[task.kind].includes(c));
      if (bad)
        return fail(
          'TASK_CRITERION_NOT_APPLICABLE',
          `criterion ${bad} does not apply to ${IDENTITY_TASK_LABELS[task.kind]}`,
        );
      if (command.comments.trim() === '') return fail('TASK_COMMENT_REQUIRED', 'a comment is required');
      // BR-15: say which challenge recording(s) were watched, so the validator can open it (BR-16).
      if (command.criteria.includes('liveness-check') && challengesNamed(command.comments).length === 0) {
        return fail(
          'TASK_LIVENESS_RECORDING_NOT_NAMED',
          'name the challenge recording(s) watched: blink, nod or shake',
        );
      }
      const assessment = command.livenessAssessment;
      if (assessment && task.kind !== 'identity-is-bound') {
        return fail(
          'TASK_LIVENESS_ASSESSMENT_NOT_APPLICABLE',
          `liveness is assessed on Identity is bound, not on ${IDENTITY_TASK_LABELS[task.kind]}`,
        );
      }
      if (!assessment && command.criteria.some((c) => LIVENESS_CRITERIA.includes(c))) {
        return fail(
          'TASK_LIVENESS_ASSESSMENT_REQUIRED',
          'record the liveness assessment: satisfactory or not satisfactory, and the recording watched',
        );
      }
      if (assessment && assessment.recordings.length === 0) {
        return fail(
          'TASK_LIVENESS_RECORDING_NOT_NAMED',
          'name the challenge recording(s) watched: blink, nod or shake',
        );
      }
      return ok({
        ...task,
        state: t.to,
        outcome: command.outcome,
        criteria: [...new Set(command.criteria)],
        comments: command.comments,
        supportingEvidence: command.supportingEvidence ?? task.supportingEvidence,
        livenessAssessment: assessment
          ? { result: assessment.result, linkId: assessment.linkId, recordings: [...new Set(assessment.recordings)] }
          : null,
        preparedBy: actor.id,
        validatedBy: null,
        history: [...task.history, event()],
      });
    }
    case 'validate':
    case 'return': {
      // Four-eyes: the validating officer must not be the officer who prepared the task, and no one person may be
      // both pairs of eyes through API tokens they issued (an administrator's tokens for two officers).
      const prepared = preparers(task);
      if (task.preparedBy === actor.id)
        return fail('TASK_SELF_VALIDATION', 'the validating officer must not be the preparing officer');
      if (peopleBehind(actor.id, actor.actingThrough).some((who) => prepared.includes(who))) {
        return fail(
          'TASK_SELF_VALIDATION',
          'the same person is behind the preparation and this check (through an API token they issued); another officer must check the task',
        );
      }
      if (command.action === 'return') {
        if (command.reason.trim() === '') return fail('TASK_REASON_REQUIRED', 'say why the task is returned');
        return ok({ ...task, state: t.to, history: [...task.history, event(command.reason)] });
      }
      return ok({ ...task, state: t.to, validatedBy: actor.id, history: [...task.history, event(command.comments)] });
    }
    case 'escalate':
      return ok({ ...task, state: t.to, history: [...task.history, event(`escalation ${command.escalationId}`)] });
    case 'resolve-escalation':
      if (command.decisionNote.trim() === '') return fail('TASK_REASON_REQUIRED', 'record the decision');
      return ok({ ...task, state: t.to, history: [...task.history, event(command.decisionNote)] });
    case 'reopen':
      if (command.reason.trim() === '') return fail('TASK_REASON_REQUIRED', 'say why the task is reopened');
      // Outcome and criteria are kept for the record but the task must be prepared and validated again.
      return ok({ ...task, state: t.to, validatedBy: null, history: [...task.history, event(command.reason)] });
  }
}

/** True when every task is validated (the stage guard identityTasksValidated). */
export function allValidated(tasks: readonly IdentityTask[]): boolean {
  return tasks.length > 0 && tasks.every((t) => t.state === 'validated');
}
