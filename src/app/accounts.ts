import { hash, randomBytes } from 'node:crypto';
import { digest } from './ids.ts';
import type { RawBuilder } from 'kysely';
import type { Db } from './ports/database.ts';
import {
  upsertAccount,
  findAccount,
  insertAccountSession,
  deleteAccountSession,
  findAccountSession,
  updateAccountSettings,
  type Account,
} from './account-store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { FailedAttempts } from './failed-attempts.ts';
import { errors, type FieldProblem } from './errors.ts';
import { allSourceIds } from '../domain/verification/index.ts';
import { IMMIGRATION_SOURCE } from './registry.ts';
import type { FaceComparisonSetting } from '../domain/documents/face-comparison-setting.ts';

/** How an account proves who it is: its API password (HTTP Basic), or a console session opened with it. */
export type AccountCredentials = { accountId: string; password: string } | { sessionToken: string };

/**
 * Who calls a use case: credentials still to be checked, or an account a browser token already proved (the
 * embedded component's calls, seed 001); never built from a request's own claims.
 */
export type Caller = AccountCredentials | { readonly authenticated: Account };

/** An account administrator's console session lasts a working day. */
export const ACCOUNT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export type { Account } from './account-store.ts';

export interface NewAccount {
  accountId: string;
  password: string;
  stubMode: boolean;
  /** Every catalogue source but `immigration` when left out. */
  enabledSources?: string[];
  country?: 'AU' | 'NZ';
  lockoutAttempts?: number | null;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
  /** Left out: a new account's is `optional` (a capture is compared when a selfie comes with it), an existing one's stays. */
  faceComparison?: FaceComparisonSetting;
}

/** The settings an account's own administrator may change (in the console or by the API). */
export interface AccountAdminSettings {
  faceComparison: FaceComparisonSetting;
}

/** An operator's new account is held to the same standard as everything else that takes a password or a URL. */
export const MIN_ACCOUNT_PASSWORD_LENGTH = 12;
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

