// The append-only audit trail: every casework change appends who, when, which case, what, before and after
// (audit-store.ts writes and reads it); officers read a case's trail with each officer's name.
import type { Db, Tx } from '../ports/database.ts';
import type { Actor } from './actor.ts';
import { authorize } from './actor.ts';
import { applicationByReference } from './application-store.ts';
import { appendAudit, auditEventsOfApplication } from './audit-store.ts';
import { OfficerDirectory } from './officer-directory.ts';

export { appendAudit, type AuditEntry } from './audit-store.ts';

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  /** The officer's name when the actor is an officer ('system' / 'applicant' otherwise). */
  actorName: string;
  actorEmail: string | null;
  actingThrough: string | null;
  actingThroughName: string | null;
  actingThroughEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Who an officer's change is recorded as: the officer, and whose API token they acted through. */
export function auditActor(actor: Actor): { actor: string; actingThrough?: string } {
  return {
    actor: actor.officerId,
    ...(actor.actingThrough === undefined ? {} : { actingThrough: actor.actingThrough }),
  };
}

/** A change to an application, audited against the application itself: by an officer, or by the system. */
export async function auditApplication(
  tx: Tx | Db,
  at: Date,
  by: Actor | 'system',
  applicationId: string,
  action: string,
  change: { before?: unknown; after: unknown },
): Promise<void> {
  await appendAudit(tx, at, {
    ...(by === 'system' ? { actor: 'system' } : auditActor(by)),
    applicationId,
    action,
    entity: 'application',
    entityId: applicationId,
    ...change,
  });
}

export class AuditTrail {
  constructor(private readonly db: Db) {}

  /** A case's trail, oldest first. */
  async forApplication(actor: Actor, reference: string): Promise<AuditEvent[]> {
    authorize(actor, 'audit.read');
    const app = await applicationByReference(this.db, reference);
    const events = await auditEventsOfApplication(this.db, app.application_id);
    const officers = await OfficerDirectory.of(
      this.db,
      events.flatMap((e) => [e.actor, e.actingThrough]),
    );
    return events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      actorName: officers.name(e.actor),
      actorEmail: officers.email(e.actor),
      actingThrough: e.actingThrough,
      actingThroughName: officers.name(e.actingThrough),
      actingThroughEmail: officers.email(e.actingThrough),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
    }));
  }
}
