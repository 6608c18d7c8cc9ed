// A fast path for the batch: reads one NDJSON request straight from its UTF-8 bytes into the calculation's
// epoch-day input, without building the JSON value.
//
// It accepts only the exact compact shape that JSON.stringify gives a plain request:
//
//   {"id":"P0000001","applicationDate":"2020-11-18","indefiniteStayPeriods":[{"from":"2014-11-10","to":null}],
//    "movements":[{"direction":"arrival","date":"2014-11-08"}]}
//
// (`id` optional: a string of printable ASCII without `"` or `\` of at most 200 characters, a plain integer
// or null; members in this order; no whitespace, no escapes, no `options`; every date an existing date and
// every period's `to` not before its `from`; list sizes within the contract's limits). Anything else — and
// so every line that would be refused — is declined, and the caller falls back to JSON.parse and
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
  return { idStart: -1, idEnd: -1, applicationDay: 0, periodFrom: [], periodTo: [], movementDay: [], movementArrival: [] };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

const ID = ascii('"id":');
const APPLICATION_DATE = ascii('"applicationDate":"');
const PERIODS = ascii('"indefiniteStayPeriods":[');
const PERIOD_FROM = ascii('{"from":"');
const PERIOD_TO = ascii('","to":');
const NULL = ascii('null');
const MOVEMENTS = ascii(',"movements":[');
const DIRECTION = ascii('{"direction":"');
const ARRIVAL = ascii('arrival","date":"');
const DEPARTURE = ascii('departure","date":"');

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
for (let i = 0; i < MONTH_START.length; i++) MONTH_START[i] = dayFromCivil(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);

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

/** Parses `"id":…,` at `at` into `into`; returns the position after the comma, or -1. */
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
  } else {
    // A plain integer of up to 15 digits (no sign, fraction or exponent) reads back as the same digits.
    if (first === 0x30) p++;
    else if (first !== undefined && first >= 0x31 && first <= 0x39) {
      while (p < end && p - at < 15 && (bytes[p] as number) >= 0x30 && (bytes[p] as number) <= 0x39) p++;
    } else return -1;
    into.idStart = at;
  }
  into.idEnd = p;
  return bytes[p] === COMMA ? p + 1 : -1;
}

/**
 * Scans the request in `bytes[start, end)` (one line, trimmed) into `into`. True when the line has the exact
 * shape above and is valid; false means "not recognised": parse it the general way.
 */
export function scanPresenceRequest(bytes: Uint8Array, start: number, end: number, into: ScannedRequest): boolean {
  into.idStart = -1;
  into.idEnd = -1;
  if (bytes[start] !== 0x7b) return false;
  let p = start + 1;
  const afterId = match(bytes, p, end, ID);
  if (afterId >= 0) {
    p = idAt(bytes, afterId, end, into);
    if (p < 0) return false;
  }

  p = match(bytes, p, end, APPLICATION_DATE);
  if (p < 0 || p + 12 > end || bytes[p + 10] !== QUOTE || bytes[p + 11] !== COMMA) return false;
  const applicationDay = dateAt(bytes, p);
  if (Number.isNaN(applicationDay)) return false;
  into.applicationDay = applicationDay;
  p += 12;

  p = match(bytes, p, end, PERIODS);
  if (p < 0) return false;
  const periodFrom: number[] = [];
  const periodTo: number[] = [];
  if (bytes[p] === CLOSE_BRACKET) p++;
  else {
    for (;;) {
      p = match(bytes, p, end, PERIOD_FROM);
      if (p < 0 || p + 10 > end) return false;
      const from = dateAt(bytes, p);
      p = match(bytes, p + 10, end, PERIOD_TO);
      if (p < 0 || Number.isNaN(from)) return false;
      let to = DAY_MAX;
      if (bytes[p] === QUOTE) {
        if (p + 12 > end || bytes[p + 11] !== QUOTE) return false;
        to = dateAt(bytes, p + 1);
        if (Number.isNaN(to) || to < from) return false;
        p += 12;
      } else {
        p = match(bytes, p, end, NULL);
        if (p < 0) return false;
      }
      if (bytes[p] !== CLOSE_BRACE || periodFrom.length === MAX_PERIODS) return false;
      periodFrom.push(from);
      periodTo.push(to);
      p++;
      if (bytes[p] === CLOSE_BRACKET) {
        p++;
        break;
      }
      if (bytes[p] !== COMMA) return false;
      p++;
    }
  }
  into.periodFrom = periodFrom;
  into.periodTo = periodTo;

  p = match(bytes, p, end, MOVEMENTS);
  if (p < 0) return false;
  const movementDay: number[] = [];
  const movementArrival: boolean[] = [];
  if (bytes[p] === CLOSE_BRACKET) p++;
  else {
    for (;;) {
      p = match(bytes, p, end, DIRECTION);
      if (p < 0) return false;
      let arrival = true;
      let next = match(bytes, p, end, ARRIVAL);
      if (next < 0) {
        arrival = false;
        next = match(bytes, p, end, DEPARTURE);
        if (next < 0) return false;
      }
      p = next;
      if (p + 12 > end || bytes[p + 10] !== QUOTE || bytes[p + 11] !== CLOSE_BRACE) return false;
      const day = dateAt(bytes, p);
      if (Number.isNaN(day) || movementDay.length === MAX_MOVEMENTS) return false;
      movementDay.push(day);
      movementArrival.push(arrival);
      p += 12;
      if (bytes[p] === CLOSE_BRACKET) {
        p++;
        break;
      }
      if (bytes[p] !== COMMA) return false;
      p++;
    }
  }
  into.movementDay = movementDay;
  into.movementArrival = movementArrival;
  return bytes[p] === CLOSE_BRACE && p + 1 === end;
}
