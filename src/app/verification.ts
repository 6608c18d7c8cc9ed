/**
 * The verification use cases (SPEC P1/P2). REST and SOAP are thin adapters over this one class, so the two
 * cannot drift. Every call authenticates the account and touches only that account's rows; a change to a
 * verification runs in one transaction that locks its row, so concurrent submissions never lose an update.
 */
import type { Db, Tx } from './ports/database.ts';
import type { JobQueue } from './ports/job-queue.ts';
import {
  registerVerification,
  sourceList,
  sourceFields,
  setFields as runSetFields,
  adminOverride as runAdminOverride,
  formsOutcome,
  verificationResult,
  recordCombination,
  reviseCombination,
  recordInPersonCheck,
  recordExternalCheck,
  catalogueSource,
  VerificationError,
  type AccountSettings,
  type VerificationState,
  type Person,
  type CheckResultV3,
  type FieldV3,
  type SourceV3,
  type VerificationResultV3,
  type FormsOutcome,
  type Confirmation,
  type AssistedBy,
  type InPersonCheck,
  type ExternalCheck,
} from '../domain/verification/index.ts';
import { AppError, echoed, errors } from './errors.ts';
import { decodeCursor, keysetPage, TIME_AND_TEXT_ID } from './keyset.ts';
import type { Accounts, AccountCredentials, Account, Caller } from './accounts.ts';
import type { Clock } from './clock.ts';
import { newVerificationId, newVerificationToken, digest } from './ids.ts';
import type { RuleSets } from './rule-sets.ts';
import type { Registry } from './registry.ts';
import {
  insertVerificationIfCurrent,
  newVerification,
  listVerifications,
  findVerification,
  updateVerification,
  type NewVerification,
  type VerificationSummary,
} from './verification-store.ts';
import {
  insertVerificationToken,
  expireVerificationToken,
  lockVerificationToken,
  extendVerificationToken,
} from './verification-token-store.ts';
import { insertWebhookDelivery } from './webhook-delivery-store.ts';

export type { VerificationSummary } from './verification-store.ts';

/** The transaction a combination source's `build` runs in (its store writes go through it). */
export type VerificationTx = Tx;

/** Reads and writes what a combination source needs, under the verification's row lock; answers its result. */
export type CombinationBuild = (
  tx: VerificationTx,
  settings: AccountSettings,
  state: VerificationState,
) => Promise<{ result: CheckResultV3; confirms: Confirmation[] }>;

export const WEBHOOK_QUEUE = 'webhook.deliver';
/** Retries of a failed webhook delivery, with back-off, after its first attempt. */
export const WEBHOOK_RETRY_LIMIT = 8;
const TOKEN_IDLE_MS = 30 * 60 * 1000;

export interface RegisterInput {
  verificationId?: string;
  ruleId?: string;
  person: Person;
  extraData?: Record<string, string>;
  generateVerificationToken?: boolean;
}

export interface RegistrationDetails extends Person {
  dateCreated: string;
}

/** greenID's CurrentStatusV3: each operation fills the members it has. */
export interface CurrentStatus {
  verificationResult: VerificationResultV3;
  sourceList: SourceV3[];
  registrationDetails: RegistrationDetails;
  checkResult?: CheckResultV3;
  sourceFields?: { fieldList: FieldV3[] };
  verificationToken?: string;
}

export interface VerificationSummaryPage {
  verifications: VerificationSummary[];
  /** Pass as `before` for the next page; null on the last. */
  next: string | null;
}

/** A verification with the account settings it is decided under. */
export interface Loaded {
  settings: AccountSettings;
  state: VerificationState;
}

export interface VerificationEvent {
  event: 'verification.status_changed';
  verificationId: string;
  previousStatus: string | null;
  overallVerificationStatus: string;
}

