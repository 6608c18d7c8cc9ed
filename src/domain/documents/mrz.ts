// Reading a passport's machine readable zone (ICAO 9303 TD3: two lines of 44 characters) from OCR text, and
// validating it with the mrz library (check digits, dates, sex, issuing state and nationality codes).
//
// OCR reads runs of the filler '<' in OCR-B badly (as K, L or C, and fewer or more of them than printed), so the
// text is first put back into the TD3 layout: line 2 has fixed positions (document number to expiry check digit
// in 0–27, personal number 28–41, its check digit 42, composite 43), and a personal number read as only '<', K
// and L is blank (when the line has its 44 characters, only with a blank one's check digit, 0 or '<'); in line 1
// a tail made only of '<', K and L after the names is filler. A name made only of the letters K and L would be lost to this repair; the person
// confirms the names anyway. A single '<' is sometimes read as '<K': a K before the issuing state or before a
// name is dropped when the code without it is a state code, or the name without it is printed in the visual
// zone and the name with it is not. Everything the repair cannot put right is caught by the check digits.
import { parse, states, type ParseResult } from 'mrz';
import countries from 'i18n-iso-countries';

const TD3_LENGTH = 44;

export interface MrzFields {
  readonly documentCode: string;
  /** ICAO 9303 code (three letters; a few are shorter, e.g. D for Germany) */
  readonly issuingState: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly documentNumber: string;
  readonly nationality: string;
  /** ISO yyyy-mm-dd, or '' when unreadable */
  readonly dob: string;
  readonly sex: string;
  /** ISO yyyy-mm-dd, or '' when unreadable */
  readonly expiry: string;
}

/** One validation of the MRZ by the library: a field, whether it is valid and, when not, why. */
export interface MrzValidation {
  readonly field: string;
  readonly valid: boolean;
  readonly error?: string;
}

export interface MrzReading {
  readonly lines: readonly [string, string];
  /** every check digit, date and code valid */
  readonly valid: boolean;
  readonly fields: MrzFields;
  readonly validations: readonly MrzValidation[];
}

const clean = (line: string): string =>
  line
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[«‹]/g, '<')
    .replace(/[^A-Z0-9<]/g, '');

/** A personal number read as only '<', K and L, with the check digit of a blank one (0 or '<'), is blank. */
const blankPersonal = (field: string, check: string): boolean =>
  /^[<KL]*$/.test(field) && (check === '0' || check === '<');

function repairLine2(line: string): string {
  if (line.length === TD3_LENGTH)
    return blankPersonal(line.slice(28, 42), line.charAt(42))
      ? line.slice(0, 28) + '<'.repeat(14) + line.slice(42)
      : line;
  if (line.length < 30) return line.padEnd(TD3_LENGTH, '<');
  const head = line.slice(0, 28);
  const tail = line.slice(-2);
  const personal = line.slice(28, -2);
  const fixedPersonal = /^[<KL]*$/.test(personal) ? '' : personal.replace(/[KL]+$/, '');
  return head + fixedPersonal.padEnd(14, '<').slice(0, 14) + tail;
}

function repairLine1(line: string): string {
  const names = line.slice(5);
  const match = /<[<KL]*$/.exec(names);
  const filler = match && (match[0].match(/</g) ?? []).length >= 2 ? match.index : -1;
  const kept = filler >= 0 ? line.slice(0, 5 + filler) : line;
  return kept.padEnd(TD3_LENGTH, '<').slice(0, TD3_LENGTH);
}

const isState = (code: string): boolean => Object.hasOwn(states, code.replace(/</g, ''));

/** Drops a K read into line 1 before the issuing state or a name (see the top of this file). */
function dropInsertedK(line: string, visualText: string): string {
  let fixed = line;
  if (fixed.charAt(2) === 'K' && !isState(fixed.slice(2, 5)) && isState(fixed.slice(3, 6)))
    fixed = fixed.slice(0, 2) + fixed.slice(3);
  const printed = new Set(
    visualText
      .toUpperCase()
      .split(/[^A-Z]+/)
      .filter(Boolean),
  );
  const names = fixed
    .slice(5)
    .split('<')
    .map((token) =>
      token.length > 1 && token.startsWith('K') && !printed.has(token) && printed.has(token.slice(1))
        ? token.slice(1)
        : token,
    );
  return fixed.slice(0, 5) + names.join('<');
}

/**
 * The two TD3 lines among OCR text lines: the last two that look like MRZ text, put back into the layout.
 * The visual zone's text, when given, settles letters the OCR may have added (see the top of this file).
 */
export function td3FromText(text: string, visualText = ''): [string, string] | null {
  const candidates = text
    .split(/\r?\n/)
    .map(clean)
    .filter((l) => l.length >= 30 && /[<]/.test(l));
  const line2 = candidates.at(-1);
  const line1 = candidates.at(-2);
  if (!line1 || !line2 || !line1.startsWith('P')) return null;
  return [repairLine1(dropInsertedK(line1, visualText)), repairLine2(line2)];
}

/** YYMMDD to ISO: a birth date is never in the future; an expiry is within this century. */
function isoDate(yymmdd: string | null | undefined, kind: 'birth' | 'expiry', today: Date): string {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return '';
  const yy = Number(yymmdd.slice(0, 2));
  const thisYear = today.getUTCFullYear() % 100;
  const century = kind === 'expiry' ? 2000 : yy > thisYear ? 1900 : 2000;
  const iso = `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? '' : iso;
}

const text = (value: string | null | undefined): string => (value ?? '').trim();

function fieldsOf(result: ParseResult, lines: readonly [string, string], today: Date): MrzFields {
  const f = result.fields;
  return {
    documentCode: text(f.documentCode) || lines[0].slice(0, 2).replace(/</g, ''),
    issuingState: text(f.issuingState) || lines[0].slice(2, 5).replace(/</g, ''),
    surname: text(f.lastName),
    givenNames: text(f.firstName),
    documentNumber: text(f.documentNumber) || lines[1].slice(0, 9).replace(/</g, ''),
    nationality: text(f.nationality) || lines[1].slice(10, 13).replace(/</g, ''),
    dob: isoDate(f.birthDate ?? lines[1].slice(13, 19), 'birth', today),
    sex: text(f.sex),
    expiry: isoDate(f.expirationDate ?? lines[1].slice(21, 27), 'expiry', today),
  };
}

/** Parses and validates a TD3 MRZ. Never throws: an unreadable zone is a reading with valid false. */
export function readMrz(lines: readonly [string, string], today: Date): MrzReading {
  try {
    const result = parse([...lines], { autocorrect: true });
    const validations = result.details
      .filter((d) => d.field !== null)
      .map((d): MrzValidation => ({
        field: d.field ?? d.label,
        valid: d.valid,
        ...(d.error ? { error: d.error } : {}),
      }));
    return { lines, valid: result.valid, fields: fieldsOf(result, lines, today), validations };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const empty: MrzFields = {
      documentCode: '',
      issuingState: '',
      surname: '',
      givenNames: '',
      documentNumber: '',
      nationality: '',
      dob: '',
      sex: '',
      expiry: '',
    };
    return { lines, valid: false, fields: empty, validations: [{ field: 'format', valid: false, error: message }] };
  }
}

/** ISO 3166-1 alpha-2 for an MRZ state code (the seed's documentRegion), or '' for codes with none (e.g. UNO). */
export function regionOf(code: string): string {
  return countries.alpha3ToAlpha2(code.replace(/</g, '')) ?? '';
}
