// A fast path for the batch: reads one NDJSON request straight from its UTF-8 bytes into the calculation's
// epoch-day input, without building the JSON value.
//
// It accepts the plain shape of a request, compact as JSON.stringify writes it or with JSON whitespace between
// the tokens and the members of each object in any order:
//
//   {"id":"P0000001","applicationDate":"2020-11-18","indefiniteStayPeriods":[{"from":"2014-11-10","to":null}],
//    "movements":[{"direction":"arrival","date":"2014-11-08"}]}
//
// (`id` optional: a string of printable ASCII without `"` or `\` of at most 200 characters, a plain integer
// or null; every other member present once, no other member, no escapes, no `options`; every date an existing
// date and every period's `to` not before its `from`; list sizes within the contract's limits). Anything else —
// and so every line that would be refused — is declined, and the caller falls back to JSON.parse and
// parsePresenceRequest, so results and error messages stay exactly those of the general path.
import { dayFromCivil, daysInMonth, DAY_MAX } from './epoch-day.ts';
import { MAX_MOVEMENTS, MAX_PERIODS } from './contract.ts';
import { ascii } from './response-bytes.ts';

/** What a scanned line holds. The object is reused from line to line; its lists are new for each line. */
export interface ScannedRequest {
  /** Bytes of the id's JSON text (with its quotes for a string), or idStart = -1 when absent or null. */
  idStart: number;
  idEnd: number;
  applicationDay: number;
  periodFrom: number[];
  periodTo: number[];
  movementDay: number[];
  movementArrival: boolean[];
}