export class VerificationUseCases {
  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly ruleSets: RuleSets,
    private readonly registry: Registry,
    private readonly queue: JobQueue | null,
    private readonly clock: Clock,
  ) {}

  readonly #checkListeners: ((sourceId: string, state: string) => void)[] = [];

  /** Called with each source check's result once it is stored (metrics: source outcomes). */
  onSourceChecked(listener: (sourceId: string, state: string) => void): void {
    this.#checkListeners.push(listener);
  }

  #checked(results: readonly CheckResultV3[]): void {
    for (const result of results) for (const listener of this.#checkListeners) listener(result.name, result.state);
  }

  /**
   * Registers a person. The common case is one statement (the verification alone, under the newest rule set
   * this process knows, written only if that is still the newest and the account is not locked out); a webhook or a token to write with it makes
   * it one transaction. Nothing written means the rule set was replaced (decide again under the new one) or
   * the id is taken.
   */
  async register(credentials: AccountCredentials, input: RegisterInput): Promise<CurrentStatus> {
    const { account, lockout } = await this.accounts.authenticateForWrite(credentials);
    const ruleId = input.ruleId ?? 'default';
    const verificationId = input.verificationId ?? newVerificationId();
    const registry = await this.registry.candidates(account.accountId, account.enabledSources, input.person);
    const alone = !input.generateVerificationToken && !this.notifies(account);
    let ruleSet = await this.ruleSets.current(account.accountId, ruleId);
    for (;;) {
      const settings = this.settings(account, ruleSet);
      const state = this.domain(() =>
        registerVerification(
          settings,
          { verificationId, ruleId: ruleSet.id, person: input.person, extraData: input.extraData ?? {} },
          this.clock.now(),
          registry,
        ),
      );
      const row = newVerification(account.accountId, state);
      const status = alone
        ? (await insertVerificationIfCurrent(this.db, row, lockout?.locked))
          ? this.currentStatus(settings, state)
          : null
        : await this.db.transaction().execute(async (tx) => {
            if (!(await insertVerificationIfCurrent(tx, row, lockout?.locked))) return null;
            await this.notify(tx, account, null, state);
            const written = this.currentStatus(settings, state);
            if (input.generateVerificationToken)
              written.verificationToken = await this.issueToken(tx, account.accountId, verificationId);
            return written;
          });
      if (status) {
        this.#checked(state.individualResults);
        return status;
      }
      await lockout?.refused();
      const newest = await this.ruleSets.refresh(account.accountId, ruleId);
      if (newest.version === ruleSet.version)
        throw errors.conflict(`verificationId ${echoed(verificationId)} is already in use`, 'UserIdInUseFault');
      ruleSet = newest;
    }
  }

  /**
   * A registration decided (the person checked, the background sources run — only those of `backgroundOnly`
   * when given) but not yet stored; the forms service stores it inside its own transaction. The settings
   * returned are the account's whole (every enabled source offered).
   */
  async prepareRegistration(
    account: Account,
    input: RegisterInput,
    backgroundOnly?: readonly string[],
  ): Promise<Loaded> {
    const ruleSet = await this.ruleSets.current(account.accountId, input.ruleId ?? 'default');
    const settings = this.settings(account, ruleSet);
    const registering = backgroundOnly
      ? {
          ...settings,
          enabledSources: settings.enabledSources.filter(
            (id) => !catalogueSource(id)?.background || backgroundOnly.includes(id),
          ),
        }
      : settings;
    const verificationId = input.verificationId ?? newVerificationId();
    const registry = await this.registry.candidates(account.accountId, registering.enabledSources, input.person);
    const state = this.domain(() =>
      registerVerification(
        registering,
        { verificationId, ruleId: ruleSet.id, person: input.person, extraData: input.extraData ?? {} },
        this.clock.now(),
        registry,
      ),
    );
    return { settings, state };
  }

  /** Stores a prepared registration and enqueues its webhook, in the caller's transaction. */
  async storeRegistration(tx: Tx, account: Account, state: VerificationState): Promise<void> {
    if (!(await insertVerificationIfCurrent(tx, newVerification(account.accountId, state)))) {
      await this.ruleSets.refresh(account.accountId, state.ruleId);
      throw errors.conflict(
        `verification ${echoed(state.verificationId)} was not stored: its id is in use or its rule set was replaced meanwhile; call again`,
        'UserIdInUseFault',
      );
    }
    await this.notify(tx, account, null, state);
    this.#checked(state.individualResults);
  }

  /**
   * Stores a prepared registration through `write`, one statement of the caller's that inserts the row only if
   * it is still current (see insertVerificationIfCurrent) together with whatever else the caller keeps with it.
   * Only for an account with no webhook to enqueue (`storesAlone`). `write` answers whether the row was stored;
   * when it was not because the rule set was replaced, this process's copy is refreshed.
   */
  async storeRegistrationWith(
    account: Account,
    state: VerificationState,
    write: (row: NewVerification) => Promise<boolean>,
  ): Promise<boolean> {
    const stored = await write(newVerification(account.accountId, state));
    if (stored) this.#checked(state.individualResults);
    return stored;
  }

  /** A rule set replaced meanwhile by another process: this process's copy catches up. */
  async refreshRuleSet(accountId: string, ruleId: string): Promise<void> {
    await this.ruleSets.refresh(accountId, ruleId);
  }

  /** A registration of this account is stored by one statement: no webhook to enqueue with it. */
  storesAlone(account: Account): boolean {
    return !this.notifies(account);
  }

  /**
   * Changes a verification by a domain decision (`change`), under its row lock in the caller's transaction, and
   * stores it (its webhook enqueued when the overall status changed).
   */
  async changeIn(
    tx: Tx,
    account: Account,
    verificationId: string,
    change: (settings: AccountSettings, state: VerificationState) => VerificationState,
  ): Promise<Loaded> {
    const { settings, state } = await this.load(tx, account, verificationId, true);
    const next = this.domain(() => change(settings, state));
    await this.save(tx, account, state, next);
    return { settings, state: next };
  }

  /** A verification of the account, its row locked until the caller's transaction ends. */
  lockedIn(tx: Tx, account: Account, verificationId: string): Promise<Loaded> {
    return this.load(tx, account, verificationId, true);
  }

  /** Runs one interactive source on a verification locked by `lockedIn`, and stores the result. */
  async checkSourceIn(
    tx: Tx,
    account: Account,
    loaded: Loaded,
    sourceId: string,
    inputs: Record<string, string>,
    assisted?: AssistedBy,
  ): Promise<Loaded & { checkResult: CheckResultV3 }> {
    const registry = await this.registry.candidates(account.accountId, [sourceId], loaded.state.person, tx);
    const outcome = this.domain(() =>
      runSetFields(loaded.settings, loaded.state, sourceId, inputs, this.clock.now(), registry, assisted),
    );
    await this.save(tx, account, loaded.state, outcome.state);
    this.#checked([outcome.checkResult]);
    return { settings: loaded.settings, state: outcome.state, checkResult: outcome.checkResult };
  }

  /** A source's fields, pre-filled from the person (no check is run). */
  fieldsOf(loaded: Loaded, sourceId: string): FieldV3[] {
    return this.domain(() => sourceFields(loaded.settings, loaded.state, sourceId));
  }

  async get(credentials: AccountCredentials, verificationId: string): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    const { settings, state } = await this.load(this.db, account, verificationId, false);
    return this.currentStatus(settings, state);
  }

  async getByToken(credentials: AccountCredentials, token: string): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    const verificationId = await this.db.transaction().execute((tx) => this.useToken(tx, account.accountId, token));
    const { settings, state } = await this.load(this.db, account, verificationId, false);
    return { ...this.currentStatus(settings, state), verificationToken: token };
  }

  async getFields(credentials: AccountCredentials, verificationId: string, sourceId: string): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    const { settings, state } = await this.load(this.db, account, verificationId, false);
    const fieldList = this.domain(() => sourceFields(settings, state, sourceId));
    return { ...this.currentStatus(settings, state), sourceFields: { fieldList } };
  }

  async setFields(
    credentials: AccountCredentials,
    verificationId: string,
    sourceId: string,
    inputs: Record<string, string>,
    assisted?: AssistedBy,
  ): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    const status = await this.db.transaction().execute(async (tx) => {
      const checked = await this.checkSourceIn(
        tx,
        account,
        await this.lockedIn(tx, account, verificationId),
        sourceId,
        inputs,
        assisted,
      );
      return { ...this.currentStatus(checked.settings, checked.state), checkResult: checked.checkResult };
    });
    return status;
  }

  /**
   * An administrator's decision: the whole verification VERIFIED_ADMIN, or, with `sourceId`, one source
   * (e.g. one left PENDING for review) VERIFIED_ADMIN and the rule set decides again.
   */
  async adminOverride(
    credentials: AccountCredentials,
    verificationId: string,
    input: { comment: string; adminEmail: string; sourceId?: string },
  ): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    return this.db.transaction().execute(async (tx) => {
      const { settings, state } = await this.changeIn(tx, account, verificationId, (settings, state) =>
        runAdminOverride(state, input, this.clock.now(), settings),
      );
      return this.currentStatus(settings, state);
    });
  }

  /** An administrator records an in-person check of the person's documents (seed 004 mode POSTOFFICE). */
  recordInPerson(
    credentials: AccountCredentials,
    verificationId: string,
    input: InPersonCheck,
  ): Promise<CurrentStatus> {
    return this.recordCheck(credentials, verificationId, (settings, state, now) =>
      recordInPersonCheck(settings, state, input, now),
    );
  }

  /** An administrator loads the result of a check made outside pono (seed 004 mode EXTERNAL). */
  recordExternal(
    credentials: AccountCredentials,
    verificationId: string,
    input: ExternalCheck,
  ): Promise<CurrentStatus> {
    return this.recordCheck(credentials, verificationId, (settings, state, now) =>
      recordExternalCheck(settings, state, input, now),
    );
  }

  private async recordCheck(
    credentials: AccountCredentials,
    verificationId: string,
    record: (
      settings: AccountSettings,
      state: VerificationState,
      now: Date,
    ) => { state: VerificationState; checkResult: CheckResultV3 },
  ): Promise<CurrentStatus> {
    const account = await this.accounts.authenticate(credentials);
    return this.db.transaction().execute(async (tx) => {
      const { settings, state } = await this.load(tx, account, verificationId, true);
      const outcome = this.domain(() => record(settings, state, this.clock.now()));
      await this.save(tx, account, state, outcome.state);
      this.#checked([outcome.checkResult]);
      return { ...this.currentStatus(settings, outcome.state), checkResult: outcome.checkResult };
    });
  }

  /** The verification as it stands, with the settings it is decided under (for a use case about to add to it). */
  async read(
    caller: Caller,
    verificationId: string,
  ): Promise<{ accountId: string; account: Account; settings: AccountSettings; state: VerificationState }> {
    const account = await this.accounts.resolve(caller);
    const { settings, state } = await this.load(this.db, account, verificationId, false);
    return { accountId: account.accountId, account, settings, state };
  }

  /**
   * Records a combination source's result (a captured document, seed 003). `build` reads and writes what it
   * needs in the same transaction, under the verification's row lock, and returns the result and what a pass
   * of it confirms; the rule set then decides again.
   */
  async recordCombination(caller: Caller, verificationId: string, build: CombinationBuild): Promise<CurrentStatus> {
    return this.changeCombination(caller, verificationId, build, recordCombination);
  }

  /**
   * Revises a recorded combination source (an administrator's review of one of its components): `build` reads
   * and writes what it needs under the verification's row lock and returns the revised result; the rule set
   * then decides again.
   */
  async reviseCombination(caller: Caller, verificationId: string, build: CombinationBuild): Promise<CurrentStatus> {
    return this.changeCombination(caller, verificationId, build, reviseCombination);
  }

  /** Builds a combination result under the verification's row lock, applies it with `apply`, and saves. */
  private async changeCombination(
    caller: Caller,
    verificationId: string,
    build: CombinationBuild,
    apply: typeof recordCombination,
  ): Promise<CurrentStatus> {
    const account = await this.accounts.resolve(caller);
    return this.db.transaction().execute(async (tx) => {
      const { settings, state } = await this.load(tx, account, verificationId, true);
      const { result, confirms } = await build(tx, settings, state);
      const next = this.domain(() => apply(settings, state, result, confirms, this.clock.now()));
      await this.save(tx, account, state, next);
      return { ...this.currentStatus(settings, next), checkResult: result };
    });
  }

  /** Runs a pure domain call, turning its errors into the application's (for the use cases beside this one). */
  decide<T>(fn: () => T): T {
    return this.domain(fn);
  }

  /** The account's verifications, newest first, optionally in one overall status; keyset pages of `limit`. */
  async list(
    credentials: AccountCredentials,
    query: { status?: string; limit: number; before?: string },
  ): Promise<VerificationSummaryPage> {
    const account = await this.accounts.authenticate(credentials);
    const before = decodeCursor(TIME_AND_TEXT_ID, query.before, 'before');
    const rows = await listVerifications(this.db, account.accountId, {
      status: query.status,
      limit: query.limit + 1,
      before,
    });
    const page = keysetPage(rows, query.limit, TIME_AND_TEXT_ID, (r) => r.position);
    return { verifications: page.rows.map((r) => r.summary), next: page.next };
  }

  async outcome(credentials: AccountCredentials, verificationId: string): Promise<FormsOutcome> {
    const account = await this.accounts.authenticate(credentials);
    const { settings, state } = await this.load(this.db, account, verificationId, false);
    return formsOutcome(settings, state);
  }

  async getToken(credentials: AccountCredentials, verificationId: string): Promise<string> {
    const account = await this.accounts.authenticate(credentials);
    return this.db.transaction().execute(async (tx) => {
      await this.load(tx, account, verificationId, false);
      return this.issueToken(tx, account.accountId, verificationId);
    });
  }

  async expireToken(credentials: AccountCredentials, token: string): Promise<void> {
    const account = await this.accounts.authenticate(credentials);
    if (!(await expireVerificationToken(this.db, account.accountId, digest(token)))) throw errors.tokenNotFound();
  }

  private settings(account: Account, ruleSet: AccountSettings['ruleSet']): AccountSettings {
    return {
      accountId: account.accountId,
      stubMode: account.stubMode,
      enabledSources: account.enabledSources,
      ruleSet,
      country: account.country,
      lockoutAfterFailedAttempts: account.lockoutAttempts,
    };
  }

  /** A verification of the account with the settings it is decided under (its rule-set version). */
  async load(db: Db, account: Account, verificationId: string, forUpdate: boolean): Promise<Loaded> {
    const row = await findVerification(db, account.accountId, verificationId, forUpdate);
    if (!row) throw errors.notFound('verification', verificationId);
    // A verification stays under the rule-set version it was registered with.
    const ruleSet = await this.ruleSets.get(account.accountId, row.ruleId, row.ruleSetVersion, db);
    return { settings: this.settings(account, ruleSet), state: row.state };
  }

  private async save(tx: Tx, account: Account, before: VerificationState, after: VerificationState): Promise<void> {
    await updateVerification(tx, account.accountId, after, this.clock.now());
    await this.notify(tx, account, before.overallVerificationStatus, after);
  }

  /** Enqueues the signed webhook, in the same transaction, when the overall status changed. */
  private notifies(account: Account): boolean {
    return Boolean(account.webhookUrl && this.queue);
  }

  private async notify(tx: Tx, account: Account, previous: string | null, state: VerificationState): Promise<void> {
    if (!this.notifies(account) || !this.queue || previous === state.overallVerificationStatus) return;
    const event: VerificationEvent = {
      event: 'verification.status_changed',
      verificationId: state.verificationId,
      previousStatus: previous,
      overallVerificationStatus: state.overallVerificationStatus,
    };
    const deliveryKey = digest(
      `${account.accountId}/${state.verificationId}/${previous ?? ''}->${state.overallVerificationStatus}/${this.clock.now().toISOString()}`,
    ).slice(0, 32);
    // The delivery is listed (GET /webhook-deliveries) from the moment it is due, and can be retried from its row.
    await insertWebhookDelivery(tx, {
      accountId: account.accountId,
      verificationId: state.verificationId,
      event: event.event,
      deliveryKey,
      attemptsLeft: WEBHOOK_RETRY_LIMIT + 1,
      payload: event,
    });
    await this.queue.send(
      WEBHOOK_QUEUE,
      {
        accountId: account.accountId,
        verificationId: state.verificationId,
        event: event.event,
        deliveryKey,
        url: account.webhookUrl,
        payload: event,
      },
      { tx },
    );
  }

  private async issueToken(tx: Tx, accountId: string, verificationId: string): Promise<string> {
    const token = newVerificationToken();
    await insertVerificationToken(tx, {
      hash: digest(token),
      accountId,
      verificationId,
      expiresAt: new Date(this.clock.now().getTime() + TOKEN_IDLE_MS),
    });
    return token;
  }

  /** A token is good until expired or idle for 30 minutes; each use extends it. */
  private async useToken(tx: Tx, accountId: string, token: string): Promise<string> {
    const found = await lockVerificationToken(tx, accountId, digest(token));
    if (!found || found.expired || found.expiresAt.getTime() <= this.clock.now().getTime())
      throw errors.tokenNotFound();
    await extendVerificationToken(tx, digest(token), new Date(this.clock.now().getTime() + TOKEN_IDLE_MS));
    return found.verificationId;
  }

  currentStatus(settings: AccountSettings, state: VerificationState): CurrentStatus {
    return {
      verificationResult: verificationResult(state),
      sourceList: sourceList(settings, state),
      registrationDetails: { ...state.person, dateCreated: state.dateCreated },
    };
  }

  /** Runs a pure domain call, turning its errors into the application's. */
  domain<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof VerificationError)) throw error;
      const problems = error.problems.map((p) => ({ field: p.field, label: p.label, message: p.message }));
      const kind =
        error.code === 'FieldValidationFault'
          ? 'invalid'
          : error.code === 'InvalidSourceIdFault'
            ? 'not_found'
            : 'conflict';
      throw new AppError(kind, error.message, error.code, problems);
    }
  }
}
