// Checks an administrator records on a verification rather than a source answering them (seed 004 modes):
// an in-person check, where the person showed their identity documents at a counter (mode POSTOFFICE, method
// PP), and the result of a check made outside pono (mode EXTERNAL). Each counts for the rule set like a source
// (what it confirms when passed) and records who recorded it as seed 003's AdminComment field result.
import type { CheckResultV3, Confirmation, FieldProblem, SourceState } from './types.ts';
import { CONFIRMATIONS, PASSED_STATES } from './types.ts';
import { VerificationError } from './errors.ts';
import { catalogueSource } from './catalogue/index.ts';
import { adminCommentField, adminCommentProblems, confirmedFields, greenIdDate } from './results.ts';
import { assertSourceOpen } from './engine.ts';
import { withSourceResult, type AccountSettings, type SourceProgress, type VerificationState } from './state.ts';

/** The result name of an in-person check. Not `PostOffice`: seed 003 gives that name Australia Post's raw data. */
export const IN_PERSON_CHECK = 'InPerson';

/** The outcomes an administrator may record: the check passed, or it did not. */
export const RECORDED_OUTCOMES = ['VERIFIED', 'FAILED'] as const;
export type RecordedOutcome = (typeof RECORDED_OUTCOMES)[number];

/** Document types an officer may have inspected (seed 003's common values). */
export const INSPECTED_DOCUMENT_TYPES = [
  'PASSPORT',
  'DRIVERS_LICENCE',
  'NATIONAL_ID_CARD',
  'BIRTH_CERTIFICATE',
] as const;

export interface RecordedBy {
  adminEmail: string;
  comment: string;
}

export interface InPersonCheck extends RecordedBy {
  outcome: RecordedOutcome;
  /** What a pass confirms for the rule set (name and date of birth when left out). */
  confirms?: Confirmation[];
  document: { documentType: string; documentRegion: string; documentSubRegion?: string };
}

export interface ExternalCheck extends RecordedBy {
  /** The check's name as the outside system calls it. */
  name: string;
  outcome: RecordedOutcome;
  confirms?: Confirmation[];
}

/** Result names an external check may not take: pono's own sources and records. */
const RESERVED_NAMES = [IN_PERSON_CHECK, 'AdminVerification'];
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9 _.()-]{0,63}$/;

function problem(field: string, label: string, message: string): FieldProblem {
  return { field, label, message };
}

function commonProblems(input: RecordedBy & { outcome: string; confirms?: readonly string[] }): FieldProblem[] {
  return [
    ...adminCommentProblems(input),
    ...(RECORDED_OUTCOMES.includes(input.outcome as RecordedOutcome)
      ? []
      : [problem('outcome', 'Outcome', `Outcome must be one of ${RECORDED_OUTCOMES.join(', ')}.`)]),
    ...(input.confirms !== undefined &&
    (input.confirms.length === 0 || input.confirms.some((c) => !CONFIRMATIONS.includes(c as Confirmation)))
      ? [problem('confirms', 'Confirms', `Confirms must list one or more of ${CONFIRMATIONS.join(', ')}.`)]
      : []),
  ];
}

function inPersonProblems(input: InPersonCheck): FieldProblem[] {
  const { documentType, documentRegion, documentSubRegion } = input.document;
  return [
    ...commonProblems(input),
    ...((INSPECTED_DOCUMENT_TYPES as readonly string[]).includes(documentType)
      ? []
      : [
          problem(
            'document.documentType',
            'Document type',
            `Document type must be one of ${INSPECTED_DOCUMENT_TYPES.join(', ')}.`,
          ),
        ]),
    ...(/^[A-Z]{2}$/.test(documentRegion)
      ? []
      : [
          problem(
            'document.documentRegion',
            'Document region',
            'Document region must be an ISO alpha-2 country code, e.g. NZ.',
          ),
        ]),
    ...(documentSubRegion === undefined || /^[A-Z]{2,3}$/.test(documentSubRegion)
      ? []
      : [
          problem(
            'document.documentSubRegion',
            'Document sub-region',
            'Document sub-region must be the issuing state in capitals, e.g. NSW.',
          ),
        ]),
  ];
}

