// The serialisable verification state (stored by the app as JSONB and passed back), the account settings
// it is decided under, and the recomputation of the overall status from it.
import type {
  CheckResultV3,
  Confirmation,
  Country,
  Method,
  Mode,
  OverallStatus,
  Person,
  SourceState,
  Watchlist,
} from './types.ts';
import { PASSED_STATES } from './types.ts';
import { decide, effectiveLockout, type Contribution, type RuleSet } from './rules.ts';
import { catalogueSource, isRegistrySource, type SourceDefinition } from './catalogue/index.ts';
import { hasStub } from './stubs/index.ts';
import { greenIdDate } from './results.ts';

export interface AccountSettings {
  accountId: string;
  stubMode: boolean;
  /** Enabled sourceIds (background and interactive, catalogue and registry). */
  enabledSources: string[];
  ruleSet: RuleSet;
  /** Fallback country when the person's address names none (default AU). */
  country?: Country;
  /** Account-level overall lockout; a number here wins over the rule set's. */
  lockoutAfterFailedAttempts?: number | null;
  /** Fills `[[customer]]` in the credit-header failure notice (default: accountId). */
  customerName?: string;
}

export interface SourceProgress {
  sourceId: string;
  state: SourceState;
  method: Method | null;
  /** What the last pass confirmed (empty unless passed or pending). */
  confirms: Confirmation[];
  attempts: number;
  failedAttempts: number;
  dateVerified: string | null;
}

export interface AdminVerification {
  comment: string;
  adminEmail: string;
  date: string;
  sourceId: string | null;
}

export interface VerificationState {
  verificationId: string;
  accountId: string;
  ruleId: string;
  ruleSetVersion: number;
  country: Country;
  person: Person;
  extraData: Record<string, string>;
  overallVerificationStatus: OverallStatus;
  mode: Mode | null;
  dateCreated: string;
  dateVerified: string | null;
  sources: Record<string, SourceProgress>;
  /** Latest result per source, in the order sources were first checked. */
  individualResults: CheckResultV3[];
  watchlistsFoundOn: Watchlist[];
  creditHeaderConsent: boolean | null;
  creditHistoryResult: 'VERIFIED' | 'AUTOFAIL' | null;
  /** Failed interactive attempts over all sources (for the overall lockout). */
  failedAttempts: number;
  adminVerification: AdminVerification | null;
  /** The latest interactive check: which source, and whether it became passed by it (seed 001 sourceVerifiedFlag). */
  lastCheck?: { sourceId: string; newlyPassed: boolean } | null;
}

export const VERIFIED_OVERALL: readonly OverallStatus[] = ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES'];
export const OPEN_OVERALL: readonly OverallStatus[] = ['IN_PROGRESS', 'PENDING'];

function countryFits(source: SourceDefinition, country: Country): boolean {
  return source.country === 'ANY' || source.country === country;
}

/**
 * Can this source run for this verification? Enabled on the account, of the verification's country, and
 * either a registry source (any mode) or a stub source with stub mode on (stubs are not run otherwise).
 */
export function runnable(
  account: AccountSettings,
  state: Pick<VerificationState, 'country'>,
  sourceId: string,
): SourceDefinition | null {
  const source = catalogueSource(sourceId);
  if (!source || !account.enabledSources.includes(sourceId) || !countryFits(source, state.country)) return null;
  if (isRegistrySource(sourceId)) return source;
  return account.stubMode && hasStub(sourceId) ? source : null;
}

/** Interactive sources offered for this verification (sourceList), by display order. */
export function offeredSources(
  account: AccountSettings,
  state: Pick<VerificationState, 'country'>,
): SourceDefinition[] {
  return account.enabledSources
    .map((id) => runnable(account, state, id))
    .filter((s): s is SourceDefinition => s !== null && s.interactive)
    .sort((a, b) => a.order - b.order);
}

export function contributions(state: VerificationState): Contribution[] {
  return Object.values(state.sources)
    .filter((s) => PASSED_STATES.includes(s.state) || s.state === 'PENDING')
    .map((s) => ({ sourceId: s.sourceId, state: s.state, confirms: s.confirms }));
}

/** When several checks that count were made in a mode, the verification's mode is the first of these. */
const MODE_PRECEDENCE: readonly Mode[] = ['POSTOFFICE', 'ASSISTED', 'EXTERNAL'];

/**
 * How a verified individual was verified (seed 004 "Possible Modes"): the mode of the checks that count for the
 * rule set (passed or pending review), the person-present one first; null when none was made in a mode.
 */
export function verifiedMode(state: VerificationState): Mode | null {
  const counting = new Set(contributions(state).map((c) => c.sourceId));
  const modes = state.individualResults.filter((r) => counting.has(r.name) && r.mode !== null).map((r) => r.mode);
  return MODE_PRECEDENCE.find((m) => modes.includes(m)) ?? null;
}

/** Re-decides the overall status after a change; sets dateVerified the first time it becomes verified. */
export function recompute(account: AccountSettings, state: VerificationState, now: Date): VerificationState {
  const threshold = effectiveLockout(account.ruleSet, account.lockoutAfterFailedAttempts);
  const lockedOut =
    state.overallVerificationStatus === 'LOCKED_OUT' || (threshold !== null && state.failedAttempts >= threshold);
  const adminOverride = state.adminVerification !== null && state.adminVerification.sourceId === null;
  const overall = decide(account.ruleSet, contributions(state), { adminOverride, lockedOut });
  const dateVerified = state.dateVerified ?? (VERIFIED_OVERALL.includes(overall) ? greenIdDate(now) : null);
  const mode = VERIFIED_OVERALL.includes(overall) ? verifiedMode(state) : null;
  return { ...state, overallVerificationStatus: overall, dateVerified, mode };
}

/**
 * The verification with a source's new progress and result (replacing any earlier one), anything else in
 * `also`, and its overall status decided again.
 */
export function withSourceResult(
  account: AccountSettings,
  state: VerificationState,
  progress: SourceProgress,
  result: CheckResultV3,
  now: Date,
  also: Partial<VerificationState> = {},
): VerificationState {
  return recompute(
    account,
    {
      ...state,
      sources: { ...state.sources, [progress.sourceId]: progress },
      individualResults: withResult(state.individualResults, result),
      ...also,
    },
    now,
  );
}

/** Replaces the source's result in individualResults (keeping its place) or appends it. */
export function withResult(results: readonly CheckResultV3[], result: CheckResultV3): CheckResultV3[] {
  const at = results.findIndex((r) => r.name === result.name);
  return at < 0 ? [...results, result] : results.map((r, i) => (i === at ? result : r));
}
