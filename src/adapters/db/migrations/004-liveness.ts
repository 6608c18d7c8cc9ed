import { sql, type Kysely } from 'kysely';

/**
 * Liveness sessions (SPEC P4): a session per person (from a casework liveness link, or created by API), its
 * trusted source faces, up to three attempt sets with the server-chosen challenge order and the decision, and
 * the evidence (selfie and every challenge frame) as bytea. Evidence is served to officers only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table liveness_sessions (
      session_id text primary key,
      application_id text references applications(application_id),
      person_id text references casework_people(person_id),
      link_id text unique references liveness_links(link_id),
      subject_reference text,
      client_token_hash text unique,
      status text not null,
      created_by text not null,
      created_at timestamptz not null,
      completed_at timestamptz
    );
    create index liveness_sessions_by_application on liveness_sessions (application_id);
    create table liveness_trusted_sources (
      session_id text not null references liveness_sessions(session_id) on delete cascade,
      source text not null,
      document_id text,
      content_type text not null,
      sha256 text not null,
      content bytea not null,
      primary key (session_id, source)
    );
    create table liveness_attempts (
      attempt_id text primary key,
      session_id text not null references liveness_sessions(session_id) on delete cascade,
      attempt_number integer not null,
      challenges jsonb not null,
      state text not null,
      started_at timestamptz not null,
      analysing_since timestamptz,
      decided_at timestamptz,
      result text,
      liveness text,
      face_match text,
      reasons jsonb,
      outcome jsonb,
      frames jsonb,
      tracks jsonb,
      timing jsonb,
      unique (session_id, attempt_number)
    );
    create table liveness_frames (
      attempt_id text not null references liveness_attempts(attempt_id) on delete cascade,
      challenge text not null,
      frame_index integer not null,
      t_ms double precision not null,
      content_type text not null,
      content bytea not null,
      primary key (attempt_id, challenge, frame_index)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table liveness_frames, liveness_attempts, liveness_trusted_sources, liveness_sessions`.execute(db);
}
