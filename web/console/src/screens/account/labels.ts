// The overall states of a verification in the office's words (the API keeps greenID's codes).
import type { TFunction } from 'i18next';

export const STATUSES = [
  'PENDING',
  'IN_PROGRESS',
  'VERIFIED',
  'VERIFIED_WITH_CHANGES',
  'VERIFIED_ADMIN',
  'LOCKED_OUT',
] as const;
export type Status = (typeof STATUSES)[number];

export function statusLabel(t: TFunction<'account'>, status: string): string {
  const known = STATUSES.find((s) => s === status);
  return known ? `${t(`statuses.${known}`)} (${known})` : status;
}

/** The states of a manual review of a form's person (forms, seed 001; VERIFIED_ADMIN is seed 004's). */
export const REVIEW_STATES = ['PENDING', 'VERIFIED_ADMIN', 'FAILED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export function reviewStateLabel(t: TFunction<'account'>, state: string): string {
  const known = REVIEW_STATES.find((s) => s === state);
  return known ? `${t(`reviews.states.${known}`)} (${known})` : state;
}
