// The SQL of verification tokens: stored by their digest only, each bound to one account's verification.
import type { Db, Tx } from './ports/database.ts';

export async function insertVerificationToken(
  tx: Tx,
  token: { hash: string; accountId: string; verificationId: string; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('verification_tokens')
    .values({
      token_hash: token.hash,
      account_id: token.accountId,
      verification_id: token.verificationId,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** Marks the account's token expired; false when the account has no such token. */
export async function expireVerificationToken(db: Db, accountId: string, hash: string): Promise<boolean> {
  const result = await db
    .updateTable('verification_tokens')
    .set({ expired: true })
    .where('token_hash', '=', hash)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The account's token, its row locked until the transaction ends. */
export async function lockVerificationToken(
  tx: Tx,
  accountId: string,
  hash: string,
): Promise<{ verificationId: string; expiresAt: Date; expired: boolean } | undefined> {
  const row = await tx
    .selectFrom('verification_tokens')
    .select(['verification_id', 'expires_at', 'expired'])
    .where('token_hash', '=', hash)
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
  return row && { verificationId: row.verification_id, expiresAt: row.expires_at, expired: row.expired };
}

export async function extendVerificationToken(tx: Tx, hash: string, expiresAt: Date): Promise<void> {
  await tx.updateTable('verification_tokens').set({ expires_at: expiresAt }).where('token_hash', '=', hash).execute();
}
