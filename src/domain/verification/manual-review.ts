// Manual verification of a form's person (seed 001 "Manual Verification Option"): when the person fails or
// opts out of electronic verification they upload scans of their identity documents, and an account
// administrator reviews them. The review waits PENDING (seed 004: "Pending review") until decided:
// VERIFIED_ADMIN (seed 004: "manually verified by an administrator", with the administrator's comment; the
// form's verifyStatus becomes VERIFIED) or FAILED (the verification is LOCKED_OUT, so verifyStatus FAILED, and
// no further electronic attempt is made for the person).
import type { VerificationState } from './state.ts';
import { VERIFIED_OVERALL, withResult } from './state.ts';
import { adminOverride } from './engine.ts';
import { adminDate, checkResult } from './results.ts';
import { VerificationError } from './errors.ts';

export const MANUAL_REVIEW_STATES = ['PENDING', 'VERIFIED_ADMIN', 'FAILED'] as const;
export type ManualReviewState = (typeof MANUAL_REVIEW_STATES)[number];
export const MANUAL_REVIEW_DECISIONS = ['VERIFIED_ADMIN', 'FAILED'] as const;
export type ManualReviewDecision = (typeof MANUAL_REVIEW_DECISIONS)[number];
/** Why the person asked for manual verification: they chose to, or the electronic sources did not verify them. */
export const MANUAL_REVIEW_REASONS = ['OPTED_OUT', 'NOT_VERIFIED'] as const;
export type ManualReviewReason = (typeof MANUAL_REVIEW_REASONS)[number];

/** The documents a person may upload (seed 001's supported sources), as the upload's file field names. */
export const MANUAL_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  passport: 'Passport',
  licence: "Driver's licence",
  medicare: 'Medicare card',
  birthCertificate: 'Birth certificate',
  citizenshipCertificate: 'Citizenship certificate',
  changeOfNameCertificate: 'Change of name certificate',
  marriageCertificate: 'Marriage certificate',
  immiCard: 'ImmiCard',
  visa: 'Visa (foreign passport)',
  proofOfAddress: 'Proof of address (utility bill, bank statement)',
};
export const MAX_MANUAL_DOCUMENTS = 4;
export const MAX_MANUAL_DOCUMENT_BYTES = 8 * 1024 * 1024;
export const MAX_REVIEW_COMMENT = 2000;

export interface ManualDecisionInput {
  decision: ManualReviewDecision;
  comment: string;
  adminEmail: string;
}

/** Can this verification be sent for manual review? (null: yes; else the reason in words.) */
export function manualReviewRefusal(state: VerificationState): string | null {
  if (VERIFIED_OVERALL.includes(state.overallVerificationStatus))
    return 'This person is already verified: there is nothing to review.';
  return null;
}

/** The administrator's decision applied to the verification: VERIFIED_ADMIN with the comment, or FAILED. */
export function decideManualReview(state: VerificationState, input: ManualDecisionInput, now: Date): VerificationState {
  const problems = [
    ...(input.comment.trim() === ''
      ? [{ field: 'comment', label: 'Comment', message: 'Comment is required: say what was checked and why.' }]
      : []),
    ...(input.comment.length > MAX_REVIEW_COMMENT
      ? [{ field: 'comment', label: 'Comment', message: `Comment must be at most ${MAX_REVIEW_COMMENT} characters.` }]
      : []),
  ];
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  if (input.decision === 'VERIFIED_ADMIN') return adminOverride(state, input, now);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.adminEmail.trim()))
    throw VerificationError.fieldValidation([
      { field: 'adminEmail', label: 'Admin email', message: 'Admin email is not a valid email address.' },
    ]);
  const result = checkResult('AdminRejection', 'LOCKED_OUT', null, now, false, [
    {
      name: 'AdminComment',
      status: null,
      data: input.comment.trim(),
      extraData: [
        { name: 'Date', value: adminDate(now) },
        { name: 'AdminEmail', value: input.adminEmail.trim() },
      ],
    },
  ]);
  return {
    ...state,
    overallVerificationStatus: 'LOCKED_OUT',
    individualResults: withResult(state.individualResults, result),
  };
}
