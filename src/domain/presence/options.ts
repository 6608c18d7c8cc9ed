// Presence conventions as configuration. Defaults are those of research/nz-citizenship.md §1.4, §1.5, §6.1.
import type { LeapDayAnniversary } from './epoch-day.ts';

/**
 * Which of the days of a departure and of an arrival count as days present (R3).
 * BOTH_PRESENT: absent days are dep+1 … arr−1 (default); DEPARTURE_ABSENT: dep … arr−1;
 * NEITHER_PRESENT: dep … arr.
 */
export type BoundaryDayRule = 'BOTH_PRESENT' | 'DEPARTURE_ABSENT' | 'NEITHER_PRESENT';

/**
 * What an applicant without any travel movement means (R6). EXCEPTION raises "No travel movements found"
 * (the seed's behaviour, default); PRESENT_THROUGHOUT treats them as in NZ all along (only for onshore
 * grants that the record confirms).
 */
export type NoMovementsRule = 'EXCEPTION' | 'PRESENT_THROUGHOUT';

export interface PresenceOptions {
  boundaryDayRule: BoundaryDayRule;
  /** Where the anniversary of a 29 February falls in common years (R1): 1 March (default) or 28 February. */
  leapDayAnniversary: LeapDayAnniversary;
  noMovements: NoMovementsRule;
  /** s 8(2)(b)(i): minimum days over the five years, inclusive. */
  totalDaysRequired: number;
  /** s 8(2)(b)(ii): minimum days in each of the five years, inclusive. */
  daysPerYearRequired: number;
  /** s 8(7) reduced presence: days required … */
  reducedPresenceDays: number;
  /** … within this many months before the application date. */
  reducedPresenceMonths: number;
  /** Compute the earliest eligible date (R8); off saves time in bulk runs that do not need it. */
  earliestEligibleDate: boolean;
}

export const DEFAULT_PRESENCE_OPTIONS: Readonly<PresenceOptions> = Object.freeze({
  boundaryDayRule: 'BOTH_PRESENT',
  leapDayAnniversary: 'MAR_1',
  noMovements: 'EXCEPTION',
  totalDaysRequired: 1350,
  daysPerYearRequired: 240,
  reducedPresenceDays: 450,
  reducedPresenceMonths: 20,
  earliestEligibleDate: true,
});

export function resolvePresenceOptions(partial?: Partial<PresenceOptions>): PresenceOptions {
  if (partial === undefined) return DEFAULT_PRESENCE_OPTIONS;
  const resolved: PresenceOptions = { ...DEFAULT_PRESENCE_OPTIONS };
  for (const key of Object.keys(partial) as (keyof PresenceOptions)[]) {
    const value = partial[key];
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  return resolved;
}
