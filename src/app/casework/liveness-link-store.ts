// The SQL of casework liveness links: a link's row read or locked by id or by its token's hash, a new link
// inserted, and its columns changed as the domain moves it (sent, resent, completed, expired).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LivenessLink } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { LivenessLinksTable } from '../ports/database-schema.ts';

export type LinkRow = Selectable<LivenessLinksTable>;

/** The link, locked until the caller's transaction ends. */
export async function lockLink(tx: Tx, linkId: string): Promise<LinkRow | undefined> {
  return tx.selectFrom('liveness_links').selectAll().where('link_id', '=', linkId).forUpdate().executeTakeFirst();
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
