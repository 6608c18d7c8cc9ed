// The office's labels for the server's codes (task kinds, states, outcomes, criteria), with the code itself as
// the fallback for a value a newer server might send.
import type { TFunction } from 'i18next';
import { work as english } from '../../i18n/en/work.ts';

type WorkT = TFunction<'work'>;
const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => key in table;

export function taskKindLabel(t: WorkT, kind: string): string {
  return has(english.taskKinds, kind) ? t(`taskKinds.${kind}`) : kind;
}
export function taskStateLabel(t: WorkT, state: string): string {
  return has(english.taskStates, state) ? t(`taskStates.${state}`) : state;
}
export function outcomeLabel(t: WorkT, outcome: string | null): string {
  if (outcome === null) return '---';
  return has(english.outcomes, outcome) ? t(`outcomes.${outcome}`) : outcome;
}
export function criterionLabel(t: WorkT, criterion: string): string {
  return has(english.criteria, criterion) ? t(`criteria.${criterion}`) : criterion;
}
export function stageLabel(t: WorkT, stage: string, fallback: string): string {
  return has(english.stages, stage) ? t(`stages.${stage}`) : fallback;
}
export function relationshipLabel(t: WorkT, relationship: string): string {
  return has(english.relationships, relationship) ? t(`relationships.${relationship}`) : relationship;
}
export function bracketLabel(t: WorkT, bracket: string | null): string {
  if (bracket === null) return '—';
  return has(english.brackets, bracket) ? t(`brackets.${bracket}`) : bracket;
}
export function documentKindLabel(t: WorkT, kind: string): string {
  return has(english.kinds, kind) ? t(`kinds.${kind}`) : kind;
}
/** A document's "Document type" as the server gives it (e.g. "INZ photo of applicant"), in the console's language. */
export function documentTypeLabel(t: WorkT, value: string): string {
  return has(english.documentTypes, value) ? t(`documentTypes.${value}`) : value;
}
/** A document's "Provided as" as the server gives it (e.g. "Identity"), in the console's language. */
export function providedAsValueLabel(t: WorkT, value: string): string {
  return has(english.providedAsValues, value) ? t(`providedAsValues.${value}`) : value;
}
export function escalationStatusLabel(t: WorkT, status: string): string {
  return has(english.escalationStatus, status) ? t(`escalationStatus.${status}`) : status;
}
export function escalationOutcomeLabel(t: WorkT, outcome: string): string {
  return has(english.escalationOutcomes, outcome) ? t(`escalationOutcomes.${outcome}`) : outcome;
}
export function giverLabel(t: WorkT, giver: string): string {
  return has(english.givers, giver) ? t(`givers.${giver}`) : giver;
}
export function livenessActionLabel(t: WorkT, action: string): string {
  return has(english.livenessActions, action) ? t(`livenessActions.${action}`) : action;
}
