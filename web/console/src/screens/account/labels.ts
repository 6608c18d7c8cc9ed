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
