// Every list an officer or an API client pages through is served by an index, at a realistic size on the
// PostgreSQL server: 100,000 applications, each with its applicant, three Confirm Identity tasks and two documents
// (100,000 casework_people, 300,000 identity_tasks, 200,000 casework_documents); 5,000 escalations; 20,000
// liveness links and 40,000 liveness sessions; 50,000 INZ notifications; 200,000 verifications, 200,000 webhook deliveries (a twentieth not
// delivered) and 200,000 forms manual reviews (a tenth waiting); 200,000 immigration identities with 220,000
// names; 300,000 audit events and 300,000 forms audit entries.
// The console's application list is tried with its filters together (stage, holder, search, each order), as an
// officer combines them.
// The lists are read through the use cases themselves; every SELECT they send is planned again with EXPLAIN
// ANALYZE, and none may scan one of those tables from end to end, sort more rows than a page (its order must come
// from an index, as the keyset pages' does), nor read and throw away more than a page's worth of rows (an index
// walked end to end under a filter).
// Left out, bounded by nature: the officers (GET /officers, /work/holders: the office's staff, a few hundred,
// read whole by design); the source catalogue (GET /sources: a fixed list in code); what is read by its own key
// and holds a handful (an application's people, a verification's sources, fields and document captures, a manual
// review's scans). A document capture is reviewed by its id, its queue being the verifications by status (above).
// The SOAP operations each read one verification; registry imports, account sessions and form sessions are never
// listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openDatabase, type Database } from '../../../src/adapters/db/database.ts';
import type { Services } from '../../../src/app/services.ts';
import { createServices } from '../../../src/main/services.ts';
import { createLogger } from '../../../src/adapters/log/logger.ts';
import type { Actor } from '../../../src/app/casework/actor.ts';
import { SERVER_URL, uniqueSchema } from '../../support/databases.ts';

const BIG_TABLES = [
  'applications',
  'casework_people',
  'identity_tasks',
  'escalations',
  'liveness_links',
  'liveness_sessions',
  'verifications',
  'audit_events',
  'webhook_deliveries',
  'form_manual_reviews',
  'casework_documents',
  'inz_notifications',
  'immigration_identities',
  'immigration_identity_names',
  'form_audit',
];
const schema = uniqueSchema('plans');
let database: Database;
let services: Services;
let officer: Actor;
const seen: { sql: string; parameters: readonly unknown[] }[] = [];
let capturing = false;

