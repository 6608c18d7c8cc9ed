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

// Every named object is written out member by member in one order (absent members left undefined, which the
// answer omits) rather than spread from the domain's: spread copies take many shapes, and serialising a
// registration's answer over them cost several times what it costs over objects of one shape.
const fieldNamed = (field: FieldResultV3): NamedField => ({
  name: field.name,
  status: field.status,
  value: field.value,
  changedValue: field.changedValue,
  masterRecordValue: field.masterRecordValue,
  extractedValue: field.extractedValue,
  data: field.data,
  extraData: field.extraData,
  addressType: field.addressType,
  format: field.format,
  statusName: fieldStatusName(field.status)?.name ?? null,
});

type NamedField = FieldResultV3 & { statusName: string | null };
interface NamedCheck extends Omit<CheckResultV3, 'fieldResult' | 'individualResult'> {
  stateName: string;
  stateDescription: string | undefined;
  methodName: string;
  modeName: string | null;
  fieldResult: NamedField[];
  individualResult: NamedCheck[] | undefined;
}

// A meaning is given only where one check is answered on its own; lists carry names only (a registration's
// answer would otherwise repeat a paragraph per source: GET /api/v1/reference/names lists every meaning once).
function checkNamed(check: CheckResultV3, nested: boolean, described: boolean): NamedCheck {
  const named = sourceStateName(check.state);
  return {
    name: check.name,
    state: check.state,
    stateName: named?.name ?? check.state,
    stateDescription: described ? (named?.description ?? '') : undefined,
    method: check.method,
    methodName: methodName(check.method).name,
    mode: check.mode,
    modeName: modeName(check.mode)?.name ?? null,
    dateCreated: check.dateCreated,
    dateVerified: check.dateVerified,
    fieldResult: check.fieldResult.map(fieldNamed),
    extraData: check.extraData,
    documentType: check.documentType,
    documentRegion: check.documentRegion,
    documentSubRegion: check.documentSubRegion,
    faceMatchScore: check.faceMatchScore,
    individualResult:
      check.individualResult && !nested ? check.individualResult.map((c) => checkNamed(c, true, false)) : undefined,
  };
}

/** A check result answered on its own: its state's name and meaning, its method's, mode's and field statuses' names. */
export const namedCheck = (check: CheckResultV3) => checkNamed(check, false, true);

/** A check result in a list: names only. */
const listedCheck = (check: CheckResultV3) => checkNamed(check, false, false);

const sourceNamed = (source: SourceV3) => ({
  name: source.name,
  available: source.available,
  notRequired: source.notRequired,
  oneSourceLeft: source.oneSourceLeft,
  order: source.order,
  passed: source.passed,
  state: source.state,
  stateName: sourceStateName(source.state)?.name ?? source.state,
  version: source.version,
  attributes: source.attributes,
});

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
