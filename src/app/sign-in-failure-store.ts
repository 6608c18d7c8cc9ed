// The SQL of failed sign-ins: one row per failure and key, counted in a sliding window.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from './ports/database.ts';

/** When the key's newest failures after `since` happened, newest first; at most `limit`. */
export async function recentFailureTimes(db: Db, key: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.failed_at);
}

/** True when the key has `limit` failures after `since`: a condition for the caller's statement. */
export function failuresReachLimit(key: string, since: Date, limit: number): RawBuilder<boolean> {
  // The time as ISO text: pg's own conversion of a Date (local time and offset, piece by piece) is slower, and
  // this condition is part of every registration's statement.
  return sql<boolean>`(select count(*) from (select 1 from sign_in_failures where key = ${key} and failed_at > ${since.toISOString()}::timestamptz limit ${limit}) recent) >= ${limit}`;
}

export async function insertFailure(tx: Tx, key: string, at: Date): Promise<void> {
  await tx.insertInto('sign_in_failures').values({ key, failed_at: at }).execute();
}

/** Deletes the key's failures at or before `until`. */
export async function deleteFailuresUntil(tx: Tx, key: string, until: Date): Promise<void> {
  await tx.deleteFrom('sign_in_failures').where('key', '=', key).where('failed_at', '<=', until).execute();
}

export async function deleteFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
