// A Confirm Identity task's row and the domain's task, mapped once each way: read (rowToTask), inserted
// (taskRowValues) and written back after a command (taskColumns).
import type { Selectable } from 'kysely';
import { rowToDomainAssessment, type IdentityTask } from '../../domain/casework/index.ts';
import type { IdentityTasksTable } from '../ports/database-schema.ts';

export type TaskRow = Selectable<IdentityTasksTable>;

export function rowToTask(r: TaskRow): IdentityTask {
  return {
    id: r.task_id,
    applicationId: r.application_id,
    personId: r.person_id,
    kind: r.kind,
    state: r.state,
    outcome: r.outcome,
    criteria: r.criteria,
    comments: r.comments,
    supportingEvidence: r.supporting_evidence,
    livenessAssessment: rowToDomainAssessment(r.liveness_assessment),
    preparedBy: r.prepared_by,
    validatedBy: r.validated_by,
    history: r.history,
  };
}

/** The columns a task command changes: the domain's task as it is after the command. */
export function taskColumns(task: IdentityTask) {
  return {
    state: task.state,
    outcome: task.outcome,
    criteria: JSON.stringify(task.criteria),
    comments: task.comments,
    supporting_evidence: JSON.stringify(task.supportingEvidence),
    liveness_assessment: task.livenessAssessment === null ? null : JSON.stringify(task.livenessAssessment),
    prepared_by: task.preparedBy,
    validated_by: task.validatedBy,
    history: JSON.stringify(task.history),
  };
}

/** A new task's row. */
export function taskRowValues(task: IdentityTask) {
  return {
    task_id: task.id,
    application_id: task.applicationId,
    person_id: task.personId,
    kind: task.kind,
    ...taskColumns(task),
  };
}
