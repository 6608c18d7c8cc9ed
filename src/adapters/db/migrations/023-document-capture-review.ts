import { sql, type Kysely } from 'kysely';

/**
 * Review of a captured document's PENDING components (seed 003): the photo of the document is kept with the
 * capture so that an administrator can look at it beside what was read and confirmed, and every decision is kept
 * (component, decision, comment, administrator, time) beside the AdminComment the result carries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table document_captures add column image bytea;
    alter table document_captures add column image_type text;
    alter table document_captures add column reviews jsonb not null default '[]'::jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table document_captures drop column reviews;
    alter table document_captures drop column image_type;
    alter table document_captures drop column image;
  `.execute(db);
}
