// Subject access and erasure for one casework person, by an administrator: the export gathers everything
// the office holds about the person; the erasure removes their evidence and contact details once their
// cases have closed (domain/casework/personal-data.ts says what goes and what stays). Both are audited.
import type { Db } from '../ports/database.ts';
import { ERASED_ON_REQUEST, KEPT_AFTER_ERASURE, erasureRefusal } from '../../domain/casework/index.ts';
import type { Clock } from '../clock.ts';
import { authorize, conflict, notFound, type Actor } from './actor.ts';
import { appendAudit, auditActor } from './audit.ts';
import { PersonalDataStore, type RemovedEvidence } from './personal-data-store.ts';

export interface ErasureResult {
  personId: string;
  erasedAt: string;
  removed: RemovedEvidence;
  whatIsErased: readonly string[];
  whatIsKept: readonly string[];
}

const iso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : new Date(value).toISOString();

export class PersonalData {
  private readonly store: PersonalDataStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.store = new PersonalDataStore(db);
  }

  /** Everything held about the person, for a subject access request; the export itself is audited. */
  async export(actor: Actor, reference: string, personId: string) {
    authorize(actor, 'personal-data.export');
    const person = await this.store.person(personId);
    if (!person || person.reference !== reference) throw notFound('Person', personId);
    const [tasks, links, sessions, documents, documentChecks, escalations, audit] = await Promise.all([
      this.store.tasks(personId),
      this.store.links(personId),
      this.store.sessions(personId),
      this.store.documents(personId),
      this.store.documentChecks(personId),
      this.store.escalations(personId),
      this.store.auditEvents(personId),
    ]);
    const contentOf = await this.store.documentContents(personId);
    const exportedAt = this.clock.now();
    await appendAudit(this.db, exportedAt, {
      ...auditActor(actor),
      applicationId: person.application_id,
      action: 'personal-data.exported',
      entity: 'person',
      entityId: personId,
    });
    return {
      exportedAt: exportedAt.toISOString(),
      person: {
        personId: person.person_id,
        relationship: person.relationship,
        givenNames: person.given_names,
        familyName: person.family_name,
        dateOfBirth: person.date_of_birth,
        gender: person.gender,
        countryOfBirth: person.country_of_birth,
        email: person.email,
        citizenshipPersonNumber: person.citizenship_person_number,
        recordedAt: iso(person.created_at),
        erasedAt: iso(person.erased_at),
      },
      application: {
        reference: person.reference,
        applicationType: person.application_type,
        stage: person.stage,
        submittedOn: person.submitted_on,
      },
      immigrationRecords: ['applicant', 'child'].includes(person.relationship) ? person.records : null,
      identityTasks: tasks.map((t) => ({
        taskId: t.task_id,
        kind: t.kind,
        state: t.state,
        outcome: t.outcome,
        criteria: t.criteria,
        comments: t.comments,
        supportingEvidence: t.supporting_evidence,
        updatedAt: iso(t.updated_at),
      })),
      livenessLinks: links.map((l) => ({
        linkId: l.link_id,
        relationship: l.relationship,
        email: l.email || null,
        state: l.state,
        createdAt: iso(l.created_at),
        sentAt: iso(l.sent_at),
        completedAt: iso(l.completed_at),
        expiredAt: iso(l.expired_at),
      })),
      livenessChecks: sessions.map((s) => ({
        sessionId: s.session_id,
        status: s.status,
        startedAt: iso(s.created_at),
        completedAt: iso(s.completed_at),
        attempts: s.attempts.map((a) => ({
          attempt: a.attempt_number,
          result: a.result,
          liveness: a.liveness,
          faceMatch: a.face_match,
          reasons: a.reasons,
          decidedAt: iso(a.decided_at),
          imagesHeld: Number(a.images ?? 0),
        })),
      })),
      documents: documents.map((d) => ({
        documentId: d.document_id,
        kind: d.kind,
        fileName: d.file_name,
        contentType: d.content_type,
        size: d.size,
        sha256: d.sha256,
        uploadedAt: iso(d.uploaded_at),
        contentBase64: contentOf.get(d.document_id) ?? null,
      })),
      documentChecks: documentChecks.map((c) => ({
        documentId: c.document_id,
        kind: c.kind,
        fileName: c.file_name,
        checkedAt: iso(c.checked_at),
        checkedBy: c.checked_by,
        faceComparedWith: c.face_probe,
        result: c.result,
      })),
      escalations: escalations.map((e) => ({ ...e })),
      auditTrail: audit.map((e) => ({
        at: iso(e.at),
        action: e.action,
        entity: e.entity,
        entityId: e.entity_id,
        actor: e.actor,
      })),
    };
  }

  /** Erases the person's evidence and contact details once every case they are in has closed. */
  async erase(actor: Actor, reference: string, personId: string, reason: string): Promise<ErasureResult> {
    authorize(actor, 'personal-data.erase');
    const at = this.clock.now();
    return this.db.transaction().execute(async (tx) => {
      const person = await this.store.person(personId, tx, true);
      if (!person || person.reference !== reference) throw notFound('Person', personId);
      if (person.erased_at)
        throw conflict(
          `This person's evidence and contact details were already erased on ${iso(person.erased_at)}`,
          'PERSON_ALREADY_ERASED',
        );
      const refusal = erasureRefusal([{ reference: person.reference, stage: person.stage }]);
      if (refusal) throw conflict(refusal.message, refusal.code);
      const removed = await this.store.erase(tx, personId, person.application_id, person.relationship, at);
      await appendAudit(tx, at, {
        ...auditActor(actor),
        applicationId: person.application_id,
        action: 'personal-data.erased',
        entity: 'person',
        entityId: personId,
        after: { reason, ...removed },
      });
      return {
        personId,
        erasedAt: at.toISOString(),
        removed,
        whatIsErased: ERASED_ON_REQUEST,
        whatIsKept: KEPT_AFTER_ERASURE,
      };
    });
  }
}
