import type { Db } from './ports/database.ts';
import { DEFAULT_RULE_SET, type RuleSet } from '../domain/verification/index.ts';
import { errors } from './errors.ts';
import { insertRuleSet, latestRuleSetVersion, newestRuleSet, ruleSetVersion } from './rule-set-store.ts';

/** Rule sets remembered per process before the memory is cleared (accounts × rules in use). */
const REMEMBERED_LIMIT = 10_000;

/**
 * An account's rule sets, versioned. A new version never changes a verification decided under an older one:
 * verifications keep the version they were registered with.
 *
 * Registration uses the newest version this process has seen (`current`) and writes the verification only
 * if no newer version exists in the database at that moment (the check is part of the same statement), so a
 * version published by another process is never missed: the write is refused, `refresh` reads the new
 * version and the registration is decided again.
 */
export class RuleSets {
  readonly #newest = new Map<string, RuleSet>();

  constructor(private readonly db: Db) {}

  /** The newest version this process knows of; read from the database the first time only. */
  async current(accountId: string, ruleId: string): Promise<RuleSet> {
    const known = this.#newest.get(rememberKey(accountId, ruleId));
    return known ?? this.refresh(accountId, ruleId);
  }

  /** Reads the newest version again and remembers it. */
  async refresh(accountId: string, ruleId: string): Promise<RuleSet> {
    const ruleSet = await this.resolve(accountId, ruleId);
    this.#remember(accountId, ruleSet);
    return ruleSet;
  }

  #remember(accountId: string, ruleSet: RuleSet): void {
    const key = rememberKey(accountId, ruleSet.id);
    if ((this.#newest.get(key)?.version ?? 0) > ruleSet.version) return;
    if (this.#newest.size >= REMEMBERED_LIMIT) this.#newest.clear();
    this.#newest.set(key, ruleSet);
  }

  /** The newest version of the named rule (greenID's "default" in any case picks the default rule). */
  async resolve(accountId: string, ruleId: string): Promise<RuleSet> {
    const id = ruleIdOf(ruleId);
    const newest = await newestRuleSet(this.db, accountId, id);
    if (newest) return newest;
    if (id === DEFAULT_RULE_SET.id) return DEFAULT_RULE_SET;
    throw errors.invalid([
      { field: 'ruleId', label: 'ruleId', message: `ruleId ${ruleId} is not a rule of this account` },
    ]);
  }

  /** `db` may be the caller's transaction (PGlite has one connection, so a second one would wait forever). */
  async get(accountId: string, ruleId: string, version: number, db: Db = this.db): Promise<RuleSet> {
    const stored = await ruleSetVersion(db, accountId, ruleId, version);
    if (stored) return stored;
    if (ruleId === DEFAULT_RULE_SET.id && version === DEFAULT_RULE_SET.version) return DEFAULT_RULE_SET;
    throw new Error(`rule set ${ruleId} v${version} of ${accountId} is missing`);
  }

  /** Stores a new version of a rule set; returns it with its version number. */
  async publish(accountId: string, ruleSet: Omit<RuleSet, 'version'>): Promise<RuleSet> {
    return this.db
      .transaction()
      .execute(async (tx) => {
        const latest = await latestRuleSetVersion(tx, accountId, ruleSet.id);
        const base = latest ?? (ruleSet.id === DEFAULT_RULE_SET.id ? DEFAULT_RULE_SET.version : 0);
        const published = { ...ruleSet, version: base + 1 } as RuleSet;
        await insertRuleSet(tx, accountId, published);
        return published;
      })
      .then((published) => {
        this.#remember(accountId, published);
        return published;
      });
  }
}

function ruleIdOf(ruleId: string): string {
  return ruleId.toLowerCase() === 'default' ? DEFAULT_RULE_SET.id : ruleId;
}

function rememberKey(accountId: string, ruleId: string): string {
  return `${accountId}\u0000${ruleIdOf(ruleId)}`;
}
