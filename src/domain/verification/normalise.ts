// Normalisation of names, addresses and dates for matching (registry sources, change detection).
// Names: the one rule of domain/names (re-exported here).
// Addresses: the same, then each token expanded through ADDRESS_ABBREVIATIONS ("st" → "street" as the last
// token of a multi-word name, "saint" elsewhere: "St Kilda" ≠ "Kilda Street").
// Dates: DATE_FORMATS below, all to ISO `YYYY-MM-DD`, checked as real calendar dates by js-joda.
import anyAscii from 'any-ascii';
import { nameTokens, normaliseName } from '../names/index.ts';
import { LocalDate } from '@js-joda/core';
import type { DateOfBirth } from './types.ts';

export { nameTokens, normaliseName } from '../names/index.ts';

/** Address text's tokens: like a name's, but a full stop separates ("St.Kilda" = "St Kilda"). */
function addressTokens(value: string | undefined | null): string[] {
  return nameTokens((value ?? '').replace(/\./g, ' '));
}

/** Common AU/NZ address abbreviations → full word (street types, directions, Mount, Saint). */
export const ADDRESS_ABBREVIATIONS: Record<string, string> = {
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  dr: 'drive',
  ct: 'court',
  crt: 'court',
  pl: 'place',
  ln: 'lane',
  tce: 'terrace',
  pde: 'parade',
  cres: 'crescent',
  cr: 'crescent',
  hwy: 'highway',
  bvd: 'boulevard',
  blvd: 'boulevard',
  cct: 'circuit',
  cl: 'close',
  gr: 'grove',
  gve: 'grove',
  hts: 'heights',
  sq: 'square',
  esp: 'esplanade',
  wy: 'way',
  pkwy: 'parkway',
  cir: 'circle',
  mt: 'mount',
  nth: 'north',
  sth: 'south',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  upr: 'upper',
  lwr: 'lower',
  ste: 'sainte',
  pt: 'point',
};

export function normaliseAddressText(value: string | undefined | null): string {
  const tokens = addressTokens(value);
  return tokens
    .map((t, i) =>
      t === 'st'
        ? i === tokens.length - 1 && tokens.length > 1
          ? 'street'
          : 'saint'
        : (ADDRESS_ABBREVIATIONS[t] ?? t),
    )
    .join(' ');
}

/** Street number / flat number: upper case, no spaces or hyphen variants ("267 - 277" = "267-277"). */
export function normaliseNumber(value: string | undefined | null): string {
  return anyAscii(value ?? '')
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[‐-–—]/g, '-');
}

export const STATE_NAMES: Record<string, string> = {
  'australian capital territory': 'ACT',
  'new south wales': 'NSW',
  'northern territory': 'NT',
  queensland: 'QLD',
  'south australia': 'SA',
  tasmania: 'TAS',
  victoria: 'VIC',
  'western australia': 'WA',
};

export function normaliseState(value: string | undefined | null): string {
  const n = normaliseName(value);
  return STATE_NAMES[n] ?? n.toUpperCase();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const month = (name: string | undefined) => MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
const num = (digits: string | undefined) => Number(digits ?? Number.NaN);

/** Accepted date formats → [year, month, day]. Day-first for slashes (AU/NZ usage). */
export const DATE_FORMATS: readonly { pattern: RegExp; parts: (m: RegExpExecArray) => [number, number, number] }[] = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, parts: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, parts: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, parts: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  { pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, parts: (m) => [num(m[3]), num(m[2]), num(m[1])] },
  { pattern: /^(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4})$/i, parts: (m) => [num(m[3]), month(m[2]), num(m[1])] },
  { pattern: /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i, parts: (m) => [num(m[3]), month(m[1]), num(m[2])] },
];

/** A date in any of DATE_FORMATS as ISO `YYYY-MM-DD`, or null when it is not a real date. */
export function parseDate(value: string | undefined | null): string | null {
  const text = (value ?? '').trim();
  for (const format of DATE_FORMATS) {
    const m = format.pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = format.parts(m);
    try {
      return LocalDate.of(y, mo, d).toString();
    } catch {
      return null;
    }
  }
  return null;
}

export function isoFromDob(dob: DateOfBirth): string {
  return `${String(dob.year).padStart(4, '0')}-${String(dob.month).padStart(2, '0')}-${String(dob.day).padStart(2, '0')}`;
}

/** greenID's field format for dates, `DD/MM/YYYY`. */
export function dayMonthYearFromDob(dob: DateOfBirth): string {
  return `${String(dob.day).padStart(2, '0')}/${String(dob.month).padStart(2, '0')}/${String(dob.year).padStart(4, '0')}`;
}
