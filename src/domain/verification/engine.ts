// The use-case-facing pure API over VerificationState. Time is passed in; nothing is read or written.
import { LocalDate } from '@js-joda/core';
import type {
  CheckResultV3,
  Confirmation,
  FieldV3,
  Person,
  SourceState,
  SourceV3,
  VerificationResultV3,
} from './types.ts';
import { PASSED_STATES } from './types.ts';
import { VerificationError } from './errors.ts';
import {
  catalogueSource,
  inputName,
  shortInputs,
  validateSourceFields,
  type FieldDefinition,
  type SourceDefinition,
} from './catalogue/index.ts';
import { personCountry, personProblems } from './person.ts';
import { creditHeaderConsent, runBackground } from './background.ts';
import { runInteractive } from './interactive.ts';
import { requirementsMet } from './rules.ts';
import type { RegistryRecords } from './registry.ts';
import { adminCommentField, adminCommentProblems, adminDate, checkResult, greenIdDate } from './results.ts';
import { dayMonthYearFromDob } from './normalise.ts';
import {
  OPEN_OVERALL,
  contributions,
  offeredSources,
  recompute,
  withResult,
  withSourceResult,
  type AccountSettings,
  type SourceProgress,
  type VerificationState,
} from './state.ts';
import { creditHistory } from './credit-header.ts';

export interface RegisterInput {
  verificationId: string;
  ruleId: string;
  person: Person;
  extraData: Record<string, string>;
}

