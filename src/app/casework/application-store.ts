// The SQL of applications, their people and their Supporting documents: the rows the application use cases
// read (a row locked FOR UPDATE when a use case changes it) and the inserts and updates they make.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';
import type {
  ApplicationsTable,
  CaseworkDocumentsTable,
  CaseworkPeopleTable,
  IdentityTasksTable,
} from '../ports/database-schema.ts';
import { notFound } from './actor.ts';
import type { DocumentKind } from '../../domain/casework/documents.ts';
import type { PartyRelationship } from '../../domain/casework/people.ts';

export type ApplicationRow = Selectable<ApplicationsTable>;
export type PersonRow = Selectable<CaseworkPeopleTable>;
/** A document's row without its content (lists and views). */
export type DocumentRow = Omit<Selectable<CaseworkDocumentsTable>, 'content' | 'application_id'>;

/** The application by its reference (locked for the transaction when `lock`); 404 when there is none. */
export async function applicationByReference(db: Db, reference: string, lock = false): Promise<ApplicationRow> {
  let q = db.selectFrom('applications').selectAll().where('reference', '=', reference);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('application', reference);
  return row;
}

export async function applicationById(db: Db, applicationId: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export async function insertApplication(tx: Tx, row: Insertable<ApplicationsTable>): Promise<void> {
  await tx.insertInto('applications').values(row).execute();
}

export async function updateApplication(
  tx: Db,
  applicationId: string,
  set: Updateable<ApplicationsTable>,
): Promise<void> {
  await tx.updateTable('applications').set(set).where('application_id', '=', applicationId).execute();
}

/** The application's people in the order they were added. */
export async function peopleOf(db: Db, applicationId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('casework_people')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('person_id')
    .execute();
}

/** The application's person in `relationship` (the applicant, the consenting parent), when it has one. */
export async function personWithRelationship(
  db: Db,
  applicationId: string,
  relationship: PartyRelationship,
): Promise<PersonRow | undefined> {
  return db
    .selectFrom('casework_people')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('relationship', '=', relationship)
    .executeTakeFirst();
}

/** The person by id (a person the application's own row names, so one that exists). */
export async function personById(db: Db, personId: string): Promise<PersonRow> {
  return db.selectFrom('casework_people').selectAll().where('person_id', '=', personId).executeTakeFirstOrThrow();
}

/** The person's whole record when they are on this application. */
export async function personRecordOn(db: Db, applicationId: string, personId: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('casework_people')
    .selectAll()
    .where('person_id', '=', personId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertPerson(tx: Tx, row: Insertable<CaseworkPeopleTable>): Promise<void> {
  await tx.insertInto('casework_people').values(row).execute();
}

export async function insertTasks(tx: Tx, rows: readonly Insertable<IdentityTasksTable>[]): Promise<void> {
  await tx
    .insertInto('identity_tasks')
    .values([...rows])
    .execute();
}

export async function tasksOfApplication(db: Db, applicationId: string) {
  return db.selectFrom('identity_tasks').selectAll().where('application_id', '=', applicationId).execute();
}

// ---- Supporting documents ---------------------------------------------------------------------------------

const DOCUMENT_COLUMNS = [
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
] as const;

export async function insertDocument(tx: Tx, row: Insertable<CaseworkDocumentsTable>): Promise<void> {
  await tx.insertInto('casework_documents').values(row).execute();
}

/** The application's documents, without their content, oldest first. */
export async function documentsOf(db: Db, applicationId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('casework_documents')
    .select(DOCUMENT_COLUMNS)
    .where('application_id', '=', applicationId)
    .orderBy('uploaded_at')
    .execute();
}

export async function documentOf(db: Db, applicationId: string, documentId: string) {
  return db
    .selectFrom('casework_documents')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** The documents of one kind filed for a person (e.g. the INZ photo the records fetch files). */
export async function documentsOfKind(
  db: Db,
  applicationId: string,
  personId: string,
  kind: DocumentKind,
): Promise<{ document_id: string; sha256: string }[]> {
  return db
    .selectFrom('casework_documents')
    .select(['document_id', 'sha256'])
    .where('application_id', '=', applicationId)
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .execute();
}

/** The kinds of the documents filed for a person, or for the whole application (no person). */
export async function documentKindsFor(db: Db, applicationId: string, personId: string): Promise<DocumentKind[]> {
  const docs = await db
    .selectFrom('casework_documents')
    .select('kind')
    .where('application_id', '=', applicationId)
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('person_id', 'is', null)]))
    .execute();
  return docs.map((d) => d.kind);
}

export async function deleteDocuments(tx: Tx, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await tx
    .deleteFrom('casework_documents')
    .where('document_id', 'in', [...documentIds])
    .execute();
}
