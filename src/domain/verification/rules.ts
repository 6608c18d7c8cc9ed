// Rule sets as versioned data, and the overall decision (seed 004 states).
//
// Decision, in order:
// 1. an admin override of the whole verification → VERIFIED_ADMIN;
// 2. requirements met by sources in VERIFIED alone → VERIFIED; also counting VERIFIED_ADMIN sources →
//    VERIFIED_ADMIN; also counting VERIFIED_WITH_CHANGES (changes the rule set accepts) →
//    VERIFIED_WITH_CHANGES; also counting PENDING (changes it does not accept) → PENDING;
// 3. locked out → LOCKED_OUT. `lockoutAfterFailedAttempts` counts failed interactive attempts over the whole
//    verification (every source); `sourceLockoutAfterFailedAttempts` locks one source (its state
//    LOCKED_OUT, no longer available) after that many failures on it. A failure is a setFields whose data did
//    not match; ERROR (source unavailable), NOT_CONTRIBUTING and PENDING are not failures. null = no
//    lockout (seed 004: "By default there are no lock out rules"). Once LOCKED_OUT a verification stays so
//    until an admin override;
// 4. otherwise IN_PROGRESS.
// A source counts towards a requirement when its pass confirms that kind (catalogue `confirms`, narrowed by
// the check: an AA "name + address" stub, a registry match on name + DOB only). One source may count
// towards both kinds. Watchlist hits never change the decision: greenID reports them separately in
// watchlistsFoundOn and the customer acts on them.
import type { Confirmation, OverallStatus, SourceState } from './types.ts';
import type { ChangedField, MatchField } from './registry.ts';
import { isMinorNameChange } from './similarity.ts';

export interface Requirement {
  kind: Confirmation;
  sources: number;
}

export const CHANGE_FIELDS = ['givenName', 'middleNames', 'surname', 'dob', 'address'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** A kind of change a person may make on an interactive source and still be VERIFIED_WITH_CHANGES. */
export interface AcceptedChange {
  field: ChangeField;
  /** `minor`: a close spelling or an initial/prefix (similarity.ts); `any`: every change of the field. */
  extent: 'minor' | 'any';
}

export interface RuleSet {
  id: string;
  version: number;
  requirements: Requirement[];
  acceptedChanges: AcceptedChange[];
  /** Failed interactive attempts over the whole verification before LOCKED_OUT; null = never. */
  lockoutAfterFailedAttempts: number | null;
  /** Failed attempts on one source before that source is LOCKED_OUT; null/absent = never. */
  sourceLockoutAfterFailedAttempts?: number | null;
}

/** greenID's usual rule: two sources confirm name + DOB, one confirms name + address. */
export const DEFAULT_RULE_SET: RuleSet = {
  id: 'default',
  version: 1,
  requirements: [
    { kind: 'nameDob', sources: 2 },
    { kind: 'nameAddress', sources: 1 },
  ],
  acceptedChanges: [
    { field: 'middleNames', extent: 'any' },
    { field: 'givenName', extent: 'minor' },
    { field: 'surname', extent: 'minor' },
  ],
  lockoutAfterFailedAttempts: null,
  sourceLockoutAfterFailedAttempts: null,
};

export interface Contribution {
  sourceId: string;
  state: SourceState;
  confirms: readonly Confirmation[];
}

export function requirementsMet(ruleSet: RuleSet, contributions: readonly Contribution[]): boolean {
  return ruleSet.requirements.every(
    (r) => contributions.filter((c) => c.confirms.includes(r.kind)).length >= r.sources,
  );
}

/** Outcome tiers: the first whose states meet the requirements wins. */
export const DECISION_TIERS: readonly { status: OverallStatus; counts: readonly SourceState[] }[] = [
  { status: 'VERIFIED', counts: ['VERIFIED'] },
  { status: 'VERIFIED_ADMIN', counts: ['VERIFIED', 'VERIFIED_ADMIN'] },
  { status: 'VERIFIED_WITH_CHANGES', counts: ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES'] },
  { status: 'PENDING', counts: ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES', 'PENDING'] },
];

export interface DecisionFacts {
  adminOverride: boolean;
  lockedOut: boolean;
}

export function decide(ruleSet: RuleSet, contributions: readonly Contribution[], facts: DecisionFacts): OverallStatus {
  if (facts.adminOverride) return 'VERIFIED_ADMIN';
  const tier = DECISION_TIERS.find((t) =>
    requirementsMet(
      ruleSet,
      contributions.filter((c) => t.counts.includes(c.state)),
    ),
  );
  if (tier) return tier.status;
  return facts.lockedOut ? 'LOCKED_OUT' : 'IN_PROGRESS';
}

const CHANGE_FIELD_OF: Record<MatchField, ChangeField> = {
  givenName: 'givenName',
  middleNames: 'middleNames',
  surname: 'surname',
  dob: 'dob',
  propertyName: 'address',
  streetNumber: 'address',
  streetName: 'address',
  suburb: 'address',
  state: 'address',
  postcode: 'address',
};

const NAME_FIELDS: readonly ChangeField[] = ['givenName', 'middleNames', 'surname'];

/** Is every change one the rule set accepts? (No changes: trivially true.) */
export function changesAccepted(ruleSet: RuleSet, changes: readonly ChangedField[]): boolean {
  return changes.every((change) => {
    const field = CHANGE_FIELD_OF[change.field];
    const minor = NAME_FIELDS.includes(field) && isMinorNameChange(change.from, change.to);
    return ruleSet.acceptedChanges.some((a) => a.field === field && (a.extent === 'any' || minor));
  });
}

export function effectiveLockout(ruleSet: RuleSet, accountOverride: number | null | undefined): number | null {
  return typeof accountOverride === 'number' ? accountOverride : ruleSet.lockoutAfterFailedAttempts;
}
