// Keyset paging for the console's lists (src/app/keyset.ts pages every list): a page of at most MAX_PAGE_SIZE
// items ends with the cursor of the next, the last row's sort value and id as text.
import { sql, type RawBuilder } from 'kysely';
import { keysetPage, type CursorFormat, type KeysetPosition } from '../keyset.ts';
import { invalid } from './actor.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

/** The console's cursors: a sort value and an id, both text (the query parameter is `cursor`). */
export const CASEWORK_CURSOR: CursorFormat<string, string> = {
  write: (value) => value,
  read: (text) => text,
  isId: (id): id is string => typeof id === 'string',
  refusal: (field) =>
    invalid(field, 'the page cursor is not one this list gave out; start again from the first page', 'INVALID_CURSOR'),
};

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/** Cuts the one extra row fetched into the next page's cursor. */
export function toPage<R, T>(
  rows: R[],
  size: number,
  position: (row: R) => KeysetPosition<string, string>,
  map: (row: R) => T,
): Page<T> {
  const page = keysetPage(rows, size, CASEWORK_CURSOR, position);
  return { items: page.rows.map(map), nextCursor: page.next };
}

/**
 * The SQL condition of a console page's start: the row (`value`, `id`) strictly past `position` in a list ordered
 * by both columns, both ascending or both descending. The cursor carries the sort value as text; `type` is the SQL
 * type it is read back as, when it is not text.
 */
export function pastRow(
  columns: { value: string; id: string },
  order: 'asc' | 'desc',
  position: KeysetPosition<string, string>,
  type?: 'timestamptz' | 'date',
): RawBuilder<boolean> {
  const value = type ? sql`${position.value}::${sql.raw(type)}` : sql`${position.value}`;
  return sql<boolean>`(${sql.ref(columns.value)}, ${sql.ref(columns.id)}) ${sql.raw(order === 'asc' ? '>' : '<')} (${value}, ${position.id})`;
}

/** A LIKE pattern for "starts with", with the user's % and _ taken literally. */
export function startsWith(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
