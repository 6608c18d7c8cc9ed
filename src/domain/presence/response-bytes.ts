// The response's JSON members written straight into bytes, for the batch path that writes a million of
// them: no strings are built per applicant. The text is exactly `JSON.stringify(toPresenceResponse(c))`
// without its braces (contract.ts's presenceResponseMembers is this, decoded). Everything written is ASCII:
// dates, numbers, booleans and fixed texts, so nothing needs escaping.
import { formatIsoDay } from './epoch-day.ts';
import { EXCEPTION_CODES, resultException, type ExceptionCode } from './exceptions.ts';
import type { PresenceCalculation } from './calculate.ts';

/** Room the caller must leave for one response's members (the largest is well under half of this). */
export const RESPONSE_MEMBERS_MAX_BYTES = 4096;

/** Writes ASCII `text` at `at`; returns the position after it. */
export function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** The bytes of an ASCII text (the contract's member names and fixed pieces). */
export function ascii(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  writeAscii(bytes, 0, text);
  return bytes;
}

function copy(out: Uint8Array, at: number, bytes: Uint8Array): number {
  out.set(bytes, at); // a block copy: faster than a byte loop from about 10 bytes on
  return at + bytes.length;
}

/** Writes a number as JSON.stringify does (digits for the small non-negative integers of a response). */
export function writeNumber(out: Uint8Array, at: number, n: number): number {
  if (!(n >= 0 && n <= 999_999_999 && Math.floor(n) === n)) return writeAscii(out, at, String(n));
  let end = at + 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) end++;
  let p = end;
  let rest = n;
  do {
    const next = Math.floor(rest / 10);
    out[--p] = 48 + rest - next * 10;
    rest = next;
  } while (rest > 0);
  return end;
}

const NULL = ascii('null');

// Dates as quoted bytes, cached for the years a population spans (1900–2100); others are formatted each time.
const DATE_BASE = -25567; // 1900-01-01
const DATE_SLOTS = 73415; // to 2100-12-31
const dateCache: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(DATE_SLOTS);

/** Writes `"YYYY-MM-DD"` (with its quotes). */
function writeQuotedDate(out: Uint8Array, at: number, day: number): number {
  const slot = day - DATE_BASE;
  if (slot >= 0 && slot < DATE_SLOTS) {
    let bytes = dateCache[slot];
    if (bytes === undefined) {
      bytes = ascii(`"${formatIsoDay(day)}"`);
      dateCache[slot] = bytes;
    }
    return copy(out, at, bytes);
  }
  return writeAscii(out, at, `"${formatIsoDay(day)}"`);
}

function writeDateOrNull(out: Uint8Array, at: number, day: number | null): number {
  return day === null ? copy(out, at, NULL) : writeQuotedDate(out, at, day);
}

const EXCEPTION_BYTES: Readonly<Record<string, Uint8Array>> = Object.fromEntries(
  EXCEPTION_CODES.map((code) => [code, ascii(JSON.stringify(resultException(code)))]),
);

/** The fixed text around the numbers of one application date's response. */
interface ResponsePieces {
  key: number;
  /** `"applicationDate":"…","eligible":` */
  head: Uint8Array;
  /** Per year: the text up to `days` (with the comma between years), and after it for met and unmet. */
  yearBefore: Uint8Array[];
  yearMet: Uint8Array[];
  yearUnmet: Uint8Array[];
  /** `,"window":{…}` */
  tail: Uint8Array;
}

const PIECE_SLOTS = 2048;
const pieceCache: (ResponsePieces | undefined)[] = new Array<ResponsePieces | undefined>(PIECE_SLOTS);

function dateText(day: number): string {
  return `"${formatIsoDay(day)}"`;
}

