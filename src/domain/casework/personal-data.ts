// A person's own data on request: subject access (everything pono holds about them, exported) and erasure.
// Citizenship case files are public records that the office must keep (names, date of birth, the decision
// and its audit trail), so erasure removes what the office no longer needs once every case the person is in
// has closed: the biometric and document evidence and the contact details. docs/casework.md says so.
import type { Stage } from './stages.ts';

/** What an erasure removes, in the office's words (shown with the result and kept in the audit trail). */
export const ERASED_ON_REQUEST = [
  'supporting documents (passport scans, photos) and the document checks run on them',
  'liveness recordings, selfies and the source photos they were compared with',
  'email addresses (on the person and on their liveness links)',
  'the immigration records summary filed on their application',
] as const;

/** What stays: the public record of the case. */
export const KEPT_AFTER_ERASURE = [
  'name, date of birth and relationship to the application',
  'the application, its decision and its identity tasks',
  'liveness decisions and their reasons (without images)',
  'the audit trail, which records the erasure itself',
] as const;

export interface ErasureRefusal {
  readonly code: 'PERSON_CASE_OPEN';
  readonly message: string;
}

/** Erasure waits until every application the person is part of has closed. */
export function erasureRefusal(
  applications: readonly { reference: string; stage: Stage | string }[],
): ErasureRefusal | null {
  const open = applications.filter((a) => a.stage !== 'closed').map((a) => a.reference);
  if (open.length === 0) return null;
  return {
    code: 'PERSON_CASE_OPEN',
    message: `The person's data cannot be erased while ${open.length === 1 ? 'application' : 'applications'} ${open.join(', ')} ${open.length === 1 ? 'is' : 'are'} open: the evidence is still needed to decide it. Erase after the application has closed.`,
  };
}
