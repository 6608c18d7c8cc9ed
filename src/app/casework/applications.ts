// Applications, their people and documents, the stage lifecycle (domain table), and the immigration-records
// fetch that paid submission enqueues in the same transaction as the stage change.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  APPLICATION_TYPES,
  ageOn,
  allValidated,
  applyStageAction,
  bracketOn,
  compareDates,
  createConfirmIdentityTasks,
  identityStandardFor,
  isApplicationType,
  isIsoDate,
  noRecordsReason,
  PARTY_RELATIONSHIPS,
  routeFor,
  STAGE_LABELS,
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
  type AgeBracket,
  type DocumentKind,
  type IdentityTask,
  type NoRecordsReason,
  type PartyRelationship,
  type Stage,
  type StageAction,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../../adapters/db/database.ts';
import { OfficerDirectory } from './officer-directory.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, conflict, invalid, notFound, nzDate, nzDateTime, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { rowToTask } from './tasks.ts';
import {
  apiErrorResult,
  type AmsPhoto,
  type ImmigrationRecordsPort,
  type InzResultsRow,
  type RecordsResult,
} from './records-port.ts';
import { formatGridDateTime } from '../../domain/records/index.ts';
import type { CaseworkDocumentsTable } from '../../adapters/db/schema.ts';
import type { Selectable } from 'kysely';

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

export interface PersonView {
  id: string;
  relationship: PartyRelationship;
  givenNames: string;
  familyName: string;
  fullName: string;
  dateOfBirth: string;
  gender: string | null;
  countryOfBirth: string | null;
  email: string | null;
  citizenshipPersonNumber: string | null;
  appliedAtSameTime: boolean | null;
  ownApplicationRef: string | null;
  /** Age and bracket on the submission date (route and consent, R11) and today (liveness, R12/R13). */
  ageAtSubmission: number | null;
  bracketAtSubmission: AgeBracket | null;
  bracketToday: AgeBracket;
}

export interface ApplicationView {
  id: string;
  reference: string;
  applicationType: string;
  stage: Stage;
  stageLabel: string;
  closure: string | null;
  paid: boolean;
  submittedOn: string | null;
  /** "liveness" for applications submitted on or after 30 July 2020, "pre-liveness" before (BR-07). */
  identityStandard: 'liveness' | 'pre-liveness' | null;
  route: string | null;
  countryAllowsDualCitizenship: boolean;
  amsImageUsable: boolean | null;
  recordsStatus: string;
  records: unknown;
  /** Why there are no INZ results and never will be (submitted before the records link began, BR-41). */
  noRecords: NoRecordsReason | null;
  ceremony: { personId: string | null; date: string | null; oathTaken: boolean | null; closedOn: string | null };
  people: PersonView[];
  /** The officer who picked the application up (BR-44), or null while it waits in the queue. */
  owner: { id: string; fullName: string; email: string | null } | null;
  createdAt: string;
}

export interface NewApplication {
  applicationType: string;
  countryAllowsDualCitizenship?: boolean;
  amsImageUsable?: boolean | null;
}

