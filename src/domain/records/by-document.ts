// BR-60 (seed 000 L1103): "Customers can visit govt.nz to enter their travel document details to get an
// immediate response about whether they meet presence". The details must all agree with one record: the
// document's number and issuing state, the date of birth exactly, and the name (case, accents, spaces and
// hyphens aside). Anything less is no match — a near miss is never an answer, because the answer is about
// someone's travel.
import type { ImmigrationRecord } from './model.ts';

export interface TravelDocumentQuery {
  documentNumber: string;
  /** The state that issued the document (the nationality it shows), e.g. "India". */
  nationality: string;
  dateOfBirth: string;
  givenNames: string;
  familyName: string;
}

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function firstWord(text: string): string {
  return plain(text.trim().split(/\s+/)[0] ?? '');
}

/** The one record the details all agree with, or null (none, or more than one). */
export function recordForTravelDocument(
  candidates: readonly ImmigrationRecord[],
  q: TravelDocumentQuery,
): ImmigrationRecord | null {
  const number = plain(q.documentNumber);
  const state = plain(q.nationality);
  const matches = candidates.filter(
    (r) =>
      r.identity.dateOfBirth === q.dateOfBirth &&
      plain(r.identity.familyName) === plain(q.familyName) &&
      firstWord(r.identity.givenNames) === firstWord(q.givenNames) &&
      r.travelDocuments.some((d) => plain(d.number) === number && plain(d.issuingState) === state),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
