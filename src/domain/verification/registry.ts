// Registry sources: the person is matched against records an operator loaded (a roll, a customer file, the
// immigration records of P3). Names, dates and addresses are normalised (normalise.ts) and compared with
// Jaro-Winkler (similarity.ts, thresholds documented there). Field statuses follow seed 004:
// * CONFIRMED — the record holds the field and it matches (for setFields: and the person did not change it);
// * CHANGED   — setFields only: the submitted value matches the record but differs from the master record;
// * ADDITION  — setFields only: the submitted value matches the record and the master record had none;
// * NO_MATCH  — the record holds the field and it does not match;
// * MISSING   — the record does not hold the field.
// Fields the person (or the submission) leaves empty are not checked and not returned (V3: "only the
// fields that were checked or changed").
// The source outcome: name = given name and surname matched (or matched swapped); nameDob = name + dob;
// nameAddress = name + street number + street name + (suburb or postcode). The best candidate is the one
// confirming most, then with most matched fields. Middle names and the property name are reported but never
// decide.
import type { Address, Confirmation, FieldResultV3, FieldStatus, Person } from './types.ts';
import {
  isoFromDob,
  normaliseAddressText,
  normaliseName,
  normaliseNumber,
  normaliseState,
  parseDate,
} from './normalise.ts';
import { ADDRESS_MATCH_THRESHOLD, addressTextSimilarity, nameSimilarity, NAME_MATCH_THRESHOLD } from './similarity.ts';

export interface RegistryRecord {
  recordId?: string;
  givenName?: string;
  middleNames?: string;
  surname?: string;
  /** ISO `YYYY-MM-DD`. */
  dob?: string;
  address?: Address;
}

/**
 * Candidates the app fetched for a verification, keyed by sourceId; `unavailable` when the records behind a
 * source could not be read: the source is then in ERROR (retryable), never a negative finding.
 */
export type RegistryRecords = Record<string, RegistryRecord[] | 'unavailable'>;

/** The values compared, in one flat shape (from the person, or from setFields inputs). */
export interface MatchSubject {
  givenName?: string;
  middleNames?: string;
  surname?: string;
  dob?: string;
  propertyName?: string;
  streetNumber?: string;
  streetName?: string;
  streetType?: string;
  suburb?: string;
  state?: string;
  postcode?: string;
}

