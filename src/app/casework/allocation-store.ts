// The SQL of work allocation: the application list in keyset pages, the queues officers pick up from (rows
// claimed with FOR UPDATE SKIP LOCKED, so two officers picking at once are handed different rows), and the
// owner changes of a pick-up or a team leader's reassignment. Every read here is served by an index
// (test/adapters/db/list-plans.test.ts plans each one at 100,000 applications).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';
import type { CaseworkPeopleTable, DB } from '../ports/database-schema.ts';
import { isStage, type Stage, type TaskState } from '../../domain/casework/index.ts';
import type { KeysetPosition } from '../keyset.ts';
import { pastRow, startsWith } from './keyset.ts';

/** The orders the application list offers, each a keyset over one indexed column and the id. */
export const APPLICATION_SORTS = {
  newest: { column: 'created_at', direction: 'desc' },
  oldest: { column: 'created_at', direction: 'asc' },
  reference: { column: 'reference', direction: 'asc' },
  'reference-desc': { column: 'reference', direction: 'desc' },
} as const;
export type ApplicationSort = keyof typeof APPLICATION_SORTS;

export interface ApplicationFilter {
  stage?: string;
  /** Only the applications this officer holds, or (null) only those nobody holds. */
  ownerId?: string | null;
  words: readonly string[];
  reference: string | null;
  dateOfBirth?: string;
  sort: ApplicationSort;
  after?: KeysetPosition<string, string>;
  /** Rows to read: the page size plus one, to know whether another page follows. */
  rows: number;
}

/** The task states a holder still has work in: not yet validated. */
export const UNFINISHED_TASK_STATES = ['open', 'returned', 'prepared', 'escalated'] as const;
/** The task states an officer may pick up from the task queue: nobody has prepared them yet. */
export const PICKABLE_TASK_STATES = ['open', 'returned'] as const;

export async function applicationRows(db: Db, f: ApplicationFilter) {
  const sort = APPLICATION_SORTS[f.sort];
  const sortKey = sort.column === 'created_at' ? sql<string>`a.created_at::text` : sql<string>`a.reference`;
  let q = db
    .selectFrom('applications as a')
    .leftJoin('officers as o', 'o.officer_id', 'a.owner_id')
    .select([
      'a.application_id',
      'a.reference',
      'a.application_type',
      'a.stage',
      'a.submitted_on',
      'a.owner_id',
      'o.full_name as owner_name',
      'o.email as owner_email',
      'a.created_at',
    ])
    .select(sortKey.as('sort_key'))
    .select((eb) => [
      eb
        .selectFrom('casework_people as s')
        .select(sql<string>`s.given_names || ' ' || s.family_name`.as('n'))
        .whereRef('s.application_id', '=', 'a.application_id')
        .where('s.relationship', 'in', ['applicant', 'child'])
        .orderBy('s.created_at')
        .limit(1)
        .as('subject_name'),
      eb
        .selectFrom('casework_people as s')
        .select('s.date_of_birth')
        .whereRef('s.application_id', '=', 'a.application_id')
        .where('s.relationship', 'in', ['applicant', 'child'])
        .orderBy('s.created_at')
        .limit(1)
        .as('subject_dob'),
    ]);
  // a stage that does not exist matches no application
  if (f.stage) q = isStage(f.stage) ? q.where('a.stage', '=', f.stage) : q.where(sql<boolean>`false`);
  if (f.ownerId !== undefined)
    q = f.ownerId === null ? q.where('a.owner_id', 'is', null) : q.where('a.owner_id', '=', f.ownerId);
  if (f.words.length > 0 || f.dateOfBirth) {
    const dob = f.dateOfBirth;
    const personMatches = (pb: ExpressionBuilder<DB & { p: CaseworkPeopleTable }, 'p'>) =>
      pb.and([
        ...f.words.map((w) =>
          pb.or([
            pb(sql`lower(p.given_names)`, 'like', startsWith(w)),
            pb(sql`lower(p.family_name)`, 'like', startsWith(w)),
          ]),
        ),
        ...(dob ? [pb('p.date_of_birth', '=', dob)] : []),
      ]);
    // The reference or the names as one set of ids: "reference = … or exists (…)" is no index condition, and
    // PostgreSQL would walk the whole list in order, testing each application.
    const reference = f.reference;
    q =
      reference && !dob
        ? q.where(
            'a.application_id',
            'in',
            db
              .selectFrom('applications as r')
              .select('r.application_id')
              .where('r.reference', '=', reference)
              .unionAll(db.selectFrom('casework_people as p').select('p.application_id').where(personMatches)),
          )
        : q.where((eb) =>
            eb.exists(
              eb
                .selectFrom('casework_people as p')
                .select('p.person_id')
                .whereRef('p.application_id', '=', 'a.application_id')
                .where(personMatches),
            ),
          );
  }
  const column = sort.column === 'created_at' ? 'a.created_at' : 'a.reference';
  if (f.after) {
    const type = sort.column === 'created_at' ? 'timestamptz' : undefined;
    q = q.where(pastRow({ value: column, id: 'a.application_id' }, sort.direction, f.after, type));
  }
  return q.orderBy(column, sort.direction).orderBy('a.application_id', sort.direction).limit(f.rows).execute();
}

/** Locks the next application nobody holds at one of these stages (oldest submission first), skipping rows
 * another officer's pick-up has locked; undefined when the queue is empty. */
