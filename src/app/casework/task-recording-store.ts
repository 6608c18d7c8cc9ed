// The SQL of BR-16: the validator opening the recording the preparer named — who opened it since the task was
// last prepared, kept on the task.
import type { Db, Tx } from '../ports/database.ts';

export interface RecordingOpened {
  officerId: string;
  at: string;
}

export class TaskRecordingStore {
  constructor(private readonly db: Db) {}

  /** The task, locked, with what the recording is read from. */
  async lockedTask(tx: Tx, taskId: string) {
    return tx
      .selectFrom('identity_tasks')
      .select(['task_id', 'application_id', 'state', 'liveness_assessment', 'recording_opened_by'])
      .where('task_id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
  }

  async recordOpened(tx: Tx, taskId: string, opened: readonly RecordingOpened[]): Promise<void> {
    await tx
      .updateTable('identity_tasks')
      .set({ recording_opened_by: JSON.stringify(opened) })
      .where('task_id', '=', taskId)
      .execute();
  }
}
