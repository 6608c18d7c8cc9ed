/**
 * The forms integration (seed 001, SPEC P8): the one-call "Identity Verification" service, the tamper check
 * at submission, the credit-header consent wording and failure notification, and the account's form
 * settings. A person of a form's transaction is its tracking code and role key (Applicant1, Applicant2); their
 * calls are serialised, and a call whose identity details differ from those the verification was registered
 * with starts a new verification.
 */
import { LocalDate } from '@js-joda/core';
import type { Db, Tx } from './ports/database.ts';
import {
  CONSENT_KEY,
  CREDIT_HEADER_CONSENT_TEXT,
  CREDIT_HEADER_FAILURE_NOTICE,
  VERIFIED_OVERALL,
  VerificationError,
  changedIdentity,
  fillNotice,
  formsOutcome,
  formsOutputs,
  identityFormatProblems,
  identityOf,
  readFormsCall,
  refusedChanges,
  sourceList,
  type FieldV3,
  type FormsCall,
  type FormsOutputs,
  type FormsValues,
  type VerificationState,
} from '../domain/verification/index.ts';
import type { Accounts, AccountCredentials, Account, Caller, LockoutGuard } from './accounts.ts';
import type { Clock } from './clock.ts';
import { AppError, echoed, errors } from './errors.ts';
import { FormsStore, type FormSettings } from './forms-store.ts';
import { newVerificationToken } from './ids.ts';
import type { CurrentStatus, Loaded, VerificationUseCases } from './verification.ts';

/** What the forms service needs of the mail adapter. */
export interface NoticeMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** What the forms service needs of the job queue: a job enqueued in the caller's transaction. */
export interface NoticeQueue {
  send<T extends object>(name: string, data: T, options: { tx: Tx }): Promise<unknown>;
}

export const CREDIT_NOTICE_QUEUE = 'forms.credit-header-notice';
export interface CreditNoticeJob {
  accountId: string;
  verificationId: string;
}

/** A browser token lets the embedded component act for one transaction for this long. */
export const BROWSER_TOKEN_TTL_MS = 30 * 60 * 1000;

export interface FormsVerifyRequest {
  trackingCode: string;
  roleKey?: string;
  verifyUserId?: string;
  verifySources?: string;
  backgroundSources: string;
  getFields?: boolean;
  termsAccepted?: boolean;
  creditHeaderConsent?: boolean;
  recordVerificationResponse?: boolean;
  values: FormsValues;
}

export interface FormsVerifyAnswer extends FormsOutputs {
  /** This call started a new verification because the person's details changed. */
  restarted: boolean;
  sourceFields?: Record<string, FieldV3[]>;
  verificationResponse?: CurrentStatus;
}

export interface TamperCheckRequest {
  trackingCode: string;
  roleKey?: string;
  values: FormsValues;
}

export type TamperReason = 'MATCH' | 'DETAILS_CHANGED' | 'NOT_VERIFIED' | 'NO_VERIFICATION';
export interface TamperCheckAnswer {
  result: boolean;
  reason: TamperReason;
  message: string;
}

const TAMPER_WORDS: Record<TamperReason, string> = {
  MATCH: 'The details exactly match those the identity was verified with.',
  DETAILS_CHANGED: 'The details differ from those the identity was verified with.',
  NOT_VERIFIED: 'The identity of this person has not been verified.',
  NO_VERIFICATION: 'No identity verification was made for this person in this transaction.',
};

