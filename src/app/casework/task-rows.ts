// A Confirm Identity task's row and the domain's task, mapped once each way: read (rowToTask), inserted
// (taskRowValues) and written back after a command (taskColumns).
import type { Selectable } from 'kysely';
import {
  rowToDomainAssessment,
  type EvidenceLink,
  type IdentityTask,
  type IdentityTaskKind,
  type TaskCriterion,
  type TaskEvent,
  type TaskOutcome,
  type TaskState,
} from '../../domain/casework/index.ts';
import type { IdentityTasksTable } from '../ports/database-schema.ts';

export type TaskRow = Selectable<IdentityTasksTable>;

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
    livenessAssessment: rowToDomainAssessment(r.liveness_assessment),
    preparedBy: r.prepared_by,
    validatedBy: r.validated_by,
    history: r.history as unknown as TaskEvent[],
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
