// Reading a driver licence (New Zealand, or an Australian state or territory) from the OCR text of the card: the
// issuer from its heading, the document type from "DRIVER LICENCE", and the holder's details from the labelled
// rows (surname, given names, date of birth, licence number, the NZ version number or the AU card number,
// expiry). Labels and headings are found even when the OCR misreads a letter or two (edit distance), and a
// number is read in the issuer's format: where the format wants a digit, the letters OCR confuses with digits
// (O/0, I/1, S/5, B/8, Z/2) are read as the digit, and the other way round (and 4 as A).
import { distance } from 'fastest-levenshtein';
import {
  AU_STATES,
  LICENCE_CARD_FORMATS,
  LICENCE_NUMBER_FORMATS,
  type AuState,
} from '../verification/validation-rules.ts';

export type LicenceIssuer = 'NZ' | AuState;

export interface LicenceFields {
  readonly surname: string;
  readonly givenNames: string;
  /** ISO yyyy-mm-dd, or '' when unreadable */
  readonly dob: string;
  readonly licenceNumber: string;
  /** the NZ version number or the AU card number */
  readonly cardNumber: string;
  /** ISO yyyy-mm-dd, or '' when unreadable */
  readonly expiry: string;
}

export interface LicenceReading {
  /** "DRIVER LICENCE" was found on the card */
  readonly isLicence: boolean;
  /** the issuer recognised from the card's heading, or null */
  readonly issuer: LicenceIssuer | null;
  /** documentRegion (ISO alpha-2) and documentSubRegion (the AU state) as seed 003 names them */
  readonly region: string;
  readonly subRegion: string;
  readonly fields: LicenceFields;
}

/**
 * Headings and the words that tell them apart, tried in this order (WESTERN AUSTRALIA before SOUTH AUSTRALIA, NEW
 * SOUTH WALES before them). The first letters of a heading printed white on a dark band are the ones OCR loses,
 * so each issuer is also known by its heading's distinctive last word.
 */
const HEADINGS: readonly { texts: readonly string[]; issuer: LicenceIssuer }[] = [
  { texts: ['AUSTRALIANCAPITALTERRITORY', 'CAPITALTERRITORY'], issuer: 'ACT' },
  { texts: ['NORTHERNTERRITORY'], issuer: 'NT' },
  { texts: ['WESTERNAUSTRALIA', 'ESTERNAUSTRALIA'], issuer: 'WA' },
  { texts: ['NEWSOUTHWALES', 'SOUTHWALES'], issuer: 'NSW' },
  { texts: ['SOUTHAUSTRALIA'], issuer: 'SA' },
  { texts: ['NEWZEALAND', 'ZEALAND'], issuer: 'NZ' },
  { texts: ['QUEENSLAND'], issuer: 'QLD' },
  { texts: ['TASMANIA'], issuer: 'TAS' },
  { texts: ['VICTORIA'], issuer: 'VIC' },
];

/** The formats of the licence's own numbers, per issuer (AU: validation-rules.ts, as the DVS sources check them). */
export const LICENCE_FORMATS: Readonly<Record<LicenceIssuer, { number: RegExp; card: RegExp }>> = {
  NZ: { number: /^[A-Z]{2}\d{6}$/, card: /^\d{3}$/ },
  ...(Object.fromEntries(
    AU_STATES.map((s) => [s, { number: LICENCE_NUMBER_FORMATS[s], card: LICENCE_CARD_FORMATS[s] }]),
  ) as Record<AuState, { number: RegExp; card: RegExp }>),
};

type Field = keyof LicenceFields;

/** Row labels as printed (lower case, letters only); each issuer labels its card's number in its own way. */
const LABELS: readonly { label: string; field: Field }[] = [
  { label: 'surname', field: 'surname' },
  { label: 'familyname', field: 'surname' },
  { label: 'givennames', field: 'givenNames' },
  { label: 'firstnames', field: 'givenNames' },
  { label: 'dateofbirth', field: 'dob' },
  { label: 'licenceno', field: 'licenceNumber' },
  { label: 'licencenumber', field: 'licenceNumber' },
  { label: 'cardno', field: 'cardNumber' },
  { label: 'cardnumber', field: 'cardNumber' },
  { label: 'version', field: 'cardNumber' },
  { label: 'expiry', field: 'expiry' },
  { label: 'expirydate', field: 'expiry' },
];

const letters = (text: string): string => text.toUpperCase().replace(/[^A-Z]/g, '');

/** Whether `needle` occurs in `hay` with at most `tolerance` edits (a window of the needle's length). */
function fuzzyIncludes(hay: string, needle: string, tolerance: number): boolean {
  if (hay.includes(needle)) return true;
  for (let i = 0; i + needle.length <= hay.length + 1; i++) {
    for (const len of [needle.length - 1, needle.length, needle.length + 1]) {
      if (len <= 0 || i + len > hay.length) continue;
      if (distance(hay.slice(i, i + len), needle) <= tolerance) return true;
    }
  }
  return false;
}

