// Similarity of names and address parts, built on the jaro-winkler library over normalised text.
//
// Thresholds (documented defaults):
// * NAME_MATCH_THRESHOLD 0.92 — a name field matches when its similarity is at least this. Equal after
//   normalisation = 1; the same tokens in another order ("Mary Anne" / "Anne Mary") = 1; one side's tokens
//   all within the other's (a hyphenated or double-barrelled surname against one of its parts:
//   "Smith-Jones" / "Smith") = TOKEN_SUBSET_SCORE 0.95; otherwise Jaro-Winkler ("Jon"/"John" 0.93 matches,
//   "Smith"/"Smyth" 0.89 does not).
// * ADDRESS_MATCH_THRESHOLD 0.90 — street names and suburbs, after abbreviation expansion.
// * MINOR_CHANGE_THRESHOLD 0.90 — a changed name is a "minor" change (rules.ts) at or above this, or when
//   one side is the other's initial or prefix.
import jaroWinkler from 'jaro-winkler';
import { nameTokens, normaliseAddressText, normaliseName } from './normalise.ts';

export const NAME_MATCH_THRESHOLD = 0.92;
export const TOKEN_SUBSET_SCORE = 0.95;
export const ADDRESS_MATCH_THRESHOLD = 0.9;
export const MINOR_CHANGE_THRESHOLD = 0.9;

const sorted = (tokens: string[]) => [...tokens].sort().join(' ');

export function nameSimilarity(a: string | undefined, b: string | undefined): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const na = ta.join(' ');
  const nb = tb.join(' ');
  if (na === nb || sorted(ta) === sorted(tb)) return 1;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const subset = short.every((t) => long.includes(t)) ? TOKEN_SUBSET_SCORE : 0;
  return Math.max(subset, jaroWinkler(na, nb), jaroWinkler(sorted(ta), sorted(tb)));
}

export function namesMatch(a: string | undefined, b: string | undefined): boolean {
  return nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}

export function addressTextSimilarity(a: string | undefined, b: string | undefined): number {
  const na = normaliseAddressText(a);
  const nb = normaliseAddressText(b);
  if (na === '' || nb === '') return 0;
  return na === nb ? 1 : jaroWinkler(na, nb);
}

/** Is the change from `from` to `to` minor: close spelling, or an initial/prefix of the other? */
export function isMinorNameChange(from: string | undefined, to: string | undefined): boolean {
  const a = normaliseName(from);
  const b = normaliseName(to);
  if (a === b) return true;
  if (a === '' || b === '') return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return nameSimilarity(a, b) >= MINOR_CHANGE_THRESHOLD;
}
