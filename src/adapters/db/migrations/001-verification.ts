import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table accounts (
      account_id text primary key,
      password_hash text not null,
      stub_mode boolean not null default false,
      enabled_sources jsonb not null default '[]',
      country text not null default 'AU',
      lockout_attempts integer,
      webhook_url text,
      webhook_secret text,
      created_at timestamptz not null default now()
    );
    create table rule_sets (
      account_id text not null references accounts(account_id) on delete cascade,
      rule_id text not null,
      version integer not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      primary key (account_id, rule_id, version)
    );
    create table verifications (
      account_id text not null references accounts(account_id) on delete cascade,
      verification_id text not null,
      rule_id text not null,
      rule_set_version integer not null,
      overall_status text not null,
      state jsonb not null,
      revision integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (account_id, verification_id)
    );
    create index verifications_by_status on verifications (account_id, overall_status);
    create table verification_tokens (
      token_hash text primary key,
      account_id text not null,
      verification_id text not null,
      expires_at timestamptz not null,
      expired boolean not null default false,
      created_at timestamptz not null default now(),
      foreign key (account_id, verification_id) references verifications(account_id, verification_id) on delete cascade
    );
    create table registry_records (
      id bigserial primary key,
      account_id text not null references accounts(account_id) on delete cascade,
      source_id text not null,
      dob text,
      surname_key text,
      record jsonb not null,
      loaded_at timestamptz not null default now()
    );
    create index registry_records_lookup on registry_records (account_id, source_id, dob);
    create table webhook_deliveries (
      id bigserial primary key,
      account_id text not null,
      verification_id text not null,
      event text not null,
      delivery_key text not null unique,
      attempts integer not null default 0,
      last_status integer,
      delivered_at timestamptz,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_deliveries, registry_records, verification_tokens, verifications, rule_sets, accounts`.execute(
    db,
  );
}
