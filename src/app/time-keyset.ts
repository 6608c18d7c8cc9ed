// Keyset pages of the lists ordered by a time and then an id (verifications, webhook deliveries, the manual
// review queue): a page asks for one row more than it shows, and its cursor names its last row's time and id, so
// the next page starts strictly after it and costs the same however deep the list goes.
import { errors } from './errors.ts';

/** A row's place in such a list. */
export interface TimeKey<Id extends string | number> {
  at: Date;
  id: Id;
}

export function encodeTimeCursor(key: TimeKey<string | number>): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

/** The place a cursor names; 400 naming `field` when the cursor was not made by this server. */
export function decodeTimeCursor<Id extends string | number>(
  cursor: string,
  field: string,
  isId: (value: unknown) => value is Id,
): TimeKey<Id> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && isId(parsed[1])) {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
    }
  } catch {
    // not base64url JSON: refused below like any other cursor this server did not make
  }
  throw errors.invalid([{ field, message: `${field} must be the \`next\` value of a previous page` }]);
}

export const isStringId = (value: unknown): value is string => typeof value === 'string';
export const isIntegerId = (value: unknown): value is number => Number.isSafeInteger(value);

/**
 * A page of `limit` rows read by `read` (given one more than the page, to learn whether another page follows),
 * with the cursor of the next page, or null on the last.
 */
export async function timeKeysetPage<R>(
  limit: number,
  read: (rowsWanted: number) => Promise<R[]>,
  keyOf: (row: R) => TimeKey<string | number>,
): Promise<{ rows: R[]; next: string | null }> {
  const rows = await read(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? encodeTimeCursor(keyOf(last)) : null };
}
