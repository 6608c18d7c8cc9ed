// Retention of liveness evidence: the selfies and challenge frames of a liveness session, and the trusted
// source faces it was compared with, are deleted once the session has been finished (or, never finished,
// started) for longer than the retention period. The decision, its reasons and the attempt records stay;
// the audit trail of the application records that the evidence was deleted, when and under which period.
// The photos of captured identity documents (seed 003) go the same way once older than their own period: the
// capture, its reading and the combination result stay, without the image.
import { sql } from 'kysely';
import type { Db } from './ports/database.ts';
import type { Clock } from './clock.ts';
import { appendAudit } from './casework/audit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions cleared per transaction, so that one run never holds locks for long. */
const BATCH = 50;

export interface RetentionRun {
  sessions: number;
  frames: number;
  trustedSources: number;
}

/** Sessions past the period that still hold evidence, oldest first. */
async function sessionsPastRetention(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ session_id: string; application_id: string | null }[]> {
  return db
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
}

export interface PhotoRetentionRun {
  captures: number;
}

export class EvidenceRetention {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** How long evidence is kept after its session ends (PONO_EVIDENCE_RETENTION_DAYS). */
    readonly retentionDays: number,
    /** How long the photo of a captured document is kept after it was sent (PONO_DOCUMENT_PHOTO_RETENTION_DAYS). */
    readonly documentPhotoDays: number = retentionDays,
  ) {}

  /** Both periods applied: what the nightly job runs. */
  async purgeAll(): Promise<RetentionRun & PhotoRetentionRun> {
    return { ...(await this.purge()), ...(await this.purgeDocumentPhotos()) };
  }

  /**
   * Deletes the photos of captured documents sent longer ago than their period; each capture keeps what was read,
   * what was confirmed, the reviews and the combination result. Audited per capture (`document-photo.deleted`).
   */
  async purgeDocumentPhotos(): Promise<PhotoRetentionRun> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.documentPhotoDays * DAY_MS);
    let captures = 0;
    for (;;) {
      const cleared = await this.db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('document_captures')
          .select(['capture_id', 'account_id', 'verification_id'])
          .where('created_at', '<', before)
          .where('image', 'is not', null)
          .orderBy('created_at')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const capture of due) {
          await tx
            .updateTable('document_captures')
            .set({ image: null, image_type: null })
            .where('capture_id', '=', capture.capture_id)
            .execute();
          await appendAudit(tx, now, {
            actor: 'system',
            applicationId: null,
            action: 'document-photo.deleted',
            entity: 'document-capture',
            entityId: capture.capture_id,
            after: { accountId: capture.account_id, retentionDays: this.documentPhotoDays },
          });
        }
        return due.length;
      });
      captures += cleared;
      if (cleared < BATCH) return { captures };
    }
  }

  /** Deletes the evidence of every session past the period; safe to run at any time and in several processes. */
  async purge(): Promise<RetentionRun> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.retentionDays * DAY_MS);
    const total: RetentionRun = { sessions: 0, frames: 0, trustedSources: 0 };
    for (;;) {
      const cleared = await this.db.transaction().execute(async (tx) => {
        const due = await sessionsPastRetention(tx, before, BATCH);
        let clearedHere = 0;
        for (const session of due) {
          // Locks the session row so that two processes running the job never count one deletion twice.
          const locked = await tx
            .selectFrom('liveness_sessions')
            .select('session_id')
            .where('session_id', '=', session.session_id)
            .forUpdate()
            .skipLocked()
            .executeTakeFirst();
          if (!locked) continue;
          const attempts = tx
            .selectFrom('liveness_attempts')
            .select('attempt_id')
            .where('session_id', '=', session.session_id);
          const frames = await tx.deleteFrom('liveness_frames').where('attempt_id', 'in', attempts).executeTakeFirst();
          const sources = await tx
            .deleteFrom('liveness_trusted_sources')
            .where('session_id', '=', session.session_id)
            .executeTakeFirst();
          const deleted = { frames: Number(frames.numDeletedRows), trustedSources: Number(sources.numDeletedRows) };
          await appendAudit(tx, now, {
            actor: 'system',
            applicationId: session.application_id,
            action: 'liveness-evidence.deleted',
            entity: 'liveness-session',
            entityId: session.session_id,
            after: { ...deleted, retentionDays: this.retentionDays },
          });
          total.sessions += 1;
          total.frames += deleted.frames;
          total.trustedSources += deleted.trustedSources;
          clearedHere += 1;
        }
        return clearedHere;
      });
      if (cleared < BATCH) return total;
    }
  }
}

/** The scheduled job that applies the retention period every night. */
export const EVIDENCE_RETENTION_QUEUE = 'retention.liveness-evidence';
