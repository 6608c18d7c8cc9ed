import { sql, type Kysely } from 'kysely';

/**
 * The evidence the identity proofing grid reads from the file (issue 12):
 * * `identity_tasks.liveness_assessment` — the officer's assessment of a liveness check on "Identity is bound"
 *   (satisfactory / not satisfactory, the link and the recordings watched); only a satisfactory one counts.
 * * `casework_documents.document_type` and `provided_as` — the Supporting documents columns (seed L964);
 *   `uploaded_by` may be `system` for the AMS photo filed with the immigration records (BR-48).
 * * `immigration_photos` — the AMS photos that come with the immigration records, by the record's photo key.
 * * `liveness_links.copied_from` — a consenting parent's completed check copied to the child (BR-17): the
 *   child's link shares the parent's evidence by reference, nothing is duplicated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table identity_tasks add column liveness_assessment jsonb;
    alter table casework_documents add column document_type text, add column provided_as text;
    create table immigration_photos (
      ref text primary key,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      loaded_at timestamptz not null default now()
    );
    alter table liveness_links add column copied_from text references liveness_links(link_id);
    create index escalations_by_task on escalations (task_id, status);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index escalations_by_task;
    alter table liveness_links drop column copied_from;
    drop table immigration_photos;
    alter table casework_documents drop column provided_as, drop column document_type;
    alter table identity_tasks drop column liveness_assessment;
  `.execute(db);
}
