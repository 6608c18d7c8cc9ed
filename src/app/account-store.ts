// The SQL of accounts (tenants) and their administrators' console sessions; rows mapped to an Account here.
import type { Selectable } from 'kysely';
import type { Db } from './ports/database.ts';
import type { AccountsTable } from './ports/database-schema.ts';
import type { FaceComparisonSetting } from '../domain/documents/face-comparison-setting.ts';

export interface Account {
  accountId: string;
  stubMode: boolean;
  enabledSources: string[];
  country: 'AU' | 'NZ';
  lockoutAttempts: number | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** whether its document captures compare a selfie with the document's portrait (face-comparison-setting.ts) */
  faceComparison: FaceComparisonSetting;
}

/** An account with the hash of its API password, for checking a password against it. */
export interface StoredAccount {
  account: Account;
  passwordHash: string;
}

function accountOf(row: Selectable<AccountsTable>): Account {
  return {
    accountId: row.account_id,
    stubMode: row.stub_mode,
    enabledSources: row.enabled_sources,
    country: row.country === 'NZ' ? 'NZ' : 'AU',
    lockoutAttempts: row.lockout_attempts,
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
    faceComparison: row.face_comparison,
  };
}

/**
 * Creates the account, or replaces the settings and password of the one with its id. The face comparison, which the
 * account's administrator decides, is replaced only when given (else a new account has the default).
 */
export async function upsertAccount(
  db: Db,
  account: Omit<Account, 'faceComparison'> & { faceComparison?: FaceComparisonSetting },
  passwordHash: string,
): Promise<void> {
  const settings = {
    password_hash: passwordHash,
    stub_mode: account.stubMode,
    enabled_sources: JSON.stringify(account.enabledSources),
    country: account.country,
    lockout_attempts: account.lockoutAttempts,
    webhook_url: account.webhookUrl,
    webhook_secret: account.webhookSecret,
    ...(account.faceComparison ? { face_comparison: account.faceComparison } : {}),
  };
  await db
    .insertInto('accounts')
    .values({ account_id: account.accountId, ...settings })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(settings))
    .execute();
}

/** The settings an account's administrator changes (the rest are the operator's); false for an unknown account. */
export async function updateAccountSettings(
  db: Db,
  accountId: string,
  settings: { faceComparison: FaceComparisonSetting },
): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({ face_comparison: settings.faceComparison })
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function findAccount(db: Db, accountId: string): Promise<StoredAccount | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return row && { account: accountOf(row), passwordHash: row.password_hash };
}

export async function insertAccountSession(
  db: Db,
  session: { tokenHash: string; accountId: string; passwordFingerprint: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_sessions')
    .values({
      token_hash: session.tokenHash,
      account_id: session.accountId,
      password_fingerprint: session.passwordFingerprint,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteAccountSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('account_sessions').where('token_hash', '=', tokenHash).execute();
}

/** A console session with its account, the fingerprint of the password it was opened with, and its expiry. */
export async function findAccountSession(
  db: Db,
  tokenHash: string,
): Promise<(StoredAccount & { passwordFingerprint: string; expiresAt: Date }) | undefined> {
  const row = await db
    .selectFrom('account_sessions as s')
    .innerJoin('accounts as a', 'a.account_id', 's.account_id')
    .selectAll('a')
    .select(['s.password_fingerprint', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      account: accountOf(row),
      passwordHash: row.password_hash,
      passwordFingerprint: row.password_fingerprint,
      expiresAt: row.expires_at,
    }
  );
}
