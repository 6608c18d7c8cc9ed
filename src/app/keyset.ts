// Keyset pages, for every list that pages (verifications, webhook deliveries, the manual review queue and the
// console's casework lists): a page asks for one row more than it shows, and ends with an opaque cursor naming its
// last row's sort value and id, base64url JSON of [value, id], so the next page starts strictly after it and costs
// the same however deep the list goes. Each list says what its cursors hold and how it refuses one it did not make
// (a CursorFormat); the format of the cursor itself is shared, and cursors already given out keep decoding.
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import { errors, type AppError } from './errors.ts';

/** A row's place in a list: its sort value and id. */
export interface KeysetPosition<V, I extends string | number> {
  value: V;
  id: I;
}

/** What one list's cursors hold, and its answer to a cursor it did not give out. */
export interface CursorFormat<V, I extends string | number> {
  /** The sort value as the cursor writes it. */
  write: (value: V) => string;
  /** The sort value back from the cursor; undefined when it is not one this list writes. */
  read: (text: string) => V | undefined;
  isId: (id: unknown) => id is I;
  /** The 400 naming `field`, the query parameter that carried the cursor. */
  refusal: (field: string) => AppError;
}

export function encodeCursor<V, I extends string | number>(
  format: CursorFormat<V, I>,
  position: KeysetPosition<V, I>,
): string {
  return Buffer.from(JSON.stringify([format.write(position.value), position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names (none for an absent or empty cursor); the list's 400 for one it did not give out. */
export function decodeCursor<V, I extends string | number>(
  format: CursorFormat<V, I>,
  cursor: string | undefined,
  field: string,
): KeysetPosition<V, I> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && format.isId(parsed[1])) {
      const value = format.read(parsed[0]);
      if (value !== undefined) return { value, id: parsed[1] };
    }
  } catch {
    // not base64url JSON: refused below like any other cursor this server did not make
  }
  throw format.refusal(field);
}

/**
 * The page of `rows` read one past `size` (to learn whether another page follows), with the cursor of the next
 * page, or null on the last.
 */
export function keysetPage<R, V, I extends string | number>(
  rows: readonly R[],
  size: number,
  format: CursorFormat<V, I>,
  positionOf: (row: R) => KeysetPosition<V, I>,
): { rows: R[]; next: string | null } {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return { rows: page, next: rows.length > size && last !== undefined ? encodeCursor(format, positionOf(last)) : null };
}

// ---- Lists ordered by a time and then an id (verifications, webhook deliveries, the manual review queue) ----

const isStringId = (id: unknown): id is string => typeof id === 'string';
const isIntegerId = (id: unknown): id is number => Number.isSafeInteger(id);

function timeFormat<I extends string | number>(isId: (id: unknown) => id is I): CursorFormat<Date, I> {
  return {
    write: (at) => at.toISOString(),
    read: (text) => {
      const at = new Date(text);
      return Number.isNaN(at.getTime()) ? undefined : at;
    },
    isId,
    refusal: (field) => errors.invalid([{ field, message: `${field} must be the \`next\` value of a previous page` }]),
  };
}

/** Cursors of a time and a text id (verifications, manual reviews). */
export const TIME_AND_TEXT_ID = timeFormat(isStringId);
/** Cursors of a time and a numeric id (webhook deliveries). */
export const TIME_AND_NUMBER_ID = timeFormat(isIntegerId);

/**
 * The SQL condition of a page's start: rows strictly past `position` in a list ordered by `columns.value` and then
 * `columns.id`, both descending or both ascending (`value` past, or equal and `id` past).
 */
export function pastPosition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { value: StringReference<DB, TB>; id: StringReference<DB, TB> },
  order: 'asc' | 'desc',
  position: KeysetPosition<unknown, string | number>,
): Expression<SqlBool> {
  const past = sql.raw(order === 'asc' ? '>' : '<');
  const value = eb.ref(columns.value);
  const id = eb.ref(columns.id);
  return sql<SqlBool>`(${value} ${past} ${position.value} or (${value} = ${position.value} and ${id} ${past} ${position.id}))`;
}
