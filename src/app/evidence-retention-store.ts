// The SQL of evidence retention: liveness sessions past their period that still hold evidence, and the photos
// of captured documents past theirs; each found, locked (rows another process holds are skipped) and cleared.
import { sql } from 'kysely';
import type { Db, Tx } from './ports/database.ts';

/** Sessions finished (or, never finished, started) before `before` that still hold evidence, oldest first. */
export async function sessionsPastRetention(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ sessionId: string; applicationId: string | null }[]> {
  const rows = await db
    .selectFrom('liveness_sessions as s')
    .select(['s.session_id', 's.application_id'])
    .where(sql<boolean>`coalesce(s.completed_at, s.created_at) < ${before}`)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('liveness_trusted_sources as t')
            .select('t.session_id')
            .whereRef('t.session_id', '=', 's.session_id'),
        ),
        eb.exists(
          eb
            .selectFrom('liveness_frames as f')
            .innerJoin('liveness_attempts as a', 'a.attempt_id', 'f.attempt_id')
            .select('f.attempt_id')
            .whereRef('a.session_id', '=', 's.session_id'),
        ),
      ]),
    )
    .orderBy(sql`coalesce(s.completed_at, s.created_at)`)
    .limit(limit)
    .execute();
  return rows.map((row) => ({ sessionId: row.session_id, applicationId: row.application_id }));
}

/** Locks the session's row; false when another transaction holds it (that one clears the session). */
export async function lockSessionUnlessHeld(tx: Tx, sessionId: string): Promise<boolean> {
  const locked = await tx
    .selectFrom('liveness_sessions')
    .select('session_id')
    .where('session_id', '=', sessionId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return locked !== undefined;
}

/** Deletes the session's challenge frames and trusted source faces; answers how many of each went. */
export async function deleteSessionEvidence(
  tx: Tx,
  sessionId: string,
): Promise<{ frames: number; trustedSources: number }> {
  const attempts = tx.selectFrom('liveness_attempts').select('attempt_id').where('session_id', '=', sessionId);
  const frames = await tx.deleteFrom('liveness_frames').where('attempt_id', 'in', attempts).executeTakeFirst();
  const sources = await tx
    .deleteFrom('liveness_trusted_sources')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return { frames: Number(frames.numDeletedRows), trustedSources: Number(sources.numDeletedRows) };
}

/**
 * Captured documents sent before `before` that still hold their photo, oldest first, locked until the
 * transaction ends (rows another transaction holds are skipped).
 */
export async function lockDocumentPhotosPastRetention(
  tx: Tx,
  before: Date,
  limit: number,
): Promise<{ captureId: string; accountId: string }[]> {
  const rows = await tx
    .selectFrom('document_captures')
    .select(['capture_id', 'account_id', 'verification_id'])
    .where('created_at', '<', before)
    .where('image', 'is not', null)
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => ({ captureId: row.capture_id, accountId: row.account_id }));
}

/** Deletes a captured document's photo; what was read from it stays. */
export async function deleteDocumentPhoto(tx: Tx, captureId: string): Promise<void> {
  await tx
    .updateTable('document_captures')
    .set({ image: null, image_type: null })
    .where('capture_id', '=', captureId)
    .execute();
}
