// Applications, their people and documents, the stage lifecycle (domain table), and the immigration-records
// fetch that paid submission enqueues in the same transaction as the stage change.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  APPLICATION_TYPES,
  allValidated,
  applyStageAction,
  compareDates,
  createConfirmIdentityTasks,
  isApplicationType,
  isIsoDate,
  noRecordsReason,
  STAGE_TRANSITIONS,
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  PROVIDED_AS,
  SYSTEM_FILED_KINDS,
  defaultDocumentColumns,
  isDocumentKind,
  isDocumentType,
  isProvidedAs,
  documentContentType,
  type PartyRelationship,
  type Stage,
  type StageAction,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import { OfficerDirectory } from './officer-directory.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditActor, auditApplication } from './audit.ts';
import { authorize, conflict, invalid, notFound, nzDate, nzDateTime, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { rowToTask, taskRowValues } from './task-rows.ts';
import { apiErrorResult, type ImmigrationRecordsPort, type InzResultsRow, type RecordsResult } from './records-port.ts';
import { formatGridDateTime } from '../../domain/records/index.ts';
import * as store from './application-store.ts';
import type { ApplicationRow } from './application-store.ts';
import {
  applicationView,
  documentView,
  type ApplicationView,
  type DocumentView,
  type OwnerView,
  type PersonView,
} from './application-views.ts';
import { fileAmsPhoto } from './ams-photo.ts';

export type { ApplicationView, DocumentView, PersonView } from './application-views.ts';

export const RECORDS_FETCH_QUEUE = 'casework.records-fetch';
export interface RecordsFetchJob {
  applicationId: string;
  /** Set when an officer re-triggered the fetch: NZ local 'YYYY-MM-DDTHH:mm' (the row's "Date and Time"). */
  retriggeredAt?: string;
}

export class RecordsUnavailableError extends Error {}

export { DOCUMENT_KINDS, isDocumentKind, documentContentType, type DocumentKind } from '../../domain/casework/index.ts';
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** An application reference like "3G68KK": six characters, no 0/O/1/I. */
export function newReference(): string {
  let ref = '';
  for (let i = 0; i < 6; i += 1) ref += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return ref;
}

export interface NewApplication {
  applicationType: string;
  countryAllowsDualCitizenship?: boolean;
  amsImageUsable?: boolean | null;
}

export interface NewPerson {
  relationship: PartyRelationship;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender?: string | null;
  countryOfBirth?: string | null;
  email?: string | null;
  citizenshipPersonNumber?: string | null;
  appliedAtSameTime?: boolean | null;
  ownApplicationRef?: string | null;
}

export class Applications {
  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly records: () => ImmigrationRecordsPort,
  ) {}

  private today(): string {
    return nzDate(this.clock.now());
  }

  /** The application row (locked for the caller's transaction when `lock`); 404 when there is none. */
  row(db: Db, reference: string, lock = false): Promise<ApplicationRow> {
    return store.applicationByReference(db, reference, lock);
  }

  async create(actor: Actor, input: NewApplication): Promise<ApplicationView> {
    authorize(actor, 'application.create');
    if (!isApplicationType(input.applicationType)) {
      throw invalid(
        'applicationType',
        `applicationType must be one of: ${APPLICATION_TYPES.map((type) => JSON.stringify(type)).join(', ')}`,
      );
    }
    const id = randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      const reference = newReference();
      try {
        await this.db.transaction().execute(async (tx) => {
          await store.insertApplication(tx, {
            application_id: id,
            reference,
            application_type: input.applicationType,
            stage: 'draft',
            country_allows_dual_citizenship: input.countryAllowsDualCitizenship ?? true,
            ams_image_usable: input.amsImageUsable ?? null,
            created_by: actor.officerId,
          });
          await auditApplication(tx, this.clock.now(), actor, id, 'application.create', {
            after: { reference, applicationType: input.applicationType, stage: 'draft' },
          });
        });
        return this.view(reference);
      } catch (error) {
        if (attempt < 3 && error instanceof Error && /unique|duplicate/i.test(error.message)) continue;
        throw error;
      }
    }
  }

  async get(actor: Actor, reference: string): Promise<ApplicationView> {
    authorize(actor, 'application.read');
    return this.view(reference);
  }

  async view(reference: string, db: Db = this.db): Promise<ApplicationView> {
    const a = await this.row(db, reference);
    const people = await store.peopleOf(db, a.application_id);
    return applicationView(a, people, await ownerOf(db, a.owner_id), this.today());
  }

  /** Adds a person and their three Confirm Identity tasks. */
  async addPerson(actor: Actor, reference: string, input: NewPerson): Promise<PersonView> {
    authorize(actor, 'person.create');
    if (!isIsoDate(input.dateOfBirth) || compareDates(input.dateOfBirth, this.today()) > 0) {
      throw invalid('dateOfBirth', 'dateOfBirth must be a real date, not in the future');
    }
    if (input.givenNames.trim() === '' && input.familyName.trim() === '')
      throw invalid('familyName', 'a name is required');
    if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
      throw invalid('email', 'email must be an email address');
    const personId = randomUUID();
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      if (a.stage === 'closed') throw conflict('the application is closed', 'APPLICATION_CLOSED');
      if (input.relationship === 'applicant') {
        if (await store.personWithRelationship(tx, a.application_id, 'applicant'))
          throw conflict('the application already has a subject person', 'APPLICANT_EXISTS');
      }
      await store.insertPerson(tx, {
        person_id: personId,
        application_id: a.application_id,
        relationship: input.relationship,
        given_names: input.givenNames.trim(),
        family_name: input.familyName.trim(),
        date_of_birth: input.dateOfBirth,
        gender: input.gender ?? null,
        country_of_birth: input.countryOfBirth ?? null,
        email: input.email ?? null,
        citizenship_person_number: input.citizenshipPersonNumber ?? null,
        applied_at_same_time: input.appliedAtSameTime ?? null,
        own_application_ref: input.ownApplicationRef ?? null,
      });
      const tasks = createConfirmIdentityTasks(a.application_id, personId, () => randomUUID());
      await store.insertTasks(tx, tasks.map(taskRowValues));
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'person.create',
        entity: 'person',
        entityId: personId,
        after: { relationship: input.relationship, tasks: tasks.map((t) => t.kind) },
      });
    });
    const view = await this.view(reference);
    const person = view.people.find((p) => p.id === personId);
    if (!person) throw notFound('person', personId);
    return person;
  }

  /** Officer-entered paid submission: stage "Submitted" and the records fetch enqueued in one transaction. */
  async submit(
    actor: Actor,
    reference: string,
    input: { paid: boolean; submittedOn?: string },
  ): Promise<ApplicationView> {
    authorize(actor, 'application.submit');
    const today = this.today();
    const submittedOn = input.submittedOn ?? today;
    if (!isIsoDate(submittedOn) || compareDates(submittedOn, today) > 0)
      throw invalid('submittedOn', 'submittedOn must be a real date, not in the future');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      if (!(await store.personWithRelationship(tx, a.application_id, 'applicant')))
        throw conflict('add the subject person before submitting', 'NO_APPLICANT');
      const move = applyStageAction(a.stage, 'submit', actor.roles, { paid: input.paid });
      if (!move.ok) throw ruleError(move.error, 'paid');
      const fetchRecords = noRecordsReason(submittedOn) === null;
      await store.updateApplication(tx, a.application_id, {
        stage: move.value.stage,
        paid: true,
        submitted_on: submittedOn,
        records_status: fetchRecords ? 'pending' : 'not-applicable',
        revision: a.revision + 1,
        updated_at: this.clock.now(),
      });
      if (fetchRecords)
        await this.queue.send<RecordsFetchJob>(RECORDS_FETCH_QUEUE, { applicationId: a.application_id }, { tx });
      await auditApplication(tx, this.clock.now(), actor, a.application_id, 'application.submit', {
        before: { stage: a.stage, paid: a.paid, submittedOn: a.submitted_on },
        after: { stage: move.value.stage, paid: true, submittedOn },
      });
    });
    return this.view(reference);
  }

  /** Moves the stage by the domain table; guards are computed here from tasks and the ceremony. */
  async moveStage(actor: Actor, reference: string, action: StageAction, reason?: string): Promise<ApplicationView> {
    const transition = STAGE_TRANSITIONS.find((t) => t.action === action);
    if (!transition) throw invalid('action', `unknown stage action ${action}`);
    if (action === 'submit') throw invalid('action', 'use the submit endpoint');
    if (action === 'close-ceremony') throw invalid('action', 'use the ceremony close endpoint');
    authorize(actor, transition.permission);
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      await this.applyStage(tx, actor, a, action, reason);
    });
    return this.view(reference);
  }

  /** Applies a stage action inside a transaction that holds the application row. */
  async applyStage(
    tx: Tx,
    actor: Actor | 'system',
    a: ApplicationRow,
    action: StageAction,
    reason?: string,
  ): Promise<Stage> {
    const tasks = await store.tasksOfApplication(tx, a.application_id);
    const guards = {
      paid: a.paid,
      identityTasksValidated: allValidated(tasks.map(rowToTask)),
      ceremonyRecorded: a.ceremony_date !== null,
      ...(reason !== undefined ? { revertReason: reason } : {}),
    };
    const move = applyStageAction(a.stage, action, actor === 'system' ? 'system' : actor.roles, guards);
    if (!move.ok) throw ruleError(move.error, 'action');
    await store.updateApplication(tx, a.application_id, {
      stage: move.value.stage,
      closure: move.value.closure ?? a.closure,
      revision: a.revision + 1,
      updated_at: this.clock.now(),
    });
    await appendAudit(tx, this.clock.now(), {
      actor: actor === 'system' ? 'system' : actor.officerId,
      applicationId: a.application_id,
      action: `application.stage.${action}`,
      entity: 'application',
      entityId: a.application_id,
      before: { stage: a.stage },
      after: { stage: move.value.stage, closure: move.value.closure, ...(reason ? { reason } : {}) },
    });
    return move.value.stage;
  }

  async setAmsImageUsable(actor: Actor, reference: string, usable: boolean): Promise<ApplicationView> {
    authorize(actor, 'application.move-stage');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      await store.updateApplication(tx, a.application_id, { ams_image_usable: usable, updated_at: this.clock.now() });
      await auditApplication(tx, this.clock.now(), actor, a.application_id, 'application.ams-image', {
        before: { amsImageUsable: a.ams_image_usable },
        after: { amsImageUsable: usable },
      });
    });
    return this.view(reference);
  }

  // ---- Immigration records ----------------------------------------------------------------------------

  /** The officer re-triggers the fetch (e.g. after "Identity search service is down"). */
  async refetchRecords(actor: Actor, reference: string): Promise<ApplicationView> {
    authorize(actor, 'application.move-stage');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      if (!a.submitted_on) throw conflict('the application has not been submitted', 'NOT_SUBMITTED');
      const none = noRecordsReason(a.submitted_on);
      if (none) throw conflict(none.message, none.code);
      const retriggeredAt = nzDateTime(this.clock.now());
      await store.updateApplication(tx, a.application_id, { records_status: 'pending' });
      await this.queue.send<RecordsFetchJob>(
        RECORDS_FETCH_QUEUE,
        { applicationId: a.application_id, retriggeredAt },
        { tx },
      );
      await auditApplication(tx, this.clock.now(), actor, a.application_id, 'records.refetch', {
        before: { recordsStatus: a.records_status },
        after: { recordsStatus: 'pending', retriggeredAt },
      });
    });
    return this.view(reference);
  }

  /**
   * The records-fetch job. The calculation always runs from the submission date; the stored time is the
   * fetch time. When the records service is down the "API error" row is stored and the job throws, so the
   * queue retries with back-off.
   */
  async fetchRecords(job: RecordsFetchJob): Promise<void> {
    const a = await store.applicationById(this.db, job.applicationId);
    if (!a?.submitted_on || noRecordsReason(a.submitted_on)) return;
    const subject = await store.personWithRelationship(this.db, a.application_id, 'applicant');
    if (!subject) return;
    const retriggeredAt = job.retriggeredAt ?? null;
    const fetched = await this.records().fetch(
      {
        givenNames: subject.given_names,
        familyName: subject.family_name,
        dateOfBirth: subject.date_of_birth,
        gender: subject.gender,
        countryOfBirth: subject.country_of_birth,
      },
      a.submitted_on,
      { retriggeredAt },
    );
    const { photo, ...result }: RecordsResult = fetched.status === 'ok' ? fetched.result : apiErrorResult();
    const status = fetched.status === 'ok' ? 'fetched' : 'error';
    const now = this.clock.now();
    // The row's five columns (seed L1444): "Date and Time" is the submission, or the re-trigger when there was one.
    const summary: InzResultsRow = {
      ...result.summary,
      dateTime: formatGridDateTime(retriggeredAt ?? `${a.submitted_on}T00:00`),
      retriggeredAt,
    };
    await this.db.transaction().execute(async (tx) => {
      await store.updateApplication(tx, a.application_id, {
        records: JSON.stringify({ ...result, summary, applicationDate: a.submitted_on, fetchedAt: now.toISOString() }),
        records_status: status,
        records_fetched_at: now,
      });
      if (photo) await fileAmsPhoto(tx, now, a.application_id, subject.person_id, photo);
      await appendAudit(tx, now, {
        actor: 'system',
        applicationId: a.application_id,
        action: 'records.fetch',
        entity: 'application',
        entityId: a.application_id,
        before: { recordsStatus: a.records_status },
        after: {
          recordsStatus: status,
          summary: {
            identityMatch: result.summary.identityMatch,
            presence: result.summary.presence,
            alerts: result.summary.alerts,
            dateTime: summary.dateTime,
          },
        },
      });
    });
    if (fetched.status === 'unavailable') throw new RecordsUnavailableError('immigration records service unavailable');
  }

  // ---- Documents ----------------------------------------------------------------------------------------

  async uploadDocument(
    actor: Actor,
    reference: string,
    input: {
      kind: string;
      personId: string | null;
      fileName: string;
      content: Uint8Array;
      documentType?: string | null;
      providedAs?: string | null;
    },
  ): Promise<DocumentView> {
    authorize(actor, 'documents.upload');
    const uploadable = DOCUMENT_KINDS.filter((k) => !SYSTEM_FILED_KINDS.includes(k));
    if (!isDocumentKind(input.kind) || SYSTEM_FILED_KINDS.includes(input.kind))
      throw invalid('kind', `kind must be one of ${uploadable.join(', ')}`);
    const kind = input.kind;
    if (input.documentType && !isDocumentType(input.documentType))
      throw invalid('documentType', `documentType must be one of ${DOCUMENT_TYPES.join(', ')}`);
    if (input.providedAs && !isProvidedAs(input.providedAs))
      throw invalid('providedAs', `providedAs must be one of ${PROVIDED_AS.join(', ')}`);
    if (input.content.byteLength === 0) throw invalid('file', 'the file is empty');
    if (input.content.byteLength > MAX_DOCUMENT_BYTES)
      throw invalid('file', `the file is larger than ${MAX_DOCUMENT_BYTES} bytes`);
    const contentType = documentContentType(input.content);
    if (!contentType) throw invalid('file', 'the file must be a JPEG, PNG or PDF');
    const fileName = input.fileName.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'document';
    const id = randomUUID();
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.row(tx, reference, true);
      let relationship: string | null = null;
      if (input.personId) {
        const p = await store.personRecordOn(tx, a.application_id, input.personId);
        if (!p) throw invalid('personId', 'personId is not a person on this application');
        relationship = p.relationship;
      }
      const columns = defaultDocumentColumns(kind, relationship);
      const documentType = input.documentType || columns.documentType;
      const providedAs = input.providedAs || columns.providedAs;
      await store.insertDocument(tx, {
        document_id: id,
        application_id: a.application_id,
        person_id: input.personId,
        kind,
        document_type: documentType,
        provided_as: providedAs,
        file_name: fileName,
        content_type: contentType,
        size: input.content.byteLength,
        sha256,
        content: input.content,
        uploaded_by: actor.officerId,
      });
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'document.upload',
        entity: 'document',
        entityId: id,
        after: { kind, documentType, providedAs, personId: input.personId, size: input.content.byteLength, sha256 },
      });
    });
    const docs = await this.documents(actor, reference);
    const doc = docs.find((d) => d.id === id);
    if (!doc) throw notFound('document', id);
    return doc;
  }

  async documents(actor: Actor, reference: string): Promise<DocumentView[]> {
    authorize(actor, 'documents.read');
    const a = await this.row(this.db, reference);
    const rows = await store.documentsOf(this.db, a.application_id);
    return rows.map((r) => documentView(r));
  }

  async document(
    actor: Actor,
    reference: string,
    documentId: string,
  ): Promise<{ view: DocumentView; content: Uint8Array }> {
    authorize(actor, 'documents.read');
    const a = await this.row(this.db, reference);
    const r = await store.documentOf(this.db, a.application_id, documentId);
    if (!r) throw notFound('document', documentId);
    return { view: documentView(r), content: r.content };
  }
}

/** The officer who picked the application up, by name and email. */
async function ownerOf(db: Db, ownerId: string | null): Promise<OwnerView | null> {
  if (ownerId === null) return null;
  const officers = await OfficerDirectory.of(db, [ownerId]);
  return { id: ownerId, fullName: officers.name(ownerId), email: officers.email(ownerId) };
}
