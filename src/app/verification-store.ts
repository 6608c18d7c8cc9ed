import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from './ports/database.ts';
import { PREPARED } from './ports/database.ts';
import type { VerificationState } from '../domain/verification/index.ts';
import { pastPosition, type KeysetPosition } from './keyset.ts';

export interface NewVerification {
  accountId: string;
  verificationId: string;
  ruleId: string;
  ruleSetVersion: number;
  overallStatus: string;
  /** The verification's state as JSON. */
  state: string;
}

/** A new verification's row, its state as JSON. */
export function newVerification(accountId: string, state: VerificationState): NewVerification {
  return {
    accountId,
    verificationId: state.verificationId,
    ruleId: state.ruleId,
    ruleSetVersion: state.ruleSetVersion,
    overallStatus: state.overallVerificationStatus,
    state: JSON.stringify(state),
  };
}

/**
 * Writes a new verification in one statement, only if its id is free and no newer version of its rule set
 * has been published meanwhile (so a registration decided under a version another process has replaced is
 * never stored), and, with `unless`, only while that condition is false (the account's lock-out, checked in
 * this statement rather than in a round trip of its own). Returns false when nothing was written; the caller
 * finds out which it was. Kept prepared: planning it cost PostgreSQL more than running it.
 */
export async function insertVerificationIfCurrent(
  db: Db,
  row: NewVerification,
  unless?: RawBuilder<boolean>,
): Promise<boolean> {
  // The count of rows written, not a returned row: nothing to describe, send and parse per registration.
  const result = await sql`
    insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state)
    select ${row.accountId}, ${row.verificationId}, ${row.ruleId}, ${row.ruleSetVersion}, ${row.overallStatus}, ${row.state}::json
    where not exists (select 1 from rule_sets where account_id = ${row.accountId} and rule_id = ${row.ruleId} and version > ${row.ruleSetVersion})${unless ? sql` and not ${unless}` : sql``}
    on conflict (account_id, verification_id) do nothing ${sql.raw(PREPARED)}`.execute(db);
  return result.numAffectedRows === 1n;
}

/** A verification as an account's list shows it. */
export interface VerificationSummary {
  verificationId: string;
  overallVerificationStatus: string;
  ruleId: string;
  ruleSetVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** The account's verifications, newest first, optionally in one overall status, after `before`; at most `limit`. */
export async function listVerifications(
  db: Db,
  accountId: string,
  query: { status?: string; limit: number; before?: KeysetPosition<Date, string> },
): Promise<{ summary: VerificationSummary; position: KeysetPosition<Date, string> }[]> {
  let select = db
    .selectFrom('verifications')
    .select(['verification_id', 'overall_status', 'rule_id', 'rule_set_version', 'created_at', 'updated_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('verification_id', 'desc')
    .limit(query.limit);
  if (query.status) select = select.where('overall_status', '=', query.status);
  const before = query.before;
  if (before)
    select = select.where((eb) => pastPosition(eb, { value: 'created_at', id: 'verification_id' }, 'desc', before));
  const rows = await select.execute();
  return rows.map((r) => ({
    summary: {
      verificationId: r.verification_id,
      overallVerificationStatus: r.overall_status,
      ruleId: r.rule_id,
      ruleSetVersion: r.rule_set_version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    },
    position: { value: r.created_at, id: r.verification_id },
  }));
}

/** A stored verification: its state and the rule-set version it stays under. */
export interface StoredVerification {
  state: VerificationState;
  ruleId: string;
  ruleSetVersion: number;
}

/** The account's verification, its row locked until the transaction ends when `forUpdate`. */
export async function findVerification(
  db: Db,
  accountId: string,
  verificationId: string,
  forUpdate: boolean,
): Promise<StoredVerification | undefined> {
  let query = db
    .selectFrom('verifications')
    .select(['state', 'rule_id', 'rule_set_version'])
    .where('account_id', '=', accountId)
    .where('verification_id', '=', verificationId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { state: row.state, ruleId: row.rule_id, ruleSetVersion: row.rule_set_version };
}

/** Writes a verification's new state (its revision counted up). */
export async function updateVerification(
  tx: Tx,
  accountId: string,
  state: VerificationState,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('verifications')
    .set((eb) => ({
      state: JSON.stringify(state),
      overall_status: state.overallVerificationStatus,
      revision: eb('revision', '+', 1),
      updated_at: now,
    }))
    .where('account_id', '=', accountId)
    .where('verification_id', '=', state.verificationId)
    .execute();
}
