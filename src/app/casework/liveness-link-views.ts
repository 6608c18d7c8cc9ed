// A liveness link as officers see it: its status now (computed from the stored state and the clock), its
// liveness session and the engine's results.
import { statusAt, type LinkRelationship, type LinkStatus } from '../../domain/casework/index.ts';
import type { LinkResults, LinkSession } from './liveness-link-results.ts';
import { linkOf, type LinkRow } from './liveness-link-store.ts';

export interface LinkView {
  id: string;
  applicationId: string;
  personId: string;
  relationship: LinkRelationship;
  email: string;
  /** null until sent (the seed's empty Status); then Active / Completed / Expired. */
  status: LinkStatus | null;
  createdAt: string;
  sentAt: string | null;
  expiresAt: string | null;
  completedAt: string | null;
  supersededBy: string | null;
  /** The liveness check the person opened from the link (null until they open it): its evidence is there. */
  sessionId: string | null;
  /** BR-17: the consenting parent's check this link was copied from (its evidence is shared by reference). */
  copiedFrom: string | null;
  /** What the person did on the link's liveness check (seed subgrid: Blink, Nod, Shake, Photo); null before a set is decided. */
  results: LinkResults | null;
}

export function viewOf(r: LinkRow, now: number, session: LinkSession | undefined): LinkView {
  const link = linkOf(r);
  const { id, applicationId, personId, relationship, email } = link;
  return {
    id,
    applicationId,
    personId,
    relationship,
    email,
    status: r.sent_at === null ? null : statusAt(link, now),
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    supersededBy: r.superseded_by,
    copiedFrom: r.copied_from,
    sessionId: session?.sessionId ?? null,
    results: session?.results ?? null,
  };
}
