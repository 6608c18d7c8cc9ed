import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../adapters/db/database.ts';
import type { AccountsTable } from '../adapters/db/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { FailedAttempts } from './failed-attempts.ts';
import { errors } from './errors.ts';
import { allSourceIds } from '../domain/verification/index.ts';
import { IMMIGRATION_SOURCE } from './registry.ts';

export interface AccountCredentials {
  accountId: string;
  password: string;
}

export interface Account {
  accountId: string;
  stubMode: boolean;
  enabledSources: string[];
  country: 'AU' | 'NZ';
  lockoutAttempts: number | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

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
}

const CACHE_TTL_MS = 60_000;
/** Wrong passwords an account may see in a minute before further tries are refused for the rest of it. */
export const MAX_FAILED_SIGN_INS = 10;
const FAILED_SIGN_IN_WINDOW_MS = 60_000;

/** Every catalogue source except the office's immigration records, which an operator enables on purpose. */
function defaultSources(): string[] {
  return allSourceIds().filter((id) => id !== IMMIGRATION_SOURCE);
}

/**
 * Accounts (tenants) and their API passwords. A verified password is remembered for a minute, keyed by a
 * digest of account and password, so that a client's stream of calls does not pay the memory-hard hash each
 * time; a changed password is honoured within that minute.
 */
function accountOf(row: Selectable<AccountsTable>): Account {
  return {
    accountId: row.account_id,
    stubMode: row.stub_mode,
    enabledSources: row.enabled_sources,
    country: row.country === 'NZ' ? 'NZ' : 'AU',
    lockoutAttempts: row.lockout_attempts,
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
  };
}

export class Accounts {
  readonly #verified = new Map<string, { account: Account; until: number }>();
  readonly #failures: FailedAttempts;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.#failures = new FailedAttempts(db, MAX_FAILED_SIGN_INS, FAILED_SIGN_IN_WINDOW_MS, now);
  }

  async create(input: NewAccount): Promise<Account> {
    const settings = {
      password_hash: await hashPassword(input.password),
      stub_mode: input.stubMode,
      enabled_sources: JSON.stringify(input.enabledSources ?? defaultSources()),
      country: input.country ?? 'AU',
      lockout_attempts: input.lockoutAttempts ?? null,
      webhook_url: input.webhookUrl ?? null,
      webhook_secret: input.webhookSecret ?? null,
    };
    await this.db
      .insertInto('accounts')
      .values({ account_id: input.accountId, ...settings })
      .onConflict((oc) => oc.column('account_id').doUpdateSet(settings))
      .execute();
    this.#verified.clear();
    const account = await this.find(input.accountId);
    if (!account) throw new Error('account vanished after insert');
    return account;
  }

  async find(accountId: string): Promise<Account | undefined> {
    const row = await this.#row(accountId);
    return row ? accountOf(row) : undefined;
  }

  #row(accountId: string) {
    return this.db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  }

  /** The account when the password is right; otherwise the error every client sees for a wrong account or password. */
  async authenticate(credentials: AccountCredentials): Promise<Account> {
    const key = createHash('sha256').update(`${credentials.accountId}\u0000${credentials.password}`).digest('hex');
    // The lock-out comes first: while an account is locked, the right password gets the same answer as a wrong one.
    const wait = await this.#failures.retryAfterMs(`account:${credentials.accountId}`);
    if (wait > 0) throw errors.tooManyAttempts(Math.ceil(wait / 1000));
    const cached = this.#verified.get(key);
    if (cached && cached.until > this.now()) return cached.account;
    const row = await this.#row(credentials.accountId);
    // An unknown account spends the same hashing time as a wrong password (verifyPassword of undefined).
    const ok = await verifyPassword(row?.password_hash, credentials.password);
    if (!row || !ok) {
      await this.#failures.fail(`account:${credentials.accountId}`);
      throw errors.badCredentials();
    }
    await this.#failures.succeed(`account:${credentials.accountId}`);
    const account = accountOf(row);
    this.#verified.set(key, { account, until: this.now() + CACHE_TTL_MS });
    return account;
  }
}