const toleranceFor = (text: string): number => (text.length >= 12 ? 2 : text.length >= 6 ? 1 : 0);

function issuerOf(text: string): LicenceIssuer | null {
  const lines = text.split(/\r?\n/).map(letters);
  const found = HEADINGS.find((heading) =>
    heading.texts.some((t) => lines.some((line) => fuzzyIncludes(line, t, toleranceFor(t)))),
  );
  return found?.issuer ?? null;
}

const foldM = (text: string): string => text.replace(/rn/g, 'm');

/** A row "Label: value": the label matched with a letter or two misread, the value after the colon or label. */
function rowsOf(text: string): Partial<Record<Field, string>> {
  const rows: Partial<Record<Field, string>> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const label = line
      .slice(0, colon)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const value = line.slice(colon + 1).trim();
    if (!label || !value) continue;
    let best: { field: Field; d: number } | undefined;
    for (const candidate of LABELS) {
      // "rn" is how OCR most often misreads "m" (Surnarne): compared with both folded to "m" too
      const d = Math.min(distance(label, candidate.label), distance(foldM(label), foldM(candidate.label)));
      if (d <= toleranceFor(candidate.label) && (!best || d < best.d)) best = { field: candidate.field, d };
    }
    if (best && rows[best.field] === undefined) rows[best.field] = value;
  }
  return rows;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DIGIT_FOR: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  '|': '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};
const LETTER_FOR: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
};
const digits = (text: string): string => text.toUpperCase().replace(/[ODQILSBZG|]/g, (c) => DIGIT_FOR[c] ?? c);

function realIso(y: number, m: number, d: number): string {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? '' : iso;
}

/** A printed date (19/11/1956, 19.11.1956, 01 APR 1976) as ISO, or ''. */
export function licenceDate(text: string): string {
  const upper = text.toUpperCase();
  const numeric = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(digits(upper).replace(/\s+/g, ' '));
  if (numeric) return realIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /([0-9OISBZ]{1,2})\s*([A-Z]{3})[A-Z]*\s*([0-9OISBZ]{4})/.exec(upper);
  if (!named) return '';
  const word = named[2] ?? '';
  const exact = MONTHS.indexOf(word);
  // a misread month is taken only when one month alone is a letter away (JUN read as JIN, not JAN/JUN ambiguity)
  const near = MONTHS.flatMap((m, i) => (distance(m, word) <= 1 ? [i] : []));
  const month = exact >= 0 ? exact : near.length === 1 ? (near[0] ?? -1) : -1;
  return month < 0 ? '' : realIso(Number(digits(named[3] ?? '')), month + 1, Number(digits(named[1] ?? '')));
}

/**
 * A number read in the issuer's format: the printed characters without spaces; when the text does not fit the
 * format, confusable letters and digits are swapped to fit it (NZ: two letters then six digits; AU formats made
 * only of digits read every confusable letter as a digit). Returned as read when nothing fits.
 */
export function licenceNumber(text: string, format: RegExp | undefined): string {
  const raw = text.toUpperCase().replace(/[^A-Z0-9|]/g, '');
  if (!format || format.test(raw)) return raw;
  const asDigits = digits(raw);
  if (format.test(asDigits)) return asDigits;
  const nz = raw.slice(0, 2).replace(/[0-9]/g, (c) => LETTER_FOR[c] ?? c) + digits(raw.slice(2));
  return format.test(nz) ? nz : raw;
}

const nameOf = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^A-Z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Reads a licence from the card's OCR text. Never throws: what is not found is ''. */
export function readLicence(text: string): LicenceReading {
  const isLicence =
    fuzzyIncludes(letters(text), 'DRIVERLICENCE', 2) || fuzzyIncludes(letters(text), 'DRIVERSLICENCE', 2);
  const issuer = issuerOf(text);
  const rows = rowsOf(text);
  const formats = issuer ? LICENCE_FORMATS[issuer] : undefined;
  return {
    isLicence,
    issuer,
    region: issuer === null ? '' : issuer === 'NZ' ? 'NZ' : 'AU',
    subRegion: issuer === null || issuer === 'NZ' ? '' : issuer,
    fields: {
      surname: nameOf(rows.surname ?? ''),
      givenNames: nameOf(rows.givenNames ?? ''),
      dob: licenceDate(rows.dob ?? ''),
      licenceNumber: licenceNumber(rows.licenceNumber ?? '', formats?.number),
      cardNumber: licenceNumber(rows.cardNumber ?? '', formats?.card),
      expiry: licenceDate(rows.expiry ?? ''),
    },
  };
}
