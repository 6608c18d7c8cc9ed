import { sql, type Kysely } from 'kysely';

/**
 * The queues officers pick up from (issue 12), each served by a partial index in the order it hands items out,
 * so a pick-up costs the same at any size: applications nobody holds at the stages officers pick up from
 * (oldest submission first, across those stages), and tasks nobody holds and nobody has prepared (oldest
 * change first).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index applications_pick_up on applications (submitted_on, created_at, application_id)
      where owner_id is null and stage in ('submitted', 'complete-and-correct', 'application-processing');
    create index identity_tasks_unassigned on identity_tasks (updated_at, task_id) where owner_id is null and state in ('open', 'returned');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index identity_tasks_unassigned, applications_pick_up`.execute(db);
}