export const MATCH_FIELDS = [
  'givenName',
  'middleNames',
  'surname',
  'dob',
  'propertyName',
  'streetNumber',
  'streetName',
  'suburb',
  'state',
  'postcode',
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export interface ChangedField {
  field: MatchField;
  from: string;
  to: string;
}

export interface RegistryMatch {
  recordId: string | null;
  confirms: Confirmation[];
  fieldResult: FieldResultV3[];
  changes: ChangedField[];
}

export function subjectFromPerson(person: Person): MatchSubject {
  const a = person.currentResidentialAddress ?? {};
  return {
    givenName: person.givenName,
    middleNames: person.middleNames,
    surname: person.surname,
    dob: isoFromDob(person.dob),
    propertyName: a.propertyName,
    streetNumber: a.streetNumber,
    streetName: a.streetName,
    streetType: a.streetType,
    suburb: a.suburb,
    state: a.state,
    postcode: a.postcode,
  };
}

function recordSubject(record: RegistryRecord): MatchSubject {
  const a = record.address ?? {};
  return {
    givenName: record.givenName,
    middleNames: record.middleNames,
    surname: record.surname,
    dob: record.dob,
    propertyName: a.propertyName,
    streetNumber: a.streetNumber,
    streetName: a.streetName,
    streetType: a.streetType,
    suburb: a.suburb ?? a.city,
    state: a.state,
    postcode: a.postcode,
  };
}

const street = (s: MatchSubject) => [s.streetName, s.streetType].filter(Boolean).join(' ');

/** Per field: is there a value, and do two subjects' values match? */
const FIELD_RULES: Record<
  MatchField,
  {
    value: (s: MatchSubject) => string;
    same: (a: MatchSubject, b: MatchSubject) => boolean;
    equal: (a: MatchSubject, b: MatchSubject) => boolean;
  }
> = {
  givenName: {
    value: (s) => s.givenName ?? '',
    same: (a, b) => nameSimilarity(a.givenName, b.givenName) >= NAME_MATCH_THRESHOLD,
    equal: (a, b) => normaliseName(a.givenName) === normaliseName(b.givenName),
  },
  middleNames: {
    value: (s) => s.middleNames ?? '',
    same: (a, b) => nameSimilarity(a.middleNames, b.middleNames) >= NAME_MATCH_THRESHOLD,
    equal: (a, b) => normaliseName(a.middleNames) === normaliseName(b.middleNames),
  },
  surname: {
    value: (s) => s.surname ?? '',
    same: (a, b) => nameSimilarity(a.surname, b.surname) >= NAME_MATCH_THRESHOLD,
    equal: (a, b) => normaliseName(a.surname) === normaliseName(b.surname),
  },
  dob: {
    value: (s) => s.dob ?? '',
    same: (a, b) => parseDate(a.dob) !== null && parseDate(a.dob) === parseDate(b.dob),
    equal: (a, b) => parseDate(a.dob) === parseDate(b.dob),
  },
  propertyName: {
    value: (s) => s.propertyName ?? '',
    same: (a, b) => addressTextSimilarity(a.propertyName, b.propertyName) >= ADDRESS_MATCH_THRESHOLD,
    equal: (a, b) => normaliseAddressText(a.propertyName) === normaliseAddressText(b.propertyName),
  },
  streetNumber: {
    value: (s) => s.streetNumber ?? '',
    same: (a, b) => normaliseNumber(a.streetNumber) === normaliseNumber(b.streetNumber),
    equal: (a, b) => normaliseNumber(a.streetNumber) === normaliseNumber(b.streetNumber),
  },
  streetName: {
    value: street,
    same: (a, b) => addressTextSimilarity(street(a), street(b)) >= ADDRESS_MATCH_THRESHOLD,
    equal: (a, b) => normaliseAddressText(street(a)) === normaliseAddressText(street(b)),
  },
  suburb: {
    value: (s) => s.suburb ?? '',
    same: (a, b) => addressTextSimilarity(a.suburb, b.suburb) >= ADDRESS_MATCH_THRESHOLD,
    equal: (a, b) => normaliseAddressText(a.suburb) === normaliseAddressText(b.suburb),
  },
  state: {
    value: (s) => s.state ?? '',
    same: (a, b) => normaliseState(a.state) === normaliseState(b.state),
    equal: (a, b) => normaliseState(a.state) === normaliseState(b.state),
  },
  postcode: {
    value: (s) => s.postcode ?? '',
    same: (a, b) => normaliseNumber(a.postcode) === normaliseNumber(b.postcode),
    equal: (a, b) => normaliseNumber(a.postcode) === normaliseNumber(b.postcode),
  },
};

const MATCHED: readonly FieldStatus[] = ['CONFIRMED', 'CHANGED', 'ADDITION'];

/** Swap given name and surname when only the swapped pair matches the record. */
function unswapped(subject: MatchSubject, record: MatchSubject): { subject: MatchSubject; swapped: boolean } {
  const direct = FIELD_RULES.givenName.same(subject, record) && FIELD_RULES.surname.same(subject, record);
  if (direct) return { subject, swapped: false };
  const swapped = { ...subject, givenName: subject.surname, surname: subject.givenName };
  return FIELD_RULES.givenName.same(swapped, record) && FIELD_RULES.surname.same(swapped, record)
    ? { subject: swapped, swapped: true }
    : { subject, swapped: false };
}

/**
 * Matches a subject against one record. `master` is the master record (the person) when the subject is a
 * setFields submission, so that changes can be told apart; null for background checks.
 */
export function matchRecord(
  subject: MatchSubject,
  record: RegistryRecord,
  allowed: readonly Confirmation[],
  master: MatchSubject | null = null,
): RegistryMatch {
  const theirs = recordSubject(record);
  const { subject: ours, swapped } = unswapped(subject, theirs);
  const fieldResult: FieldResultV3[] = [];
  const changes: ChangedField[] = [];
  const status = new Map<MatchField, FieldStatus>();
  for (const field of MATCH_FIELDS) {
    const rule = FIELD_RULES[field];
    const value = rule.value(ours);
    if (value === '') continue;
    let s: FieldStatus;
    if (rule.value(theirs) === '') s = 'MISSING';
    else if (!rule.same(ours, theirs)) s = 'NO_MATCH';
    else if (master === null || rule.equal(ours, master)) s = 'CONFIRMED';
    else if (rule.value(master) === '') s = 'ADDITION';
    else s = 'CHANGED';
    status.set(field, s);
    const result: FieldResultV3 = { name: field, status: s, value };
    if (s === 'CHANGED' && master) {
      result.changedValue = value;
      result.masterRecordValue = rule.value(master);
      changes.push({ field, from: rule.value(master), to: value });
    }
    if (s === 'ADDITION') changes.push({ field, from: '', to: value });
    if (swapped && (field === 'givenName' || field === 'surname'))
      result.extraData = [{ name: 'note', value: 'given name and surname swapped' }];
    fieldResult.push(result);
  }
  const ok = (f: MatchField) => MATCHED.includes(status.get(f) ?? 'MISSING');
  const name = ok('givenName') && ok('surname');
  const address = ok('streetNumber') && ok('streetName') && (ok('suburb') || ok('postcode'));
  const confirms = allowed.filter((c) => name && (c === 'nameDob' ? ok('dob') : address));
  return { recordId: record.recordId ?? null, confirms, fieldResult, changes };
}

/** The best match over the candidates (most confirmations, then most matched fields); null without candidates. */
export function bestRegistryMatch(
  subject: MatchSubject,
  records: readonly RegistryRecord[],
  allowed: readonly Confirmation[],
  master: MatchSubject | null = null,
): RegistryMatch | null {
  let best: RegistryMatch | null = null;
  let bestScore = -1;
  for (const record of records) {
    const match = matchRecord(subject, record, allowed, master);
    const score =
      match.confirms.length * 100 +
      match.fieldResult.filter((f) => f.status !== null && MATCHED.includes(f.status)).length;
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best;
}
