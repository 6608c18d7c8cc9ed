// Keyset paging for the console's lists: a page ends with an opaque cursor (the last row's sort value and id),
// and the next page starts strictly after it, so a page costs the same however deep the list goes.
import { invalid } from './actor.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

export interface KeysetPosition {
  value: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names; 400 naming `cursor` when it was not made by this server. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string')
      return { value: parsed[0], id: parsed[1] };
  } catch {
    // fall through to the refusal
  }
  throw invalid(
    'cursor',
    'the page cursor is not one this list gave out; start again from the first page',
    'INVALID_CURSOR',
  );
}

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/** Cuts the one extra row fetched into the next page's cursor. */
export function toPage<R, T>(
  rows: R[],
  size: number,
  position: (row: R) => KeysetPosition,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > size;
  const shown = more ? rows.slice(0, size) : rows;
  const last = shown[shown.length - 1];
  return { items: shown.map(map), nextCursor: more && last !== undefined ? encodeCursor(position(last)) : null };
}

/** A LIKE pattern for "starts with", with the user's % and _ taken literally. */
export function startsWith(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
