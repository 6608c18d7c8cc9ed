/**
 * Rows for bench growth, written by the database itself (generate_series), as fast as it can: verifications,
 * webhook deliveries (a fifth as many) and forms manual reviews (a tenth, one in ten waiting) of the account
 * `bench-3`; applications, each with its applicant, three Confirm Identity tasks, two documents and three audit
 * events; escalations (one in twenty applications), liveness links and liveness sessions (one in five; half the
 * sessions opened from a link) and INZ notifications (one in
 * two). Dates spread over years; one application in fifty held by `ownerId`. Family names (20,000 of them) are
 * scattered over time, as people's are: in names following the row number, a name search newest first met a
 * prefix's matches only every 20,000 applications and walked ten thousand to fill a page. Ends with ANALYZE.
 */
export function bulkLoadSql(counts: { verifications: number; applications: number }, ownerId: string): string {
  const v = Math.round(counts.verifications);
  const a = Math.round(counts.applications);
  return `
    insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state, created_at, updated_at)
      select 'bench-3', 'g' || i, 'default', 1, (array['VERIFIED','IN_PROGRESS','PENDING','VERIFIED_WITH_CHANGES'])[1 + i % 4], '{}',
             timestamptz '2021-01-01' + i * interval '1 minute', timestamptz '2021-01-01' + i * interval '1 minute'
      from generate_series(1, ${v}) i;
    insert into webhook_deliveries (account_id, verification_id, event, delivery_key, attempts, attempts_left, delivered_at, created_at)
      select 'bench-3', 'g' || i, 'verification.status_changed', md5('d' || i), 1 + i % 3, case when i % 7 = 0 then 0 else 5 end,
             case when i % 3 = 0 then timestamptz '2021-01-01' + i * interval '5 minutes' end, timestamptz '2021-01-01' + i * interval '5 minutes'
      from generate_series(1, ${Math.round(v / 5)}) i;
    insert into form_manual_reviews (account_id, review_id, tracking_code, role_key, verification_id, reason, state, submitted_at, decided_at, decided_by, comment)
      select 'bench-3', 'r' || i, 'T' || i, 'applicant', 'g' || (i * 10), (array['OPTED_OUT','NOT_VERIFIED'])[1 + i % 2],
             case when i % 10 = 0 then 'PENDING' when i % 3 = 0 then 'FAILED' else 'VERIFIED_ADMIN' end,
             timestamptz '2021-01-01' + i * interval '10 minutes',
             case when i % 10 <> 0 then timestamptz '2021-01-02' + i * interval '10 minutes' end,
             case when i % 10 <> 0 then 'admin@example.org' end, case when i % 10 <> 0 then 'Seen the passport and the licence.' end
      from generate_series(1, ${Math.round(v / 10)}) i;
    insert into applications (application_id, reference, application_type, stage, submitted_on, created_by, created_at, owner_id)
      select 'a' || i, upper(lpad(to_hex(i), 6, '0')), 'CBG Adult', (array['submitted','complete-and-correct','application-processing','decision'])[1 + i % 4],
             date '2021-01-01' + (i % 1500), 'seed', timestamptz '2021-01-01' + i * interval '7 minutes', case when i % 50 = 0 then '${ownerId}' end
      from generate_series(1, ${a}) i;
    insert into casework_people (person_id, application_id, relationship, given_names, family_name, date_of_birth, email)
      select 'p' || i, 'a' || i, 'applicant', (array['Aroha','Mere','Hemi','Tama','Losa','Sione'])[1 + i % 6], 'Family' || ((i * 7919) % 20000), date '1950-01-01' + (i % 20000), 'p' || i || '@example.org'
      from generate_series(1, ${a}) i;
    insert into identity_tasks (task_id, application_id, person_id, kind, state, prepared_by, updated_at, owner_id)
      select 't' || i || '-' || k, 'a' || i, 'p' || i, (array['identity-is-unique','identity-exists','identity-is-bound'])[k],
             case when i % 10 = 0 then 'prepared' when i % 3 = 0 then 'validated' else 'open' end, case when i % 10 = 0 then 'someone-else' end,
             timestamptz '2021-01-01' + i * interval '7 minutes', case when i % 50 = 0 then '${ownerId}' end
      from generate_series(1, ${a}) i, generate_series(1, 3) k;
    insert into escalations (escalation_id, application_id, person_id, template, raised_by, raised_on, review_on, status)
      select 'e' || i, 'a' || (i * 20), 'p' || (i * 20), json_build_object('applicationRef', upper(lpad(to_hex(i * 20), 6, '0')), 'personId', 'p' || (i * 20), 'personName', 'Aroha Family' || i, 'task', 'identity-is-bound', 'gridColumn', 6,
               'evidence', json_build_object('amsPhoto', false, 'overseasPassportImage', true, 'applicationPhoto', true, 'livenessTest', false),
               'optionsTried', json_build_array('send-liveness-link'), 'caseSummary', 'The passport photo and the application photo differ.', 'recommendation', 'Ask for the original passport.'),
             'seed', date '2021-01-01' + (i % 1000), date '2021-01-06' + (i % 1000), case when i % 4 = 0 then 'queued' else 'decided' end
      from generate_series(1, ${Math.round(a / 20)}) i;
    insert into liveness_links (link_id, application_id, person_id, relationship, email, state, created_by, created_at)
      select 'l' || i, 'a' || (i * 5), 'p' || (i * 5), 'Adult', 'x@example.org', 'Active', 'seed', timestamptz '2021-01-01' + i * interval '1 hour'
      from generate_series(1, ${Math.round(a / 5)}) i;
    insert into liveness_sessions (session_id, application_id, person_id, link_id, status, created_by, created_at)
      select 's' || i, 'a' || (i * 5), 'p' || (i * 5), case when i % 2 = 0 then 'l' || i end, 'NOT_STARTED', 'seed',
             timestamptz '2021-01-01' + i * interval '1 hour' + interval '5 minutes'
      from generate_series(1, ${Math.round(a / 5)}) i;
    insert into casework_documents (document_id, application_id, person_id, kind, document_type, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
      select 'd' || i || '-' || k, 'a' || i, 'p' || i, 'other', 'passport', 'scan.jpg', 'image/jpeg', 1, md5('d' || i || k), decode('00', 'hex'),
             'seed', timestamptz '2021-01-01' + i * interval '7 minutes' + k * interval '1 minute'
      from generate_series(1, ${a}) i, generate_series(1, 2) k;
    insert into inz_notifications (idempotency_key, application_id, person_id, payload, due_on, status, attempts, created_at)
      select 'n' || i, 'a' || (i * 2), 'p' || (i * 2), '{}', date '2021-01-08' + (i % 1500), case when i % 20 = 0 then 'pending' else 'sent' end,
             1, timestamptz '2021-01-01' + i * interval '14 minutes'
      from generate_series(1, ${Math.round(a / 2)}) i;
    insert into audit_events (at, actor, application_id, action, entity, entity_id)
      select timestamptz '2021-01-01' + i * interval '1 minute', 'seed', 'a' || (1 + i % ${a}), 'seed', 'application', 'a' || (1 + i % ${a})
      from generate_series(1, ${a * 3}) i;
    analyze;
  `;
}
