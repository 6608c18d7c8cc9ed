// An administrator's review of one PENDING component of a combination source (seed 003: "Components initially in
// a pending state have the option of being reviewed; during this process the administrator is required to give a
// comment"). Verified, the component becomes VERIFIED_ADMIN with the seed's AdminComment field (comment, Date,
// AdminEmail); not verified, it becomes FAILED with the same record. The combination's state is then the least
// favourable of its components' again (combination.ts).
//
// Seed 004 names no state for a check an administrator refused; FAILED is the nearest it has ("the check has been
// unsuccessful - either the data has not matched or (in the case of some interactive checks) the user has changed
// some data violating the requirements of the rules"), though its table also calls it deprecated for watchlists.
import { VerificationError } from '../verification/errors.ts';
import { adminCommentField, adminCommentProblems, greenIdDate } from '../verification/results.ts';
import type { CheckResultV3, SourceState } from '../verification/types.ts';
import { PASSING, worst } from './combination.ts';

export const REVIEW_DECISIONS = ['VERIFIED', 'NOT_VERIFIED'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The state a decided component takes. */
export const REVIEWED_STATE: Readonly<Record<ReviewDecision, SourceState>> = {
  VERIFIED: 'VERIFIED_ADMIN',
  NOT_VERIFIED: 'FAILED',
};

export interface ComponentReview {
  /** the component's name as in the result, e.g. "Data Extraction", "Face Comparison" */
  readonly component: string;
  readonly decision: ReviewDecision;
  readonly comment: string;
  readonly adminEmail: string;
}

/** The names of the combination's components that wait for review. */
export function pendingComponents(result: CheckResultV3): string[] {
  return (result.individualResult ?? []).filter((c) => c.state === 'PENDING').map((c) => c.name);
}

/**
 * The combination result with one PENDING component decided. Throws FieldValidationFault for a missing comment,
 * a bad email or an unknown component, and SourceNotAvailableFault for a component that does not wait for review.
 */
export function reviewComponent(result: CheckResultV3, review: ComponentReview, now: Date): CheckResultV3 {
  const components = result.individualResult ?? [];
  const problems = [
    ...adminCommentProblems(review),
    ...(components.some((c) => c.name === review.component)
      ? []
      : [
          {
            field: 'component',
            label: 'Component',
            message: `Component must be one of ${components.map((c) => c.name).join(', ')}.`,
          },
        ]),
  ];
  if (problems.length > 0) throw VerificationError.fieldValidation(problems);
  const target = components.find((c) => c.name === review.component);
  if (target?.state !== 'PENDING') {
    throw new VerificationError(
      'SourceNotAvailableFault',
      `The component "${review.component}" is ${target?.state ?? 'EMPTY'}: only a component pending review can be reviewed.`,
    );
  }
  const state = REVIEWED_STATE[review.decision];
  const decided = components.map((c) =>
    c.name === review.component
      ? {
          ...c,
          state,
          dateVerified: PASSING.includes(state) ? greenIdDate(now) : null,
          fieldResult: [...c.fieldResult, adminCommentField(review.comment, review.adminEmail, now)],
        }
      : c,
  );
  const overall = worst(decided.map((c) => c.state));
  return {
    ...result,
    state: overall,
    dateVerified: PASSING.includes(overall) ? (result.dateVerified ?? greenIdDate(now)) : null,
    individualResult: decided,
  };
}
