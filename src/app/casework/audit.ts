// The append-only audit trail: every casework change appends who, when, which case, what, before and after.
// The table refuses UPDATE, DELETE and TRUNCATE by a trigger (migration 002), so rows cannot be rewritten.
import type { Db, Tx } from '../ports/database.ts';
import type { Actor } from './actor.ts';
import { authorize, notFound } from './actor.ts';
import { OfficerDirectory } from './officer-directory.ts';

export interface AuditEntry {
  readonly actor: string; // officer id, or 'system' / 'applicant'
  /** The officer whose API token the actor used, when that is someone else. */
  readonly actingThrough?: string | undefined;
  readonly applicationId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

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

export async function appendAudit(tx: Tx | Db, at: Date, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      at,
      actor: entry.actor,
      acting_through: entry.actingThrough ?? null,
      application_id: entry.applicationId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
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
    const app = await this.db
      .selectFrom('applications')
      .select('application_id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!app) throw notFound('application', reference);
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('application_id', '=', app.application_id)
      .orderBy('id')
      .execute();
    const officers = await OfficerDirectory.of(
      this.db,
      rows.flatMap((r) => [r.actor, r.acting_through]),
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      actorName: officers.name(r.actor),
      actorEmail: officers.email(r.actor),
      actingThrough: r.acting_through,
      actingThroughName: officers.name(r.acting_through),
      actingThroughEmail: officers.email(r.acting_through),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    }));
  }
}
