// Work allocation: who holds which application and task. An officer picks up the next application or task
// nobody holds (two officers picking at once are handed different ones), or one application from the list; a
// team leader gives an application (with its unfinished tasks) or one task to another officer, or back to the
// queue. Validation is allocated the same way: a validating officer picks up the next prepared task that someone
// else prepared (four-eyes), and a team leader can move it. Every list pages by keyset however long it grows. The SQL is in allocation-store.ts.
import { isIsoDate, STAGE_LABELS, type OfficerRole, type Stage } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { authorize, conflict, invalid, notFound, type Actor } from './actor.ts';
import { appendAudit, auditActor, auditApplication } from './audit.ts';
import type { Applications, ApplicationView } from './applications.ts';
import type { Tasks, TaskView } from './tasks.ts';
import { decodeCursor } from '../keyset.ts';
import { CASEWORK_CURSOR, pageSize, toPage, type Page } from './keyset.ts';
import { activeOfficersWithRole, officerBy } from './officer-store.ts';
import {
  applicationReference,
  applicationRows,
  lockNextUnassignedApplication,
  lockNextTaskToValidate,
  lockNextUnassignedTask,
  lockTask,
  PICKABLE_TASK_STATES,
  setApplicationOwner,
  setTaskHolder,
  type TaskHolder,
  moveApplicationTasks,
  UNFINISHED_TASK_STATES,
  type ApplicationSort,
} from './allocation-store.ts';

export { APPLICATION_SORTS, type ApplicationSort } from './allocation-store.ts';

type LockedTask = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

export interface ApplicationListQuery {
  stage?: string;
  /** 'me': picked up by the asking officer; 'unassigned': waiting to be picked up; an officer's id: that
   * officer's (a team leader's view of another officer's work). */
  owner?: string;
  /** An application reference, or a name (each word starts a given or family name of someone on it). */
  q?: string;
  dateOfBirth?: string;
  sort?: ApplicationSort;
  cursor?: string;
  limit?: number;
}

export interface OfficerRef {
  id: string;
  fullName: string;
  email: string | null;
}

export interface ApplicationListRow {
  reference: string;
  applicationType: string;
  stage: string;
  stageLabel: string;
  submittedOn: string | null;
  subjectName: string | null;
  subjectDateOfBirth: string | null;
  owner: OfficerRef | null;
  createdAt: string;
}

/** The stages an officer picks applications up from, in the order the queue offers them. */
export const PICK_UP_STAGES: readonly Stage[] = ['submitted', 'complete-and-correct', 'application-processing'];

/** The role an officer must hold to be given casework (they prepare tasks and move the application on). */
const HOLDER_ROLE = 'case-officer' satisfies OfficerRole;
/** The role an officer must hold to be given a task to validate. */
const VALIDATOR_ROLE = 'validating-officer' satisfies OfficerRole;

