import { sql, type Kysely } from 'kysely';

/**
 * The document check of a casework passport image (issue 15): the latest result of the same check a captured
 * document gets (MRZ, authenticity checks, extracted details, face comparison), kept beside the document and
 * gone with it; each run is also in the audit trail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table casework_document_checks (
      document_id text primary key references casework_documents (document_id) on delete cascade,
      application_id text not null,
      result jsonb not null,
      face_probe text,
      checked_by text not null,
      checked_at timestamptz not null
    );
    create index casework_document_checks_by_application on casework_document_checks (application_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table casework_document_checks`.execute(db);
}
