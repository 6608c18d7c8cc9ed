import { sql, type RawBuilder } from 'kysely';
import type { Db } from './ports/database.ts';

/**
 * Failed sign-ins per key (an account id, an officer's email, a client address) in a sliding window. Past the
 * limit the key is refused until old failures leave the window, which bounds password guessing and the CPU a
 * guesser can make pono spend on memory-hard hashes. Kept in PostgreSQL, so every process behind a load
 * balancer sees the same count and a lock holds whichever process a guess reaches.
 */
export class FailedAttempts {
  constructor(
    private readonly db: Db,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  async retryAfterMs(key: string): Promise<number> {
    const since = new Date(this.now() - this.windowMs);
    const recent = await this.db
      .selectFrom('sign_in_failures')
      .select('failed_at')
      .where('key', '=', key)
      .where('failed_at', '>', since)
      .orderBy('failed_at', 'desc')
      .limit(this.limit)
      .execute();
    const oldestCounted = recent.at(-1)?.failed_at;
    return recent.length >= this.limit && oldestCounted !== undefined
      ? Math.max(1, oldestCounted.getTime() + this.windowMs - this.now())
      : 0;
  }

  /**
   * True while `key` is locked, as a condition for a statement that must not write then: the same count as
   * `retryAfterMs`, checked inside the caller's one statement instead of in a round trip of its own.
   */
  lockedCondition(key: string): RawBuilder<boolean> {
    const since = new Date(this.now() - this.windowMs);
    return sql<boolean>`(select count(*) from (select 1 from sign_in_failures where key = ${key} and failed_at > ${since} limit ${this.limit}) recent) >= ${this.limit}`;
  }

  async fail(key: string): Promise<void> {
    const at = this.now();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('sign_in_failures')
        .values({ key, failed_at: new Date(at) })
        .execute();
      // Failures that left the window count for nothing: they go, so the table stays small.
      await tx
        .deleteFrom('sign_in_failures')
        .where('key', '=', key)
        .where('failed_at', '<=', new Date(at - this.windowMs))
        .execute();
    });
  }

  async succeed(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }
}