export function emptyScannedRequest(): ScannedRequest {
  return {
    idStart: -1,
    idEnd: -1,
    applicationDay: 0,
    periodFrom: [],
    periodTo: [],
    movementDay: [],
    movementArrival: [],
  };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const NULL = ascii('null');
const ARRIVAL = ascii('"arrival"');
const DEPARTURE = ascii('"departure"');

// Member names, as the bytes between their quotes.
const ID = ascii('id');
const APPLICATION_DATE = ascii('applicationDate');
const PERIODS = ascii('indefiniteStayPeriods');
const MOVEMENTS = ascii('movements');
const FROM = ascii('from');
const TO = ascii('to');
const DIRECTION = ascii('direction');
const DATE = ascii('date');

/** Position after `literal` when the bytes at `at` are exactly it, else -1. */
function match(bytes: Uint8Array, at: number, end: number, literal: Uint8Array): number {
  const n = literal.length;
  if (at < 0 || at + n > end) return -1;
  for (let i = 0; i < n; i++) if (bytes[at + i] !== literal[i]) return -1;
  return at + n;
}

function digit(bytes: Uint8Array, at: number): number {
  const d = (bytes[at] as number) - 48;
  return d >= 0 && d <= 9 ? d : -100_000;
}

// Epoch day of the 1st of each month of 1900–2100 (and of January 2101, to bound December's length).
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 201;
const MONTH_START = new Int32Array(TABLE_YEARS * 12 + 1);
for (let i = 0; i < MONTH_START.length; i++)
  MONTH_START[i] = dayFromCivil(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);

/**
 * The epoch day of the `YYYY-MM-DD` at `at` (the caller checks what follows), or NaN when it is not an
 * existing date of years 0001–9999: the same dates, and days, as parseIsoDay.
 */
function dateAt(bytes: Uint8Array, at: number): number {
  if (bytes[at + 4] !== 0x2d || bytes[at + 7] !== 0x2d) return NaN;
  const year = digit(bytes, at) * 1000 + digit(bytes, at + 1) * 100 + digit(bytes, at + 2) * 10 + digit(bytes, at + 3);
  const month = digit(bytes, at + 5) * 10 + digit(bytes, at + 6);
  const day = digit(bytes, at + 8) * 10 + digit(bytes, at + 9);
  if (year < 1 || month < 1 || month > 12 || day < 1) return NaN;
  const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (index >= 0 && index < TABLE_YEARS * 12) {
    const first = MONTH_START[index] as number;
    return day > (MONTH_START[index + 1] as number) - first ? NaN : first + day - 1;
  }
  return day > daysInMonth(year, month) ? NaN : dayFromCivil(year, month, day);
}

/** Position of the first byte at or after `at` that is not JSON whitespace. */
function skip(bytes: Uint8Array, at: number, end: number): number {
  let p = at;
  while (p < end) {
    const c = bytes[p];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    p++;
  }
  return p;
}

/**
 * The member name at `at` (a `"…"` without escapes) followed by its colon: which of `names` it is (its index)
 * in `found.index`, and the position of its value; -1 when it is none of them or not a plain name.
 */
function memberAt(
  bytes: Uint8Array,
  at: number,
  end: number,
  names: readonly Uint8Array[],
  found: { index: number },
): number {
  if (bytes[at] !== QUOTE) return -1;
  // A loop, not indexOf: names are short, and a native call per member costs more than reading a dozen bytes.
  let close = at + 1;
  while (close < end && bytes[close] !== QUOTE) close++;
  if (close >= end) return -1;
  const length = close - at - 1;
  found.index = -1;
  for (let n = 0; n < names.length; n++) {
    const name = names[n] as Uint8Array;
    if (name.length === length && match(bytes, at + 1, close, name) === close) {
      found.index = n;
      break;
    }
  }
  if (found.index < 0) return -1;
  const colon = skip(bytes, close + 1, end);
  return bytes[colon] === COLON ? skip(bytes, colon + 1, end) : -1;
}

/**
 * After a member's value at `at`: the position of the next member's name (after a comma), `end` + 1 when the
 * object closed (the closing brace is at `closed.at`), or -1.
 */
function nextMember(bytes: Uint8Array, at: number, end: number, closed: { at: number }): number {
  const p = skip(bytes, at, end);
  if (bytes[p] === COMMA) return skip(bytes, p + 1, end);
  if (bytes[p] === CLOSE_BRACE) {
    closed.at = p + 1;
    return end + 1;
  }
  return -1;
}

/** The epoch day of the `"YYYY-MM-DD"` at `at`, and its end in `after.at`; NaN when it is not one. */
function quotedDateAt(bytes: Uint8Array, at: number, end: number, after: { at: number }): number {
  if (at + 12 > end || bytes[at] !== QUOTE || bytes[at + 11] !== QUOTE) return NaN;
  after.at = at + 12;
  return dateAt(bytes, at + 1);
}

/** Parses the id's value at `at` into `into`; returns the position after it, or -1. */
function idAt(bytes: Uint8Array, at: number, end: number, into: ScannedRequest): number {
  const first = bytes[at];
  let p = at;
  if (first === QUOTE) {
    p++;
    const limit = Math.min(end, p + 201);
    while (p < limit) {
      const c = bytes[p] as number;
      if (c === QUOTE || c < 0x20 || c > 0x7e || c === 0x5c) break;
      p++;
    }
    if (bytes[p] !== QUOTE || p - at - 1 > 200) return -1;
    p++;
    into.idStart = at;
  } else if (first === 0x6e) {
    p = match(bytes, at, end, NULL);
    if (p < 0) return -1;
    return p;
  } else {
    // A plain integer of up to 15 digits (no sign, fraction or exponent) reads back as the same digits.
    if (first === 0x30) p++;
    else if (first !== undefined && first >= 0x31 && first <= 0x39) {
      while (p < end && p - at < 15 && (bytes[p] as number) >= 0x30 && (bytes[p] as number) <= 0x39) p++;
    } else return -1;
    into.idStart = at;
  }
  into.idEnd = p;
  return p;
}

/** Scratch objects, reused from line to line (the scanner runs on one thread, one line at a time). */
const found = { index: -1 };
const closed = { at: -1 };
const after = { at: -1 };
const TOP = [ID, APPLICATION_DATE, PERIODS, MOVEMENTS];
const PERIOD = [FROM, TO];
const MOVEMENT = [DIRECTION, DATE];

/** The lists a line's periods and movements are read into. */
interface ScannedLists {
  periodFrom: number[];
  periodTo: number[];
  movementDay: number[];
  movementArrival: boolean[];
}

/** Parses a list of `[{…}, …]` at `at`, each object by `item`; returns the position after `]`, or -1. */
function listAt(
  bytes: Uint8Array,
  at: number,
  end: number,
  lists: ScannedLists,
  item: (bytes: Uint8Array, at: number, end: number, lists: ScannedLists) => number,
): number {
  if (bytes[at] !== OPEN_BRACKET) return -1;
  let p = skip(bytes, at + 1, end);
  if (bytes[p] === CLOSE_BRACKET) return p + 1;
  for (;;) {
    p = item(bytes, p, end, lists);
    if (p < 0) return -1;
    p = skip(bytes, p, end);
    if (bytes[p] === CLOSE_BRACKET) return p + 1;
    if (bytes[p] !== COMMA) return -1;
    p = skip(bytes, p + 1, end);
  }
}

// The two list items are read by plain functions rather than callbacks: a line holds dozens of them, and a
// closure per item costs more than the reading.

/** One `{"from":"…","to":"…"|null}` at `at` into the lists; the position after it, or -1. */
function periodAt(bytes: Uint8Array, at: number, end: number, lists: ScannedLists): number {
  if (bytes[at] !== OPEN_BRACE) return -1;
  let p = skip(bytes, at + 1, end);
  let from = NaN;
  let to = NaN;
  let members = 0;
  for (;;) {
    p = memberAt(bytes, p, end, PERIOD, found);
    if (p < 0 || members & (1 << found.index)) return -1;
    members |= 1 << found.index;
    if (found.index === 0) {
      from = quotedDateAt(bytes, p, end, after);
      p = Number.isNaN(from) ? -1 : after.at;
    } else if (bytes[p] === QUOTE) {
      to = quotedDateAt(bytes, p, end, after);
      p = Number.isNaN(to) ? -1 : after.at;
    } else {
      to = DAY_MAX;
      p = match(bytes, p, end, NULL);
    }
    if (p < 0) return -1;
    p = nextMember(bytes, p, end, closed);
    if (p < 0) return -1;
    if (p === end + 1) break;
  }
  if (members !== 3 || to < from || lists.periodFrom.length === MAX_PERIODS) return -1;
  lists.periodFrom.push(from);
  lists.periodTo.push(to);
  return closed.at;
}

/** One `{"direction":"arrival"|"departure","date":"…"}` at `at` into the lists; the position after it, or -1. */
function movementAt(bytes: Uint8Array, at: number, end: number, lists: ScannedLists): number {
  if (bytes[at] !== OPEN_BRACE) return -1;
  let p = skip(bytes, at + 1, end);
  let day = NaN;
  let arrival = true;
  let members = 0;
  for (;;) {
    p = memberAt(bytes, p, end, MOVEMENT, found);
    if (p < 0 || members & (1 << found.index)) return -1;
    members |= 1 << found.index;
    if (found.index === 1) {
      day = quotedDateAt(bytes, p, end, after);
      p = Number.isNaN(day) ? -1 : after.at;
    } else {
      const next = match(bytes, p, end, ARRIVAL);
      arrival = next >= 0;
      p = arrival ? next : match(bytes, p, end, DEPARTURE);
    }
    if (p < 0) return -1;
    p = nextMember(bytes, p, end, closed);
    if (p < 0) return -1;
    if (p === end + 1) break;
  }
  if (members !== 3 || lists.movementDay.length === MAX_MOVEMENTS) return -1;
  lists.movementDay.push(day);
  lists.movementArrival.push(arrival);
  return closed.at;
}

/** The members of the object at `at`, each handed to `member(index, valueAt)` (which returns the value's end). */
function objectAt(
  bytes: Uint8Array,
  at: number,
  end: number,
  names: readonly Uint8Array[],
  member: (index: number, valueAt: number) => number,
): number {
  if (bytes[at] !== OPEN_BRACE) return -1;
  let p = skip(bytes, at + 1, end);
  if (bytes[p] === CLOSE_BRACE) return p + 1;
  for (;;) {
    p = memberAt(bytes, p, end, names, found);
    if (p < 0) return -1;
    p = member(found.index, p);
    if (p < 0) return -1;
    p = nextMember(bytes, p, end, closed);
    if (p < 0) return -1;
    if (p === end + 1) return closed.at;
  }
}

/**
 * Scans the request in `bytes[start, end)` (one line, trimmed) into `into`. True when the line has the plain
 * shape above and is valid; false means "not recognised": parse it the general way.
 */
export function scanPresenceRequest(bytes: Uint8Array, start: number, end: number, into: ScannedRequest): boolean {
  into.idStart = -1;
  into.idEnd = -1;
  let seen = 0;
  let applicationDay = NaN;
  const lists: ScannedLists = { periodFrom: [], periodTo: [], movementDay: [], movementArrival: [] };

  const p = objectAt(bytes, skip(bytes, start, end), end, TOP, (index, valueAt) => {
    if (seen & (1 << index)) return -1;
    seen |= 1 << index;
    switch (index) {
      case 0:
        return idAt(bytes, valueAt, end, into);
      case 1:
        applicationDay = quotedDateAt(bytes, valueAt, end, after);
        return Number.isNaN(applicationDay) ? -1 : after.at;
      case 2:
        return listAt(bytes, valueAt, end, lists, periodAt);
      default:
        return listAt(bytes, valueAt, end, lists, movementAt);
    }
  });
  // Every member but the id is required.
  if (p < 0 || skip(bytes, p, end) !== end || (seen & 0b1110) !== 0b1110) return false;
  into.applicationDay = applicationDay;
  into.periodFrom = lists.periodFrom;
  into.periodTo = lists.periodTo;
  into.movementDay = lists.movementDay;
  into.movementArrival = lists.movementArrival;
  return true;
}
