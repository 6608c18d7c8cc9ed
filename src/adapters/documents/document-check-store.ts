// The SQL of casework document checks: the passport image and what the check compares it with (the person's
// recorded details, the best frame of their latest liveness attempt, the application photo), and the result.
import type { Db } from '../db/database.ts';
import { appendAudit, type AuditEntry } from '../../app/casework/audit.ts';
import type {
  CheckedDocument,
  DocumentCheckStore,
  RecordedPerson,
  StoredCheck,
} from '../../app/casework/document-checks.ts';

const isoDay = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/** The document checks' SQL (DocumentCheckStore of src/app/casework/document-checks.ts). */
export class SqlDocumentCheckStore implements DocumentCheckStore {
  constructor(private readonly db: Db) {}

  async document(reference: string, documentId: string): Promise<CheckedDocument | undefined> {
    const row = await this.db
      .selectFrom('casework_documents as d')
      .innerJoin('applications as a', 'a.application_id', 'd.application_id')
      .select(['d.document_id', 'd.application_id', 'd.person_id', 'd.kind', 'd.content_type', 'd.content'])
      .where('a.reference', '=', reference)
      .where('d.document_id', '=', documentId)
      .executeTakeFirst();
    return row
      ? {
          documentId: row.document_id,
          applicationId: row.application_id,
          personId: row.person_id,
          kind: row.kind,
          contentType: row.content_type,
          content: row.content,
        }
      : undefined;
  }

  async person(personId: string): Promise<RecordedPerson | undefined> {
    const row = await this.db
      .selectFrom('casework_people')
      .select(['given_names', 'family_name', 'date_of_birth', 'relationship'])
      .where('person_id', '=', personId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return row
      ? {
          givenNames: row.given_names,
          familyName: row.family_name,
          dateOfBirth: isoDay(row.date_of_birth),
          relationship: row.relationship,
        }
      : undefined;
  }

  /** The best frame (frontal, eyes open) of the person's latest decided liveness attempt whose frames are kept. */
  async livenessBestFrame(applicationId: string, personId: string): Promise<Uint8Array | undefined> {
    const attempts = await this.db
      .selectFrom('liveness_attempts as t')
      .innerJoin('liveness_sessions as s', 's.session_id', 't.session_id')
      .select(['t.attempt_id', 't.frames'])
      .where('s.application_id', '=', applicationId)
      .where('s.person_id', '=', personId)
      .where('t.decided_at', 'is not', null)
      .where('t.frames', 'is not', null)
      .orderBy('t.decided_at', 'desc')
      .limit(5)
      .execute();
    for (const attempt of attempts) {
      const chosen = (attempt.frames ?? []) as { challenge?: string; bestFrameIndex?: number }[];
      for (const c of chosen) {
        if (!c.challenge || c.bestFrameIndex === undefined || c.bestFrameIndex < 0) continue;
        const frame = await this.db
          .selectFrom('liveness_frames')
          .select('content')
          .where('attempt_id', '=', attempt.attempt_id)
          .where('challenge', '=', c.challenge)
          .where('frame_index', '=', c.bestFrameIndex)
          .executeTakeFirst();
        if (frame) return frame.content;
      }
    }
    return undefined;
  }

  /** The person's latest application photo (passport-style image), when one is filed. */
  async applicationPhoto(applicationId: string, personId: string): Promise<Uint8Array | undefined> {
    const row = await this.db
      .selectFrom('casework_documents')
      .select('content')
      .where('application_id', '=', applicationId)
      .where('person_id', '=', personId)
      .where('kind', '=', 'passport-style-image')
      .orderBy('uploaded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.content;
  }

  async save(applicationId: string, check: StoredCheck, audit: AuditEntry): Promise<void> {
    const values = {
      result: JSON.stringify(check.result),
      face_probe: check.faceProbe,
      checked_by: check.checkedBy,
      checked_at: check.checkedAt,
    };
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('casework_document_checks')
        .values({ document_id: check.documentId, application_id: applicationId, ...values })
        .onConflict((oc) => oc.column('document_id').doUpdateSet(values))
        .execute();
      await appendAudit(tx, check.checkedAt, audit);
    });
  }

  async latest(documentId: string): Promise<StoredCheck | undefined> {
    const row = await this.db
      .selectFrom('casework_document_checks')
      .select(['document_id', 'result', 'face_probe', 'checked_by', 'checked_at'])
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return row
      ? {
          documentId: row.document_id,
          result: row.result,
          faceProbe: row.face_probe,
          checkedBy: row.checked_by,
          checkedAt: new Date(row.checked_at),
        }
      : undefined;
  }
}
