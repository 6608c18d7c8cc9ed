// The SQL of the audit trail: appending an event, and a case's events oldest first. The table refuses UPDATE,
// DELETE and TRUNCATE by a trigger (migration 002), so there is nothing here to rewrite one.
import type { Db, Tx } from '../ports/database.ts';

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

/** An event as the trail holds it. */
export interface RecordedAuditEvent {
  readonly id: number;
  readonly at: Date;
  readonly actor: string;
  readonly actingThrough: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
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

export async function auditEventsOfApplication(db: Db, applicationId: string): Promise<RecordedAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    actingThrough: r.acting_through,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
