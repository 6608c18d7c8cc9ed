// The SQL of escalations to the identity group: one escalation (locked when it is decided), the queue, a page
// keyset by the day raised, and the task an escalation is raised on (locked, so one question per task).
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';
import type { CaseworkPeopleTable, EscalationsTable } from '../ports/database-schema.ts';
import type { EscalationStatus, IdentityTaskKind, TaskState } from '../../domain/casework/index.ts';
import type { KeysetPosition } from '../keyset.ts';
import { pastRow } from './keyset.ts';

export type EscalationRow = Selectable<EscalationsTable>;

export async function escalationById(db: Db, id: string, lock = false): Promise<EscalationRow | undefined> {
  let q = db.selectFrom('escalations').selectAll().where('escalation_id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function queuedEscalations(db: Db): Promise<EscalationRow[]> {
  return db.selectFrom('escalations').selectAll().where('status', '=', 'queued').execute();
}

/** The queued escalation of this task, when there is one. */
export async function openEscalationOfTask(
  tx: Tx,
  taskId: string,
): Promise<{ raisedOn: string; reviewOn: string } | undefined> {
  return tx
    .selectFrom('escalations')
    .select(['raised_on as raisedOn', 'review_on as reviewOn'])
    .where('task_id', '=', taskId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
}

export async function insertEscalation(tx: Tx, row: Insertable<EscalationsTable>): Promise<void> {
  await tx.insertInto('escalations').values(row).execute();
}

export async function updateEscalation(tx: Tx, id: string, set: Updateable<EscalationsTable>): Promise<void> {
  await tx.updateTable('escalations').set(set).where('escalation_id', '=', id).execute();
}

/** One page (and one row more) of escalations raised on or after (before, newest first) the keyset position. */
export async function escalationRows(
  db: Db,
  filter: {
    status?: EscalationStatus;
    applicationId?: string;
    after: KeysetPosition<string, string> | null | undefined;
    direction: 'asc' | 'desc';
    rows: number;
  },
) {
  let q = db
    .selectFrom('escalations as e')
    .selectAll('e')
    .select(sql<string>`e.raised_on::text`.as('sort_key'));
  if (filter.status) q = q.where('e.status', '=', filter.status);
  if (filter.applicationId !== undefined) q = q.where('e.application_id', '=', filter.applicationId);
  const { after, direction } = filter;
  if (after) q = q.where(pastRow({ value: 'e.raised_on', id: 'e.escalation_id' }, direction, after, 'date'));
  return q.orderBy('e.raised_on', direction).orderBy('e.escalation_id', direction).limit(filter.rows).execute();
}

/** The person when they are on this application, every column. */
export async function personOnApplication(
  tx: Tx,
  applicationId: string,
  personId: string,
): Promise<Selectable<CaseworkPeopleTable> | undefined> {
  return tx
    .selectFrom('casework_people')
    .selectAll()
    .where('person_id', '=', personId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

/** The person's task of this kind, locked for the transaction. */
export async function lockPersonTask(
  tx: Tx,
  personId: string,
  kind: IdentityTaskKind,
): Promise<{ task_id: string; state: TaskState } | undefined> {
  return tx
    .selectFrom('identity_tasks')
    .select(['task_id', 'state'])
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

export async function taskState(tx: Tx, taskId: string): Promise<TaskState | undefined> {
  const row = await tx.selectFrom('identity_tasks').select('state').where('task_id', '=', taskId).executeTakeFirst();
  return row?.state;
}
