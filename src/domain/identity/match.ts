// Identity match of an applicant against immigration-record candidates (R14, research §6.3): `1:1`, `1:N`
// (with the candidate list, never one picked), `No match`, or `API error` (records service unreachable:
// retryable, never a negative finding).
//
// Names are compared as the tokens of domain/names (the one name rule of pono: transliterated, case folded,
// apostrophes and full stops dropped, separators split) with Jaro–Winkler similarity (jaro-winkler package).
//
// Thresholds (DEFAULT_MATCH_THRESHOLDS, all configurable):
// * family-name score = the best of: the joined tokens (so "Du Plessis" = "DuPlessis" = "Du-Plessis"), the
//   joined tokens without name particles (so "de Bret" ≈ "Brett"), and 0.86 (below the strong
//   family threshold, so a candidate only) when every token of the shorter
//   name is in the longer one (a hyphenated "Smith-Jones" recorded as "Smith").
// * given-name score = the best of: the joined tokens, the first names alone (a middle name present on one
//   side only costs nothing; conflicting middle names cost 0.05).
// * name score = mean of the two. Also tried with given and family swapped (flag `names swapped`) and
//   against every other name (alias) on the record (flag `matched other name`); the best counts.
// * STRONG: name ≥ 0.92, given ≥ 0.85, family ≥ 0.88, date of birth exact, and no gender or country-of-
//   birth conflict (either missing is no conflict).
// * CANDIDATE (weaker): name ≥ 0.82, given ≥ 0.70, family ≥ 0.80, and a date of birth exact or a near
//   miss: one digit different, two adjacent digits transposed, or day and month swapped. A near-miss date
//   never makes a strong match: it is a candidate, flagged `date of birth near miss`.
// Decision: exactly one STRONG and no other candidate → 1:1. Two or more candidates of either kind → 1:N,
// all listed best first (the seed's 1:N example lists "Den Steve Brett" born 1981 beside two born 1980).
// A single weak candidate alone → No match, listed as a near miss for the officer (it is not unique proof
// of identity, and "1:N" would misstate it as several).
import { nameTokens } from '../names/index.ts';
import jaroWinkler from 'jaro-winkler';

export interface ApplicantDetails {
  givenNames: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender?: string | null;
  countryOfBirth?: string | null;
}

export interface CandidateName {
  givenNames: string;
  familyName: string;
}

/** What the match needs of a record; the immigration-records Identity has these members. */
export interface CandidateIdentity extends CandidateName {
  middleNames?: string | null;
  otherNames?: readonly CandidateName[];
  dateOfBirth: string;
  gender?: string | null;
  countryOfBirth?: string | null;
}

/** The records search as the caller saw it: candidates (blocked by the store, e.g. on DOB ± or names), or down. */
export type RecordSearch<T> = { status: 'ok'; candidates: readonly T[] } | { status: 'unavailable'; reason: string };

export type DateOfBirthComparison = 'exact' | 'one digit' | 'digits transposed' | 'day and month swapped' | 'different';

export type MatchFlag =
  'names swapped' | 'matched other name' | 'date of birth near miss' | 'gender differs' | 'country of birth differs';

export interface CandidateAssessment {
  strength: 'strong' | 'candidate' | 'none';
  nameScore: number;
  givenScore: number;
  familyScore: number;
  dateOfBirth: DateOfBirthComparison;
  flags: MatchFlag[];
}

export interface AssessedCandidate<T> {
  record: T;
  assessment: CandidateAssessment;
}

export type IdentityMatch<T> =
  | { result: '1:1'; record: T; assessment: CandidateAssessment }
  | { result: '1:N'; candidates: AssessedCandidate<T>[] }
  | { result: 'No match'; nearMisses: AssessedCandidate<T>[] }
  | { result: 'API error'; retryable: true; reason: string };

export interface MatchThresholds {
  strongName: number;
  strongGiven: number;
  strongFamily: number;
  candidateName: number;
  candidateGiven: number;
  candidateFamily: number;
  /** Deducted from the first-name score when both sides have middle names that do not match. */
  middleNameConflict: number;
  /** Score when one family name's tokens are all in the other's. */
  familySubset: number;
}

export const DEFAULT_MATCH_THRESHOLDS: Readonly<MatchThresholds> = Object.freeze({
  strongName: 0.92,
  strongGiven: 0.85,
  strongFamily: 0.88,
  candidateName: 0.82,
  candidateGiven: 0.7,
  candidateFamily: 0.8,
  middleNameConflict: 0.05,
  familySubset: 0.86,
});

/** Family-name particles dropped for the particle-free comparison. */
const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'des',
  'dos',
  'das',
  'van',
  'von',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'binti',
  'ben',
  'ter',
]);

function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  return jaroWinkler(a, b);
}

function familyScore(a: string[], b: string[], t: MatchThresholds): number {
  let best = similarity(a.join(''), b.join(''));
  const aCore = a.filter((x) => !PARTICLES.has(x));
  const bCore = b.filter((x) => !PARTICLES.has(x));
  if (aCore.length > 0 && bCore.length > 0) best = Math.max(best, similarity(aCore.join(''), bCore.join('')));
  const [shorter, longer] = aCore.length <= bCore.length ? [aCore, bCore] : [bCore, aCore];
  if (
    shorter.length > 0 &&
    shorter.length < longer.length &&
    shorter.every((x) => longer.some((y) => similarity(x, y) >= 0.95))
  ) {
    best = Math.max(best, t.familySubset);
  }
  return best;
}

