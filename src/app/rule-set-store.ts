// The SQL of an account's versioned rule sets: the newest version, one version, and a new version's row.
import type { Db, Tx } from './ports/database.ts';
import type { RuleSet } from '../domain/verification/index.ts';

export async function newestRuleSet(db: Db, accountId: string, ruleId: string): Promise<RuleSet | undefined> {
  const row = await db
    .selectFrom('rule_sets')
    .select(['definition'])
    .where('account_id', '=', accountId)
    .where('rule_id', '=', ruleId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.definition;
}

export async function ruleSetVersion(
  db: Db,
  accountId: string,
  ruleId: string,
  version: number,
): Promise<RuleSet | undefined> {
  const row = await db
    .selectFrom('rule_sets')
    .select(['definition'])
    .where('account_id', '=', accountId)
    .where('rule_id', '=', ruleId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.definition;
}

/** The highest version stored for the rule, null when none is. */
export async function latestRuleSetVersion(tx: Tx, accountId: string, ruleId: string): Promise<number | null> {
  const latest = await tx
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('account_id', '=', accountId)
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
  return latest?.version ?? null;
}

export async function insertRuleSet(tx: Tx, accountId: string, ruleSet: RuleSet): Promise<void> {
  await tx
    .insertInto('rule_sets')
    .values({
      account_id: accountId,
      rule_id: ruleSet.id,
      version: ruleSet.version,
      definition: JSON.stringify(ruleSet),
    })
    .execute();
}
