import { sql, type Kysely } from 'kysely';

/**
 * The console's application list combines its filters: an officer's own applications in reference order, or at
 * one stage, in either order. Without these, PostgreSQL walked every application in reference order keeping the officer's (one in
 * fifty), or walked all of the officer's applications keeping one stage (none, when the officer holds none at it):
 * list-plans caught both once it tried the filters together.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index applications_by_owner_reference on applications (owner_id, reference, application_id);
    create index applications_by_owner_stage_created on applications (owner_id, stage, created_at, application_id);
    create index applications_by_owner_stage_reference on applications (owner_id, stage, reference, application_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index applications_by_owner_stage_reference;
    drop index applications_by_owner_stage_created;
    drop index applications_by_owner_reference;
  `.execute(db);
}