export class WorkAllocation {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly applications: Applications,
    private readonly tasks: Tasks,
  ) {}

  /**
   * One page of applications: by stage, owner, reference or name and date of birth, in a keyset order. The
   * search reads the people of each application, so a parent's name also finds the child's application.
   */
  async page(actor: Actor, query: ApplicationListQuery): Promise<Page<ApplicationListRow>> {
    authorize(actor, 'application.read');
    if (query.dateOfBirth !== undefined && !isIsoDate(query.dateOfBirth))
      throw invalid('dateOfBirth', 'dateOfBirth must be a date, YYYY-MM-DD');
    const size = pageSize(query.limit);
    const text = (query.q ?? '').trim();
    const after = decodeCursor(CASEWORK_CURSOR, query.cursor, 'cursor');
    const rows = await applicationRows(this.db, {
      ...(query.stage ? { stage: query.stage } : {}),
      ...this.ownerFilter(actor, query.owner),
      words: text
        .split(/\s+/)
        .filter((w) => w !== '')
        .slice(0, 5),
      reference: /^[0-9A-Za-z]{6}$/.test(text) ? text.toUpperCase() : null,
      ...(query.dateOfBirth ? { dateOfBirth: query.dateOfBirth } : {}),
      sort: query.sort ?? 'newest',
      ...(after ? { after } : {}),
      rows: size + 1,
    });
    return toPage(
      rows,
      size,
      (r) => ({ value: r.sort_key, id: r.application_id }),
      (r) => ({
        reference: r.reference,
        applicationType: r.application_type,
        stage: r.stage,
        stageLabel: STAGE_LABELS[r.stage] ?? r.stage,
        submittedOn: r.submitted_on,
        subjectName: r.subject_name,
        subjectDateOfBirth: r.subject_dob,
        owner: r.owner_id
          ? { id: r.owner_id, fullName: r.owner_name ?? r.owner_id, email: r.owner_email ?? null }
          : null,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }

  /** The owner filter: mine, nobody's, or (team leader) a named officer's. */
  private ownerFilter(actor: Actor, owner: string | undefined): { ownerId?: string | null } {
    if (owner === undefined) return {};
    if (owner === 'unassigned') return { ownerId: null };
    if (owner === 'me' || owner === actor.officerId) return { ownerId: actor.officerId };
    authorize(actor, 'work.reassign');
    return { ownerId: owner };
  }

  /**
   * "Pick up next": the next application nobody holds (oldest submission first) becomes the officer's, with its
   * unfinished tasks; a submitted one is allocated (Stage "Complete and Correct").
   */
  async pickUpNext(actor: Actor, stage?: Stage): Promise<ApplicationView> {
    authorize(actor, 'application.allocate');
    const reference = await this.db.transaction().execute(async (tx) => {
      const a = await lockNextUnassignedApplication(tx, stage ? [stage] : PICK_UP_STAGES);
      if (!a) throw new AppError('not_found', 'there is no application waiting to be picked up', 'NOTHING_TO_PICK_UP');
      await this.claim(tx, actor, a);
      return a.reference;
    });
    return this.applications.view(reference);
  }

  /** Picks up this application (from the list or its record); refused when another officer holds it. */
  async pickUp(actor: Actor, reference: string): Promise<ApplicationView> {
    authorize(actor, 'application.allocate');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.applications.row(tx, reference, true);
      if (a.owner_id === actor.officerId) return;
      if (a.owner_id !== null) {
        const holder = await officerBy(tx, 'officer_id', a.owner_id);
        throw conflict(
          `application ${reference} is already picked up by ${holder?.fullName ?? 'another officer'}`,
          'ALREADY_PICKED_UP',
        );
      }
      if (!PICK_UP_STAGES.includes(a.stage))
        throw conflict(
          `application ${reference} is at stage ${STAGE_LABELS[a.stage] ?? a.stage} and cannot be picked up`,
          'NOT_PICKABLE',
        );
      await this.claim(tx, actor, a);
    });
    return this.applications.view(reference);
  }

  private async claim(tx: Tx, actor: Actor, a: Awaited<ReturnType<Applications['row']>>): Promise<void> {
    const now = this.clock.now();
    await setApplicationOwner(tx, a, actor.officerId, now);
    await moveApplicationTasks(tx, a.application_id, { from: null, to: actor.officerId, states: PICKABLE_TASK_STATES });
    await auditApplication(tx, now, actor, a.application_id, 'application.pick-up', {
      before: { owner: a.owner_id },
      after: { owner: actor.officerId },
    });
    if (a.stage === 'submitted')
      await this.applications.applyStage(tx, actor, { ...a, revision: a.revision + 1 }, 'allocate');
  }

  /**
   * A team leader gives the application, with the tasks on it not yet validated that went with it (a task
   * another officer picked up on its own stays theirs), to another case officer, or (officerId null) back to
   * the queue. Audited with the officer before and after and the reason.
   */
  async reassign(
    actor: Actor,
    reference: string,
    input: { officerId: string | null; reason: string },
  ): Promise<ApplicationView> {
    authorize(actor, 'work.reassign');
    const reason = input.reason.trim();
    if (reason === '') throw invalid('reason', 'say why the work is moving (reason must not be empty)');
    await this.db.transaction().execute(async (tx) => {
      const to = await this.holder(tx, input.officerId);
      const a = await this.applications.row(tx, reference, true);
      if (a.stage === 'closed')
        throw conflict(`application ${reference} is closed; closed work is not reassigned`, 'APPLICATION_CLOSED');
      if (a.owner_id === to)
        throw conflict(
          to === null
            ? `application ${reference} is already waiting in the queue`
            : `application ${reference} is already held by that officer`,
          'ALREADY_HELD',
        );
      const now = this.clock.now();
      await setApplicationOwner(tx, a, to, now);
      const moved = await moveApplicationTasks(tx, a.application_id, {
        from: a.owner_id,
        to,
        states: UNFINISHED_TASK_STATES,
      });
      await auditApplication(tx, now, actor, a.application_id, 'application.reassign', {
        before: { owner: a.owner_id },
        after: { owner: to, tasksMoved: moved, reason },
      });
    });
    return this.applications.view(reference);
  }

  /** "Pick up next task": the oldest task nobody holds and nobody has prepared becomes the officer's. */
  async pickUpNextTask(actor: Actor): Promise<TaskView & { applicationRef: string }> {
    authorize(actor, 'task.prepare');
    const taskId = await this.db.transaction().execute(async (tx) => {
      const t = await lockNextUnassignedTask(tx);
      if (!t) throw new AppError('not_found', 'there is no task waiting to be picked up', 'NO_TASK_TO_PICK_UP');
      await this.moveTask(tx, actor, t, 'owner', actor.officerId, 'task.pick-up');
      return t.task_id;
    });
    const task = await this.tasks.get(actor, taskId);
    return { ...task, applicationRef: await applicationReference(this.db, task.applicationId) };
  }

  /**
   * "Pick up next to validate": the oldest prepared task nobody is validating, that the officer did not prepare
   * (four-eyes), becomes theirs to validate or return; two validators picking at once are handed different tasks.
   */
  async pickUpNextValidation(actor: Actor): Promise<TaskView & { applicationRef: string }> {
    authorize(actor, 'task.validate');
    const taskId = await this.db.transaction().execute(async (tx) => {
      const t = await lockNextTaskToValidate(tx, actor.officerId);
      if (!t)
        throw new AppError('not_found', 'there is no prepared task waiting for your validation', 'NO_TASK_TO_VALIDATE');
      await this.moveTask(tx, actor, t, 'validator', actor.officerId, 'task.pick-up-validation');
      return t.task_id;
    });
    const task = await this.tasks.get(actor, taskId);
    return { ...task, applicationRef: await applicationReference(this.db, task.applicationId) };
  }

  /**
   * A team leader gives a prepared task's validation to another validating officer (never its preparer), or
   * back to the validation queue (officerId null). Audited with the reason.
   */
  async reassignValidation(
    actor: Actor,
    taskId: string,
    input: { officerId: string | null; reason: string },
  ): Promise<TaskView> {
    return this.reassignTaskHolder(actor, taskId, input, 'validator', (t, to) => {
      if (t.state !== 'prepared')
        throw conflict('only a prepared task waits for validation; this one is not prepared', 'TASK_NOT_PREPARED');
      if (to !== null && to === t.prepared_by)
        throw invalid('officerId', 'the officer who prepared the task cannot validate it (four-eyes)');
      if (t.validator_id === to)
        throw conflict(
          to === null ? 'the task is already waiting in the validation queue' : 'that officer already validates it',
          'ALREADY_HELD',
        );
    });
  }

  /** A team leader gives one task to another case officer, or back to the queue (officerId null). */
  async reassignTask(
    actor: Actor,
    taskId: string,
    input: { officerId: string | null; reason: string },
  ): Promise<TaskView> {
    return this.reassignTaskHolder(actor, taskId, input, 'owner', (t, to) => {
      if (t.state === 'validated')
        throw conflict('a validated task is finished and is not reassigned', 'TASK_FINISHED');
      if (t.owner_id === to)
        throw conflict(
          to === null ? 'the task is already waiting in the queue' : 'the task is already held by that officer',
          'ALREADY_HELD',
        );
    });
  }

  /**
   * A team leader moves a task's owner or validator, with a reason: the new holder must hold the role, `check`
   * refuses what the move may not do, and the move is audited with the reason.
   */
  private async reassignTaskHolder(
    actor: Actor,
    taskId: string,
    input: { officerId: string | null; reason: string },
    holder: TaskHolder,
    check: (t: LockedTask, to: string | null) => void,
  ): Promise<TaskView> {
    authorize(actor, 'work.reassign');
    const reason = input.reason.trim();
    if (reason === '') throw invalid('reason', 'say why the work is moving (reason must not be empty)');
    await this.db.transaction().execute(async (tx) => {
      const to = await this.holder(tx, input.officerId, holder === 'owner' ? HOLDER_ROLE : VALIDATOR_ROLE);
      const t = await lockTask(tx, taskId);
      if (!t) throw notFound('task', taskId);
      check(t, to);
      await this.moveTask(tx, actor, t, holder, to, holder === 'owner' ? 'task.reassign' : 'task.reassign-validation', {
        reason,
      });
    });
    return this.tasks.get(actor, taskId);
  }

  /** The task's owner or validator becomes `to`, audited (with what the move adds, e.g. the reason). */
  private async moveTask(
    tx: Tx,
    actor: Actor,
    t: LockedTask,
    holder: TaskHolder,
    to: string | null,
    action: string,
    why: Record<string, string> = {},
  ): Promise<void> {
    const now = this.clock.now();
    await setTaskHolder(tx, t, holder, to, now);
    await appendAudit(tx, now, {
      ...auditActor(actor),
      applicationId: t.application_id,
      action,
      entity: 'task',
      entityId: t.task_id,
      before: { [holder]: holder === 'owner' ? t.owner_id : t.validator_id },
      after: { [holder]: to, ...why },
    });
  }

  /** The officers a team leader can give casework (or, role validating-officer, validation) to: active, by name. */
  async holders(actor: Actor, role: 'case-officer' | 'validating-officer' = HOLDER_ROLE): Promise<OfficerRef[]> {
    authorize(actor, 'work.reassign');
    const officers = await activeOfficersWithRole(this.db, role);
    return officers.map((o) => ({ id: o.id, fullName: o.fullName, email: o.email }));
  }

  /** The officer work is given to: null (the queue), or an active officer with the role; 400 naming officerId. */
  private async holder(tx: Tx, officerId: string | null, role: OfficerRole = HOLDER_ROLE): Promise<string | null> {
    if (officerId === null) return null;
    const o = await officerBy(tx, 'officer_id', officerId);
    if (!o || !o.active) throw invalid('officerId', 'officerId is not an active officer');
    if (!o.roles.includes(role))
      throw invalid(
        'officerId',
        role === HOLDER_ROLE
          ? `${o.fullName} does not hold the case officer role, so cannot be given casework`
          : `${o.fullName} does not hold the validating officer role, so cannot be given validation`,
      );
    return o.id;
  }
}
