import type { RawBuilder } from 'kysely';
import type { Db } from './ports/database.ts';
import {
  recentFailureTimes,
  failuresReachLimit,
  insertFailure,
  deleteFailuresUntil,
  deleteFailures,
} from './sign-in-failure-store.ts';

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
    const recent = await recentFailureTimes(this.db, key, since, this.limit);
    const oldestCounted = recent.at(-1);
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
    return failuresReachLimit(key, since, this.limit);
  }

  async fail(key: string): Promise<void> {
    const at = this.now();
    await this.db.transaction().execute(async (tx) => {
      await insertFailure(tx, key, new Date(at));
      // Failures that left the window count for nothing: they go, so the table stays small.
      await deleteFailuresUntil(tx, key, new Date(at - this.windowMs));
    });
  }

  async succeed(key: string): Promise<void> {
    await deleteFailures(this.db, key);
  }
}
