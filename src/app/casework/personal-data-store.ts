// The SQL of subject access and erasure: everything held about one casework person, and its removal.
import { sql } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';

/** What an erasure removed: how many of each kind of evidence, and whether the records summary went. */
export interface RemovedEvidence {
  documents: number;
  documentChecks: number;
  images: number;
  sourcePhotos: number;
  emails: number;
  recordsSummary: boolean;
}

const SUBJECT_RELATIONSHIPS = ['applicant', 'child'];

export class PersonalDataStore {
  constructor(private readonly db: Db) {}

  async person(personId: string, db: Db | Tx = this.db, forUpdate = false) {
    let query = db
      .selectFrom('casework_people as p')
      .innerJoin('applications as a', 'a.application_id', 'p.application_id')
      .select([
        'p.person_id',
        'p.application_id',
        'p.relationship',
        'p.given_names',
        'p.family_name',
        'p.date_of_birth',
        'p.gender',
        'p.country_of_birth',
        'p.email',
        'p.citizenship_person_number',
        'p.created_at',
        'p.erased_at',
        'a.reference',
        'a.application_type',
        'a.stage',
        'a.submitted_on',
        'a.records',
      ])
      .where('p.person_id', '=', personId);
    if (forUpdate) query = query.forUpdate('p');
    return query.executeTakeFirst();
  }

  async tasks(personId: string) {
    return this.db
      .selectFrom('identity_tasks')
      .select([
        'task_id',
        'kind',
        'state',
        'outcome',
        'criteria',
        'comments',
        'supporting_evidence',
        'prepared_by',
        'validated_by',
        'updated_at',
      ])
      .where('person_id', '=', personId)
      .orderBy('kind')
      .execute();
  }

  async links(personId: string) {
    return this.db
      .selectFrom('liveness_links')
      .select(['link_id', 'relationship', 'email', 'state', 'created_at', 'sent_at', 'completed_at', 'expired_at'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
  }

  /** The person's liveness sessions with each attempt's decision and how many images it still holds. */
  async sessions(personId: string) {
    const sessions = await this.db
      .selectFrom('liveness_sessions')
      .select(['session_id', 'status', 'created_at', 'completed_at'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
    if (sessions.length === 0) return [];
    const attempts = await this.db
      .selectFrom('liveness_attempts as t')
      .select([
        't.session_id',
        't.attempt_number',
        't.result',
        't.liveness',
        't.face_match',
        't.reasons',
        't.decided_at',
        (eb) =>
          eb
            .selectFrom('liveness_frames as f')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('f.attempt_id', '=', 't.attempt_id')
            .as('images'),
      ])
      .where(
        't.session_id',
        'in',
        sessions.map((s) => s.session_id),
      )
      .orderBy('t.attempt_number')
      .execute();
    return sessions.map((s) => ({ ...s, attempts: attempts.filter((a) => a.session_id === s.session_id) }));
  }

  async documents(personId: string) {
    return this.db
      .selectFrom('casework_documents')
      .select(['document_id', 'kind', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_at'])
      .where('person_id', '=', personId)
      .orderBy('uploaded_at')
      .execute();
  }

  /** The content of each of the person's documents, base64-encoded, by document id. */
  async documentContents(personId: string): Promise<Map<string, string>> {
    const contents = await this.db
      .selectFrom('casework_documents')
      .select(['document_id', 'content'])
      .where('person_id', '=', personId)
      .execute();
    return new Map(contents.map((d) => [d.document_id, Buffer.from(d.content).toString('base64')]));
  }

  /** The latest document check of each of the person's documents (the passport images run through it). */
  async documentChecks(personId: string) {
    return this.db
      .selectFrom('casework_document_checks as c')
      .innerJoin('casework_documents as d', 'd.document_id', 'c.document_id')
      .select(['c.document_id', 'd.kind', 'd.file_name', 'c.result', 'c.face_probe', 'c.checked_by', 'c.checked_at'])
      .where('d.person_id', '=', personId)
      .orderBy('c.checked_at')
      .execute();
  }

  async escalations(personId: string) {
    return this.db.selectFrom('escalations').selectAll().where('person_id', '=', personId).execute();
  }

  /** The audit events about the person and about their tasks, links and liveness sessions. */
  async auditEvents(personId: string) {
    return (
      this.db
        .selectFrom('audit_events')
        .select(['at', 'actor', 'action', 'entity', 'entity_id'])
        // One set of ids rather than "= … or in (…) or in (…)", which is no index condition: PostgreSQL would
        // read every audit event testing each.
        .where(
          'entity_id',
          'in',
          this.db
            .selectFrom('identity_tasks')
            .select('task_id as id')
            .where('person_id', '=', personId)
            .unionAll(this.db.selectFrom('liveness_links').select('link_id as id').where('person_id', '=', personId))
            .unionAll(
              this.db.selectFrom('liveness_sessions').select('session_id as id').where('person_id', '=', personId),
            )
            .unionAll(this.db.selectNoFrom(sql<string>`${personId}::text`.as('id'))),
        )
        .orderBy('id')
        .execute()
    );
  }

  /** Removes the evidence and contact details (the caller holds the person's row lock); returns what went. */
  async erase(
    tx: Tx,
    personId: string,
    applicationId: string,
    relationship: string,
    at: Date,
  ): Promise<RemovedEvidence> {
    const sessions = tx.selectFrom('liveness_sessions').select('session_id').where('person_id', '=', personId);
    const attempts = tx.selectFrom('liveness_attempts').select('attempt_id').where('session_id', 'in', sessions);
    const images = await tx.deleteFrom('liveness_frames').where('attempt_id', 'in', attempts).executeTakeFirst();
    const sourcePhotos = await tx
      .deleteFrom('liveness_trusted_sources')
      .where('session_id', 'in', sessions)
      .executeTakeFirst();
    // A document's check goes with it (the foreign key cascades); deleted first to be counted.
    const documentChecks = await tx
      .deleteFrom('casework_document_checks')
      .where(
        'document_id',
        'in',
        tx.selectFrom('casework_documents').select('document_id').where('person_id', '=', personId),
      )
      .executeTakeFirst();
    const documents = await tx.deleteFrom('casework_documents').where('person_id', '=', personId).executeTakeFirst();
    const linkEmails = await tx
      .updateTable('liveness_links')
      .set({ email: '' })
      .where('person_id', '=', personId)
      .where('email', '<>', '')
      .executeTakeFirst();
    // The BR-59 email's address and the passport and visa it named.
    await tx
      .updateTable('visa_cancellation_emails')
      .set({ email: null, fields: '{}' })
      .where('person_id', '=', personId)
      .execute();
    const person = await tx
      .updateTable('casework_people')
      .set({ email: null, erased_at: at })
      .where('person_id', '=', personId)
      .returning('person_id')
      .executeTakeFirst();
    let recordsSummary = false;
    if (SUBJECT_RELATIONSHIPS.includes(relationship)) {
      const cleared = await tx
        .updateTable('applications')
        .set({ records: null, records_status: 'erased' })
        .where('application_id', '=', applicationId)
        .where('records', 'is not', null)
        .executeTakeFirst();
      recordsSummary = Number(cleared.numUpdatedRows) > 0;
    }
    return {
      documents: Number(documents.numDeletedRows),
      documentChecks: Number(documentChecks.numDeletedRows),
      images: Number(images.numDeletedRows),
      sourcePhotos: Number(sourcePhotos.numDeletedRows),
      emails: Number(linkEmails.numUpdatedRows) + (person ? 1 : 0),
      recordsSummary,
    };
  }
}