/** Creates the verification and runs the background sources; throws FieldValidationFault for a bad person. */
export function registerVerification(
  account: AccountSettings,
  input: RegisterInput,
  now: Date,
  registry: RegistryRecords,
): VerificationState {
  const country = personCountry(input.person, account.country);
  const today = LocalDate.of(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const problems = personProblems(input.person, country, today);
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const consent = creditHeaderConsent(input.extraData);
  const run = runBackground(account, country, input.person, consent, now, registry);
  const state: VerificationState = {
    verificationId: input.verificationId,
    accountId: account.accountId,
    ruleId: input.ruleId,
    ruleSetVersion: account.ruleSet.version,
    country,
    person: input.person,
    extraData: input.extraData,
    overallVerificationStatus: 'IN_PROGRESS',
    mode: null,
    dateCreated: greenIdDate(now),
    dateVerified: null,
    sources: run.sources,
    individualResults: run.results,
    watchlistsFoundOn: run.watchlistsFoundOn,
    creditHeaderConsent: consent,
    creditHistoryResult: creditHistory(run.results),
    failedAttempts: 0,
    adminVerification: null,
  };
  return recompute(account, state, now);
}

/** Source states that close a source: passed, awaiting review (PENDING), locked out, not contributing. */
const CLOSED_SOURCE_STATES: readonly SourceState[] = [...PASSED_STATES, 'PENDING', 'LOCKED_OUT', 'NOT_CONTRIBUTING'];

function isAvailable(state: VerificationState, progress: SourceProgress | undefined): boolean {
  return (
    OPEN_OVERALL.includes(state.overallVerificationStatus) && !CLOSED_SOURCE_STATES.includes(progress?.state ?? 'EMPTY')
  );
}

/**
 * sourceList: the enabled interactive sources of the verification's country (stub sources only in stub
 * mode). `notRequired`: passed, or a pass would add nothing the rule still lacks, or the verification is
 * closed. `oneSourceLeft`: available and a clean pass of it alone would complete the rule set.
 */
export function sourceList(account: AccountSettings, state: VerificationState): SourceV3[] {
  const clean = contributions(state).filter((c) => c.state === 'VERIFIED' || c.state === 'VERIFIED_ADMIN');
  const lacking = account.ruleSet.requirements
    .filter((r) => clean.filter((c) => c.confirms.includes(r.kind)).length < r.sources)
    .map((r) => r.kind);
  const done = requirementsMet(account.ruleSet, clean);
  return offeredSources(account, state).map((source) => {
    const progress = state.sources[source.sourceId];
    const sourceState = progress?.state ?? 'EMPTY';
    const passed = PASSED_STATES.includes(sourceState);
    const available = isAvailable(state, progress);
    const helps = source.confirms.some((c) => lacking.includes(c));
    const completes =
      !done &&
      requirementsMet(account.ruleSet, [
        ...clean,
        { sourceId: source.sourceId, state: 'VERIFIED', confirms: source.confirms },
      ]);
    return {
      name: source.sourceId,
      available,
      notRequired: passed || !helps || !OPEN_OVERALL.includes(state.overallVerificationStatus),
      oneSourceLeft: available && completes,
      order: source.order,
      passed,
      state: sourceState,
      version: source.version,
    };
  });
}

function offered(account: AccountSettings, state: VerificationState, sourceId: string): SourceDefinition {
  const source = offeredSources(account, state).find((s) => s.sourceId === sourceId);
  if (!source)
    throw new VerificationError('InvalidSourceIdFault', `Source "${sourceId}" is not a source of this verification.`);
  return source;
}

const address = (p: Person) => p.currentResidentialAddress ?? {};
const PREFILL: Record<NonNullable<FieldDefinition['prefill']>, (p: Person) => string | undefined> = {
  givenName: (p) => p.givenName,
  middleNames: (p) => p.middleNames,
  surname: (p) => p.surname,
  dob: (p) => dayMonthYearFromDob(p.dob),
  flatNumber: (p) => address(p).flatNumber,
  propertyName: (p) => address(p).propertyName,
  streetNumber: (p) => address(p).streetNumber,
  streetName: (p) => address(p).streetName,
  streetType: (p) => address(p).streetType,
  suburb: (p) => address(p).suburb,
  state: (p) => address(p).state,
  postcode: (p) => address(p).postcode,
};

/** getFields: the source's input fields, pre-filled from the person. */
export function sourceFields(account: AccountSettings, state: VerificationState, sourceId: string): FieldV3[] {
  const source = offered(account, state, sourceId);
  return source.fields.map((f) => ({
    name: inputName(source.sourceId, f.field),
    label: f.label,
    type: f.type,
    value: f.prefill ? (PREFILL[f.prefill](state.person) ?? '') : '',
    attribute: [
      { name: 'class', value: `${f.rule}validation${f.required ? ' required' : ''}` },
      ...(f.required ? [{ name: 'aria-required', value: 'true' }] : []),
    ],
    selectItem: (f.options ?? []).map((o) => ({ name: o, value: o })),
  }));
}

/** Seed 004 mode ASSISTED: the administrator who entered the person's data for them, with the person present. */
export interface AssistedBy {
  adminEmail: string;
  comment: string;
}

export interface SetFieldsOutcome {
  state: VerificationState;
  checkResult: CheckResultV3;
}

/**
 * setFields: runs one interactive check. Throws InvalidSourceIdFault for a source not offered,
 * SourceNotAvailableFault for one already passed, pending review, locked out, not contributing or when the verification
 * is closed, FieldValidationFault (naming the fields) for bad inputs. With `assisted`, an administrator entered
 * the data for the person, who was present (seed 004 mode ASSISTED): the source is still queried, and the
 * result carries mode ASSISTED and an AdminComment field result naming the administrator.
 */
export function setFields(
  account: AccountSettings,
  state: VerificationState,
  sourceId: string,
  inputs: Record<string, string>,
  now: Date,
  registry: RegistryRecords,
  assisted?: AssistedBy,
): SetFieldsOutcome {
  const source = offered(account, state, sourceId);
  if (assisted) {
    const adminProblems = adminCommentProblems(assisted);
    if (adminProblems.length > 0) throw VerificationError.fieldValidation(adminProblems);
  }
  assertSourceOpen(state, sourceId);
  const before = state.sources[sourceId];
  const problems = validateSourceFields(source, inputs);
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const run = runInteractive(source, state.person, shortInputs(source, inputs), account.ruleSet, registry);
  const failedAttempts = (before?.failedAttempts ?? 0) + (run.failed ? 1 : 0);
  const sourceLimit = account.ruleSet.sourceLockoutAfterFailedAttempts ?? null;
  const sourceState = run.failed && sourceLimit !== null && failedAttempts >= sourceLimit ? 'LOCKED_OUT' : run.state;
  const passed = PASSED_STATES.includes(sourceState);
  const fieldResult = assisted
    ? [...run.fieldResult, adminCommentField(assisted.comment, assisted.adminEmail, now)]
    : run.fieldResult;
  const result: CheckResultV3 = {
    ...checkResult(source.sourceId, sourceState, 'UC', now, passed, fieldResult),
    ...(source.documentType ? { documentType: source.documentType, documentRegion: state.country } : {}),
    ...(source.documentSubRegion ? { documentSubRegion: source.documentSubRegion } : {}),
    ...(assisted ? { mode: 'ASSISTED' as const } : {}),
  };
  const progress: SourceProgress = {
    sourceId,
    state: sourceState,
    method: 'UC',
    confirms: run.confirms,
    attempts: (before?.attempts ?? 0) + 1,
    failedAttempts,
    dateVerified: result.dateVerified,
  };
  const next = withSourceResult(account, state, progress, result, now, {
    failedAttempts: state.failedAttempts + (run.failed ? 1 : 0),
    lastCheck: { sourceId, newlyPassed: passed && !PASSED_STATES.includes(before?.state ?? 'EMPTY') },
  });
  return { state: next, checkResult: result };
}

/**
 * A combination source's result (a captured document, seed 003) recorded on the verification: its progress
 * counts for the rule set like an interactive source's (what it confirms when passed or pending review).
 * Throws SourceNotAvailableFault when the verification is closed or the source already passed or waits for review.
 */
export function recordCombination(
  account: AccountSettings,
  state: VerificationState,
  result: CheckResultV3,
  confirms: readonly Confirmation[],
  now: Date,
): VerificationState {
  assertSourceOpen(state, result.name);
  const before = state.sources[result.name];
  const progress: SourceProgress = {
    sourceId: result.name,
    state: result.state,
    method: 'UC',
    confirms: combinationConfirms(result, confirms),
    attempts: (before?.attempts ?? 0) + 1,
    failedAttempts: before?.failedAttempts ?? 0,
    dateVerified: result.dateVerified,
  };
  return withSourceResult(account, state, progress, result, now);
}

/**
 * A combination source's result revised after it was recorded (an administrator decided one of its PENDING
 * components, seed 003): the result replaces the recorded one, the source's progress takes its new state and the
 * rule set decides again. Not an attempt: the person did nothing.
 */
export function reviseCombination(
  account: AccountSettings,
  state: VerificationState,
  result: CheckResultV3,
  confirms: readonly Confirmation[],
  now: Date,
): VerificationState {
  const before = state.sources[result.name];
  if (!before)
    throw new VerificationError(
      'InvalidSourceIdFault',
      `Source "${result.name}" has not been checked in this verification.`,
    );
  const progress: SourceProgress = {
    ...before,
    state: result.state,
    confirms: combinationConfirms(result, confirms),
    dateVerified: result.dateVerified,
  };
  return withSourceResult(account, state, progress, result, now);
}

/** What a combination source's result confirms: what it checked while passed or pending review, else nothing. */
function combinationConfirms(result: CheckResultV3, confirms: readonly Confirmation[]): Confirmation[] {
  return PASSED_STATES.includes(result.state) || result.state === 'PENDING' ? [...confirms] : [];
}

/** Throws SourceNotAvailableFault unless a source of this name can still be checked or recorded. */
export function assertSourceOpen(state: VerificationState, sourceName: string): void {
  const before = state.sources[sourceName];
  if (isAvailable(state, before)) return;
  const why = OPEN_OVERALL.includes(state.overallVerificationStatus)
    ? `its state is ${before?.state ?? 'EMPTY'}`
    : `the verification is ${state.overallVerificationStatus}`;
  throw new VerificationError('SourceNotAvailableFault', `Source "${sourceName}" is not available: ${why}.`);
}

/** An admin-verified source confirms what its pass would have (its own confirmations if it had any). */
function adminVerified(progress: SourceProgress, dateVerified: string | null): SourceProgress {
  const confirms =
    progress.confirms.length > 0 ? progress.confirms : [...(catalogueSource(progress.sourceId)?.confirms ?? [])];
  return { ...progress, state: 'VERIFIED_ADMIN', confirms, dateVerified };
}

export interface AdminOverrideInput {
  comment: string;
  adminEmail: string;
  /** Verify one (e.g. pending) source instead of the whole verification. */
  sourceId?: string;
}

/**
 * Admin verification (seed 003): records comment, date and admin email as an `AdminComment` field result
 * with `Date` and `AdminEmail` extra data. Without sourceId the overall status becomes VERIFIED_ADMIN (the
 * record is the result named `AdminVerification`); with one, that source becomes VERIFIED_ADMIN and the
 * rule set decides again.
 */
export function adminOverride(
  state: VerificationState,
  input: AdminOverrideInput,
  now: Date,
  account?: AccountSettings,
): VerificationState {
  const problems = adminCommentProblems(input);
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const sourceId = input.sourceId ?? null;
  const target = sourceId === null ? null : state.sources[sourceId];
  if (sourceId !== null && !target)
    throw new VerificationError(
      'InvalidSourceIdFault',
      `Source "${sourceId}" has not been checked in this verification.`,
    );
  const record = { comment: input.comment.trim(), adminEmail: input.adminEmail.trim(), date: adminDate(now), sourceId };
  const adminField = adminCommentField(record.comment, record.adminEmail, now);

  const name = sourceId ?? 'AdminVerification';
  const previous = state.individualResults.find((r) => r.name === name);
  const result: CheckResultV3 = {
    ...(previous ?? checkResult(name, 'VERIFIED_ADMIN', null, now, true)),
    state: 'VERIFIED_ADMIN',
    dateVerified: greenIdDate(now),
    fieldResult: [...(previous?.fieldResult ?? []), adminField],
  };
  const sources =
    sourceId === null || !target
      ? state.sources
      : { ...state.sources, [sourceId]: adminVerified(target, result.dateVerified) };
  const next: VerificationState = {
    ...state,
    sources,
    adminVerification: record,
    individualResults: withResult(state.individualResults, result),
    ...(sourceId === null
      ? { overallVerificationStatus: 'VERIFIED_ADMIN' as const, dateVerified: state.dateVerified ?? greenIdDate(now) }
      : {}),
  };
  if (sourceId === null) return next;
  if (!account) throw new VerificationError('SystemFault', 'adminOverride of one source needs the account settings.');
  return recompute(
    account,
    {
      ...next,
      overallVerificationStatus:
        next.overallVerificationStatus === 'LOCKED_OUT' ? 'IN_PROGRESS' : next.overallVerificationStatus,
    },
    now,
  );
}

/** VerificationResultV3 of the state (getVerificationResult). */
export function verificationResult(state: VerificationState): VerificationResultV3 {
  return {
    verificationId: state.verificationId,
    ruleId: state.ruleId,
    overallVerificationStatus: state.overallVerificationStatus,
    mode: state.mode,
    dateVerified: state.dateVerified,
    individualResult: state.individualResults,
  };
}