before(async () => {
  database = await openDatabase({
    url: SERVER_URL,
    schema,
    onQuery: (sql, parameters) => capturing && /^\s*select/i.test(sql) && seen.push({ sql, parameters }),
  });
  services = await createServices(database, createLogger('silent'), { jobs: false, analysisInProcess: true });
  await services.accounts.create({ accountId: 'demo', password: 'demo', stubMode: true });
  const created = await services.casework.officers.create({
    email: 'plans@dia.example',
    fullName: 'Plan Officer',
    roles: ['case-officer', 'validating-officer', 'id-proofing-expert', 'team-leader', 'administrator'],
    password: 'correct horse battery staple',
  });
  officer = {
    officerId: created.id,
    roles: ['case-officer', 'validating-officer', 'id-proofing-expert', 'team-leader', 'administrator'],
  };
  await database.executeSql(`
    insert into applications (application_id, reference, application_type, stage, submitted_on, created_by, created_at, owner_id)
      select 'a' || i, upper(lpad(to_hex(i), 6, '0')), 'CBG Adult', (array['submitted','complete-and-correct','application-processing','decision'])[1 + i % 4],
             date '2021-01-01' + (i % 1500), 'seed', timestamptz '2021-01-01' + i * interval '7 minutes', case when i % 50 = 0 then '${created.id}' end
      from generate_series(1, 100000) i;
    insert into casework_people (person_id, application_id, relationship, given_names, family_name, date_of_birth, email)
      select 'p' || i, 'a' || i, 'applicant', (array['Aroha','Mere','Hemi','Tama','Losa','Sione'])[1 + i % 6], 'Family' || ((i * 7919) % 20000), date '1950-01-01' + (i % 20000), 'p' || i || '@example.org'
      from generate_series(1, 100000) i;
    insert into identity_tasks (task_id, application_id, person_id, kind, state, prepared_by, updated_at, owner_id)
      select 't' || i || '-' || k, 'a' || i, 'p' || i, (array['identity-is-unique','identity-exists','identity-is-bound'])[k],
             case when i % 10 = 0 then 'prepared' when i % 3 = 0 then 'validated' else 'open' end, case when i % 10 = 0 then 'someone-else' end,
             timestamptz '2021-01-01' + i * interval '7 minutes', case when i % 50 = 0 then '${created.id}' end
      from generate_series(1, 100000) i, generate_series(1, 3) k;
    insert into escalations (escalation_id, application_id, person_id, template, raised_by, raised_on, review_on, status)
      select 'e' || i, 'a' || (i * 20), 'p' || (i * 20), '{"personName":"x","task":"identity-is-bound","gridColumn":6,"evidence":{},"optionsTried":[],"caseSummary":"s","recommendation":"r","applicationRef":"x","personId":"x"}',
             'seed', date '2021-01-01' + (i % 1000), date '2021-01-06' + (i % 1000), case when i % 4 = 0 then 'queued' else 'decided' end
      from generate_series(1, 5000) i;
    insert into liveness_links (link_id, application_id, person_id, relationship, email, state, created_by, created_at)
      select 'l' || i, 'a' || (i * 5), 'p' || (i * 5), 'Adult', 'x@example.org', 'Active', 'seed', timestamptz '2021-01-01' + i * interval '1 hour'
      from generate_series(1, 20000) i;
    insert into liveness_sessions (session_id, application_id, person_id, link_id, status, created_by, created_at)
      select 's' || i, 'a' || (i * 5), 'p' || (i * 5), 'l' || i, 'NOT_STARTED', 'seed', timestamptz '2021-01-01' + i * interval '1 hour'
      from generate_series(1, 20000) i
      union all
      select 'so' || i, 'a' || (i * 5), 'p' || (i * 5), null, 'PASSED', 'seed', timestamptz '2021-01-02' + i * interval '1 hour'
      from generate_series(1, 20000) i;
    insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state, created_at, updated_at)
      select 'demo', 'v' || i, 'default', 1, (array['VERIFIED','IN_PROGRESS','PENDING','VERIFIED_WITH_CHANGES'])[1 + i % 4], '{}',
             timestamptz '2021-01-01' + i * interval '3 minutes', timestamptz '2021-01-01' + i * interval '3 minutes'
      from generate_series(1, 200000) i;
    insert into webhook_deliveries (account_id, verification_id, event, delivery_key, attempts, attempts_left, delivered_at, created_at)
      select 'demo', 'v' || i, 'verification.status_changed', md5('d' || i), case when i % 60 = 0 then 0 else 1 + i % 3 end, case when i % 7 = 0 then 0 else 5 end,
             case when i % 20 <> 0 then timestamptz '2021-01-01' + i * interval '3 minutes' end, timestamptz '2021-01-01' + i * interval '3 minutes'
      from generate_series(1, 200000) i;
    insert into form_manual_reviews (account_id, review_id, tracking_code, role_key, verification_id, reason, state, submitted_at, decided_at, decided_by, comment)
      select 'demo', 'r' || i, 'T' || i, 'applicant', 'v' || i, (array['OPTED_OUT','NOT_VERIFIED'])[1 + i % 2],
             case when i % 10 = 0 then 'PENDING' when i % 3 = 0 then 'FAILED' else 'VERIFIED_ADMIN' end,
             timestamptz '2021-01-01' + i * interval '3 minutes',
             case when i % 10 <> 0 then timestamptz '2021-01-02' + i * interval '3 minutes' end,
             case when i % 10 <> 0 then 'admin@example.org' end, case when i % 10 <> 0 then 'seen' end
      from generate_series(1, 200000) i;
    insert into casework_documents (document_id, application_id, person_id, kind, document_type, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
      select 'd' || i || '-' || k, 'a' || i, 'p' || i, 'other', 'passport', 'scan.jpg', 'image/jpeg', 1, md5('d' || i || k), decode('00', 'hex'),
             'seed', timestamptz '2021-01-01' + i * interval '7 minutes' + k * interval '1 minute'
      from generate_series(1, 100000) i, generate_series(1, 2) k;
    insert into inz_notifications (idempotency_key, application_id, person_id, payload, due_on, status, attempts, created_at)
      select 'n' || i, 'a' || (i * 2), 'p' || (i * 2), '{}', date '2021-01-08' + (i % 1500), case when i % 20 = 0 then 'pending' else 'sent' end,
             1, timestamptz '2021-01-01' + i * interval '14 minutes'
      from generate_series(1, 50000) i;
    insert into immigration_identities (identity_id, client_id, family_key, given_key, date_of_birth, record)
      select 'i' || i, 'c' || (i / 2), 'family' || (i % 20000), lower(g), to_char(date '1950-01-01' + (i % 20000), 'YYYY-MM-DD'),
             jsonb_build_object('identity', jsonb_build_object('clientId', 'c' || (i / 2), 'identityId', 'i' || i, 'givenNames', g,
               'middleNames', null, 'familyName', 'Family' || ((i * 7919) % 20000), 'otherNames', '[]'::jsonb, 'gender', 'Unknown',
               'dateOfBirth', to_char(date '1950-01-01' + (i % 20000), 'YYYY-MM-DD'), 'countryOfBirth', 'New Zealand', 'photo', null,
               'latestAddress', null, 'relationships', '[]'::jsonb),
             'travelDocuments', '[]'::jsonb, 'movements', '[]'::jsonb, 'visas', '[]'::jsonb, 'alerts', '[]'::jsonb)
      from generate_series(1, 200000) i, lateral (select (array['Aroha','Mere','Hemi','Tama','Losa','Sione'])[1 + i % 6] as g) n;
    insert into immigration_identity_names (identity_id, family_key, given_key, other_name)
      select identity_id, family_key, given_key, false from immigration_identities
      union all
      select identity_id, 'other' || right(identity_id, 4), given_key, true from immigration_identities where right(identity_id, 1) = '0';
    insert into form_audit (account_id, tracking_code, role_key, action, result, detail, at)
      select 'demo', 'T' || (1 + i % 100000), 'applicant', 'verify', 'VERIFIED', '{}', timestamptz '2021-01-01' + i * interval '1 minute'
      from generate_series(1, 300000) i;
    insert into audit_events (at, actor, application_id, action, entity, entity_id)
      select timestamptz '2021-01-01' + i * interval '1 minute', 'seed', 'a' || (1 + i % 100000), 'seed', 'application', 'a' || (1 + i % 100000)
      from generate_series(1, 300000) i;
    analyze;
  `);
});

