// The master record: checks on registration (research §2.1 rules) and the person's country.
import { LocalDate } from '@js-joda/core';
import type { Address, Country, FieldProblem, Person } from './types.ts';
import { AU_STATES } from './validation-rules.ts';

/** Address country spellings → our country; anything else falls back to the account's country. */
export const COUNTRY_NAMES: Record<string, Country> = {
  AU: 'AU',
  AUS: 'AU',
  AUSTRALIA: 'AU',
  NZ: 'NZ',
  NZL: 'NZ',
  'NEW ZEALAND': 'NZ',
  AOTEAROA: 'NZ',
};

/**
 * Which country's background stubs (and catalogue) apply: the person's current address country when it
 * names AU or NZ, else the account's `country`, else AU.
 */
export function personCountry(person: Person, fallback: Country | undefined): Country {
  const named = COUNTRY_NAMES[(person.currentResidentialAddress?.country ?? '').trim().toUpperCase()];
  return named ?? fallback ?? 'AU';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const PHONE: Record<Country, RegExp> = { AU: /^\d{10}$/, NZ: /^\d{7,11}$/ };

const p = (field: string, label: string, message: string): FieldProblem => ({ field, label, message });

function addressProblems(prefix: string, address: Address | undefined, country: Country): FieldProblem[] {
  if (!address || country !== 'AU') return [];
  const out: FieldProblem[] = [];
  const need: [keyof Address, string][] = [
    ['streetNumber', 'Street number'],
    ['streetName', 'Street name'],
    ['suburb', 'Suburb'],
    ['postcode', 'Postcode'],
    ['state', 'State'],
  ];
  for (const [key, label] of need)
    if (!(address[key] ?? '').trim())
      out.push(p(`${prefix}.${key}`, label, `${label} is required for an Australian address.`));
  if (address.postcode && !/^\d{4}$/.test(address.postcode.trim()))
    out.push(p(`${prefix}.postcode`, 'Postcode', 'Postcode must be 4 digits.'));
  if (address.state && !(AU_STATES as readonly string[]).includes(address.state.trim().toUpperCase())) {
    out.push(p(`${prefix}.state`, 'State', `State must be one of ${AU_STATES.join(', ')}.`));
  }
  for (const [key, value] of Object.entries(address)) {
    if (typeof value === 'string' && value.length > 255)
      out.push(p(`${prefix}.${key}`, key, `${key} must be at most 255 characters.`));
  }
  return out;
}

/** Problems with a person given to registerVerification (empty when fine). */
export function personProblems(person: Person, country: Country, today: LocalDate): FieldProblem[] {
  const out: FieldProblem[] = [];
  const names: [keyof Person, string, boolean][] = [
    ['givenName', 'Given name', true],
    ['surname', 'Surname', true],
    ['middleNames', 'Middle names', false],
    ['honorific', 'Honorific', false],
  ];
  for (const [key, label, required] of names) {
    const value = person[key];
    const text = typeof value === 'string' ? value.trim() : '';
    if (required && text === '') out.push(p(`name.${key}`, label, `${label} is required.`));
    if (text.length > 255) out.push(p(`name.${key}`, label, `${label} must be at most 255 characters.`));
  }
  let dob: LocalDate | null = null;
  try {
    dob = LocalDate.of(person.dob.year, person.dob.month, person.dob.day);
  } catch {
    out.push(p('dob', 'Date of birth', 'Date of birth is not a real date.'));
  }
  if (dob && !dob.isBefore(today)) out.push(p('dob', 'Date of birth', 'Date of birth must be in the past.'));
  if (person.email && !EMAIL.test(person.email.trim()))
    out.push(p('email', 'Email', 'Email is not a valid email address.'));
  for (const key of ['homePhone', 'workPhone', 'mobilePhone'] as const) {
    const phone = person[key];
    if (phone && !PHONE[country].test(phone.replace(/[\s()-]/g, ''))) {
      out.push(p(key, key, country === 'AU' ? `${key} must be 10 digits.` : `${key} must be 7 to 11 digits.`));
    }
  }
  return [
    ...out,
    ...addressProblems('currentResidentialAddress', person.currentResidentialAddress, country),
    ...addressProblems('previousResidentialAddress', person.previousResidentialAddress, country),
  ];
}