function piecesFor(c: PresenceCalculation): ResponsePieces {
  // The convention only matters for a 29 February application date, where it moves the window's start.
  const key = c.applicationDay * 8 + ((c.windowFrom - c.applicationDay) & 7);
  const slot = c.applicationDay & (PIECE_SLOTS - 1);
  const cached = pieceCache[slot];
  if (cached !== undefined && cached.key === key && (c.years.length === 0 || cached.yearBefore.length === 5))
    return cached;
  const pieces: ResponsePieces = {
    key,
    head: ascii(`"applicationDate":${dateText(c.applicationDay)},"eligible":`),
    yearBefore: c.years.map((y, k) =>
      ascii(`${k === 0 ? '' : ','}{"sequence":${y.sequence},"from":${dateText(y.from)},"to":${dateText(y.to)},"days":`),
    ),
    yearMet: c.years.map((y) => ascii(`,"length":${y.length},"met":true}`)),
    yearUnmet: c.years.map((y) => ascii(`,"length":${y.length},"met":false}`)),
    tail: ascii(`,"window":{"from":${dateText(c.windowFrom)},"to":${dateText(c.windowTo)}}`),
  };
  if (c.years.length === 5) pieceCache[slot] = pieces;
  return pieces;
}

// The fixed texts between the values, joined with the values that have only two or three forms.
const ELIGIBLE = ascii('true,"totalDays":');
const NOT_ELIGIBLE = ascii('false,"totalDays":');
const TOTAL_MET = ascii(',"totalMet":true,"years":[');
const TOTAL_UNMET = ascii(',"totalMet":false,"years":[');
const TOTAL_NONE = ascii(',"totalMet":null,"years":[');
const EXCEPTIONS = ascii('],"exceptions":[');
const EARLIEST = ascii('],"earliestEligibleDate":');
const NO_REDUCED = ascii(',"reducedPresence":null,"residenceStartDate":');
const REDUCED_FROM = ascii(',"reducedPresence":{"from":');
const REDUCED_TO = ascii(',"to":');
const REDUCED_DAYS = ascii(',"days":');
const REDUCED_MET = ascii(',"met":true},"residenceStartDate":');
const REDUCED_UNMET = ascii(',"met":false},"residenceStartDate":');

/**
 * Writes the members of the response (no braces) at `at`, which must have RESPONSE_MEMBERS_MAX_BYTES of
 * room after it; returns the position after them.
 */
export function writePresenceResponseMembers(c: PresenceCalculation, out: Uint8Array, at: number): number {
  const pieces = piecesFor(c);
  let p = copy(out, at, pieces.head);
  p = copy(out, p, c.eligible ? ELIGIBLE : NOT_ELIGIBLE);
  p = c.totalDays === null ? copy(out, p, NULL) : writeNumber(out, p, c.totalDays);
  p = copy(out, p, c.totalMet === null ? TOTAL_NONE : c.totalMet ? TOTAL_MET : TOTAL_UNMET);
  for (let k = 0; k < c.years.length; k++) {
    const y = c.years[k] as PresenceCalculation['years'][number];
    p = copy(out, p, pieces.yearBefore[k] as Uint8Array);
    p = writeNumber(out, p, y.days);
    p = copy(out, p, (y.met ? pieces.yearMet[k] : pieces.yearUnmet[k]) as Uint8Array);
  }
  p = copy(out, p, EXCEPTIONS);
  for (let k = 0; k < c.exceptions.length; k++) {
    if (k > 0) out[p++] = 0x2c;
    p = copy(out, p, EXCEPTION_BYTES[c.exceptions[k] as ExceptionCode] as Uint8Array);
  }
  p = copy(out, p, EARLIEST);
  p = writeDateOrNull(out, p, c.earliestEligibleDay);
  const r = c.reducedPresence;
  if (r === null) p = copy(out, p, NO_REDUCED);
  else {
    p = copy(out, p, REDUCED_FROM);
    p = writeQuotedDate(out, p, r.from);
    p = copy(out, p, REDUCED_TO);
    p = writeQuotedDate(out, p, r.to);
    p = copy(out, p, REDUCED_DAYS);
    p = writeNumber(out, p, r.days);
    p = copy(out, p, r.met ? REDUCED_MET : REDUCED_UNMET);
  }
  p = writeDateOrNull(out, p, c.residenceStartDay);
  return copy(out, p, pieces.tail);
}
