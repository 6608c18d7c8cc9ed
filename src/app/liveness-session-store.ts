// The SQL of liveness sessions: the session, its trusted source faces, its attempt sets and their stored frames.
// An attempt is claimed and decided in transactions that lock the session or the attempt row (FOR UPDATE).
import { createHash } from 'node:crypto';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from './ports/database.ts';
import type { LivenessAttemptsTable, LivenessFramesTable, LivenessSessionsTable } from './ports/database-schema.ts';
import type { DocumentKind } from '../domain/casework/documents.ts';
import type { TrustedSource } from '../domain/liveness/index.ts';
import { jpegOrPng } from '../domain/files/image-size.ts';

export type SessionRow = Selectable<LivenessSessionsTable>;
export type AttemptRow = Selectable<LivenessAttemptsTable>;
export interface LinkRow {
  link_id: string;
  application_id: string;
  person_id: string;
  created_by: string;
  sent_at: Date | null;
}
/** Frames stored per insert (a challenge has up to 90). */
const FRAMES_PER_INSERT = 30;

export async function sessionById(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  return db.selectFrom('liveness_sessions').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export async function lockSession(tx: Tx, sessionId: string): Promise<SessionRow> {
  return tx
    .selectFrom('liveness_sessions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function sessionByClientToken(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('liveness_sessions').selectAll().where('client_token_hash', '=', tokenHash).executeTakeFirst();
}

export async function sessionOfLink(db: Db, linkId: string): Promise<SessionRow | undefined> {
  return db.selectFrom('liveness_sessions').selectAll().where('link_id', '=', linkId).executeTakeFirst();
}

export async function sessionsOfApplication(db: Db, applicationId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('liveness_sessions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('session_id')
    .execute();
}

/** Inserts the session; false when the link has one already (two first starts at once). */
export async function insertSession(tx: Tx, row: Insertable<LivenessSessionsTable>): Promise<boolean> {
  const inserted = await tx
    .insertInto('liveness_sessions')
    .values(row)
    .onConflict((oc) => oc.column('link_id').doNothing())
    .returning('session_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function setSessionStatus(tx: Tx, sessionId: string, set: Updateable<LivenessSessionsTable>) {
  await tx.updateTable('liveness_sessions').set(set).where('session_id', '=', sessionId).execute();
}

/** The link a token names (by its hash). */
export async function linkByTokenHash(db: Db, tokenHash: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('liveness_links')
    .select(['link_id', 'application_id', 'person_id', 'created_by', 'sent_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function applicationIdByReference(db: Db, reference: string): Promise<string | undefined> {
  const a = await db
    .selectFrom('applications')
    .select('application_id')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return a?.application_id;
}

export async function isPersonOn(db: Db, applicationId: string, personId: string): Promise<boolean> {
  const p = await db
    .selectFrom('casework_people')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return p !== undefined;
}

// ---- Trusted source faces -----------------------------------------------------------------------------------

export async function documentById(db: Db, documentId: string) {
  return db
    .selectFrom('casework_documents')
    .select(['document_id', 'application_id', 'content'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** The person's documents of the given kinds, newest first. */
export async function personDocuments(db: Db, applicationId: string, personId: string, kinds: readonly DocumentKind[]) {
  return db
    .selectFrom('casework_documents')
    .select(['document_id', 'kind', 'content'])
    .where('application_id', '=', applicationId)
    .where('person_id', '=', personId)
    .where('kind', 'in', [...kinds])
    .orderBy('uploaded_at', 'desc')
    .execute();
}

export async function insertTrustedSource(
  tx: Tx,
  sessionId: string,
  source: TrustedSource,
  documentId: string | null,
  content: Buffer,
): Promise<void> {
  await tx
    .insertInto('liveness_trusted_sources')
    .values({
      session_id: sessionId,
      source,
      document_id: documentId,
      content_type: jpegOrPng(content) ?? 'image/jpeg',
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    })
    .execute();
}

export async function hasTrustedSource(db: Db, sessionId: string, source: TrustedSource): Promise<boolean> {
  const r = await db
    .selectFrom('liveness_trusted_sources')
    .select('source')
    .where('session_id', '=', sessionId)
    .where('source', '=', source)
    .executeTakeFirst();
  return r !== undefined;
}

export async function trustedSourceDescriptions(db: Db, sessionId: string) {
  return db
    .selectFrom('liveness_trusted_sources')
    .select(['source', 'document_id', 'content_type', 'sha256'])
    .where('session_id', '=', sessionId)
    .execute();
}

export async function trustedSourceContents(db: Db, sessionId: string) {
  return db
    .selectFrom('liveness_trusted_sources')
    .select(['source', 'content'])
    .where('session_id', '=', sessionId)
    .execute();
}

export async function trustedSourceImage(db: Db, sessionId: string, source: TrustedSource) {
  return db
    .selectFrom('liveness_trusted_sources')
    .select(['content_type', 'content'])
    .where('session_id', '=', sessionId)
    .where('source', '=', source)
    .executeTakeFirst();
}

// ---- Attempt sets and their frames --------------------------------------------------------------------------

/** The session's attempt sets in order (only the decided ones with `decidedOnly`). */
export async function attemptsOf(db: Db, sessionId: string, decidedOnly = false): Promise<AttemptRow[]> {
  let q = db.selectFrom('liveness_attempts').selectAll().where('session_id', '=', sessionId);
  if (decidedOnly) q = q.where('state', '=', 'DECIDED');
  return q.orderBy('attempt_number').execute();
}

export async function attemptByNumber(
  db: Db,
  sessionId: string,
  attemptNumber: number,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom('liveness_attempts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('attempt_number', '=', attemptNumber)
    .executeTakeFirst();
}

export async function lockAttempt(tx: Tx, sessionId: string, attemptId: string): Promise<AttemptRow | undefined> {
  return tx
    .selectFrom('liveness_attempts')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .where('session_id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertAttempt(tx: Tx, row: Insertable<LivenessAttemptsTable>): Promise<void> {
  await tx.insertInto('liveness_attempts').values(row).execute();
}

export async function updateAttempt(db: Db, attemptId: string, set: Updateable<LivenessAttemptsTable>) {
  await db.updateTable('liveness_attempts').set(set).where('attempt_id', '=', attemptId).execute();
}

export async function insertFrames(tx: Tx, rows: readonly Insertable<LivenessFramesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += FRAMES_PER_INSERT)
    await tx
      .insertInto('liveness_frames')
      .values(rows.slice(i, i + FRAMES_PER_INSERT))
      .execute();
}

export async function frameImage(db: Db, attemptId: string, challenge: string, index: number) {
  return db
    .selectFrom('liveness_frames')
    .select(['content_type', 'content'])
    .where('attempt_id', '=', attemptId)
    .where('challenge', '=', challenge)
    .where('frame_index', '=', index)
    .executeTakeFirst();
}

/** How many frames each attempt stored per challenge. */
export async function frameCounts(
  db: Db,
  attemptIds: readonly string[],
): Promise<{ attempt_id: string; challenge: string; n: number }[]> {
  if (attemptIds.length === 0) return [];
  return db
    .selectFrom('liveness_frames')
    .select(['attempt_id', 'challenge'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('attempt_id', 'in', [...attemptIds])
    .groupBy(['attempt_id', 'challenge'])
    .execute();
}
