import { sql, type Kysely } from 'kysely';

/**
 * A form session's account is already held by its foreign key to its verification (same account, which
 * references the account and goes with it): the session's own key to accounts checked and locked the
 * account's row once more on every form's first call (bench forms: the database's CPU per call), for nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table form_sessions drop constraint form_sessions_account_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table form_sessions add constraint form_sessions_account_id_fkey
      foreign key (account_id) references accounts(account_id) on delete cascade`.execute(db);
}
