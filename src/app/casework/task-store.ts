// The SQL of Confirm Identity tasks as the task commands use them: a task read by id, the person's "Identity is
// bound" task, and a task's row written back after a command (the caller holds the row's lock).
import type { Updateable } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';
import type { IdentityTasksTable } from '../ports/database-schema.ts';
import type { TaskRow } from './task-rows.ts';

export async function taskById(db: Db, taskId: string): Promise<TaskRow | undefined> {
  return db.selectFrom('identity_tasks').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

/** The person's "Identity is bound" task (the one that records the liveness assessment). */
export async function identityIsBoundTask(db: Db, personId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('identity_tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', 'identity-is-bound')
    .executeTakeFirst();
}

/** Writes the task's changed columns and answers its row as stored. */
export async function writeTask(tx: Tx, taskId: string, set: Updateable<IdentityTasksTable>): Promise<TaskRow> {
  return tx
    .updateTable('identity_tasks')
    .set(set)
    .where('task_id', '=', taskId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