function externalProblems(state: VerificationState, input: ExternalCheck): FieldProblem[] {
  const name = input.name.trim();
  const taken =
    RESERVED_NAMES.includes(name) ||
    catalogueSource(name) !== undefined ||
    state.individualResults.some((r) => r.name === name && r.mode !== 'EXTERNAL');
  return [
    ...commonProblems(input),
    ...(!NAME_PATTERN.test(name)
      ? [problem('name', 'Name', 'Name must be 1 to 64 letters, digits, spaces or . _ ( ) - and start with a letter.')]
      : taken
        ? [problem('name', 'Name', `Name "${name}" is a check of pono's own; give the outside check its own name.`)]
        : []),
  ];
}

/** Records a check on the verification as a source and decides the rule set again. */
function recordCheck(
  account: AccountSettings,
  state: VerificationState,
  result: CheckResultV3,
  confirms: readonly Confirmation[],
  now: Date,
): VerificationState {
  assertSourceOpen(state, result.name);
  const before = state.sources[result.name];
  const passed = PASSED_STATES.includes(result.state);
  const progress: SourceProgress = {
    sourceId: result.name,
    state: result.state,
    method: result.method === 'interactive' ? 'UC' : result.method,
    confirms: passed ? [...confirms] : [],
    attempts: (before?.attempts ?? 0) + 1,
    failedAttempts: (before?.failedAttempts ?? 0) + (passed ? 0 : 1),
    dateVerified: result.dateVerified,
  };
  return withSourceResult(account, state, progress, result, now, {
    lastCheck: { sourceId: result.name, newlyPassed: passed },
  });
}

function outcomeResult(
  name: string,
  outcome: RecordedOutcome,
  now: Date,
  extra: Pick<CheckResultV3, 'method' | 'mode'>,
  fields: CheckResultV3['fieldResult'],
  input: RecordedBy,
): CheckResultV3 {
  const state: SourceState = outcome;
  const date = greenIdDate(now);
  return {
    name,
    state,
    ...extra,
    dateCreated: date,
    dateVerified: PASSED_STATES.includes(state) ? date : null,
    fieldResult: [...fields, adminCommentField(input.comment, input.adminEmail, now)],
  };
}

/**
 * An in-person check (seed 004 mode POSTOFFICE, method PP): the person showed the document to an officer, who
 * records the outcome. Passed, it confirms the person's name and date of birth (or what `confirms` says) as
 * CONFIRMED field results; the inspected document's type, region and sub-region are on the result.
 */
export function recordInPersonCheck(
  account: AccountSettings,
  state: VerificationState,
  input: InPersonCheck,
  now: Date,
): { state: VerificationState; checkResult: CheckResultV3 } {
  const problems = inPersonProblems(input);
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const confirms = input.confirms ?? ['nameDob'];
  const fields = input.outcome === 'VERIFIED' ? confirmedFields(state.person, confirms) : [];
  const { documentType, documentRegion, documentSubRegion } = input.document;
  const result: CheckResultV3 = {
    ...outcomeResult(IN_PERSON_CHECK, input.outcome, now, { method: 'PP', mode: 'POSTOFFICE' }, fields, input),
    documentType,
    documentRegion,
    ...(documentSubRegion ? { documentSubRegion } : {}),
  };
  return { state: recordCheck(account, state, result, confirms, now), checkResult: result };
}

/**
 * An outside check's result loaded in (seed 004 mode EXTERNAL): named as the outside system names it, with no
 * method (seed 004: "a category that does not fall into the above will have a blank or null method name").
 * Recorded again under the same name, it replaces the earlier result.
 */
export function recordExternalCheck(
  account: AccountSettings,
  state: VerificationState,
  input: ExternalCheck,
  now: Date,
): { state: VerificationState; checkResult: CheckResultV3 } {
  const problems = externalProblems(state, input);
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const confirms = input.confirms ?? ['nameDob'];
  const fields = input.outcome === 'VERIFIED' ? confirmedFields(state.person, confirms) : [];
  const result = outcomeResult(
    input.name.trim(),
    input.outcome,
    now,
    { method: null, mode: 'EXTERNAL' },
    fields,
    input,
  );
  return { state: recordCheck(account, state, result, confirms, now), checkResult: result };
}
