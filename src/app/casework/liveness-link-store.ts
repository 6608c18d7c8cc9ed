// The SQL of casework liveness links: a link's row read or locked by id or by its token's hash, a new link
// inserted, and its columns changed as the domain moves it (sent, resent, completed, expired).
import type { Insertable, Selectable, Updateable } from 'kysely';
import { LINK_VALIDITY_MS, type LivenessLink } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { LivenessLinksTable } from '../ports/database-schema.ts';
import { notFound } from './actor.ts';

export type LinkRow = Selectable<LivenessLinksTable>;

/** The domain's link from its row: a saved, unsent link counts from its creation. */
export function linkOf(r: LinkRow): LivenessLink {
  const sent = r.sent_at?.getTime() ?? r.created_at.getTime();
  return {
    id: r.link_id,
    applicationId: r.application_id,
    personId: r.person_id,
    relationship: r.relationship,
    email: r.email,
    createdAt: sent,
    expiresAt: r.expires_at?.getTime() ?? sent + LINK_VALIDITY_MS,
    state: r.state,
    completedAt: r.completed_at?.getTime() ?? null,
    expiredAt: r.expired_at?.getTime() ?? null,
    supersededBy: r.superseded_by,
  };
}

/** The link, locked until the caller's transaction ends. */
export async function lockLink(tx: Tx, linkId: string): Promise<LinkRow | undefined> {
  return tx.selectFrom('liveness_links').selectAll().where('link_id', '=', linkId).forUpdate().executeTakeFirst();
}

/** The link, locked until the caller's transaction ends; 404 when there is none. */
export async function lockExistingLink(tx: Tx, linkId: string): Promise<LinkRow> {
  const r = await lockLink(tx, linkId);
  if (!r) throw notFound('liveness link', linkId);
  return r;
}

/** The link a token names (by its hash), locked when `lock`. */
export async function linkByTokenHash(db: Db, tokenHash: string, lock = false): Promise<LinkRow | undefined> {
  let q = db.selectFrom('liveness_links').selectAll().where('token_hash', '=', tokenHash);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A link the domain has just created (saved, not yet sent) as its row. */
export function newLinkRow(link: LivenessLink, createdBy: string, now: Date): Insertable<LivenessLinksTable> {
  return {
    link_id: link.id,
    application_id: link.applicationId,
    person_id: link.personId,
    relationship: link.relationship,
    email: link.email,
    state: link.state,
    created_by: createdBy,
    created_at: now,
    sent_at: null,
    expires_at: null,
    completed_at: null,
    expired_at: null,
    superseded_by: null,
    token_hash: null,
  };
}

export async function insertLink(tx: Tx, row: Insertable<LivenessLinksTable>): Promise<void> {
  await tx.insertInto('liveness_links').values(row).execute();
}

export async function updateLink(tx: Tx, linkId: string, set: Updateable<LivenessLinksTable>): Promise<void> {
  await tx.updateTable('liveness_links').set(set).where('link_id', '=', linkId).execute();
}

export async function linkById(db: Db, linkId: string): Promise<LinkRow | undefined> {
  return db.selectFrom('liveness_links').selectAll().where('link_id', '=', linkId).executeTakeFirst();
}

/** The application's links, oldest first. */
export async function linksOfApplication(db: Db, applicationId: string): Promise<LinkRow[]> {
  return db
    .selectFrom('liveness_links')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('link_id')
    .execute();
}

/** Every Active link whose expiry has come, locked until the caller's transaction ends. */
export async function lockDueLinks(tx: Tx, now: Date): Promise<LinkRow[]> {
  return tx
    .selectFrom('liveness_links')
    .selectAll()
    .where('state', '=', 'Active')
    .where('expires_at', '<=', now)
    .forUpdate()
    .execute();
}

/** True when the person has a Completed link. */
export async function hasCompletedLink(db: Db, personId: string): Promise<boolean> {
  const r = await db
    .selectFrom('liveness_links')
    .select('link_id')
    .where('person_id', '=', personId)
    .where('state', '=', 'Completed')
    .executeTakeFirst();
  return r !== undefined;
}

/** The newest Completed link of the subject person (the applicant) of the application with this reference. */
export async function completedApplicantLink(db: Db, reference: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('liveness_links as l')
    .innerJoin('applications as pa', 'pa.application_id', 'l.application_id')
    .innerJoin('casework_people as p', 'p.person_id', 'l.person_id')
    .selectAll('l')
    .where('pa.reference', '=', reference)
    .where('p.relationship', '=', 'applicant')
    .where('l.state', '=', 'Completed')
    .orderBy('l.completed_at', 'desc')
    .executeTakeFirst();
}

/** True when the application already holds a copy (BR-17) of the check `origin`. */
export async function hasCopyOf(db: Db, applicationId: string, origin: string): Promise<boolean> {
  const copied = await db
    .selectFrom('liveness_links')
    .select('link_id')
    .where('application_id', '=', applicationId)
    .where('copied_from', '=', origin)
    .executeTakeFirst();
  return copied !== undefined;
}

/** BR-17: a Completed copy, for `personId` on another application, of the parent's check `source`. */
export function copiedLinkRow(
  source: LinkRow,
  copy: {
    linkId: string;
    applicationId: string;
    personId: string;
    createdBy: string;
    createdAt: Date;
    copiedFrom: string;
  },
): Insertable<LivenessLinksTable> {
  return {
    link_id: copy.linkId,
    application_id: copy.applicationId,
    person_id: copy.personId,
    relationship: 'Consenting Parties',
    email: source.email,
    state: 'Completed',
    created_by: copy.createdBy,
    created_at: copy.createdAt,
    sent_at: source.sent_at,
    expires_at: source.expires_at,
    completed_at: source.completed_at,
    expired_at: null,
    superseded_by: null,
    token_hash: null,
    copied_from: copy.copiedFrom,
  };
}

/** The link on this application with its person's relationship to it. */
export async function linkWithPerson(db: Db, linkId: string, applicationId: string) {
  return db
    .selectFrom('liveness_links as l')
    .innerJoin('casework_people as p', 'p.person_id', 'l.person_id')
    .select(['l.state', 'l.person_id', 'p.relationship'])
    .where('l.link_id', '=', linkId)
    .where('l.application_id', '=', applicationId)
    .executeTakeFirst();
}

/** The check each copied link (BR-17) was copied from; links that are not copies are left out. */
export async function originsOfCopies(db: Db, linkIds: readonly string[]): Promise<Map<string, string>> {
  const copies = await db
    .selectFrom('liveness_links')
    .select(['link_id', 'copied_from'])
    .where('link_id', 'in', [...linkIds])
    .where('copied_from', 'is not', null)
    .execute();
  return new Map(copies.map((c) => [c.link_id, c.copied_from ?? c.link_id]));
}

/** The liveness sessions opened from these links. */
export async function sessionsOfLinks(
  db: Db,
  linkIds: readonly string[],
): Promise<{ link_id: string | null; session_id: string }[]> {
  return db
    .selectFrom('liveness_sessions')
    .select(['link_id', 'session_id'])
    .where('link_id', 'in', [...linkIds])
    .execute();
}

/** The decided attempt sets of these sessions, newest first. */
export async function decidedAttempts(db: Db, sessionIds: readonly string[]) {
  return db
    .selectFrom('liveness_attempts')
    .select(['session_id', 'attempt_number', 'decided_at', 'face_match', 'outcome'])
    .where('session_id', 'in', [...sessionIds])
    .where('state', '=', 'DECIDED')
    .orderBy('attempt_number', 'desc')
    .execute();
}
