// Confirm Identity tasks (three per person): prepare by one officer, validate or return by a different one.
// Every command runs in a transaction that locks the task row (SELECT … FOR UPDATE) and writes it back only
// if its revision is unchanged, so two validations racing on one task end with exactly one.
import type { Selectable } from 'kysely';
import {
  applyTaskCommand,
  type EvidenceLink,
  type IdentityTask,
  type IdentityTaskKind,
  type TaskCommand,
  type TaskCriterion,
  type TaskEvent,
  type TaskOutcome,
  type TaskState,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../../adapters/db/database.ts';
import type { IdentityTasksTable } from '../../adapters/db/schema.ts';
import type { Clock } from '../clock.ts';
import { appendAudit } from './audit.ts';
import { authorize, conflict, notFound, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';

export type TaskRow = Selectable<IdentityTasksTable>;

export interface TaskView extends IdentityTask {
  revision: number;
  updatedAt: string;
}

export function rowToTask(r: TaskRow): IdentityTask {
  return {
    id: r.task_id,
    applicationId: r.application_id,
    personId: r.person_id,
    kind: r.kind as IdentityTaskKind,
    state: r.state as TaskState,
    outcome: r.outcome as TaskOutcome | null,
    criteria: r.criteria as TaskCriterion[],
    comments: r.comments,
    supportingEvidence: r.supporting_evidence as unknown as EvidenceLink[],
    preparedBy: r.prepared_by,
    validatedBy: r.validated_by,
    history: r.history as unknown as TaskEvent[],
  };
}

function view(r: TaskRow): TaskView {
  return { ...rowToTask(r), revision: r.revision, updatedAt: r.updated_at.toISOString() };
}

function auditShape(t: IdentityTask) {
  return { state: t.state, outcome: t.outcome, criteria: t.criteria, comments: t.comments, supportingEvidence: t.supportingEvidence, preparedBy: t.preparedBy, validatedBy: t.validatedBy };
}

export class Tasks {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async forApplication(actor: Actor, reference: string): Promise<TaskView[]> {
    authorize(actor, 'application.read');
    const a = await this.db.selectFrom('applications').select('application_id').where('reference', '=', reference).executeTakeFirst();
    if (!a) throw notFound('application', reference);
    const rows = await this.db.selectFrom('identity_tasks').selectAll().where('application_id', '=', a.application_id).execute();
    return rows.map(view).sort((x, y) => x.personId.localeCompare(y.personId) || TASK_ORDER.indexOf(x.kind) - TASK_ORDER.indexOf(y.kind));
  }

  async get(actor: Actor, taskId: string): Promise<TaskView> {
    authorize(actor, 'application.read');
    const r = await this.db.selectFrom('identity_tasks').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    if (!r) throw notFound('task', taskId);
    return view(r);
  }

  /** Runs a task command (prepare / validate / return / reopen) as `actor`; the domain decides. */
  async command(actor: Actor, taskId: string, command: TaskCommand): Promise<TaskView> {
    const permission = { prepare: 'task.prepare', validate: 'task.validate', return: 'task.return', reopen: 'task.reopen', escalate: 'escalation.raise', 'resolve-escalation': 'escalation.decide' } as const;
    authorize(actor, permission[command.action]);
    return this.db.transaction().execute(async (tx) => view(await this.commandIn(tx, actor, taskId, command)));
  }

  /** The command inside a caller's transaction (escalations and the turns-14 policy reuse it). */
  async commandIn(tx: Tx, actor: Actor, taskId: string, command: TaskCommand): Promise<TaskRow> {
    const row = await tx.selectFrom('identity_tasks').selectAll().where('task_id', '=', taskId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('task', taskId);
    const before = rowToTask(row);
    const now = this.clock.now();
    const result = applyTaskCommand(before, command, { id: actor.officerId, roles: actor.roles }, nzDate(now));
    if (!result.ok) throw ruleError(result.error);
    const after = result.value;
    const updated = await tx
      .updateTable('identity_tasks')
      .set({
        state: after.state,
        outcome: after.outcome,
        criteria: JSON.stringify(after.criteria),
        comments: after.comments,
        supporting_evidence: JSON.stringify(after.supportingEvidence),
        prepared_by: after.preparedBy,
        validated_by: after.validatedBy,
        history: JSON.stringify(after.history),
        revision: row.revision + 1,
        updated_at: now,
      })
      .where('task_id', '=', taskId)
      .where('revision', '=', row.revision)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('the task was changed by someone else; reload it', 'TASK_CHANGED');
    await appendAudit(tx, now, {
      actor: actor.officerId,
      applicationId: row.application_id,
      action: `task.${command.action}`,
      entity: 'task',
      entityId: taskId,
      before: auditShape(before),
      after: auditShape(after),
    });
    return updated;
  }
}

const TASK_ORDER: readonly IdentityTaskKind[] = ['identity-is-unique', 'identity-exists', 'identity-is-bound'];
