// The forms-integration outputs of seed 001 over a verification state.
//
// verifyStatus: VERIFIED for any VERIFIED* overall status; FAILED when LOCKED_OUT, or still IN_PROGRESS
// with no source left to try; UNVERIFIED otherwise (IN_PROGRESS, PENDING).
// executionStatus: SYSTEM_ERROR when every (non-registry) source that ran returned ERROR (e.g. the TwoError
// stub; registry sources are local records and never error);
// SUCCESS otherwise (validation problems are thrown as FieldValidationFault before any state exists).
// creditHeaderNotice: the failure notification applies when consent was refused (the credit header was
// not run) or when it ran and did not match.
import type { VerificationState } from './state.ts';
import type { AccountSettings } from './state.ts';
import { VERIFIED_OVERALL } from './state.ts';
import { sourceList } from './engine.ts';
import { PASSED_STATES, type Watchlist } from './types.ts';
import { CREDIT_HEADER_FAILURE_NOTICE, fillNotice } from './credit-header.ts';
import { isRegistrySource } from './catalogue/index.ts';

export interface FormsOutcome {
  verifyUserId: string;
  verifyStatus: 'VERIFIED' | 'UNVERIFIED' | 'FAILED';
  availableSources: string[];
  verifiedSources: string[];
  sourceVerifiedFlag: boolean;
  watchlistsFoundOn: Watchlist[];
  creditHistoryResult: 'VERIFIED' | 'AUTOFAIL' | null;
  creditHeaderNotice: string | null;
  executionStatus: 'SUCCESS' | 'DATA_ERROR' | 'SYSTEM_ERROR';
  errorMessage: string | null;
}

export interface FormsRequest {
  /** The request's verifySources; sourceVerifiedFlag says whether one of them became verified by it. */
  verifySources?: readonly string[];
  /** The state before the request (null: registration). */
  before?: VerificationState | null;
}

const passedIn = (state: VerificationState | null | undefined, id: string) => {
  const s = state?.sources[id]?.state;
  return s !== undefined && PASSED_STATES.includes(s);
};

export function formsOutcome(
  account: AccountSettings,
  state: VerificationState,
  request: FormsRequest = {},
): FormsOutcome {
  const list = sourceList(account, state);
  const availableSources = list.filter((s) => s.available).map((s) => s.name);
  const overall = state.overallVerificationStatus;
  const verifyStatus = VERIFIED_OVERALL.includes(overall)
    ? 'VERIFIED'
    : overall === 'LOCKED_OUT' || (overall === 'IN_PROGRESS' && availableSources.length === 0)
      ? 'FAILED'
      : 'UNVERIFIED';
  const ran = Object.values(state.sources).filter((s) => !isRegistrySource(s.sourceId));
  const allErrored = ran.length > 0 && ran.every((s) => s.state === 'ERROR');
  const noticeApplies = state.creditHeaderConsent === false || state.creditHistoryResult === 'AUTOFAIL';
  return {
    verifyUserId: state.verificationId,
    verifyStatus,
    availableSources,
    verifiedSources: Object.values(state.sources)
      .filter((s) => PASSED_STATES.includes(s.state))
      .map((s) => s.sourceId),
    // Without a request (the outcome read later) the flag is that of the latest interactive check.
    sourceVerifiedFlag: request.verifySources
      ? request.verifySources.some((id) => passedIn(state, id) && !passedIn(request.before, id))
      : (state.lastCheck?.newlyPassed ?? false),
    watchlistsFoundOn: state.watchlistsFoundOn,
    creditHistoryResult: state.creditHistoryResult,
    creditHeaderNotice: noticeApplies
      ? fillNotice(CREDIT_HEADER_FAILURE_NOTICE, {
          'first name': state.person.givenName,
          customer: account.customerName ?? account.accountId,
        })
      : null,
    executionStatus: allErrored ? 'SYSTEM_ERROR' : 'SUCCESS',
    errorMessage: allErrored ? 'Every source returned an error.' : null,
  };
}

/** Seed 001's outputs as a form binds them: lists as comma-separated source codes, blanks as empty text. */
export interface FormsOutputs {
  verifyUserId: string;
  verifyStatus: FormsOutcome['verifyStatus'];
  availableSources: string;
  verifiedSources: string;
  sourceVerifiedFlag: boolean;
  watchlistsFoundOn: string;
  creditHistoryResult: '' | 'VERIFIED' | 'AUTOFAIL';
  executionStatus: FormsOutcome['executionStatus'];
  errorMessage: string;
}

export function formsOutputs(outcome: FormsOutcome): FormsOutputs {
  return {
    verifyUserId: outcome.verifyUserId,
    verifyStatus: outcome.verifyStatus,
    availableSources: outcome.availableSources.join(','),
    verifiedSources: outcome.verifiedSources.join(','),
    sourceVerifiedFlag: outcome.sourceVerifiedFlag,
    watchlistsFoundOn: outcome.watchlistsFoundOn.join(','),
    creditHistoryResult: outcome.creditHistoryResult ?? '',
    executionStatus: outcome.executionStatus,
    errorMessage: outcome.errorMessage ?? '',
  };
}