export function newAccountProblems(input: {
  password: string;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.password.length < MIN_ACCOUNT_PASSWORD_LENGTH)
    problems.push({
      field: 'password',
      message: `the API password must be at least ${MIN_ACCOUNT_PASSWORD_LENGTH} characters`,
    });
  if (input.webhookUrl) {
    let url: URL | undefined;
    try {
      url = new URL(input.webhookUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      problems.push({
        field: 'webhookUrl',
        message: 'the webhook URL must be an http or https address, e.g. https://example.org/hooks/pono',
      });
  }
  if (
    input.webhookSecret !== undefined &&
    input.webhookSecret !== null &&
    input.webhookSecret.length < MIN_WEBHOOK_SECRET_LENGTH
  ) {
    problems.push({
      field: 'webhookSecret',
      message: `the webhook secret must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`,
    });
  }
  if (input.webhookUrl && !input.webhookSecret)
    problems.push({
      field: 'webhookSecret',
      message: 'a webhook URL needs a webhook secret to sign what is posted to it',
    });
  return problems;
}

const CACHE_TTL_MS = 60_000;
/** Wrong passwords an account may see in a minute before further tries are refused for the rest of it. */
export const MAX_FAILED_SIGN_INS = 10;
const FAILED_SIGN_IN_WINDOW_MS = 60_000;

/** Every catalogue source except the office's immigration records, which an operator enables on purpose. */
function defaultSources(): string[] {
  return allSourceIds().filter((id) => id !== IMMIGRATION_SOURCE);
}

/** The lock-out check a write makes part of its own statement (see `Accounts.authenticateForWrite`). */
export interface LockoutGuard {
  /** True while the account is locked: the write must not happen then. */
  locked: RawBuilder<boolean>;
  /** After a refused write: throws the lock-out's answer when the account is locked. */
  refused(): Promise<void>;
}

/**
 * Accounts (tenants) and their API passwords. A verified password is remembered for a minute, keyed by a
 * digest of account and password, so that a client's stream of calls does not pay the memory-hard hash each
 * time; a changed password is honoured within that minute.
 */
export class Accounts {
  readonly #verified = new Map<string, { account: Account; until: number }>();
  readonly #failures: FailedAttempts;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.#failures = new FailedAttempts(db, MAX_FAILED_SIGN_INS, FAILED_SIGN_IN_WINDOW_MS, now);
  }

  async create(input: NewAccount): Promise<Account> {
    await upsertAccount(
      this.db,
      {
        accountId: input.accountId,
        stubMode: input.stubMode,
        enabledSources: input.enabledSources ?? defaultSources(),
        country: input.country ?? 'AU',
        lockoutAttempts: input.lockoutAttempts ?? null,
        webhookUrl: input.webhookUrl ?? null,
        webhookSecret: input.webhookSecret ?? null,
        ...(input.faceComparison ? { faceComparison: input.faceComparison } : {}),
      },
      await hashPassword(input.password),
    );
    this.#verified.clear();
    const account = await this.find(input.accountId);
    if (!account) throw new Error('account vanished after insert');
    return account;
  }

  /** The account's administrator changes its settings; the account as it is now. */
  async changeSettings(credentials: AccountCredentials, settings: AccountAdminSettings): Promise<Account> {
    const account = await this.authenticate(credentials);
    if (!(await updateAccountSettings(this.db, account.accountId, settings))) throw errors.badCredentials();
    // remembered passwords hold the account as it was
    this.#verified.clear();
    const changed = await this.find(account.accountId);
    if (!changed) throw errors.badCredentials();
    return changed;
  }

  async find(accountId: string): Promise<Account | undefined> {
    return (await findAccount(this.db, accountId))?.account;
  }

  /** The caller's account: an already proved account as it is, credentials checked as `authenticate` does. */
  async resolve(caller: Caller): Promise<Account> {
    return 'authenticated' in caller ? caller.authenticated : this.authenticate(caller);
  }

  /** The account when the password (or the session) is right; otherwise the error every client sees for a wrong one. */
  async authenticate(credentials: AccountCredentials): Promise<Account> {
    if ('sessionToken' in credentials) return this.#bySession(credentials.sessionToken);
    // The lock-out comes first: while an account is locked, the right password gets the same answer as a wrong one.
    await this.#refuseIfLocked(credentials.accountId);
    return this.#remembered(credentials) ?? this.#verify(credentials);
  }

  /**
   * As `authenticate`, for a call whose database work is one write: when the password is remembered, the
   * lock-out is not read in a round trip of its own but returned as a guard whose `locked` condition the write
   * must include (nothing is written while the account is locked); when the write was refused, the caller
   * calls `refused()`, which throws the lock-out's answer if that was the reason. The same answers as
   * `authenticate`, one statement fewer.
   */
  async authenticateForWrite(credentials: AccountCredentials): Promise<{ account: Account; lockout?: LockoutGuard }> {
    if ('sessionToken' in credentials) return { account: await this.authenticate(credentials) };
    const remembered = this.#remembered(credentials);
    if (!remembered) return { account: await this.authenticate(credentials) };
    const { accountId } = credentials;
    return {
      account: remembered,
      lockout: {
        locked: this.#failures.lockedCondition(`account:${accountId}`),
        refused: () => this.#refuseIfLocked(accountId),
      },
    };
  }

  async #refuseIfLocked(accountId: string): Promise<void> {
    const wait = await this.#failures.retryAfterMs(`account:${accountId}`);
    if (wait > 0) throw errors.tooManyAttempts(Math.ceil(wait / 1000));
  }

  #rememberKey(credentials: { accountId: string; password: string }): string {
    return hash('sha256', `${credentials.accountId}\u0000${credentials.password}`, 'hex');
  }

  #remembered(credentials: { accountId: string; password: string }): Account | undefined {
    const cached = this.#verified.get(this.#rememberKey(credentials));
    return cached && cached.until > this.now() ? cached.account : undefined;
  }

  async #verify(credentials: { accountId: string; password: string }): Promise<Account> {
    const row = await findAccount(this.db, credentials.accountId);
    // An unknown account spends the same hashing time as a wrong password (verifyPassword of undefined).
    const ok = await verifyPassword(row?.passwordHash, credentials.password);
    if (!row || !ok) {
      await this.#failures.fail(`account:${credentials.accountId}`);
      throw errors.badCredentials();
    }
    await this.#failures.succeed(`account:${credentials.accountId}`);
    const account = row.account;
    this.#verified.set(this.#rememberKey(credentials), { account, until: this.now() + CACHE_TTL_MS });
    return account;
  }

  /**
   * Opens a console session for an account administrator: the password is checked exactly as Basic checks it
   * (same lock-out). Only the token's digest is stored; the raw token is returned once, for the cookie.
   */
  async openSession(credentials: {
    accountId: string;
    password: string;
  }): Promise<{ token: string; account: Account; expiresAt: Date }> {
    const account = await this.authenticate(credentials);
    const row = await findAccount(this.db, account.accountId);
    if (!row) throw errors.badCredentials();
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + ACCOUNT_SESSION_TTL_MS);
    await insertAccountSession(this.db, {
      tokenHash: digest(token),
      accountId: account.accountId,
      passwordFingerprint: digest(row.passwordHash),
      createdAt: new Date(now),
      expiresAt,
    });
    return { token, account, expiresAt };
  }

  async closeSession(token: string): Promise<void> {
    await deleteAccountSession(this.db, digest(token));
  }

  /** The account of a console session; it ends at its expiry and as soon as the account's password changes. */
  async #bySession(token: string): Promise<Account> {
    const session = await findAccountSession(this.db, digest(token));
    if (
      !session ||
      session.expiresAt.getTime() <= this.now() ||
      session.passwordFingerprint !== digest(session.passwordHash)
    )
      throw errors.badCredentials();
    return session.account;
  }
}