export class FormsUseCases {
  readonly store: FormsStore;

  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly verifications: VerificationUseCases,
    private readonly queue: NoticeQueue | null,
    private readonly clock: Clock,
    private readonly mailer: () => NoticeMailer,
  ) {
    this.store = new FormsStore(db);
  }

  async verify(credentials: AccountCredentials, request: FormsVerifyRequest): Promise<FormsVerifyAnswer> {
    const { account, lockout } = await this.accounts.authenticateForWrite(credentials);
    return this.verifyFor(account, request, lockout);
  }

  /**
   * One call of the service for an authenticated account (the API's Basic password or a browser token). With
   * `lockout`, the account's lock-out has not been checked yet: a first call's one statement checks it, every
   * other way checks it before writing anything.
   */
  async verifyFor(account: Account, request: FormsVerifyRequest, lockout?: LockoutGuard): Promise<FormsVerifyAnswer> {
    const roleKey = request.roleKey ?? '';
    const call = await this.readCall(account, request, roleKey, lockout);
    const extraData: Record<string, string> =
      request.creditHeaderConsent === undefined ? {} : { [CONSENT_KEY]: String(request.creditHeaderConsent) };
    let prepared: Loaded | null = null;
    if (
      request.verifyUserId === undefined &&
      call.backgroundDocuments.length === 0 &&
      (call.getFields || call.verifySources.length === 0)
    ) {
      const atOnce = await this.registerAtOnce(account, request, call, roleKey, extraData, lockout);
      if ('answer' in atOnce) return atOnce.answer;
      prepared = atOnce.prepared;
    }
    await lockout?.refused();
    // The session read before the person's lock decides whether to prepare a registration (the sources run
    // outside the lock); read again under the lock, a session another call changed meanwhile means deciding again.
    for (let attempt = 1; ; attempt++) {
      const known = await this.store.session(this.db, account.accountId, request.trackingCode, roleKey);
      if (request.verifyUserId !== undefined && !known) throw errors.notFound('verifyUserId', request.verifyUserId);
      const restart = !known || changedIdentity(known.identity, call.identity).length > 0;
      if (known && !restart && request.verifyUserId !== undefined && request.verifyUserId !== known.verificationId) {
        throw errors.invalid([
          {
            field: 'verifyUserId',
            message: `verifyUserId ${echoed(request.verifyUserId)} is not the current verification of this person (${known.verificationId})`,
          },
        ]);
      }
      const registering = restart
        ? (prepared ??
          (await this.verifications.prepareRegistration(
            account,
            { person: call.person, extraData },
            call.backgroundSources,
          )))
        : null;
      prepared = registering;
      try {
        return await this.db
          .transaction()
          .execute((tx) => this.callUnderLock(tx, account, request, call, roleKey, known?.verificationId, registering));
      } catch (error) {
        if (!(error instanceof SessionChanged)) throw error;
        if (attempt >= 5)
          throw errors.conflict(
            'Other calls for this person kept changing their verification meanwhile: call again',
            'CONCURRENT_CALL',
          );
      }
    }
  }

  /**
   * The call's writes under the person's lock: the prepared registration stored (a restart) or the session's
   * verification continued, the sources to verify run, the outputs recorded. Throws SessionChanged (and the
   * transaction writes nothing) when the session is no longer the one the call was prepared for.
   */
  private async callUnderLock(
    tx: Tx,
    account: Account,
    request: FormsVerifyRequest,
    call: FormsCall,
    roleKey: string,
    knownVerificationId: string | undefined,
    registering: Loaded | null,
  ): Promise<FormsVerifyAnswer> {
    await this.store.lockPerson(tx, account.accountId, request.trackingCode, roleKey);
    const current = await this.store.session(tx, account.accountId, request.trackingCode, roleKey);
    if (current?.verificationId !== knownVerificationId) throw new SessionChanged();
    let loaded: Loaded;
    if (registering) {
      await this.verifications.storeRegistration(tx, account, registering.state);
      const saved = await this.store.saveSession(
        tx,
        account.accountId,
        {
          trackingCode: request.trackingCode,
          roleKey,
          verificationId: registering.state.verificationId,
          identity: call.identity,
        },
        current !== undefined,
        this.clock.now(),
      );
      if (!saved) throw new SessionChanged();
      loaded = registering;
      if (this.creditHeaderFailed(registering.state) && this.queue) {
        await this.queue.send<CreditNoticeJob>(
          CREDIT_NOTICE_QUEUE,
          { accountId: account.accountId, verificationId: registering.state.verificationId },
          { tx },
        );
      }
    } else {
      loaded = await this.verifications.lockedIn(tx, account, knownVerificationId ?? '');
    }
    const before = registering ? null : loaded.state;
    // Controlled changes: details given as on the document that the account does not let a person change.
    const ruleSet = loaded.settings.ruleSet;
    this.verifications.domain(() => {
      const refused = refusedChanges(call.changes, ruleSet);
      if (refused.length > 0) throw VerificationError.fieldValidation(refused);
    });
    // A registration checks the documents given as background sources with the call's inputs; then the call
    // verifies its verifySources.
    const toCheck = [...(registering ? call.backgroundDocuments : []), ...(call.getFields ? [] : call.verifySources)];
    for (const sourceId of toCheck) {
      // A source already passed, or a verification already decided, has nothing more to check.
      const offered = sourceList(loaded.settings, loaded.state).find((s) => s.name === sourceId);
      if (!offered?.available) continue;
      loaded = await this.verifications.checkSourceIn(tx, account, loaded, sourceId, call.sourceInputs[sourceId] ?? {});
    }
    const answer = this.answer(request, call, loaded, before, registering !== null && current !== undefined);
    await this.store.recordOutputs(
      tx,
      account.accountId,
      request.trackingCode,
      roleKey,
      formsOnly(answer),
      this.clock.now(),
    );
    return answer;
  }

  /**
   * A first call with no document to verify: the person is registered and the background sources run, then
   * the session, the verification and the outputs are stored by one statement (the common case of a form, as
   * cheap as a plain registration). Declined — the prepared registration handed back for the transaction —
   * when a webhook or the credit-header notice has to be enqueued with it, or when the person has a session
   * already; declined with nothing when the rule set was replaced meanwhile (or the account is locked: the
   * caller's lock-out check then answers).
   */
  private async registerAtOnce(
    account: Account,
    request: FormsVerifyRequest,
    call: FormsCall,
    roleKey: string,
    extraData: Record<string, string>,
    lockout: LockoutGuard | undefined,
  ): Promise<{ answer: FormsVerifyAnswer } | { prepared: Loaded | null }> {
    const prepared = await this.verifications.prepareRegistration(
      account,
      { person: call.person, extraData },
      call.backgroundSources,
    );
    if (!this.verifications.storesAlone(account) || (this.creditHeaderFailed(prepared.state) && this.queue))
      return { prepared };
    const outputs = this.answer(request, call, prepared, null, false);
    let current = false;
    const stored = await this.verifications.storeRegistrationWith(account, prepared.state, async (row) => {
      const written = await this.store.registerPerson(
        row,
        { trackingCode: request.trackingCode, roleKey, identity: call.identity, outputs: formsOnly(outputs) },
        this.clock.now(),
        lockout?.locked,
      );
      current = written.current;
      return written.stored;
    });
    if (stored) return { answer: { ...outputs, restarted: false } };
    if (current) return { prepared };
    await this.verifications.refreshRuleSet(account.accountId, prepared.state.ruleId);
    return { prepared: null };
  }

  /** The call's answer: seed 001's outputs of the verification as it now stands, and what the call asked for. */
  private answer(
    request: FormsVerifyRequest,
    call: FormsCall,
    loaded: Loaded,
    before: VerificationState | null,
    restarted: boolean,
  ): FormsVerifyAnswer {
    const outputs = formsOutputs(
      formsOutcome(loaded.settings, loaded.state, {
        verifySources: call.getFields ? [] : call.verifySources,
        before,
      }),
    );
    return {
      ...outputs,
      restarted,
      ...(call.getFields
        ? {
            sourceFields: Object.fromEntries(
              call.verifySources.map((id) => [id, this.verifications.fieldsOf(loaded, id)]),
            ),
          }
        : {}),
      ...(request.recordVerificationResponse
        ? { verificationResponse: this.verifications.currentStatus(loaded.settings, loaded.state) }
        : {}),
    };
  }

  /** Reads the call; a refused one is recorded as the person's latest outputs (DATA_ERROR) before it is answered. */
  private async readCall(
    account: Account,
    request: FormsVerifyRequest,
    roleKey: string,
    lockout: LockoutGuard | undefined,
  ) {
    const now = this.clock.now();
    const today = LocalDate.of(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
    try {
      return this.verifications.domain(() =>
        readFormsCall(
          request.values,
          {
            verifySources: request.verifySources ?? '',
            backgroundSources: request.backgroundSources,
            getFields: request.getFields ?? false,
            termsAccepted: request.termsAccepted ?? false,
          },
          today,
        ),
      );
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid') {
        await lockout?.refused();
        const known = await this.store.session(this.db, account.accountId, request.trackingCode, roleKey);
        if (known) {
          const previous = known.lastOutputs ?? {};
          await this.store.recordOutputs(
            this.db,
            account.accountId,
            request.trackingCode,
            roleKey,
            {
              ...previous,
              sourceVerifiedFlag: false,
              executionStatus: 'DATA_ERROR',
              errorMessage: dataErrorMessage(error.problems),
            },
            now,
          );
        }
      }
      throw error;
    }
  }

  private creditHeaderFailed(state: VerificationState): boolean {
    return (
      state.creditHeaderConsent === true &&
      state.creditHistoryResult === 'AUTOFAIL' &&
      (state.person.email ?? '') !== ''
    );
  }

  /**
   * seed 001 outputs of a verification read later (GET …/outcome): those of its latest forms call when it was
   * made through the forms service (sourceVerifiedFlag and executionStatus are about a call), else of the
   * verification's latest interactive check.
   */
  async outcome(credentials: AccountCredentials, verificationId: string): Promise<FormsOutputs> {
    return this.outcomeFor(await this.accounts.authenticate(credentials), verificationId);
  }

  /** As `outcome`, for an account a browser token proved (the component, after a captured document). */
  async outcomeFor(account: Account, verificationId: string): Promise<FormsOutputs> {
    const loaded = await this.verifications.load(this.db, account, verificationId, false);
    const current = formsOutputs(formsOutcome(loaded.settings, loaded.state));
    const latest = await this.store.latestOutputs(account.accountId, verificationId);
    if (!latest) return current;
    return {
      ...current,
      sourceVerifiedFlag: latest.sourceVerifiedFlag ?? current.sourceVerifiedFlag,
      executionStatus: latest.executionStatus ?? current.executionStatus,
      errorMessage: latest.errorMessage ?? current.errorMessage,
    };
  }

  /**
   * The current verification of the browser token's person (its transaction and role): where the component's
   * captured document goes. Refused while the person has not been checked yet (there is no verification).
   */
  async verificationOf(account: Account, trackingCode: string, roleKey: string): Promise<string> {
    const known = await this.store.session(this.db, account.accountId, trackingCode, roleKey);
    if (!known)
      throw errors.conflict(
        "the person's details have not been checked yet in this form: check them first, then capture a document",
        'SourceNotAvailableFault',
      );
    return known.verificationId;
  }

  /** Seed 001 "Tamper Proofing": true only when the identity was verified with exactly these details. */
  async tamperCheck(caller: Caller, request: TamperCheckRequest): Promise<TamperCheckAnswer> {
    const account = await this.accounts.resolve(caller);
    const problems = identityFormatProblems(request.values);
    if (problems.length > 0) throw errors.invalid(problems);
    const roleKey = request.roleKey ?? '';
    const session = await this.store.session(this.db, account.accountId, request.trackingCode, roleKey);
    let reason: TamperReason = 'NO_VERIFICATION';
    let changed: string[] = [];
    if (session) {
      const { state } = await this.verifications.load(this.db, account, session.verificationId, false);
      changed = changedIdentity(session.identity, identityOf(request.values));
      reason = !VERIFIED_OVERALL.includes(state.overallVerificationStatus)
        ? 'NOT_VERIFIED'
        : changed.length > 0
          ? 'DETAILS_CHANGED'
          : 'MATCH';
    }
    const result = reason === 'MATCH';
    await this.store.appendAudit(
      this.db,
      account.accountId,
      {
        trackingCode: request.trackingCode,
        roleKey,
        action: 'tamper-check',
        result: String(result),
        detail: { reason, changedFields: changed, ...(session ? { verificationId: session.verificationId } : {}) },
      },
      this.clock.now(),
    );
    return { result, reason, message: TAMPER_WORDS[reason] };
  }

  async audit(credentials: AccountCredentials, trackingCode: string) {
    const account = await this.accounts.authenticate(credentials);
    return this.store.audit(account.accountId, trackingCode);
  }

  async settings(credentials: AccountCredentials): Promise<FormSettings> {
    const account = await this.accounts.authenticate(credentials);
    return this.store.settings(account.accountId);
  }

  async saveSettings(credentials: AccountCredentials, settings: FormSettings): Promise<FormSettings> {
    const account = await this.accounts.authenticate(credentials);
    const problems = settings.allowedOrigins.flatMap((origin, i) =>
      isOrigin(origin)
        ? []
        : [
            {
              field: `allowedOrigins.${i}`,
              message: `allowedOrigins.${i} must be an origin such as https://forms.example.org (scheme, host and port only)`,
            },
          ],
    );
    if (problems.length > 0) throw errors.invalid(problems);
    await this.store.saveSettings(account.accountId, settings, this.clock.now());
    return this.store.settings(account.accountId);
  }

  /** Seed 001's consent wording with the account's reporting entity filled in. */
  async consentWording(accountId: string): Promise<string> {
    const settings = await this.store.settings(accountId);
    return fillNotice(CREDIT_HEADER_CONSENT_TEXT, { 'Reporting Entity': settings.customerName ?? accountId });
  }

  async consentWordingFor(credentials: AccountCredentials): Promise<string> {
    return this.consentWording((await this.accounts.authenticate(credentials)).accountId);
  }

  /** A short-lived token the form's server gives its page, so the component never holds the account password. */
  async issueBrowserToken(
    credentials: AccountCredentials,
    trackingCode: string,
  ): Promise<{ browserToken: string; expiresAt: string }> {
    const account = await this.accounts.authenticate(credentials);
    return this.issueBrowserTokenForAccount(account.accountId, trackingCode);
  }

  /** A browser token for an account already known to the caller (the demo form page, as its own server). */
  async issueBrowserTokenForAccount(
    accountId: string,
    trackingCode: string,
  ): Promise<{ browserToken: string; expiresAt: string }> {
    const token = newVerificationToken();
    const expiresAt = new Date(this.clock.now().getTime() + BROWSER_TOKEN_TTL_MS);
    await this.store.issueBrowserToken(accountId, trackingCode, token, expiresAt);
    return { browserToken: token, expiresAt: expiresAt.toISOString() };
  }

  /** The account and transaction of a browser token; an unknown or expired one is refused. */
  async browserGrant(token: string): Promise<{ account: Account; trackingCode: string }> {
    const grant = await this.store.browserGrant(token, this.clock.now());
    const account = grant ? await this.accounts.find(grant.accountId) : undefined;
    if (!grant || !account)
      throw new AppError(
        'unauthenticated',
        'The browser token is unknown or has expired: reload the form',
        'InvalidTokenFault',
      );
    return { account, trackingCode: grant.trackingCode };
  }

  /** Emails seed 001's failure notification (first name and customer filled in) to the person. */
  async sendCreditNotice(job: CreditNoticeJob): Promise<void> {
    const account = await this.accounts.find(job.accountId);
    if (!account) return;
    const { state } = await this.verifications.load(this.db, account, job.verificationId, false);
    if (!state.person.email) return;
    const customer = (await this.store.settings(account.accountId)).customerName ?? account.accountId;
    await this.mailer().send({
      to: state.person.email,
      subject: `Your identity check with ${customer}`,
      text: fillNotice(CREDIT_HEADER_FAILURE_NOTICE, { 'first name': state.person.givenName, customer }),
    });
  }
}

/** The person's session changed between the call's preparation and its lock: the call decides again. */
class SessionChanged extends Error {}

/** The seed 001 outputs of an answer, as the session keeps them (the latest call's). */
function formsOnly(answer: FormsVerifyAnswer): FormsOutputs {
  return {
    verifyUserId: answer.verifyUserId,
    verifyStatus: answer.verifyStatus,
    availableSources: answer.availableSources,
    verifiedSources: answer.verifiedSources,
    sourceVerifiedFlag: answer.sourceVerifiedFlag,
    watchlistsFoundOn: answer.watchlistsFoundOn,
    creditHistoryResult: answer.creditHistoryResult,
    executionStatus: answer.executionStatus,
    errorMessage: answer.errorMessage,
  };
}

/**
 * seed 001's errorMessage of a DATA_ERROR: each refused input in words, one sentence each naming its input
 * ("firstName is required."), whether the service or the request's schema refused it.
 */
export function dataErrorMessage(problems: readonly { message: string }[]): string {
  return problems.map((p) => (/[.!?]$/.test(p.message.trim()) ? p.message.trim() : `${p.message.trim()}.`)).join(' ');
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
