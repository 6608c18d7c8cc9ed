import { sql, type Kysely } from 'kysely';

/**
 * Work allocation and the console's lists (issue 10, issue 12): applications and Confirm Identity tasks get an
 * owner (the officer who picked them up, BR-44 L1161), and every list the console pages through has an index
 * in its keyset order, so a page costs the same on the first and the 100,000th application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table applications add column owner_id text references officers(officer_id);
    alter table applications add column owned_since timestamptz;
    alter table identity_tasks add column owner_id text references officers(officer_id);
    create index applications_keyset_created on applications (created_at, application_id);
    create index applications_keyset_reference on applications (reference, application_id);
    create index applications_by_stage_created on applications (stage, created_at, application_id);
    create index applications_by_owner_created on applications (owner_id, created_at, application_id);
    create index applications_unassigned on applications (stage, submitted_on, created_at, application_id) where owner_id is null;
    create index casework_people_by_family_name on casework_people (lower(family_name) text_pattern_ops);
    create index casework_people_by_given_names on casework_people (lower(given_names) text_pattern_ops);
    create index casework_people_by_date_of_birth on casework_people (date_of_birth);
    create index identity_tasks_by_owner on identity_tasks (owner_id, updated_at, task_id);
    create index identity_tasks_awaiting_validation on identity_tasks (updated_at, task_id) where state = 'prepared';
    create index escalations_queued on escalations (raised_on, escalation_id) where status = 'queued';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index escalations_queued, identity_tasks_awaiting_validation, identity_tasks_by_owner,
      casework_people_by_date_of_birth, casework_people_by_given_names, casework_people_by_family_name,
      applications_unassigned, applications_by_owner_created, applications_by_stage_created,
      applications_keyset_reference, applications_keyset_created;
    alter table identity_tasks drop column owner_id;
    alter table applications drop column owned_since;
    alter table applications drop column owner_id;
  `.execute(db);
}
