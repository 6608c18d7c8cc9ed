import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-ins (API accounts, officers by email and by client address), shared by every process behind a
 * load balancer, so that a lock-out holds whichever process a guess reaches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_failures (
      key text not null,
      failed_at timestamptz not null
    );
    create index sign_in_failures_by_key on sign_in_failures (key, failed_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sign_in_failures`.execute(db);
}
