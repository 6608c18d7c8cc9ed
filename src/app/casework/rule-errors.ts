// Maps a refusal from the pure casework rules (RuleError codes) to an AppError kind (HTTP status).
import type { RuleError } from '../../domain/casework/index.ts';
import { AppError, type AppErrorKind } from '../errors.ts';

const KIND_BY_CODE: Readonly<Record<string, AppErrorKind>> = {
  TASK_ROLE_NOT_PERMITTED: 'forbidden',
  TASK_SELF_VALIDATION: 'forbidden',
  TASK_TRANSITION_NOT_ALLOWED: 'conflict',
  STAGE_ACTOR_NOT_PERMITTED: 'forbidden',
  STAGE_TRANSITION_NOT_ALLOWED: 'conflict',
  STAGE_GUARD_FAILED: 'conflict',
  ESCALATION_NOT_PERMITTED: 'forbidden',
  ESCALATION_SELF_DECISION: 'forbidden',
  ESCALATION_NOT_QUEUED: 'conflict',
  ESCALATION_IDENTITY_ACHIEVED: 'conflict',
  ESCALATION_ALREADY_OPEN: 'conflict',
  ESCALATION_BEFORE_REVIEW: 'conflict',
  LINK_EXPIRED: 'conflict',
  LINK_NOT_ACTIVE: 'conflict',
  CEREMONY_ALREADY_CLOSED: 'conflict',
  CEREMONY_CLOSED_BEFORE_DATE: 'conflict',
  CEREMONY_NOT_CLOSED: 'conflict',
};

export function ruleError(error: RuleError, field = '(body)'): AppError {
  const kind = KIND_BY_CODE[error.code] ?? 'invalid';
  return new AppError(kind, error.message, error.code, kind === 'invalid' ? [{ field, message: error.message }] : []);
}