export async function lockNextUnassignedApplication(tx: Tx, stages: readonly Stage[]) {
  return tx
    .selectFrom('applications')
    .selectAll()
    .where('owner_id', 'is', null)
    .where('stage', 'in', stages)
    .orderBy(sql`submitted_on nulls last`)
    .orderBy('created_at')
    .orderBy('application_id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Gives the application to `ownerId` (null: back to the queue), with the tasks still to be finished. */
export async function setApplicationOwner(
  tx: Tx,
  a: { application_id: string; revision: number },
  ownerId: string | null,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('applications')
    .set({ owner_id: ownerId, owned_since: ownerId === null ? null : now, revision: a.revision + 1, updated_at: now })
    .where('application_id', '=', a.application_id)
    .execute();
}

/**
 * The application's tasks in `states` that nobody holds, or that `from` held with the application, go to `to`;
 * a task another officer picked up on its own stays theirs. Returns how many moved.
 */
export async function moveApplicationTasks(
  tx: Tx,
  applicationId: string,
  move: { from: string | null; to: string | null; states: readonly TaskState[] },
): Promise<number> {
  const rows = await tx
    .updateTable('identity_tasks')
    .set({ owner_id: move.to })
    .where('application_id', '=', applicationId)
    .where('state', 'in', move.states)
    .where((eb) =>
      move.from === null
        ? eb('owner_id', 'is', null)
        : eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', move.from)]),
    )
    .returning('task_id')
    .execute();
  return rows.length;
}

/** Locks the next task nobody holds that nobody has prepared yet (oldest change first), skipping locked rows. */
export async function lockNextUnassignedTask(tx: Tx) {
  return tx
    .selectFrom('identity_tasks')
    .selectAll()
    .where('owner_id', 'is', null)
    .where('state', 'in', PICKABLE_TASK_STATES)
    .orderBy('updated_at')
    .orderBy('task_id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function lockTask(tx: Tx, taskId: string) {
  return tx.selectFrom('identity_tasks').selectAll().where('task_id', '=', taskId).forUpdate().executeTakeFirst();
}

/** Who holds a task: its owner (preparing it) or its validator. */
export type TaskHolder = 'owner' | 'validator';

/** Gives the task to `officerId` as its owner or its validator (null: back to that queue). */
export async function setTaskHolder(
  tx: Tx,
  t: { task_id: string; revision: number },
  holder: TaskHolder,
  officerId: string | null,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('identity_tasks')
    .set({
      ...(holder === 'owner' ? { owner_id: officerId } : { validator_id: officerId }),
      revision: t.revision + 1,
      updated_at: now,
    })
    .where('task_id', '=', t.task_id)
    .execute();
}

export async function applicationReference(db: Db, applicationId: string): Promise<string> {
  const row = await db
    .selectFrom('applications')
    .select('reference')
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return row.reference;
}

interface TaskId {
  task_id: string;
  updated_at: Date;
}

export interface TaskQueueFilter {
  /** mine: what the officer holds to prepare (not yet validated) or picked up to validate; validation: prepared
   * tasks the officer may validate (someone else prepared them; nobody else picked them up to validate). */
  queue: 'mine' | 'validation';
  officerId: string;
  direction: 'asc' | 'desc';
  after?: KeysetPosition<string, string>;
  rows: number;
}

/** One keyset page of a task queue by last change, with the task's application and person. */
export async function taskQueueRows(db: Db, f: TaskQueueFilter) {
  // Each list is read in its index's order up to one page past the keyset position; "mine" merges two such
  // lists (held to prepare; picked up to validate), so a page sorts at most two pages of rows, never all of them.
  const taskIds = () => db.selectFrom('identity_tasks').select(['task_id', 'updated_at']);
  const pageOf = (ids: ReturnType<typeof taskIds>) =>
    (f.after ? ids.where(pastRow({ value: 'updated_at', id: 'task_id' }, f.direction, f.after, 'timestamptz')) : ids)
      .orderBy('updated_at', f.direction)
      .orderBy('task_id', f.direction)
      .limit(f.rows);
  const ids =
    f.queue === 'mine'
      ? sql<TaskId>`((${pageOf(
          taskIds().where('owner_id', '=', f.officerId).where('state', 'in', UNFINISHED_TASK_STATES),
        )}) union all (${pageOf(
          taskIds()
            .where('validator_id', '=', f.officerId)
            .where('state', '=', 'prepared')
            .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '<>', f.officerId)])),
        )}))`
      : sql<TaskId>`(${pageOf(
          taskIds()
            .where('state', '=', 'prepared')
            .where('prepared_by', '<>', f.officerId)
            .where((eb) => eb.or([eb('validator_id', 'is', null), eb('validator_id', '=', f.officerId)])),
        )})`;
  let q = db
    .selectFrom(ids.as('q'))
    .innerJoin('identity_tasks as t', 't.task_id', 'q.task_id')
    .innerJoin('applications as a', 'a.application_id', 't.application_id')
    .innerJoin('casework_people as p', 'p.person_id', 't.person_id')
    .selectAll('t')
    .select([
      'a.reference',
      'a.stage',
      'p.given_names',
      'p.family_name',
      sql<string>`q.updated_at::text`.as('sort_key'),
    ]);
  if (f.after) q = q.where(pastRow({ value: 'q.updated_at', id: 'q.task_id' }, f.direction, f.after, 'timestamptz'));
  return q.orderBy('q.updated_at', f.direction).orderBy('q.task_id', f.direction).limit(f.rows).execute();
}

/**
 * Locks the next prepared task nobody is validating that this officer did not prepare (four-eyes), oldest
 * change first, skipping rows another validator's pick-up has locked; undefined when there is none.
 */
export async function lockNextTaskToValidate(tx: Tx, validatorId: string) {
  return tx
    .selectFrom('identity_tasks')
    .selectAll()
    .where('state', '=', 'prepared')
    .where('validator_id', 'is', null)
    .where('prepared_by', '<>', validatorId)
    .orderBy('updated_at')
    .orderBy('task_id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}
