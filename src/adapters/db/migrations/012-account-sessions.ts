import { sql, type Kysely } from 'kysely';

/**
 * Console sessions of API account administrators (POST /api/v1/account-session): the token's digest, the
 * account, a fingerprint of the password it was opened with (a changed password ends it) and its expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account_sessions (
      token_hash text primary key,
      account_id text not null references accounts (account_id) on delete cascade,
      password_fingerprint text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index account_sessions_by_account on account_sessions (account_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table account_sessions`.execute(db);
}
