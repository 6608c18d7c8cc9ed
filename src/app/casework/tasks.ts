// Confirm Identity tasks (three per person): prepare by one officer, validate or return by a different one.
// Every command runs in a transaction that locks the task row (SELECT … FOR UPDATE) before the domain decides,
// so two validations racing on one task run one after the other and the second finds the task validated.
import {
  applyTaskCommand,
  IDENTITY_TASKS,
  rowToDomainAssessment,
  type IdentityTask,
  type LivenessAssessment,
  type TaskCommand,
  type TaskEvent,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import { rowToTask, taskColumns, type TaskRow } from './task-rows.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, conflict, invalid, notFound, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { OfficerDirectory } from './officer-directory.ts';
import { TaskRecordingStore } from './task-recording-store.ts';
import { linkSessions } from './liveness-link-results.ts';
import { decodeCursor } from '../keyset.ts';
import { CASEWORK_CURSOR, pageSize, toPage, type Page } from './keyset.ts';
import { lockTask, taskQueueRows } from './allocation-store.ts';
import { applicationByReference, tasksOfApplication } from './application-store.ts';
import { linkWithPerson } from './liveness-link-store.ts';
import { taskById, writeTask } from './task-store.ts';

/** A history entry with the officers named: who acted (and through whose API token). */
export interface NamedTaskEvent extends TaskEvent {
  byName: string;
  byEmail: string | null;
  throughName?: string;
  throughEmail?: string | null;
}

export interface TaskView extends Omit<IdentityTask, 'history'> {
  history: NamedTaskEvent[];
  revision: number;
  updatedAt: string;
  ownerId: string | null;
  /** The officers' names and emails, for the screens and API readers (ids stay the keys). */
  preparedByName: string | null;
  preparedByEmail: string | null;
  validatedByName: string | null;
  validatedByEmail: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  /** The validating officer who picked the prepared task up to validate it (null: waiting in the queue). */
  validatorId: string | null;
  validatorName: string | null;
  validatorEmail: string | null;
  /** BR-16: who opened the recording the preparer named, since the task was last prepared. */
  recordingOpenedBy: { officerId: string; officerName: string; at: string }[];
  /**
   * BR-16: true when the task was validated without its validator opening the recording the preparer named;
   * false when they opened it; null when there is no named recording or the task is not validated.
   */
  validatedWithoutOpeningRecording: boolean | null;
}

/** BR-16: the recording the preparer named, as opened: its check's session and the challenges watched. */
export interface OpenedRecording {
  taskId: string;
  linkId: string;
  sessionId: string;
  recordings: string[];
  openedAt: string;
}

/** A row of a task queue: the task with its application and person, as the console lists them. */
export interface QueuedTask extends TaskView {
  applicationRef: string;
  personName: string;
  stage: string;
}

export const TASK_QUEUES = ['mine', 'validation'] as const;
export type TaskQueue = (typeof TASK_QUEUES)[number];

export interface TaskQueueQuery {
  queue: TaskQueue;
  /** Whose "mine": the asking officer (default), or another officer's (team leader). */
  officerId?: string;
  sort?: 'oldest' | 'newest';
  cursor?: string;
  limit?: number;
}

function view(r: TaskRow, officers: OfficerDirectory): TaskView {
  const task = rowToTask(r);
  return {
    ...task,
    history: task.history.map((e) => ({
      ...e,
      byName: officers.name(e.by),
      byEmail: officers.email(e.by),
      ...(e.through === undefined
        ? {}
        : { throughName: officers.name(e.through), throughEmail: officers.email(e.through) }),
    })),
    revision: r.revision,
    updatedAt: r.updated_at.toISOString(),
    ownerId: r.owner_id,
    preparedByName: officers.name(r.prepared_by),
    preparedByEmail: officers.email(r.prepared_by),
    validatedByName: officers.name(r.validated_by),
    validatedByEmail: officers.email(r.validated_by),
    ownerName: officers.name(r.owner_id),
    ownerEmail: officers.email(r.owner_id),
    validatorId: r.validator_id,
    validatorName: officers.name(r.validator_id),
    validatorEmail: officers.email(r.validator_id),
    recordingOpenedBy: r.recording_opened_by.map((o) => ({ ...o, officerName: officers.name(o.officerId) })),
    validatedWithoutOpeningRecording:
      task.livenessAssessment && task.state === 'validated' && r.validated_by
        ? !r.recording_opened_by.some((o) => o.officerId === r.validated_by)
        : null,
  };
}

function auditShape(t: IdentityTask) {
  return {
    state: t.state,
    outcome: t.outcome,
    criteria: t.criteria,
    comments: t.comments,
    supportingEvidence: t.supportingEvidence,
    livenessAssessment: t.livenessAssessment,
    preparedBy: t.preparedBy,
    validatedBy: t.validatedBy,
  };
}

/** The field a task refusal names (the rest are about the whole body). */
const FIELD_BY_CODE: Readonly<Record<string, string>> = {
  TASK_CRITERIA_REQUIRED: 'criteria',
  TASK_CRITERION_NOT_APPLICABLE: 'criteria',
  TASK_COMMENT_REQUIRED: 'comments',
  TASK_LIVENESS_RECORDING_NOT_NAMED: 'comments',
  TASK_LIVENESS_ASSESSMENT_REQUIRED: 'livenessAssessment',
  TASK_LIVENESS_ASSESSMENT_NOT_APPLICABLE: 'livenessAssessment',
  TASK_REASON_REQUIRED: 'reason',
};

/**
 * The liveness check an assessment names must be a completed check of the task's person on this application,
 * or (a child's task) of the consenting parent on it: there is a recording to watch only once it is Completed.
 */
async function checkAssessedLink(tx: Tx, task: TaskRow, assessment: LivenessAssessment): Promise<void> {
  const link = await linkWithPerson(tx, assessment.linkId, task.application_id);
  if (!link || (link.person_id !== task.person_id && link.relationship !== 'consenting-parent')) {
    throw invalid(
      'livenessAssessment.linkId',
      "the liveness check named is not this person's (or their consenting parent's) check on this application",
      'LIVENESS_CHECK_NOT_ON_APPLICATION',
    );
  }
  if (link.state !== 'Completed') {
    throw invalid(
      'livenessAssessment.linkId',
      `the liveness check is ${link.state}: there is a recording to assess only once it is Completed`,
      'LIVENESS_CHECK_NOT_COMPLETED',
    );
  }
}

export class Tasks {
  private readonly recordings: TaskRecordingStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.recordings = new TaskRecordingStore(db);
  }

  async forApplication(actor: Actor, reference: string): Promise<TaskView[]> {
    authorize(actor, 'application.read');
    const a = await applicationByReference(this.db, reference);
    const rows = await tasksOfApplication(this.db, a.application_id);
    const names = await this.officerNames(rows);
    return rows
      .map((r) => view(r, names))
      .sort(
        (x, y) =>
          x.personId.localeCompare(y.personId) || IDENTITY_TASKS.indexOf(x.kind) - IDENTITY_TASKS.indexOf(y.kind),
      );
  }

  async get(actor: Actor, taskId: string): Promise<TaskView> {
    authorize(actor, 'application.read');
    const r = await taskById(this.db, taskId);
    if (!r) throw notFound('task', taskId);
    return view(r, await this.officerNames([r]));
  }

  /**
   * A page of a task queue, keyset by last change: "mine" is what the officer holds and has not finished;
   * "validation" is every prepared task that someone else prepared (four-eyes: never the officer's own).
   */
  async queue(actor: Actor, query: TaskQueueQuery): Promise<Page<QueuedTask>> {
    authorize(actor, 'application.read');
    const officerId = query.officerId ?? actor.officerId;
    // Another officer's work is the team leader's view.
    if (officerId !== actor.officerId) authorize(actor, 'work.reassign');
    const size = pageSize(query.limit);
    const after = decodeCursor(CASEWORK_CURSOR, query.cursor, 'cursor');
    const rows = await taskQueueRows(this.db, {
      queue: query.queue,
      officerId,
      direction: query.sort === 'newest' ? 'desc' : 'asc',
      ...(after ? { after } : {}),
      rows: size + 1,
    });
    const names = await this.officerNames(rows);
    return toPage(
      rows,
      size,
      (r) => ({ value: r.sort_key, id: r.task_id }),
      (r) => ({
        ...view(r, names),
        applicationRef: r.reference,
        personName: `${r.given_names} ${r.family_name}`.trim(),
        stage: r.stage,
      }),
    );
  }

  private officerNames(rows: readonly TaskRow[]): Promise<OfficerDirectory> {
    return OfficerDirectory.of(
      this.db,
      rows.flatMap((r) => [
        r.prepared_by,
        r.validated_by,
        r.owner_id,
        r.validator_id,
        ...r.recording_opened_by.map((o) => o.officerId),
        ...r.history.flatMap((e) => [e.by, e.through]),
      ]),
    );
  }

  /**
   * BR-16: opens the recording the preparer named in the liveness assessment — the check's session and the
   * challenge recordings watched — and records on the task and in the audit trail who opened it and when, so the
   * validation can show whether its validator looked. Any officer who reads liveness evidence may open it.
   */
  async openRecording(actor: Actor, taskId: string): Promise<OpenedRecording> {
    authorize(actor, 'documents.read');
    const now = this.clock.now();
    const opened = await this.db.transaction().execute(async (tx) => {
      const task = await this.recordings.lockedTask(tx, taskId);
      if (!task) throw notFound('task', taskId);
      const assessment = rowToDomainAssessment(task.liveness_assessment);
      if (!assessment)
        throw conflict(
          'this task names no liveness recording: the preparer records the liveness assessment on "Identity is bound"',
          'TASK_NO_RECORDING_NAMED',
        );
      const session = (await linkSessions(tx, [assessment.linkId])).get(assessment.linkId);
      if (!session)
        throw conflict(
          'the liveness check named has no recording (the person never opened the link)',
          'TASK_NO_RECORDING',
        );
      await this.recordings.recordOpened(tx, taskId, [
        ...task.recording_opened_by,
        { officerId: actor.officerId, at: now.toISOString() },
      ]);
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: task.application_id,
        action: 'task.recording-opened',
        entity: 'task',
        entityId: taskId,
        after: { linkId: assessment.linkId, sessionId: session.sessionId, recordings: assessment.recordings },
      });
      return {
        taskId,
        linkId: assessment.linkId,
        sessionId: session.sessionId,
        recordings: [...assessment.recordings],
      };
    });
    return { ...opened, openedAt: now.toISOString() };
  }

  /**
   * Runs a task command (prepare / validate / return / reopen / escalate / resolve-escalation) as `actor`; the
   * domain decides, its role check included (403 TASK_ROLE_NOT_PERMITTED).
   */
  async command(actor: Actor, taskId: string, command: TaskCommand): Promise<TaskView> {
    await this.db.transaction().execute(async (tx) => this.commandIn(tx, actor, taskId, command));
    return this.get(actor, taskId);
  }

  /** The command inside a caller's transaction (escalations and the turns-14 policy reuse it). */
  async commandIn(tx: Tx, actor: Actor, taskId: string, command: TaskCommand): Promise<TaskRow> {
    const row = await lockTask(tx, taskId);
    if (!row) throw notFound('task', taskId);
    if ((command.action === 'validate' || command.action === 'return') && row.validator_id !== null) {
      if (row.validator_id !== actor.officerId) {
        const holder = (await OfficerDirectory.of(tx, [row.validator_id])).name(row.validator_id);
        throw conflict(`${holder} has picked this task up to validate it`, 'HELD_FOR_VALIDATION');
      }
    }
    const before = rowToTask(row);
    const now = this.clock.now();
    const result = applyTaskCommand(
      before,
      command,
      {
        id: actor.officerId,
        roles: actor.roles,
        ...(actor.actingThrough === undefined ? {} : { actingThrough: actor.actingThrough }),
      },
      nzDate(now),
    );
    if (!result.ok) throw ruleError(result.error, FIELD_BY_CODE[result.error.code]);
    const after = result.value;
    if (command.action === 'prepare' && after.livenessAssessment)
      await checkAssessedLink(tx, row, after.livenessAssessment);
    const updated = await writeTask(tx, taskId, {
      ...taskColumns(after),
      // The preparer holds the task; a returned task goes back to the officer who prepared it.
      owner_id:
        command.action === 'prepare'
          ? actor.officerId
          : command.action === 'return'
            ? (row.prepared_by ?? row.owner_id)
            : row.owner_id,
      // Who validates: kept while the task waits prepared; the validator is recorded on validation; a
      // returned or reopened task goes back to the validation queue when it is prepared again.
      validator_id:
        after.state === 'prepared' ? row.validator_id : command.action === 'validate' ? actor.officerId : null,
      // BR-16: a new preparation names its recording afresh; who opened the last one no longer counts.
      ...(command.action === 'prepare' ? { recording_opened_by: '[]' } : {}),
      revision: row.revision + 1,
      updated_at: now,
    });
    await appendAudit(tx, now, {
      ...auditActor(actor),
      applicationId: row.application_id,
      action: `task.${command.action}`,
      entity: 'task',
      entityId: taskId,
      before: auditShape(before),
      after: {
        ...auditShape(after),
        // BR-16: whether the validator opened the recording the preparer named before deciding.
        ...((command.action === 'validate' || command.action === 'return') && before.livenessAssessment
          ? { recordingOpened: row.recording_opened_by.some((o) => o.officerId === actor.officerId) }
          : {}),
      },
    });
    return updated;
  }
}
