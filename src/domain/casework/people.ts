// People on an application, their relationships, age on a date and the age brackets of
// nz-citizenship.md R10–R13 (CHILD 0–13, YOUTH 14–15, ADULT 16+), and the 30 July 2020 liveness cutoff.
// Each rule says which date it is evaluated on (see BRACKET_EVALUATION_DATES).

import { compareDates, isLeapYear, parseIsoDate, type IsoDate } from './common.ts';

export interface Person {
  readonly id: string;
  readonly fullName: string;
  readonly dateOfBirth: IsoDate;
}

/**
 * How a person stands on an application (seed 000):
 * - applicant: the subject person ("Subject person", ccms S1)
 * - consenting-parent: parent/legal guardian whose identity is confirmed for a child under 14 (BR-04, BR-17)
 * - secondary-consent-giver: other parent where the child's country does not allow dual citizenship (BR-33)
 * - child: a child applying alongside the requestor ("Relationship to requestor", ccms S2); the requestor
 *   is then the consenting parent
 */
export const PARTY_RELATIONSHIPS = ['applicant', 'consenting-parent', 'secondary-consent-giver', 'child'] as const;
export type PartyRelationship = (typeof PARTY_RELATIONSHIPS)[number];

export interface Party {
  readonly person: Person;
  readonly relationship: PartyRelationship;
}

/** CCMS "Relationship to requestor" values; only "Yourself" is shown in seed 000 (L1206–1208). */
export const RELATIONSHIP_TO_REQUESTOR = ['Yourself', 'Child'] as const;
export type RelationshipToRequestor = (typeof RELATIONSHIP_TO_REQUESTOR)[number];

// ---------------------------------------------------------------------------------------------------------
// Age

/** Where a 29 February birthday falls in a non-leap year. R10 default: 1 March [cfg]. */
export type LeapDayBirthday = 'mar-1' | 'feb-28';
export const DEFAULT_LEAP_DAY_BIRTHDAY: LeapDayBirthday = 'mar-1';

/** Completed years on `on` (R10). Throws RangeError if `on` is before the date of birth. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate, leapDay: LeapDayBirthday = DEFAULT_LEAP_DAY_BIRTHDAY): number {
  const b = parseIsoDate(dateOfBirth);
  const d = parseIsoDate(on);
  if (compareDates(on, dateOfBirth) < 0) throw new RangeError(`${on} is before date of birth ${dateOfBirth}`);
  let bMonth = b.month;
  let bDay = b.day;
  if (b.month === 2 && b.day === 29 && !isLeapYear(d.year)) {
    if (leapDay === 'mar-1') {
      bMonth = 3;
      bDay = 1;
    } else {
      bDay = 28;
    }
  }
  const hadBirthday = d.month > bMonth || (d.month === bMonth && d.day >= bDay);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

export const AGE_BRACKETS = ['child', 'youth', 'adult'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** R10 / BR-04 / BR-05 (seed L59–65, L590): Tuwhiria te Tikanga has a page per bracket 0-13, 14/15, 16+. */
export const BRACKET_TABLE: readonly {
  readonly bracket: AgeBracket;
  readonly minAge: number;
  readonly maxAge: number;
}[] = [
  { bracket: 'child', minAge: 0, maxAge: 13 },
  { bracket: 'youth', minAge: 14, maxAge: 15 },
  { bracket: 'adult', minAge: 16, maxAge: Number.POSITIVE_INFINITY },
];

export function bracketOfAge(age: number): AgeBracket {
  const row = BRACKET_TABLE.find((r) => age >= r.minAge && age <= r.maxAge);
  if (!row) throw new RangeError(`no bracket for age ${age}`);
  return row.bracket;
}

export function bracketOn(
  dateOfBirth: IsoDate,
  on: IsoDate,
  leapDay: LeapDayBirthday = DEFAULT_LEAP_DAY_BIRTHDAY,
): AgeBracket {
  return bracketOfAge(ageOn(dateOfBirth, on, leapDay));
}

/** Which date each age-dependent rule is evaluated on. */
export const BRACKET_EVALUATION_DATES = {
  route: 'submittedOn', // R11: s 8 vs s 9(1)(a) fixed at the application date A
  consent: 'submittedOn', // R11: who must consent fixed at A
  liveness: 'processingOn', // seed L503 / L1041: "turned … by the time you started processing", "while processing"; R12 decision date
  ceremony: 'ceremonyOn', // R12: oath/ceremony evaluated on the decision date and again on the ceremony date
} as const;

export type CitizenshipRoute = 's8' | 's9(1)(a)';

/** R11: route and consent are fixed from the age on the submission date. */
export function routeFor(
  dateOfBirth: IsoDate,
  submittedOn: IsoDate,
): { readonly route: CitizenshipRoute; readonly parentalConsentRequired: boolean } {
  const adult = bracketOn(dateOfBirth, submittedOn) === 'adult';
  return { route: adult ? 's8' : 's9(1)(a)', parentalConsentRequired: !adult };
}

const RANK: Readonly<Record<AgeBracket, number>> = { child: 0, youth: 1, adult: 2 };

export interface BracketChange {
  readonly atSubmission: AgeBracket;
  readonly atDate: AgeBracket;
  readonly turned14: boolean; // child → youth or adult: own liveness now applies (BR-20, BR-39)
  readonly turned16: boolean; // R13: keep the s 9 route; flag for officer review
  readonly flagForReview: boolean;
}

/** R13: compares the bracket on the submission date with the bracket on a later date. */
export function bracketChange(dateOfBirth: IsoDate, submittedOn: IsoDate, on: IsoDate): BracketChange {
  const atSubmission = bracketOn(dateOfBirth, submittedOn);
  const atDate = bracketOn(dateOfBirth, on);
  const turned14 = atSubmission === 'child' && RANK[atDate] >= RANK.youth;
  const turned16 = atSubmission !== 'adult' && atDate === 'adult';
  return { atSubmission, atDate, turned14, turned16, flagForReview: turned14 || turned16 };
}

// ---------------------------------------------------------------------------------------------------------
// The 30 July 2020 liveness cutoff (BR-07, BR-08, BR-09; seed L123–136, L719–734)

/** Liveness release date: applications submitted before this day need no liveness. */
export const LIVENESS_RELEASE_DATE: IsoDate = '2020-07-30';

export type IdentityStandard = 'pre-liveness' | 'liveness';

/** BR-07: the "Identity is bound" standard depends on the submission date. Submitted on 30 July → liveness. */
export function identityStandardFor(submittedOn: IsoDate): IdentityStandard {
  return compareDates(submittedOn, LIVENESS_RELEASE_DATE) < 0 ? 'pre-liveness' : 'liveness';
}

export function livenessRequiredFor(submittedOn: IsoDate): boolean {
  return identityStandardFor(submittedOn) === 'liveness';
}

/**
 * BR-09: before the cutoff no liveness is required, but when the AMS image is missing or unusable the
 * officer may offer a liveness link instead of the original passport or an appointment.
 * After the cutoff liveness is part of the standard, so a link may always be offered (BR-21).
 */
export function livenessLinkMayBeOffered(submittedOn: IsoDate, amsImageUsable: boolean): boolean {
  return livenessRequiredFor(submittedOn) || !amsImageUsable;
}
