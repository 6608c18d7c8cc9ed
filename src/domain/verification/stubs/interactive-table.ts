// The shape of seed 002's interactive stub tables and their lookup. A code is entered into the source's
// "nominated field"; matching is case-insensitive and on the trimmed value (or, for the rolls and NZ
// certificates keyed on year of birth, on the year of a DD/MM/YYYY date: "any day and month are OK").
// A value that is in no row is an ordinary failed attempt.
import type { Confirmation } from '../types.ts';

export const INTERACTIVE_OUTCOMES = [
  'VERIFIED',
  'VERIFIED_WITH_CHANGES',
  'PENDING',
  'ERROR',
  'NOT_CONTRIBUTING',
] as const;
export type InteractiveOutcome = (typeof INTERACTIVE_OUTCOMES)[number];

export interface InteractiveStubRow {
  code: string;
  outcome: InteractiveOutcome;
  /** Narrows what a pass confirms (the AA membership codes name the match kind). */
  confirms?: readonly Confirmation[];
}

export interface InteractiveStubTable {
  /** Seed 002's row title. */
  title: string;
  sourceIds: readonly string[];
  /** Short field name of the nominated field. */
  field: string;
  read: 'value' | 'yearOfDob';
  rows: readonly InteractiveStubRow[];
}

type Cell = string | readonly string[] | null;

/**
 * Rows from the seed's columns, in the seed's order: Verified, Verified With Changes, Pending Review,
 * Error (source unavailable), Not Contributing. A blank column is `null`; a cell may hold several codes.
 */
export function columns(
  verified: Cell,
  withChanges: Cell,
  pending: Cell,
  error: Cell,
  notContributing: Cell = null,
): InteractiveStubRow[] {
  const cells: [Cell, InteractiveOutcome][] = [
    [verified, 'VERIFIED'],
    [withChanges, 'VERIFIED_WITH_CHANGES'],
    [pending, 'PENDING'],
    [error, 'ERROR'],
    [notContributing, 'NOT_CONTRIBUTING'],
  ];
  return cells.flatMap(([cell, outcome]) =>
    cell === null ? [] : (typeof cell === 'string' ? [cell] : cell).map((code) => ({ code, outcome })),
  );
}

function nominatedValue(table: InteractiveStubTable, inputs: Record<string, string>): string {
  const value = (inputs[table.field] ?? '').trim().toUpperCase();
  if (table.read === 'value') return value;
  return /^\d{1,2}\/\d{1,2}\/(\d{4})$/.exec(value)?.[1] ?? '';
}

/** The first row (over the source's tables, in order) whose code is in its nominated field. */
export function matchInteractiveStub(
  tables: readonly InteractiveStubTable[],
  sourceId: string,
  inputs: Record<string, string>,
): InteractiveStubRow | null {
  for (const table of tables) {
    if (!table.sourceIds.includes(sourceId)) continue;
    const value = nominatedValue(table, inputs);
    const row = table.rows.find((r) => r.code.toUpperCase() === value);
    if (row) return row;
  }
  return null;
}
