// Input validation rules for interactive source fields (seed 001 "Inputs", research §5.1), as data:
// a rule id names a format and the words used in its message ("<Label> is not a valid <noun>.").
import { LocalDate } from '@js-joda/core';

export interface ValidationRule {
  /** The noun in the message: "<Label> is not a valid <noun>." */
  noun: string;
  test: (value: string) => boolean;
}

export const AU_STATES = ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'] as const;
export type AuState = (typeof AU_STATES)[number];

const pattern = (re: RegExp) => (value: string) => re.test(value);

/** At most 255 characters, no control characters and no markup brackets. */
const plainText = (value: string) =>
  value.length <= 255 && ![...value].some((c) => c.charCodeAt(0) < 32 || c === '<' || c === '>');

/** A calendar date in `DD/MM/YYYY` (greenID's field format for dates). */
export function isDayMonthYear(value: string): boolean {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return false;
  try {
    LocalDate.of(Number(m[3]), Number(m[2]), Number(m[1]));
    return true;
  } catch {
    return false;
  }
}

/** Medicare card check digit: first digit 2–6, digits 1–8 weighted 1,3,7,9,1,3,7,9; sum mod 10 = digit 9. */
export function isMedicareNumber(value: string): boolean {
  if (!/^[2-6]\d{9}$/.test(value)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return sum % 10 === Number(value[8]);
}

/**
 * Licence-number formats per state. The seed's stub licence numbers (11111111, 33333333, 44444444) are
 * "defined to take into consideration format and size of the fields" for *all* licences, so every state's
 * format admits 8 digits (seed wins over the 6-character SA and 7-digit WA numbers seen in the wild).
 */
export const LICENCE_NUMBER_FORMATS: Record<AuState, RegExp> = {
  ACT: /^\d{1,10}$/,
  NSW: /^[A-Z0-9]{6,8}$/i,
  NT: /^\d{1,10}$/,
  QLD: /^\d{8,9}$/,
  SA: /^[A-Z0-9]{6,8}$/i,
  TAS: /^[A-Z0-9]{6,8}$/i,
  VIC: /^\d{1,10}$/,
  WA: /^\d{7,8}$/,
};

/** Licence card-number formats per state (seed 001 v3.0: the card number depends on the state). */
export const LICENCE_CARD_FORMATS: Record<AuState, RegExp> = {
  ACT: /^[A-Z0-9]{10}$/i,
  NSW: /^\d{10}$/,
  NT: /^\d{6,8}$/,
  QLD: /^[A-Z0-9]{10}$/i,
  SA: /^[A-Z0-9]{9}$/i,
  TAS: /^[A-Z0-9]{9}$/i,
  VIC: /^[A-Z0-9]{8}$/i,
  WA: /^[A-Z0-9]{8,10}$/i,
};

const licenceRules = Object.fromEntries(
  AU_STATES.flatMap((s) => [
    [`licence${s}`, { noun: `${s} driver's licence number`, test: pattern(LICENCE_NUMBER_FORMATS[s]) }],
    [`licenceCard${s}`, { noun: `${s} licence card number`, test: pattern(LICENCE_CARD_FORMATS[s]) }],
  ]),
) as Record<string, ValidationRule>;

export const VALIDATION_RULES: Record<string, ValidationRule> = {
  name: { noun: 'name', test: (v) => plainText(v) && v.trim() !== '' },
  text: { noun: 'value', test: plainText },
  date: { noun: 'date (DD/MM/YYYY)', test: isDayMonthYear },
  year: { noun: 'year (YYYY)', test: pattern(/^(18|19|20)\d{2}$/) },
  tandc: { noun: 'acceptance of the terms and conditions (must be "on")', test: (v) => v === 'on' },
  streetNumber: { noun: 'street number', test: pattern(/^[A-Z0-9][A-Z0-9 /-]{0,19}$/i) },
  auState: {
    noun: 'Australian state (ACT, NSW, NT, QLD, SA, TAS, VIC or WA)',
    test: (v) => (AU_STATES as readonly string[]).includes(v.toUpperCase()),
  },
  auPostcode: { noun: 'postcode (4 digits)', test: pattern(/^\d{4}$/) },
  nzPostcode: { noun: 'postcode (4 digits)', test: pattern(/^\d{4}$/) },
  medicareNumber: { noun: 'Medicare number', test: isMedicareNumber },
  medicareIrn: { noun: 'individual reference number (1 to 9)', test: pattern(/^[1-9]$/) },
  medicareColour: {
    noun: 'card colour (Green, Yellow, Blue, G, Y or B)',
    test: pattern(/^(G|Y|B|GREEN|YELLOW|BLUE)$/i),
  },
  monthYear: { noun: 'expiry date (MM/YYYY)', test: (v) => /^(0[1-9]|1[0-2])\/\d{4}$/.test(v) },
  medicareExpiry: {
    noun: 'expiry date (MM/YYYY or DD/MM/YYYY)',
    test: (v) => /^(0[1-9]|1[0-2])\/\d{4}$/.test(v) || isDayMonthYear(v),
  },
  auPassportNumber: { noun: 'Australian passport number', test: pattern(/^[A-Z]{1,2}\d{7}$/i) },
  passportNumber: { noun: 'passport number', test: pattern(/^[A-Z0-9]{1,14}$/i) },
  countryCode3: { noun: 'three-letter country code', test: pattern(/^[A-Z]{3}$/i) },
  gender: { noun: 'gender (M, F, Male or Female)', test: pattern(/^(M|F|MALE|FEMALE)$/i) },
  medibankNumber: { noun: 'Medibank membership number', test: pattern(/^\d{8,9}$/) },
  registrationNumber: { noun: 'registration number', test: pattern(/^[A-Z0-9/-]{1,12}$/i) },
  certificateNumber: { noun: 'certificate number', test: pattern(/^[A-Z0-9/-]{1,12}$/i) },
  stockNumber: { noun: 'stock number', test: pattern(/^[A-Z0-9]{1,12}$/i) },
  clientId: { noun: 'client id (11 digits)', test: pattern(/^\d{11}$/) },
  registerNumber: { noun: 'register number', test: pattern(/^\d{1,6}$/) },
  entryNumber: { noun: 'entry number', test: pattern(/^\d{1,6}$/) },
  immiCardNumber: { noun: 'ImmiCard number (3 letters and 6 digits)', test: pattern(/^[A-Z]{3}\d{6}$/i) },
  centrelinkCrn: {
    noun: 'Centrelink customer reference number (9 digits and a letter)',
    test: pattern(/^\d{9}[A-Z]$/i),
  },
  nzLicenceNumber: { noun: 'NZ driver licence number', test: pattern(/^([A-Z]{2}\d{6}|\d{8})$/i) },
  nzLicenceVersion: { noun: 'licence version number (3 digits)', test: pattern(/^\d{3}$/) },
  nzPassportNumber: { noun: 'NZ passport number', test: pattern(/^[A-Z]{1,2}\d{6,7}$/i) },
  aaMembershipNumber: { noun: 'AA membership number (16 digits)', test: pattern(/^\d{16}$/) },
  ...licenceRules,
};

export type ValidationRuleId = keyof typeof VALIDATION_RULES;
