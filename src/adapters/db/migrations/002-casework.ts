import { sql, type Kysely } from 'kysely';

/**
 * Citizenship casework (SPEC P5): officers and their sessions/API tokens, applications and their people,
 * documents, Confirm Identity tasks, liveness check links, escalations, ceremonies, INZ notifications, and
 * the append-only audit trail (a trigger refuses UPDATE, DELETE and TRUNCATE on it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table officers (
      officer_id text primary key,
      email text not null unique,
      full_name text not null,
      roles jsonb not null,
      password_hash text not null,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create table officer_sessions (
      token_hash text primary key,
      officer_id text not null references officers(officer_id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create table officer_api_tokens (
      token_hash text primary key,
      officer_id text not null references officers(officer_id) on delete cascade,
      name text not null,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    );
    create table applications (
      application_id text primary key,
      reference text not null unique,
      application_type text not null,
      stage text not null,
      closure text,
      paid boolean not null default false,
      submitted_on date,
      country_allows_dual_citizenship boolean not null default true,
      ams_image_usable boolean,
      records_status text not null default 'none',
      records jsonb,
      records_fetched_at timestamptz,
      ceremony_person_id text,
      ceremony_date date,
      oath_taken boolean,
      ceremony_closed_on date,
      created_by text not null,
      revision integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index applications_by_stage on applications (stage);
    create table casework_people (
      person_id text primary key,
      application_id text not null references applications(application_id),
      relationship text not null,
      given_names text not null,
      family_name text not null,
      date_of_birth date not null,
      gender text,
      country_of_birth text,
      email text,
      citizenship_person_number text,
      applied_at_same_time boolean,
      own_application_ref text,
      created_at timestamptz not null default now()
    );
    create index casework_people_by_application on casework_people (application_id);
    create table casework_documents (
      document_id text primary key,
      application_id text not null references applications(application_id),
      person_id text references casework_people(person_id),
      kind text not null,
      file_name text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      uploaded_by text not null,
      uploaded_at timestamptz not null default now()
    );
    create index casework_documents_by_application on casework_documents (application_id);
    create table identity_tasks (
      task_id text primary key,
      application_id text not null references applications(application_id),
      person_id text not null references casework_people(person_id),
      kind text not null,
      state text not null,
      outcome text,
      criteria jsonb not null default '[]',
      comments text not null default '',
      supporting_evidence jsonb not null default '[]',
      prepared_by text,
      validated_by text,
      history jsonb not null default '[]',
      revision integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (person_id, kind)
    );
    create index identity_tasks_by_application on identity_tasks (application_id);
    create table liveness_links (
      link_id text primary key,
      application_id text not null references applications(application_id),
      person_id text not null references casework_people(person_id),
      relationship text not null,
      email text not null,
      state text not null,
      token_hash text unique,
      created_by text not null,
      created_at timestamptz not null,
      sent_at timestamptz,
      expires_at timestamptz,
      completed_at timestamptz,
      expired_at timestamptz,
      superseded_by text
    );
    create index liveness_links_by_application on liveness_links (application_id);
    create table escalations (
      escalation_id text primary key,
      application_id text not null references applications(application_id),
      person_id text not null references casework_people(person_id),
      task_id text references identity_tasks(task_id),
      template jsonb not null,
      raised_by text not null,
      raised_on date not null,
      review_on date not null,
      status text not null,
      decision jsonb
    );
    create index escalations_by_status on escalations (status, review_on);
    create table inz_notifications (
      idempotency_key text primary key,
      application_id text not null references applications(application_id),
      person_id text not null references casework_people(person_id),
      payload jsonb not null,
      due_on date not null,
      status text not null default 'pending',
      claim_id text,
      claimed_until timestamptz,
      attempts integer not null default 0,
      last_status integer,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    );
    create table audit_events (
      id bigserial primary key,
      at timestamptz not null,
      actor text not null,
      application_id text,
      action text not null,
      entity text not null,
      entity_id text not null,
      before jsonb,
      after jsonb
    );
    create index audit_events_by_application on audit_events (application_id, id);
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_events, inz_notifications, escalations, liveness_links, identity_tasks, casework_documents,
      casework_people, applications, officer_api_tokens, officer_sessions, officers;
    drop function audit_events_append_only();
  `.execute(db);
}