function givenScore(a: string[], b: string[], t: MatchThresholds): number {
  const joined = similarity(a.join(''), b.join(''));
  const first = similarity(a[0] ?? '', b[0] ?? '');
  const aMiddle = a.slice(1);
  const bMiddle = b.slice(1);
  let conflict = false;
  if (aMiddle.length > 0 && bMiddle.length > 0) {
    conflict = !aMiddle.some((x) => bMiddle.some((y) => similarity(x, y) >= 0.85 || x[0] === y || y[0] === x));
  }
  return Math.max(joined, first - (conflict ? t.middleNameConflict : 0));
}

/** Compares two YYYY-MM-DD dates of birth, allowing the typing slips a clerk makes. */
export function compareDatesOfBirth(a: string, b: string): DateOfBirthComparison {
  if (a === b) return 'exact';
  const x = a.replace(/-/g, '');
  const y = b.replace(/-/g, '');
  if (x.length !== 8 || y.length !== 8) return 'different';
  const differ: number[] = [];
  for (let i = 0; i < 8; i++) if (x[i] !== y[i]) differ.push(i);
  if (differ.length === 1) return 'one digit';
  const [i, j] = differ;
  if (differ.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i])
    return 'digits transposed';
  if (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6))
    return 'day and month swapped';
  return 'different';
}

function conflicts(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return false;
  const x = nameTokens(a).join(' ');
  const y = nameTokens(b).join(' ');
  if (x === '' || y === '' || x === 'unknown' || y === 'unknown') return false;
  return x !== y && x[0] !== y && y[0] !== x; // "M" vs "Male" is no conflict
}

interface NameScores {
  name: number;
  given: number;
  family: number;
  swapped: boolean;
  other: boolean;
}

function scoreNames(applicant: ApplicantDetails, record: CandidateIdentity, t: MatchThresholds): NameScores {
  const aGiven = nameTokens(applicant.givenNames);
  const aFamily = nameTokens(applicant.familyName);
  const variants: { given: string[]; family: string[]; other: boolean }[] = [
    {
      given: nameTokens(`${record.givenNames} ${record.middleNames ?? ''}`),
      family: nameTokens(record.familyName),
      other: false,
    },
    ...(record.otherNames ?? []).map((n) => ({
      given: nameTokens(n.givenNames),
      family: nameTokens(n.familyName),
      other: true,
    })),
  ];
  let best: NameScores = { name: -1, given: 0, family: 0, swapped: false, other: false };
  for (const v of variants) {
    for (const swapped of [false, true]) {
      const given = givenScore(swapped ? aFamily : aGiven, v.given, t);
      const family = familyScore(swapped ? aGiven : aFamily, v.family, t);
      const name = (given + family) / 2;
      // Prefer the straight reading on ties.
      if (name > best.name + 1e-9) best = { name, given, family, swapped, other: v.other };
    }
  }
  return best;
}

export function assessCandidate(
  applicant: ApplicantDetails,
  record: CandidateIdentity,
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): CandidateAssessment {
  const t = thresholds;
  const names = scoreNames(applicant, record, t);
  const dateOfBirth = compareDatesOfBirth(applicant.dateOfBirth, record.dateOfBirth);
  const flags: MatchFlag[] = [];
  if (names.swapped) flags.push('names swapped');
  if (names.other) flags.push('matched other name');
  if (dateOfBirth !== 'exact' && dateOfBirth !== 'different') flags.push('date of birth near miss');
  if (conflicts(applicant.gender, record.gender)) flags.push('gender differs');
  if (conflicts(applicant.countryOfBirth, record.countryOfBirth)) flags.push('country of birth differs');
  const conflict = flags.includes('gender differs') || flags.includes('country of birth differs');
  let strength: CandidateAssessment['strength'] = 'none';
  if (
    dateOfBirth === 'exact' &&
    !conflict &&
    names.name >= t.strongName &&
    names.given >= t.strongGiven &&
    names.family >= t.strongFamily
  ) {
    strength = 'strong';
  } else if (
    dateOfBirth !== 'different' &&
    names.name >= t.candidateName &&
    names.given >= t.candidateGiven &&
    names.family >= t.candidateFamily
  ) {
    strength = 'candidate';
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    strength,
    nameScore: round(names.name),
    givenScore: round(names.given),
    familyScore: round(names.family),
    dateOfBirth,
    flags,
  };
}

/** R14: the identity match of one applicant against the records search result. */
export function matchIdentity<T extends CandidateIdentity>(
  applicant: ApplicantDetails,
  search: RecordSearch<T>,
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): IdentityMatch<T> {
  if (search.status === 'unavailable') return { result: 'API error', retryable: true, reason: search.reason };
  const assessed: AssessedCandidate<T>[] = [];
  for (const record of search.candidates) {
    const assessment = assessCandidate(applicant, record, thresholds);
    if (assessment.strength !== 'none') assessed.push({ record, assessment });
  }
  assessed.sort(
    (a, b) =>
      Number(b.assessment.strength === 'strong') - Number(a.assessment.strength === 'strong') ||
      b.assessment.nameScore - a.assessment.nameScore,
  );
  const strong = assessed.filter((c) => c.assessment.strength === 'strong');
  const only = assessed[0];
  if (assessed.length === 1 && only !== undefined && strong.length === 1) {
    return { result: '1:1', record: only.record, assessment: only.assessment };
  }
  if (assessed.length >= 2) return { result: '1:N', candidates: assessed };
  return { result: 'No match', nearMisses: assessed };
}