export interface NewPerson {
  relationship: string;
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

export interface DocumentView {
  id: string;
  personId: string | null;
  kind: DocumentKind;
  /** The Supporting documents columns (seed L964): e.g. "Photo of applicant" / "Identity". */
  documentType: string;
  providedAs: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

type AppRow = Awaited<ReturnType<Applications['row']>>;

function isRelationship(value: string): value is PartyRelationship {
  return (PARTY_RELATIONSHIPS as readonly string[]).includes(value);
}

export function taskRowValues(task: IdentityTask) {
  return {
    task_id: task.id,
    application_id: task.applicationId,
    person_id: task.personId,
    kind: task.kind,
    state: task.state,
    outcome: task.outcome,
    criteria: JSON.stringify(task.criteria),
    comments: task.comments,
    supporting_evidence: JSON.stringify(task.supportingEvidence),
    liveness_assessment: task.livenessAssessment === null ? null : JSON.stringify(task.livenessAssessment),
    prepared_by: task.preparedBy,
    validated_by: task.validatedBy,
    history: JSON.stringify(task.history),
  };
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

  async row(db: Db, reference: string, lock = false) {
    let q = db.selectFrom('applications').selectAll().where('reference', '=', reference);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('application', reference);
    return row;
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
          await tx
            .insertInto('applications')
            .values({
              application_id: id,
              reference,
              application_type: input.applicationType,
              stage: 'draft',
              country_allows_dual_citizenship: input.countryAllowsDualCitizenship ?? true,
              ams_image_usable: input.amsImageUsable ?? null,
              created_by: actor.officerId,
            })
            .execute();
          await appendAudit(tx, this.clock.now(), {
            ...auditActor(actor),
            applicationId: id,
            action: 'application.create',
            entity: 'application',
            entityId: id,
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
    const people = await db
      .selectFrom('casework_people')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .orderBy('created_at')
      .orderBy('person_id')
      .execute();
    const today = this.today();
    return {
      id: a.application_id,
      reference: a.reference,
      applicationType: a.application_type,
      stage: a.stage as Stage,
      stageLabel: STAGE_LABELS[a.stage as Stage] ?? a.stage,
      closure: a.closure,
      paid: a.paid,
      submittedOn: a.submitted_on,
      identityStandard: a.submitted_on ? identityStandardFor(a.submitted_on) : null,
      route: (() => {
        const subject =
          people.find((p) => p.relationship === 'applicant') ?? people.find((p) => p.relationship === 'child');
        return subject && a.submitted_on ? routeFor(subject.date_of_birth, a.submitted_on).route : null;
      })(),
      countryAllowsDualCitizenship: a.country_allows_dual_citizenship,
      amsImageUsable: a.ams_image_usable,
      recordsStatus: a.records_status,
      records: a.records,
      noRecords: a.submitted_on ? noRecordsReason(a.submitted_on) : null,
      ceremony: {
        personId: a.ceremony_person_id,
        date: a.ceremony_date,
        oathTaken: a.oath_taken,
        closedOn: a.ceremony_closed_on,
      },
      owner: await ownerOf(db, a.owner_id),
      people: people.map((p) => {
        const submitted = a.submitted_on && compareDates(a.submitted_on, p.date_of_birth) >= 0 ? a.submitted_on : null;
        return {
          id: p.person_id,
          relationship: p.relationship as PartyRelationship,
          givenNames: p.given_names,
          familyName: p.family_name,
          fullName: `${p.given_names} ${p.family_name}`.trim(),
          dateOfBirth: p.date_of_birth,
          gender: p.gender,
          countryOfBirth: p.country_of_birth,
          email: p.email,
          citizenshipPersonNumber: p.citizenship_person_number,
          appliedAtSameTime: p.applied_at_same_time,
          ownApplicationRef: p.own_application_ref,
          ageAtSubmission: submitted ? ageOn(p.date_of_birth, submitted) : null,
          bracketAtSubmission: submitted ? bracketOn(p.date_of_birth, submitted) : null,
          bracketToday: bracketOn(p.date_of_birth, compareDates(today, p.date_of_birth) >= 0 ? today : p.date_of_birth),
        };
      }),
      createdAt: a.created_at.toISOString(),
    };
  }

  /** Adds a person and their three Confirm Identity tasks. */
  async addPerson(actor: Actor, reference: string, input: NewPerson): Promise<PersonView> {
    authorize(actor, 'person.create');
    if (!isRelationship(input.relationship))
      throw invalid('relationship', `relationship must be one of ${PARTY_RELATIONSHIPS.join(', ')}`);
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
        const existing = await tx
          .selectFrom('casework_people')
          .select('person_id')
          .where('application_id', '=', a.application_id)
          .where('relationship', '=', 'applicant')
          .executeTakeFirst();
        if (existing) throw conflict('the application already has a subject person', 'APPLICANT_EXISTS');
      }
      await tx
        .insertInto('casework_people')
        .values({
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
        })
        .execute();
      const tasks = createConfirmIdentityTasks(a.application_id, personId, () => randomUUID());
      await tx.insertInto('identity_tasks').values(tasks.map(taskRowValues)).execute();
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
      const people = await tx
        .selectFrom('casework_people')
        .select('relationship')
        .where('application_id', '=', a.application_id)
        .execute();
      if (!people.some((p) => p.relationship === 'applicant'))
        throw conflict('add the subject person before submitting', 'NO_APPLICANT');
      const move = applyStageAction(a.stage as Stage, 'submit', actor.roles, { paid: input.paid });
      if (!move.ok) throw ruleError(move.error, 'paid');
      const fetchRecords = noRecordsReason(submittedOn) === null;
      await tx
        .updateTable('applications')
        .set({
          stage: move.value.stage,
          paid: true,
          submitted_on: submittedOn,
          records_status: fetchRecords ? 'pending' : 'not-applicable',
          revision: a.revision + 1,
          updated_at: this.clock.now(),
        })
        .where('application_id', '=', a.application_id)
        .execute();
      if (fetchRecords)
        await this.queue.send<RecordsFetchJob>(RECORDS_FETCH_QUEUE, { applicationId: a.application_id }, { tx });
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'application.submit',
        entity: 'application',
        entityId: a.application_id,
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
  async applyStage(tx: Tx, actor: Actor | 'system', a: AppRow, action: StageAction, reason?: string): Promise<Stage> {
    const tasks = await tx
      .selectFrom('identity_tasks')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .execute();
    const guards = {
      paid: a.paid,
      identityTasksValidated: allValidated(tasks.map(rowToTask)),
      ceremonyRecorded: a.ceremony_date !== null,
      ...(reason !== undefined ? { revertReason: reason } : {}),
    };
    const move = applyStageAction(a.stage as Stage, action, actor === 'system' ? 'system' : actor.roles, guards);
    if (!move.ok) throw ruleError(move.error, 'action');
    await tx
      .updateTable('applications')
      .set({
        stage: move.value.stage,
        closure: move.value.closure ?? a.closure,
        revision: a.revision + 1,
        updated_at: this.clock.now(),
      })
      .where('application_id', '=', a.application_id)
      .execute();
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
      await tx
        .updateTable('applications')
        .set({ ams_image_usable: usable, updated_at: this.clock.now() })
        .where('application_id', '=', a.application_id)
        .execute();
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'application.ams-image',
        entity: 'application',
        entityId: a.application_id,
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
      await tx
        .updateTable('applications')
        .set({ records_status: 'pending' })
        .where('application_id', '=', a.application_id)
        .execute();
      await this.queue.send<RecordsFetchJob>(
        RECORDS_FETCH_QUEUE,
        { applicationId: a.application_id, retriggeredAt },
        { tx },
      );
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'records.refetch',
        entity: 'application',
        entityId: a.application_id,
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
    const a = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('application_id', '=', job.applicationId)
      .executeTakeFirst();
    if (!a?.submitted_on || noRecordsReason(a.submitted_on)) return;
    const subject = await this.db
      .selectFrom('casework_people')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .where('relationship', '=', 'applicant')
      .executeTakeFirst();
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
      await tx
        .updateTable('applications')
        .set({
          records: JSON.stringify({
            ...result,
            summary,
            applicationDate: a.submitted_on,
            fetchedAt: now.toISOString(),
          }),
          records_status: status,
          records_fetched_at: now,
        })
        .where('application_id', '=', a.application_id)
        .execute();
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
        const p = await tx
          .selectFrom('casework_people')
          .select(['person_id', 'relationship'])
          .where('person_id', '=', input.personId)
          .where('application_id', '=', a.application_id)
          .executeTakeFirst();
        if (!p) throw invalid('personId', 'personId is not a person on this application');
        relationship = p.relationship;
      }
      const columns = defaultDocumentColumns(kind, relationship);
      const documentType = input.documentType || columns.documentType;
      const providedAs = input.providedAs || columns.providedAs;
      await tx
        .insertInto('casework_documents')
        .values({
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
        })
        .execute();
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
    const rows = await this.db
      .selectFrom('casework_documents')
      .select([
        'document_id',
        'person_id',
        'kind',
        'document_type',
        'provided_as',
        'file_name',
        'content_type',
        'size',
        'sha256',
        'uploaded_by',
        'uploaded_at',
      ])
      .where('application_id', '=', a.application_id)
      .orderBy('uploaded_at')
      .execute();
    return rows.map((r) => documentView(r));
  }

  async document(
    actor: Actor,
    reference: string,
    documentId: string,
  ): Promise<{ view: DocumentView; content: Uint8Array }> {
    authorize(actor, 'documents.read');
    const a = await this.row(this.db, reference);
    const r = await this.db
      .selectFrom('casework_documents')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    if (!r) throw notFound('document', documentId);
    return { view: documentView(r), content: r.content };
  }
}

function documentView(r: Omit<Selectable<CaseworkDocumentsTable>, 'content' | 'application_id'>): DocumentView {
  return {
    id: r.document_id,
    personId: r.person_id,
    kind: r.kind as DocumentKind,
    documentType: r.document_type ?? defaultDocumentColumns(r.kind as DocumentKind, null).documentType,
    providedAs: r.provided_as ?? defaultDocumentColumns(r.kind as DocumentKind, null).providedAs,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}

// ---- The AMS photo (BR-48): the photo that comes with the immigration records is stored in the application's Supporting documents
// ("INZ photo of applicant", provided as "Identity", named as the records name it, L1517–1523), filed by the
// system in the records-fetch transaction. A re-fetch that brings the same image leaves the document as it is;
// a different image replaces it (the records are the source), audited either way.
const EXTENSION: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

async function fileAmsPhoto(
  tx: Tx,
  now: Date,
  applicationId: string,
  personId: string,
  photo: AmsPhoto,
): Promise<void> {
  const sha256 = createHash('sha256').update(photo.content).digest('hex');
  const held = await tx
    .selectFrom('casework_documents')
    .select(['document_id', 'sha256'])
    .where('application_id', '=', applicationId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'inz-photo')
    .execute();
  if (held.some((d) => d.sha256 === sha256)) return;
  if (held.length > 0)
    await tx
      .deleteFrom('casework_documents')
      .where(
        'document_id',
        'in',
        held.map((d) => d.document_id),
      )
      .execute();
  const id = randomUUID();
  const columns = defaultDocumentColumns('inz-photo', 'applicant');
  const fileName = `${photo.name.replace(/[^\w.\- ]/g, '_').slice(0, 180) || 'ams-photo'}.${EXTENSION[photo.contentType] ?? 'img'}`;
  await tx
    .insertInto('casework_documents')
    .values({
      document_id: id,
      application_id: applicationId,
      person_id: personId,
      kind: 'inz-photo',
      document_type: columns.documentType,
      provided_as: columns.providedAs,
      file_name: fileName,
      content_type: photo.contentType,
      size: photo.content.byteLength,
      sha256,
      content: photo.content,
      uploaded_by: 'system',
    })
    .execute();
  await appendAudit(tx, now, {
    actor: 'system',
    applicationId,
    action: 'document.file-ams-photo',
    entity: 'document',
    entityId: id,
    before: held.length > 0 ? { replaced: held.map((d) => d.document_id) } : null,
    after: { kind: 'inz-photo', personId, size: photo.content.byteLength, sha256 },
  });
}

/** The officer who picked the application up, by name and email. */
async function ownerOf(
  db: Db,
  ownerId: string | null,
): Promise<{ id: string; fullName: string; email: string | null } | null> {
  if (ownerId === null) return null;
  const officers = await OfficerDirectory.of(db, [ownerId]);
  return { id: ownerId, fullName: officers.name(ownerId), email: officers.email(ownerId) };
}