after(async () => {
  await services.close();
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
});

/**
 * A page's order must come from an index: a plan that sorts more rows than this reads the whole match first; and a
 * scan that reads and throws away more rows than this (an index walked end to end with a filter) is no index read.
 */
const MOST_ROWS = 1000;

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  'Relation Name'?: string;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The rows a node read from its table and threw away (its filter's losses, in all its loops). */
const discarded = (n: PlanNode): number => (n['Rows Removed by Filter'] ?? 0) * (n['Actual Loops'] ?? 1);

/**
 * What is wrong with a query's plan (EXPLAIN ANALYZE with its own parameters): a big table read from end to end,
 * more rows than a page sorted (e.g. every delivery of an account gathered through some other index, then
 * ordered newest first), or more than a page's worth of a big table's rows read and thrown away (e.g. its primary
 * key walked in order while a filter picks the few it wants).
 */
async function planProblems(sql: string, parameters: readonly unknown[]): Promise<string[]> {
  const { rows } = await database.executeSql(`explain (analyze, format json) ${sql}`, [...parameters]);
  const column = (rows[0] as { 'QUERY PLAN': unknown })['QUERY PLAN'];
  const [explained] = (typeof column === 'string' ? JSON.parse(column) : column) as { Plan: PlanNode }[];
  const nodes = explained ? nodesOf(explained.Plan) : [];
  const big = (n: PlanNode) => BIG_TABLES.includes(n['Relation Name'] ?? '');
  return [
    ...nodes
      .filter((n) => n['Node Type'] === 'Seq Scan' && big(n))
      .map((n) => `sequential scan of ${n['Relation Name']}`),
    ...nodes
      .filter((n) => n['Node Type'] === 'Sort' && n['Plan Rows'] > MOST_ROWS)
      .map((n) => `a sort of ${n['Plan Rows']} rows`),
    ...nodes
      .filter((n) => big(n) && discarded(n) > MOST_ROWS)
      .map((n) => `${discarded(n)} rows of ${n['Relation Name']} read and thrown away`),
  ];
}

const SORTS = ['newest', 'oldest', 'reference', 'reference-desc'] as const;
/**
 * The application list's filters together: each stage filter (none, one stage) with each holder (anyone, me,
 * nobody, another officer) in each order, and a rare name with a stage and with a holder. A common name prefix
 * with a stage is left out: a twentieth of the people by a quarter of the stages, the page is filled after about
 * 1,800 applications whatever the table's size (its cost follows how rare the match is, not how many are stored).
 */
const APPLICATION_FILTERS = [
  ...[undefined, 'decision'].flatMap((stage) =>
    [undefined, 'me', 'unassigned', 'someone-else'].flatMap((owner) =>
      SORTS.map((sort) => ({ sort, ...(stage ? { stage } : {}), ...(owner ? { owner } : {}) })),
    ),
  ),
  ...SORTS.flatMap((sort) => [
    { sort, q: 'Family1234', stage: 'decision' },
    { sort, q: 'Family1234', owner: 'unassigned' },
  ]),
];

test(
  'every list and queue is read through an index at 100,000 applications and 200,000 verifications',
  { timeout: 300_000 },
  async (t) => {
    const cw = services.casework;
    const reference = '000064';
    capturing = true;
    const lists: [string, () => Promise<unknown>][] = [
      ['applications, newest', () => cw.allocation.page(officer, { sort: 'newest' })],
      ['applications, oldest', () => cw.allocation.page(officer, { sort: 'oldest' })],
      ['applications, by reference', () => cw.allocation.page(officer, { sort: 'reference' })],
      ['applications, by stage', () => cw.allocation.page(officer, { stage: 'decision' })],
      ['applications, mine', () => cw.allocation.page(officer, { owner: 'me' })],
      ['applications, unassigned', () => cw.allocation.page(officer, { owner: 'unassigned' })],
      ['applications, a reference', () => cw.allocation.page(officer, { q: reference })],
      ['applications, a name', () => cw.allocation.page(officer, { q: 'Family1234' })],
      // A prefix a twentieth of the people share: found on the first few hundred applications newest first, as
      // long as names are scattered over time as real ones are (the rows below write them so).
      ['applications, a common name prefix', () => cw.allocation.page(officer, { q: 'Family4' })],
      ['applications, a date of birth', () => cw.allocation.page(officer, { dateOfBirth: '1980-01-01' })],
      ...APPLICATION_FILTERS.map((filter): [string, () => Promise<unknown>] => [
        `applications, ${JSON.stringify(filter)}`,
        () => cw.allocation.page(officer, filter),
      ]),
      [
        'applications, a later page',
        async () => {
          const first = await cw.allocation.page(officer, { sort: 'newest', limit: 100 });
          return cw.allocation.page(officer, { sort: 'newest', cursor: first.nextCursor ?? '' });
        },
      ],
      ['pick up the next application', () => cw.allocation.pickUpNext(officer)],
      ['pick up the next task', () => cw.allocation.pickUpNextTask(officer)],
      [
        'reassign an application',
        () => cw.allocation.reassign(officer, '000065', { officerId: officer.officerId, reason: 'plans' }),
      ],
      ['my tasks', () => cw.tasks.queue(officer, { queue: 'mine' })],
      ['awaiting validation', () => cw.tasks.queue(officer, { queue: 'validation' })],
      ["another officer's tasks", () => cw.tasks.queue(officer, { queue: 'mine', officerId: 'someone-else' })],
      ["another officer's applications", () => cw.allocation.page(officer, { owner: 'someone-else' })],
      ['pick up the next task to validate', () => cw.allocation.pickUpNextValidation(officer)],
      ['escalations queued', () => cw.escalations.page(officer, { status: 'queued' })],
      ['escalations of an application', () => cw.escalations.page(officer, { applicationRef: reference })],
      ['escalations, all', () => cw.escalations.page(officer, {})],
      ['escalations, newest', () => cw.escalations.page(officer, { sort: 'newest' })],
      ['escalations decided', () => cw.escalations.page(officer, { status: 'decided' })],
      [
        'escalations, a later page',
        async () => {
          const first = await cw.escalations.page(officer, { status: 'queued', limit: 50 });
          return cw.escalations.page(officer, { status: 'queued', cursor: first.nextCursor ?? '' });
        },
      ],
      ["the group's meeting queue", () => cw.escalations.queue(officer, '2021-06-02')],
      ['tasks of an application', () => cw.tasks.forApplication(officer, reference)],
      ['documents of an application', () => cw.applications.documents(officer, reference)],
      ['INZ notifications of an application', () => cw.ceremonies.notificationsFor(officer, reference)],
      ['my tasks, newest', () => cw.tasks.queue(officer, { queue: 'mine', sort: 'newest' })],
      ['awaiting validation, newest', () => cw.tasks.queue(officer, { queue: 'validation', sort: 'newest' })],
      [
        'my tasks, a later page',
        async () => {
          const first = await cw.tasks.queue(officer, { queue: 'mine', limit: 10 });
          return cw.tasks.queue(officer, { queue: 'mine', cursor: first.nextCursor ?? '' });
        },
      ],
      ['liveness links of an application', () => cw.links.list(officer, reference)],
      ["a person's personal data", () => cw.personalData.export(officer, reference, 'p100')],
      [
        'immigration records matching an applicant',
        () =>
          services.records.matchApplicant(officer, {
            givenNames: 'Aroha',
            familyName: 'Family1234',
            dateOfBirth: '1980-01-01',
          }),
      ],
      ['liveness sessions of an application', () => services.liveness.list(officer, reference)],
      ['audit of an application', () => cw.audit.forApplication(officer, reference)],
      [
        'verifications, newest',
        () => services.verifications.list({ accountId: 'demo', password: 'demo' }, { limit: 50 }),
      ],
      [
        'verifications, pending',
        () => services.verifications.list({ accountId: 'demo', password: 'demo' }, { status: 'PENDING', limit: 50 }),
      ],
      [
        'webhook deliveries, newest',
        () => services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { limit: 50 }),
      ],
      [
        'webhook deliveries, failed',
        () => services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { state: 'failed', limit: 50 }),
      ],
      [
        'verifications, a later page',
        async () => {
          const first = await services.verifications.list({ accountId: 'demo', password: 'demo' }, { limit: 50 });
          return services.verifications.list(
            { accountId: 'demo', password: 'demo' },
            { limit: 50, ...(first.next ? { before: first.next } : {}) },
          );
        },
      ],
      [
        'webhook deliveries, delivered',
        () =>
          services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { state: 'delivered', limit: 50 }),
      ],
      [
        'webhook deliveries, pending',
        () => services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { state: 'pending', limit: 50 }),
      ],
      [
        'webhook deliveries, retrying',
        () =>
          services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { state: 'retrying', limit: 50 }),
      ],
      [
        'webhook deliveries, a later page',
        async () => {
          const first = await services.webhookDeliveries.list({ accountId: 'demo', password: 'demo' }, { limit: 50 });
          return services.webhookDeliveries.list(
            { accountId: 'demo', password: 'demo' },
            { limit: 50, ...(first.next ? { before: first.next } : {}) },
          );
        },
      ],
      ["a forms transaction's audit", () => services.forms.audit({ accountId: 'demo', password: 'demo' }, 'T100')],
      [
        'manual reviews waiting',
        () => services.manualReviews.queue({ accountId: 'demo', password: 'demo' }, { state: 'PENDING', limit: 25 }),
      ],
      [
        'manual reviews decided',
        () => services.manualReviews.queue({ accountId: 'demo', password: 'demo' }, { state: 'FAILED', limit: 25 }),
      ],
      [
        'manual reviews, all',
        () => services.manualReviews.queue({ accountId: 'demo', password: 'demo' }, { limit: 25 }),
      ],
      [
        'manual reviews waiting, a later page',
        async () => {
          const account = { accountId: 'demo', password: 'demo' };
          const first = await services.manualReviews.queue(account, { state: 'PENDING', limit: 25 });
          return services.manualReviews.queue(account, {
            state: 'PENDING',
            limit: 25,
            ...(first.next ? { after: first.next } : {}),
          });
        },
      ],
      [
        'manual reviews, all, a later page',
        async () => {
          const account = { accountId: 'demo', password: 'demo' };
          const first = await services.manualReviews.queue(account, { limit: 25 });
          return services.manualReviews.queue(account, { limit: 25, ...(first.next ? { after: first.next } : {}) });
        },
      ],
    ];
    const problems: string[] = [];
    for (const [name, read] of lists) {
      seen.length = 0;
      const started = performance.now();
      await read();
      const ms = performance.now() - started;
      const queries = [...seen];
      assert.ok(queries.length > 0, `${name}: no query seen`);
      for (const q of queries) {
        const found = await planProblems(q.sql, q.parameters);
        if (found.length > 0) problems.push(`${name}: ${found.join(', ')} in ${q.sql.slice(0, 160)}`);
      }
      t.diagnostic(`${name}: ${queries.length} queries, ${ms.toFixed(1)} ms`);
    }
    capturing = false;
    assert.deepEqual(problems, []);
  },
);
