import { sql, type Kysely } from 'kysely';

/**
 * Captured identity documents (seed 003 combination sources): what was read from the photo (extracted details,
 * authenticity checks, face score; never the image or a face descriptor), then what the person confirmed and
 * the combination result recorded on the verification.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_captures (
      capture_id text primary key,
      account_id text not null,
      verification_id text not null,
      status text not null,
      reading jsonb not null,
      confirmed jsonb,
      created_at timestamptz not null,
      confirmed_at timestamptz,
      foreign key (account_id, verification_id) references verifications (account_id, verification_id) on delete cascade
    );
    create index document_captures_by_verification on document_captures (account_id, verification_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table document_captures`.execute(db);
}
