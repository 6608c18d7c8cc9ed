import { sql, type Kysely } from 'kysely';

/**
 * BR-59 (seed 000 L2453–2455): the applicant's email that INZ cancels the residence visa held in their current
 * overseas passport once notified. One row per application and person, so it is sent once: the passport and visa
 * it names (from the immigration records on file), the address it goes to, and its delivery (claim with a lease,
 * as the INZ notification).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table visa_cancellation_emails (
      application_id text not null references applications(application_id),
      person_id text not null references casework_people(person_id),
      email text,
      fields jsonb not null,
      status text not null default 'pending',
      claim_id text,
      claimed_until timestamptz,
      attempts integer not null default 0,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (application_id, person_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table visa_cancellation_emails;`.execute(db);
}
