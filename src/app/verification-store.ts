import { sql, type RawBuilder } from 'kysely';
import type { Db } from './ports/database.ts';
import { PREPARED } from './ports/database.ts';

export interface NewVerification {
  accountId: string;
  verificationId: string;
  ruleId: string;
  ruleSetVersion: number;
  overallStatus: string;
  /** The verification's state as JSON. */
  state: string;
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
  const result = await sql<{ verification_id: string }>`
    insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state)
    select ${row.accountId}, ${row.verificationId}, ${row.ruleId}, ${row.ruleSetVersion}, ${row.overallStatus}, ${row.state}::jsonb
    where not exists (select 1 from rule_sets where account_id = ${row.accountId} and rule_id = ${row.ruleId} and version > ${row.ruleSetVersion})${unless ? sql` and not ${unless}` : sql``}
    on conflict (account_id, verification_id) do nothing
    returning verification_id ${sql.raw(PREPARED)}`.execute(db);
  return result.rows.length === 1;
}
