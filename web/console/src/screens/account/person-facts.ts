// The registered person's details in the office's words (a verification's registrationDetails, a manual
// review's person): one labelled fact per detail, in a fixed order, the date of birth as a date and each
// address on one line. A detail this list does not know is shown under its own name rather than hidden.
import type { TFunction } from 'i18next';
import { instant, shortDate } from '../../components/dates.ts';

const DETAILS = [
  'honorific',
  'givenName',
  'middleNames',
  'surname',
  'dob',
  'email',
  'homePhone',
  'workPhone',
  'mobilePhone',
  'currentResidentialAddress',
  'previousResidentialAddress',
  'dateCreated',
] as const;
type Detail = (typeof DETAILS)[number];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

function addressLine(address: Record<string, unknown>): string {
  const part = (name: string) => text(address[name]);
  const joined = (...names: string[]) =>
    names
      .map(part)
      .filter((s) => s !== '')
      .join(' ');
  return [
    part('flatNumber'),
    part('propertyName'),
    joined('streetNumber', 'streetName', 'streetType'),
    part('suburb') || part('city'),
    joined('state', 'postcode'),
    part('country'),
  ]
    .filter((s) => s !== '')
    .join(', ');
}

function dateOfBirth(dob: Record<string, unknown>): string {
  const [day, month, year] = [dob.day, dob.month, dob.year].map(Number);
  if (!day || !month || !year) return '';
  return shortDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

const SHOWN: Record<Detail, (value: unknown) => string> = {
  honorific: text,
  givenName: text,
  middleNames: text,
  surname: text,
  dob: (value) => (value && typeof value === 'object' ? dateOfBirth(value as Record<string, unknown>) : text(value)),
  email: text,
  homePhone: text,
  workPhone: text,
  mobilePhone: text,
  currentResidentialAddress: (value) =>
    value && typeof value === 'object' ? addressLine(value as Record<string, unknown>) : '',
  previousResidentialAddress: (value) =>
    value && typeof value === 'object' ? addressLine(value as Record<string, unknown>) : '',
  dateCreated: (value) => (typeof value === 'string' ? instant(value) : ''),
};

export function personFacts(t: TFunction<'account'>, details: Record<string, unknown>): [string, string][] {
  const known = DETAILS.map((detail): [string, string] => [
    t(`personDetails.${detail}`),
    SHOWN[detail](details[detail]),
  ]);
  const others = Object.entries(details)
    .filter(([name]) => !DETAILS.some((d) => d === name))
    .map(([name, value]): [string, string] => [name, typeof value === 'object' ? JSON.stringify(value) : text(value)]);
  return [...known, ...others].filter(([, value]) => value !== '' && value !== '—');
}
