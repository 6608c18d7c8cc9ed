// Reads a background stub code out of a middle name (seed 002). Letters: P pass, F fail, E error; any other
// character, or a missing one, fails; case-insensitive. Whole values TwoPass / TwoFail / TwoError set every
// source (checked before the prefix, so "TWOPASS" is the whole value, not prefix + "PASS"). They are applied
// to NZ too: the seed says "the same letters apply to New Zealand stubs codes".
import type { Country } from '../types.ts';

export const STUB_LETTERS = { P: 'pass', F: 'fail', E: 'error' } as const;
export type StubResult = (typeof STUB_LETTERS)[keyof typeof STUB_LETTERS];

export const WHOLE_CODES: Record<string, StubResult> = { TWOPASS: 'pass', TWOFAIL: 'fail', TWOERROR: 'error' };

export interface BackgroundStubPosition {
  position: number;
  sourceId: string;
  name: string;
  /** Prefixes under which this position is read (default: all of the table's); otherwise it fails. */
  prefixes?: readonly string[];
}

export interface BackgroundStubTable {
  country: Country;
  /** Required prefixes (any one); empty = no prefix. */
  prefixes: readonly string[];
  length: number;
  positions: readonly BackgroundStubPosition[];
}

export type BackgroundCode =
  { kind: 'whole'; result: StubResult } | { kind: 'letters'; prefix: string; letters: string };

/**
 * The code in a middle name. AU without a `TWO`/`2-` prefix gives empty letters: every position is
 * "missing", so every source fails (seed: a missing character fails).
 */
export function readBackgroundCode(table: BackgroundStubTable, middleNames: string | undefined): BackgroundCode {
  const raw = (middleNames ?? '').trim().toUpperCase();
  const whole = WHOLE_CODES[raw];
  if (whole) return { kind: 'whole', result: whole };
  if (table.prefixes.length === 0) return { kind: 'letters', prefix: '', letters: raw };
  const prefix = table.prefixes.find((p) => raw.startsWith(p));
  return prefix === undefined
    ? { kind: 'letters', prefix: '', letters: '' }
    : { kind: 'letters', prefix, letters: raw.slice(prefix.length) };
}

/** The result the code gives the source at one position. */
export function stubResultAt(code: BackgroundCode, entry: BackgroundStubPosition): StubResult {
  if (code.kind === 'whole') return code.result;
  if (entry.prefixes && !entry.prefixes.includes(code.prefix)) return 'fail';
  const letter = code.letters.charAt(entry.position - 1);
  return letter in STUB_LETTERS ? STUB_LETTERS[letter as keyof typeof STUB_LETTERS] : 'fail';
}

/** Results for every position of the table, keyed by sourceId. */
export function backgroundStubResults(
  table: BackgroundStubTable,
  middleNames: string | undefined,
): Map<string, StubResult> {
  const code = readBackgroundCode(table, middleNames);
  return new Map(table.positions.map((p) => [p.sourceId, stubResultAt(code, p)]));
}
