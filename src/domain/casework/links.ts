// Liveness check links ("New Liveness Check", seed 000 L786–952): relationship ('Adult' / 'Consenting
// Parties'), person, email; statuses Active, Completed, Expired; valid 24 hours (L856). Resending makes a
// new link and expires the old one. Pure: `now` is passed in as epoch milliseconds.

import { fail, ok, type EpochMs, type Result } from './common.ts';
import type { LinkRelationship } from './liveness-responsibility.ts';
import type { AgeBracket, PartyRelationship } from './people.ts';

export const LINK_VALIDITY_MS = 24 * 60 * 60 * 1000; // BR-32: "they have 24hrs to do so"

/** Status Reason values shown in seed 000 (BR-36, L900–952). The waiting state is shown as "Active". */
export const LINK_STATUSES = ['Active', 'Completed', 'Expired'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface LivenessLink {
  readonly id: string;
  readonly applicationId: string;
  readonly personId: string;
  readonly relationship: LinkRelationship;
  readonly email: string; // filled from the chosen person record (BR-30)
  readonly createdAt: EpochMs;
  readonly expiresAt: EpochMs;
  /** Stored terminal state; 'Active' links become Expired by time alone (see statusAt). */
  readonly state: LinkStatus;
  readonly completedAt: EpochMs | null;
  readonly expiredAt: EpochMs | null;
  readonly supersededBy: string | null;
}

export type LinkErrorCode =
  | 'LINK_PERSON_REQUIRED'
  | 'LINK_EMAIL_MISSING'
  | 'LINK_EMAIL_INVALID'
  | 'LINK_EXPIRED'
  | 'LINK_NOT_ACTIVE'
  | 'LINK_CHILD_NO_LIVENESS'
  | 'LINK_RELATIONSHIP_MISMATCH'
  | 'LINK_NOT_REQUIRED';

const CHILD_NO_LIVENESS = {
  code: 'LINK_CHILD_NO_LIVENESS',
  message:
    'a child under 14 does not do a liveness check: the consenting parent gives it, with the relationship Consenting Parties',
} as const;

/**
 * Who may be sent a liveness link, with which "Relationship to applicant", by the person's part in the
 * application and age bracket today. A child (0–13) gives no liveness: the consenting parent does, as
 * "Consenting Parties" (BR-04, L59–61, L435–446); the consenting parent's link is never "Adult" (BR-28, L849);
 * an adult or youth applicant's own link is "Adult"; a secondary consent giver gives no liveness — their
 * signature is compared instead (BR-33). Rows are tried in order; the first that matches decides.
 */
const LINK_PARTIES: readonly {
  readonly party: PartyRelationship;
  readonly bracket: AgeBracket | 'any';
  readonly allowed: LinkRelationship | null;
  readonly refusal?: { readonly code: LinkErrorCode; readonly message: string };
}[] = [
  {
    party: 'applicant',
    bracket: 'child',
    allowed: null,
    refusal: CHILD_NO_LIVENESS,
  },
  {
    party: 'child',
    bracket: 'child',
    allowed: null,
    refusal: CHILD_NO_LIVENESS,
  },
  { party: 'applicant', bracket: 'any', allowed: 'Adult' },
  { party: 'child', bracket: 'any', allowed: 'Adult' },
  { party: 'consenting-parent', bracket: 'any', allowed: 'Consenting Parties' },
  {
    party: 'secondary-consent-giver',
    bracket: 'any',
    allowed: null,
    refusal: {
      code: 'LINK_NOT_REQUIRED',
      message:
        'a secondary consent giver does not do a liveness check: their signature is compared with the consent form instead',
    },
  },
];

/** Whether this person may be sent a link with this relationship (see LINK_PARTIES). */
export function linkAllowedFor(
  party: PartyRelationship,
  bracketToday: AgeBracket,
  relationship: LinkRelationship,
): Result<LinkRelationship, LinkErrorCode> {
  const row = LINK_PARTIES.find((r) => r.party === party && (r.bracket === 'any' || r.bracket === bracketToday));
  if (!row || row.allowed === null)
    return fail(
      row?.refusal?.code ?? 'LINK_NOT_REQUIRED',
      row?.refusal?.message ?? 'this person does not do a liveness check',
    );
  if (row.allowed !== relationship) {
    return fail(
      'LINK_RELATIONSHIP_MISMATCH',
      `for this person the relationship to the applicant is ${row.allowed}, not ${relationship}`,
    );
  }
  return ok(row.allowed);
}

export interface NewLink {
  readonly id: string;
  readonly applicationId: string;
  readonly personId: string;
  readonly relationship: LinkRelationship;
  readonly email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createLink(input: NewLink, now: EpochMs): Result<LivenessLink, LinkErrorCode> {
  // BR-29: a consent giver who did not apply needs a person record first.
  if (input.personId.trim() === '')
    return fail('LINK_PERSON_REQUIRED', 'select the person record (create one if needed)');
  if (input.email.trim() === '')
    return fail('LINK_EMAIL_MISSING', 'email is required: there is no email address to send the link to');
  if (!EMAIL.test(input.email)) return fail('LINK_EMAIL_INVALID', `email "${input.email}" is not an email address`);
  return ok({
    ...input,
    createdAt: now,
    expiresAt: now + LINK_VALIDITY_MS,
    state: 'Active',
    completedAt: null,
    expiredAt: null,
    supersededBy: null,
  });
}

/** The status on `now`: Completed and Expired are final; Active turns Expired at exactly 24 h. */
export function statusAt(link: LivenessLink, now: EpochMs): LinkStatus {
  if (link.state !== 'Active') return link.state;
  return now >= link.expiresAt ? 'Expired' : 'Active';
}

/** Materialises time-based expiry into the stored state (for a sweep job). */
export function expireIfDue(link: LivenessLink, now: EpochMs): LivenessLink {
  return link.state === 'Active' && statusAt(link, now) === 'Expired'
    ? { ...link, state: 'Expired', expiredAt: link.expiresAt }
    : link;
}

/** The customer finished the check through this link. */
export function completeLink(link: LivenessLink, now: EpochMs): Result<LivenessLink, LinkErrorCode> {
  const status = statusAt(link, now);
  if (status === 'Expired') return fail('LINK_EXPIRED', 'the link has expired; send a new one');
  if (status !== 'Active') return fail('LINK_NOT_ACTIVE', `the link is ${status}`);
  return ok({ ...link, state: 'Completed', completedAt: now });
}

export interface Resent {
  readonly previous: LivenessLink;
  readonly current: LivenessLink;
}

/**
 * Resend: a new link for the same person, relationship and email (unless a new email is given), and the
 * old one expired now. A Completed old link stays Completed — its results remain evidence — e.g. when the
 * officer found the submitted check unsatisfactory (BR-23, L794).
 */
export function resendLink(
  previous: LivenessLink,
  newId: string,
  now: EpochMs,
  email: string = previous.email,
): Result<Resent, LinkErrorCode> {
  const created = createLink(
    {
      id: newId,
      applicationId: previous.applicationId,
      personId: previous.personId,
      relationship: previous.relationship,
      email,
    },
    now,
  );
  if (!created.ok) return created;
  const status = statusAt(previous, now);
  const old: LivenessLink =
    status === 'Active'
      ? { ...previous, state: 'Expired', expiredAt: now, supersededBy: newId }
      : status === 'Expired'
        ? { ...previous, state: 'Expired', expiredAt: previous.expiredAt ?? previous.expiresAt, supersededBy: newId }
        : { ...previous, supersededBy: newId };
  return ok({ previous: old, current: created.value });
}

/** The link that currently counts for a person: the newest not superseded. */
export function currentLink(links: readonly LivenessLink[], personId: string): LivenessLink | undefined {
  return links
    .filter((l) => l.personId === personId && l.supersededBy === null)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}
