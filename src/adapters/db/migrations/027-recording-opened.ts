import { sql, type Kysely } from 'kysely';

/**
 * BR-16 (seed 000 L452–459): the validator opens the recording the preparer named. The task keeps who opened it
 * and when, for the preparation that stands (cleared when the task is prepared again), so the validation can
 * record whether its validator opened it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table identity_tasks add column recording_opened_by jsonb not null default '[]'::jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table identity_tasks drop column recording_opened_by;`.execute(db);
}
