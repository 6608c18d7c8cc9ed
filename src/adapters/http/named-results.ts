// REST answers carry seed 004's human-readable names beside greenID's stable codes (SOAP keeps the codes only).
// The words come from the one table in src/domain/verification/names.ts.
import {
  fieldStatusName,
  methodName,
  modeName,
  overallStatusName,
  sourceStateName,
  type CheckResultV3,
  type FieldResultV3,
  type SourceV3,
} from '../../domain/verification/index.ts';
import type { CurrentStatus } from '../../app/verification.ts';

const fieldNamed = (field: FieldResultV3): NamedField => ({
  ...field,
  statusName: fieldStatusName(field.status)?.name ?? null,
});

// A meaning is given only where one check is answered on its own; lists carry names only (a registration's
// answer would otherwise repeat a paragraph per source: GET /api/v1/reference/names lists every meaning once).
function stateWords(state: string, described: boolean) {
  const named = sourceStateName(state);
  return {
    stateName: named?.name ?? state,
    ...(described ? { stateDescription: named?.description ?? '' } : {}),
  };
}

type NamedField = FieldResultV3 & { statusName: string | null };
interface NamedCheck extends Omit<CheckResultV3, 'fieldResult' | 'individualResult'> {
  stateName: string;
  stateDescription?: string;
  methodName: string;
  modeName: string | null;
  fieldResult: NamedField[];
  individualResult?: NamedCheck[];
}

function checkNamed(check: CheckResultV3, nested: boolean, described: boolean): NamedCheck {
  const { individualResult, ...own } = check;
  return {
    ...own,
    ...stateWords(check.state, described),
    methodName: methodName(check.method).name,
    modeName: modeName(check.mode)?.name ?? null,
    fieldResult: check.fieldResult.map(fieldNamed),
    ...(individualResult && !nested
      ? { individualResult: individualResult.map((c) => checkNamed(c, true, false)) }
      : {}),
  };
}

/** A check result answered on its own: its state's name and meaning, its method's, mode's and field statuses' names. */
export const namedCheck = (check: CheckResultV3) => checkNamed(check, false, true);

/** A check result in a list: names only. */
const listedCheck = (check: CheckResultV3) => checkNamed(check, false, false);

const sourceNamed = (source: SourceV3) => ({ ...source, ...stateWords(source.state, false) });

/** An overall status code's name, for a list. */
export function overallName(status: string) {
  return { overallVerificationStatusName: overallStatusName(status)?.name ?? status };
}

/** An overall status code with its name and meaning. */
function overallWords(status: string) {
  const named = overallStatusName(status);
  return {
    overallVerificationStatusName: named?.name ?? status,
    overallVerificationStatusDescription: named?.description ?? '',
  };
}

/** CurrentStatus as REST answers it: every state, mode, method and field status named. */
export function namedStatus(status: CurrentStatus) {
  const { checkResult, ...rest } = status;
  const result = status.verificationResult;
  return {
    ...rest,
    verificationResult: {
      ...result,
      ...overallWords(result.overallVerificationStatus),
      modeName: modeName(result.mode)?.name ?? null,
      individualResult: result.individualResult.map(listedCheck),
    },
    sourceList: status.sourceList.map(sourceNamed),
    ...(checkResult ? { checkResult: namedCheck(checkResult) } : {}),
  };
}
