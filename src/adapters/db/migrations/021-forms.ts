import { sql, type Kysely } from 'kysely';

/**
 * Forms integration (seed 001): one session per person of a form's transaction (tracking code and role key)
 * pointing at its current verification, with the identity details it was registered with (for a
 * re-registration after a change and the tamper check) and the outputs of its latest call; an account's form
 * settings (the name its notices and consent wording use, the origins its forms are served from); the
 * tamper checks' append-only audit; short-lived browser tokens for the embedded component.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table form_sessions (
      account_id text not null references accounts(account_id) on delete cascade,
      tracking_code text not null,
      role_key text not null,
      verification_id text not null,
      identity jsonb not null,
      last_outputs jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (account_id, tracking_code, role_key),
      foreign key (account_id, verification_id) references verifications(account_id, verification_id) on delete cascade
    );
    create index form_sessions_by_verification on form_sessions (account_id, verification_id);
    create table form_settings (
      account_id text primary key references accounts(account_id) on delete cascade,
      customer_name text,
      allowed_origins jsonb not null default '[]',
      updated_at timestamptz not null default now()
    );
    create table form_audit (
      id bigserial primary key,
      account_id text not null references accounts(account_id) on delete cascade,
      tracking_code text not null,
      role_key text not null,
      action text not null,
      result text not null,
      detail jsonb,
      at timestamptz not null default now()
    );
    create index form_audit_by_transaction on form_audit (account_id, tracking_code, id);
    create table form_browser_tokens (
      token_hash text primary key,
      account_id text not null references accounts(account_id) on delete cascade,
      tracking_code text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table form_browser_tokens, form_audit, form_settings, form_sessions`.execute(db);
}
