// Retention of liveness evidence: the selfies and challenge frames of a liveness session, and the trusted
// source faces it was compared with, are deleted once the session has been finished (or, never finished,
// started) for longer than the retention period. The decision, its reasons and the attempt records stay;
// the audit trail of the application records that the evidence was deleted, when and under which period.
// The photos of captured identity documents (seed 003) go the same way once older than their own period: the
// capture, its reading and the combination result stay, without the image.
import type { Db } from './ports/database.ts';
import type { Clock } from './clock.ts';
import { appendAudit } from './casework/audit.ts';
import {
  sessionsPastRetention,
  lockSessionUnlessHeld,
  deleteSessionEvidence,
  lockDocumentPhotosPastRetention,
  deleteDocumentPhoto,
} from './evidence-retention-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions cleared per transaction, so that one run never holds locks for long. */
const BATCH = 50;

export interface RetentionRun {
  sessions: number;
  frames: number;
  trustedSources: number;
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
        const due = await lockDocumentPhotosPastRetention(tx, before, BATCH);
        for (const capture of due) {
          await deleteDocumentPhoto(tx, capture.captureId);
          await appendAudit(tx, now, {
            actor: 'system',
            applicationId: null,
            action: 'document-photo.deleted',
            entity: 'document-capture',
            entityId: capture.captureId,
            after: { accountId: capture.accountId, retentionDays: this.documentPhotoDays },
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
          if (!(await lockSessionUnlessHeld(tx, session.sessionId))) continue;
          const deleted = await deleteSessionEvidence(tx, session.sessionId);
          await appendAudit(tx, now, {
            actor: 'system',
            applicationId: session.applicationId,
            action: 'liveness-evidence.deleted',
            entity: 'liveness-session',
            entityId: session.sessionId,
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
