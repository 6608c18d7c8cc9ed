// The application types pono processes. Seed 000 shows "Application type*" = "CBG Adult" on every
// application record (ccms S2, L1198–1200, L1789–1791, L1959–1961); "CBG Child" is pono's name for the
// child applications the seed describes without showing their type (S4, consenting parties) [inf].

export const APPLICATION_TYPES = ['CBG Adult', 'CBG Child'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export function isApplicationType(value: string): value is ApplicationType {
  return (APPLICATION_TYPES as readonly string[]).includes(value);
}
