// The verification domain model. Names and values follow greenID V3 (research/greenid-api.md §3–§4) and
// seeds 003/004; where a seed and the research disagree the seed wins and the place is marked "seed wins".

/** Overall verification status (seed 004 "States"). */
export const OVERALL_STATUSES = [
  'VERIFIED',
  'VERIFIED_ADMIN',
  'VERIFIED_WITH_CHANGES',
  'IN_PROGRESS',
  'PENDING',
  'LOCKED_OUT',
] as const;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

/**
 * Individual source states (seed 004 "Individual Source States"), plus `EMPTY` (sourceList only: never
 * tried) and `NOT_CONTRIBUTING`. The last one is not in seed 004's table: seeds 001 and 002 name a
 * "Not Contributing" result that removes the source from the available list, so it is a state here.
 * `PASSED`/`FAILED` are deprecated watchlist values kept for completeness; we emit the
 * `NOT_FOUND_ON_LIST`/`FOUND_ON_LIST` values instead.
 */
export const SOURCE_STATES = [
  'VERIFIED',
  'VERIFIED_ADMIN',
  'VERIFIED_WITH_CHANGES',
  'PASSED',
  'FAILED',
  'AUTOFAIL',
  'IN_PROGRESS',
  'PENDING',
  'LOCKED_OUT',
  'ERROR',
  'NOT_FOUND_ON_LIST',
  'FOUND_ON_LIST',
  'EMPTY',
  'NOT_CONTRIBUTING',
] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

/** States in which a source counts as passed (`passed` = true on SourceV3). */
export const PASSED_STATES: readonly SourceState[] = ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES'];

/** Verification modes (seed 004); null means no mode. */
export const MODES = ['POSTOFFICE', 'ASSISTED', 'EXTERNAL'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Method names (seed 004): DB = data base / non-consent (background), UC = user centric (interactive),
 * PP = person present. Seed wins: the research guessed `BG` for background; seed 004 names it `DB`.
 */
export const METHODS = ['DB', 'UC', 'PP'] as const;
export type Method = (typeof METHODS)[number];

/** Field statuses (seed 004 "Field Status"). */
export const FIELD_STATUSES = ['CONFIRMED', 'CHANGED', 'ADDITION', 'NO_MATCH', 'MISSING'] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

/** Watchlists reported in `watchlistsFoundOn` (seed 001). */
export const WATCHLISTS = ['DFAT', 'OFAC', 'PEP'] as const;
export type Watchlist = (typeof WATCHLISTS)[number];

export const COUNTRIES = ['AU', 'NZ'] as const;
export type Country = (typeof COUNTRIES)[number];

/** What a passed source confirms, for the rule set. */
export const CONFIRMATIONS = ['nameDob', 'nameAddress'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export interface NameValuePair {
  name: string;
  value: string;
}

export interface DateOfBirth {
  day: number;
  month: number;
  year: number;
}

/** The AU/NZ subset of greenID's 53-member Address; every member optional. */
export interface Address {
  flatNumber?: string;
  propertyName?: string;
  streetNumber?: string;
  streetName?: string;
  streetType?: string;
  suburb?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

export interface Person {
  givenName: string;
  middleNames?: string;
  surname: string;
  honorific?: string;
  dob: DateOfBirth;
  email?: string;
  currentResidentialAddress?: Address;
  previousResidentialAddress?: Address;
  homePhone?: string;
  workPhone?: string;
  mobilePhone?: string;
}

/** FieldResultV3: only fields that were checked or changed. */
export interface FieldResultV3 {
  name: string;
  status: FieldStatus | null;
  value?: string;
  changedValue?: string;
  masterRecordValue?: string;
  extractedValue?: string;
  data?: string;
  addressType?: string;
  format?: string;
  extraData?: NameValuePair[];
}

/** CheckResultV3: one check (source) of a verification. */
export interface CheckResultV3 {
  name: string;
  state: SourceState;
  /** a combination source's components are checked `interactive` (seed 003's examples) */
  method: Method | 'interactive' | null;
  mode: Mode | null;
  dateCreated?: string | null;
  dateVerified: string | null;
  fieldResult: FieldResultV3[];
  extraData?: NameValuePair[];
  individualResult?: CheckResultV3[];
  documentType?: string;
  documentRegion?: string;
  documentSubRegion?: string;
  faceMatchScore?: string;
}

export interface VerificationResultV3 {
  verificationId: string;
  ruleId: string;
  overallVerificationStatus: OverallStatus;
  mode: Mode | null;
  dateVerified: string | null;
  individualResult: CheckResultV3[];
}

/** SourceV3: one entry of sourceList. */
export interface SourceV3 {
  name: string;
  available: boolean;
  notRequired: boolean;
  oneSourceLeft: boolean;
  order: number;
  passed: boolean;
  state: SourceState;
  version: number;
  attributes?: NameValuePair[];
}

/** FieldV3: one input field of getFields. */
export interface FieldV3 {
  name: string;
  label: string;
  type: string;
  value: string;
  attribute: NameValuePair[];
  selectItem: NameValuePair[];
}

/** One problem with an input; `field` is the full input name, `label` its human label. */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}
