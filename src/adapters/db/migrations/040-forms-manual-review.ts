import { sql, type Kysely } from 'kysely';

/**
 * Manual verification of the forms integration (seed 001 "Manual Verification Option"): a person who failed or
 * opted out of electronic verification uploads scans of their identity documents; the account's
 * administrators review them in a queue (oldest first, by state; keyset paged on the index below) and decide
 * VERIFIED_ADMIN (seed 004: manually verified by an administrator, with a comment) or FAILED. At most one
 * review of a verification waits at a time. The scans are kept as bytea beside their review.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table form_manual_reviews (
      account_id text not null references accounts(account_id) on delete cascade,
      review_id text not null,
      tracking_code text not null,
      role_key text not null,
      verification_id text not null,
      reason text not null check (reason in ('OPTED_OUT', 'NOT_VERIFIED')),
      state text not null check (state in ('PENDING', 'VERIFIED_ADMIN', 'FAILED')),
      submitted_at timestamptz not null,
      decided_at timestamptz,
      decided_by text,
      comment text,
      primary key (account_id, review_id),
      foreign key (account_id, verification_id) references verifications(account_id, verification_id) on delete cascade
    );
    create index form_manual_reviews_queue on form_manual_reviews (account_id, state, submitted_at, review_id);
    create index form_manual_reviews_all on form_manual_reviews (account_id, submitted_at, review_id);
    create unique index form_manual_reviews_one_waiting on form_manual_reviews (account_id, verification_id)
      where state = 'PENDING';
    create table form_manual_documents (
      account_id text not null,
      review_id text not null,
      document_no integer not null,
      document_type text not null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      content bytea not null,
      primary key (account_id, review_id, document_no),
      foreign key (account_id, review_id) references form_manual_reviews(account_id, review_id) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table form_manual_documents, form_manual_reviews`.execute(db);
}
