import { sql, type Kysely } from 'kysely';

/**
 * Validation is allocated too (issue 12): a validating officer picks up the next prepared task nobody is validating
 * (never one they prepared, four-eyes), and it is theirs to validate or return. validator_id is who holds the task
 * for validation; the queue of prepared tasks nobody validates and each validator's own are served by indexes in
 * the order they are handed out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table identity_tasks add column validator_id text references officers(officer_id);
    create index identity_tasks_validation_unassigned on identity_tasks (updated_at, task_id)
      where state = 'prepared' and validator_id is null;
    create index identity_tasks_by_validator on identity_tasks (validator_id, updated_at, task_id)
      where state = 'prepared';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index identity_tasks_by_validator, identity_tasks_validation_unassigned;
    alter table identity_tasks drop column validator_id;
  `.execute(db);
}
