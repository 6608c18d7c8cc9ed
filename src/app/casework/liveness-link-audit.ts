// The audit events of liveness links: who changed which link of which application, and its state before and after.
import type { Tx } from '../ports/database.ts';
import { appendAudit, auditActor } from './audit.ts';
import type { Actor } from './actor.ts';

/** An officer, or the applicant (through their link) or the system (a job). */
export type LinkChanger = Actor | 'applicant' | 'system';

/** What the audit trail keeps of a link's state. */
export function linkAuditShape(r: { state: string; sent_at?: Date | null; superseded_by?: string | null }) {
  return { state: r.state, sent: r.sent_at != null, supersededBy: r.superseded_by ?? null };
}

/** Appends `liveness-link.<action>` for the link. */
export async function auditLink(
  tx: Tx,
  at: Date,
  by: LinkChanger,
  link: { application_id: string; link_id: string },
  action: string,
  change: { before?: unknown; after: unknown },
): Promise<void> {
  await appendAudit(tx, at, {
    ...(typeof by === 'string' ? { actor: by } : auditActor(by)),
    applicationId: link.application_id,
    action: `liveness-link.${action}`,
    entity: 'liveness-link',
    entityId: link.link_id,
    ...change,
  });
}
