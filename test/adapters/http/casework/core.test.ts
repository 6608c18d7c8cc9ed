// Casework API core: sign-in and API tokens, role checks (403), applications and documents, Confirm
// Identity tasks with four-eyes and a validation race, and the append-only audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import {
  CaseworkClient,
  eventually,
  multipart,
  PASSWORD,
  type App,
  type Officers,
  type SignedIn,
  type Task,
} from './casework-client.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really a picture'),
]);

interface Named {
  actor: string;
  actorName: string;
  actorEmail: string | null;
  actingThrough: string | null;
  actingThroughName: string | null;
  actingThroughEmail: string | null;
  action: string;
}
interface NamedTask {
  preparedByName: string | null;
  preparedByEmail: string | null;
  validatedByName: string | null;
  validatedByEmail: string | null;
  history: { action: string; byName: string; byEmail: string | null; throughName?: string }[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let both: SignedIn; // holds case-officer and validating-officer: must still not validate own work

  before(async () => {
    t = await startTestApp(kind, { demo: false });
    c = new CaseworkClient(t);
    o = await c.officers('core');
    both = await c.officer('core-both@dia.example', ['case-officer', 'validating-officer']);
  });
  after(async () => {
    await t.close();
  });

  async function newApplication(): Promise<App> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    assert.match(app.reference, /^[0-9A-Z]{6}$/);
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Leonard',
      familyName: 'Du Plessis',
      dateOfBirth: '1975-06-06',
      gender: 'Male',
      countryOfBirth: 'South Africa',
      email: 'leonard@example.com',
    });
    return c.expect<App>(200, o.caseOfficer, 'GET', `/applications/${app.reference}`);
  }

  test('sign-in sets a Secure, HttpOnly, SameSite=Strict session cookie; bad passwords get 401', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'core-co@dia.example', password: PASSWORD },
    });
    assert.equal(ok.statusCode, 200);
    const cookie = String(ok.headers['set-cookie']);
    assert.match(cookie, /^pono_officer_session=[A-Za-z0-9_-]{43};/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(flag), flag);
    assert.equal(ok.json().officer.roles[0], 'case-officer');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'core-co@dia.example', password: 'wrong password!' },
    });
    assert.equal(bad.statusCode, 401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@dia.example', password: PASSWORD },
    });
    assert.equal(unknown.statusCode, 401);
    await c.expect(401, null, 'GET', '/applications');
    await c.expect(
      401,
      { id: 'x', headers: { cookie: 'pono_officer_session=forged-session-token-value-xxxxxxxxxxxxxxxxx' } },
      'GET',
      '/applications',
    );
    // The session is stored hashed: the raw token is not in the table.
    const raw = cookie.split(';')[0]?.split('=')[1] ?? '';
    const rows = await t.database.db.selectFrom('officer_sessions').select('token_hash').execute();
    assert.ok(rows.length > 0 && rows.every((r) => r.token_hash !== raw && /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  test('sign-out ends the session', async () => {
    const me = await c.officer('core-leaver@dia.example', ['case-officer']);
    await c.expect(200, me, 'GET', '/session');
    const out = await c.call(me, 'DELETE', '/session');
    assert.equal(out.statusCode, 204);
    await c.expect(401, me, 'GET', '/session');
  });

  test('an administrator creates officers and API tokens; Bearer tokens work; others get 403', async () => {
    const created = await c.expect<{ id: string }>(201, o.admin, 'POST', '/officers', {
      email: 'core-integration@dia.example',
      fullName: 'Integration',
      roles: ['case-officer'],
      password: 'a long enough password',
    });
    await c.refused('ROLE_NOT_PERMITTED', o.caseOfficer, 'POST', '/officers', {
      email: 'x@dia.example',
      fullName: 'X',
      roles: ['administrator'],
      password: 'a long enough password',
    });
    await c.expect(400, o.admin, 'POST', '/officers', {
      email: 'y@dia.example',
      fullName: 'Y',
      roles: ['wizard'],
      password: 'a long enough password',
    });
    const { token } = await c.expect<{ token: string }>(201, o.admin, 'POST', `/officers/${created.id}/tokens`, {
      name: 'forms platform',
    });
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    await c.refused('ROLE_NOT_PERMITTED', o.caseOfficer, 'POST', `/officers/${created.id}/tokens`, { name: 'nope' });
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { authorization: `Bearer ${token}` },
      payload: { applicationType: 'CBG Adult' },
    });
    assert.equal(viaToken.statusCode, 201, viaToken.body);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/v1/applications',
      headers: { authorization: `Bearer ${'A'.repeat(43)}` },
    });
    assert.equal(wrong.statusCode, 401);
  });

  test('roles are checked on the server for every use case (403)', async () => {
    const app = await newApplication();
    await c.refused('ROLE_NOT_PERMITTED', o.validator, 'POST', '/applications', { applicationType: 'CBG Adult' });
    await c.refused('ROLE_NOT_PERMITTED', o.admin, 'GET', `/applications/${app.reference}`);
    await c.refused('ROLE_NOT_PERMITTED', o.validator, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'consenting-parent',
      givenNames: 'A',
      familyName: 'B',
      dateOfBirth: '1980-01-01',
    });
    await c.refused('ROLE_NOT_PERMITTED', o.caseOfficer, 'GET', `/applications/${app.reference}/audit`);
    await c.refused('ROLE_NOT_PERMITTED', o.expert, 'POST', `/applications/${app.reference}/submit`, { paid: true });
    await c.expect(200, o.expert, 'GET', `/applications/${app.reference}`);
  });

  test('bad input gets a 400 naming the field', async () => {
    const bad = await c.call(o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult', colour: 'blue' });
    assert.equal(bad.statusCode, 400);
    const app = await newApplication();
    const dob = await c.call(o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'consenting-parent',
      givenNames: 'A',
      familyName: 'B',
      dateOfBirth: '2021-02-29',
    });
    assert.equal(dob.statusCode, 400);
    assert.equal(dob.json().problems[0].field, 'dateOfBirth');
    await c.expect(404, o.caseOfficer, 'GET', '/applications/ZZZZZZ');
    await c.expect(409, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: false });
  });

  test('paid submission moves the stage and fetches immigration records from the submission date', async () => {
    const app = await newApplication();
    const submitted = await c.expect<App & { submittedOn: string; identityStandard: string; route: string }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/submit`,
      { paid: true, submittedOn: '2020-12-15' },
    );
    assert.equal(submitted.stage, 'submitted');
    assert.equal(submitted.identityStandard, 'liveness');
    assert.equal(submitted.route, 's8');
    const fetched = await eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: { identityMatch: string }; applicationDate: string };
      }>(200, o.caseOfficer, 'GET', `/applications/${app.reference}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
    assert.equal(fetched.records.summary.identityMatch, 'No match');
    assert.equal(fetched.records.applicationDate, '2020-12-15');
    await c.expect(409, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true });
  });

  test('documents are uploaded (multipart) and served to officers of a reading role only', async () => {
    const app = await newApplication();
    const subject = app.people[0]?.id ?? '';
    const body = multipart(
      { kind: 'passport-style-image', personId: subject },
      { name: 'Passport Style Image 1.jpg', content: PNG, type: 'image/png' },
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${app.reference}/documents`,
      headers: { ...o.caseOfficer.headers, ...body.headers },
      payload: body.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    const doc = up.json();
    assert.equal(doc.contentType, 'image/png');
    assert.equal(doc.kind, 'passport-style-image');
    const list = await c.expect<{ id: string }[]>(200, o.validator, 'GET', `/applications/${app.reference}/documents`);
    assert.deepEqual(
      list.map((d) => d.id),
      [doc.id],
    );
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/applications/${app.reference}/documents/${doc.id}`,
      headers: o.validator.headers,
    });
    assert.equal(get.statusCode, 200);
    assert.equal(get.headers['content-type'], 'image/png');
    assert.equal(get.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(get.rawPayload, PNG);
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/applications/${app.reference}/documents/${doc.id}`,
      headers: o.admin.headers,
    });
    assert.equal(denied.statusCode, 403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/applications/${app.reference}/documents/${doc.id}`,
    });
    assert.equal(anonymous.statusCode, 401);
    const html = multipart(
      { kind: 'birth-record' },
      { name: 'x.html', content: Buffer.from('<script>alert(1)</script>'), type: 'image/png' },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${app.reference}/documents`,
      headers: { ...o.caseOfficer.headers, ...html.headers },
      payload: html.payload,
    });
    assert.equal(refused.statusCode, 400);
    const badKind = multipart({ kind: 'selfie' }, { name: 'x.png', content: PNG, type: 'image/png' });
    const refusedKind = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${app.reference}/documents`,
      headers: { ...o.caseOfficer.headers, ...badKind.headers },
      payload: badKind.payload,
    });
    assert.equal(refusedKind.statusCode, 400);
    assert.equal(refusedKind.json().problems[0].field, 'kind');
  });

  const prepareBound = {
    outcome: 'pass',
    criteria: ['application-photo', 'overseas-passport-image'],
    comments: 'Photo agrees with the passport image',
  };

  test('three Confirm Identity tasks per person; prepared by one officer, validated by another (four-eyes)', async () => {
    const app = await newApplication();
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
    assert.deepEqual(
      tasks.map((x) => x.kind),
      ['identity-is-unique', 'identity-exists', 'identity-is-bound'],
    );
    const bound = tasks[2] as Task;
    const noRecording = await c.call(both, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: 'looked fine',
    });
    assert.equal(noRecording.statusCode, 400);
    assert.equal(noRecording.json().code, 'TASK_LIVENESS_RECORDING_NOT_NAMED');
    // BR-11: a liveness check counts by the officer's assessment, recorded with the check and the recording watched.
    const noAssessment = await c.call(both, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'shake' recording",
    });
    assert.equal(noAssessment.statusCode, 400);
    assert.deepEqual(
      [noAssessment.json().code, noAssessment.json().problems[0].field],
      ['TASK_LIVENESS_ASSESSMENT_REQUIRED', 'livenessAssessment'],
    );
    const noSuchCheck = await c.call(both, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'shake' recording",
      livenessAssessment: { result: 'satisfactory', linkId: 'no-such-link', recordings: ['shake'] },
    });
    assert.equal(noSuchCheck.statusCode, 400);
    assert.deepEqual(
      [noSuchCheck.json().code, noSuchCheck.json().problems[0].field],
      ['LIVENESS_CHECK_NOT_ON_APPLICATION', 'livenessAssessment.linkId'],
    );
    assert.equal(
      (await c.expect<Task>(200, o.caseOfficer, 'GET', `/tasks/${bound.id}`)).state,
      'open',
      'a refused preparation leaves nothing written',
    );
    // The domain's permission check is the one check: its refusal reaches the officer with its code.
    const notPermitted = await c.expect<{ code: string; message: string }>(
      403,
      o.validator,
      'POST',
      `/tasks/${bound.id}/prepare`,
      prepareBound,
    );
    assert.equal(notPermitted.code, 'TASK_ROLE_NOT_PERMITTED');
    assert.match(notPermitted.message, /does not allow you to prepare identity tasks/);
    const prepared = await c.expect<Task>(200, both, 'POST', `/tasks/${bound.id}/prepare`, prepareBound);
    assert.equal(prepared.state, 'prepared');
    assert.equal(prepared.preparedBy, both.id);
    const self = await c.call(both, 'POST', `/tasks/${bound.id}/validate`, {});
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'TASK_SELF_VALIDATION');
    const caseOfficerValidates = await c.call(o.caseOfficer, 'POST', `/tasks/${bound.id}/validate`, {});
    assert.equal(caseOfficerValidates.statusCode, 403);
    assert.equal(caseOfficerValidates.json().code, 'TASK_ROLE_NOT_PERMITTED');
    const validated = await c.expect<Task>(200, o.validator, 'POST', `/tasks/${bound.id}/validate`, {
      comments: 'agree',
    });
    assert.equal(validated.state, 'validated');
    assert.equal(validated.validatedBy, o.validator.id);
    await c.expect(409, o.validator2, 'POST', `/tasks/${bound.id}/validate`, {});
  });

  test('a returned task goes back to the preparer', async () => {
    const app = await newApplication();
    const [unique] = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
    const id = unique?.id ?? '';
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${id}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: '1:1 match found',
    });
    const returned = await c.expect<Task>(200, o.validator, 'POST', `/tasks/${id}/return`, {
      reason: 'check the AMS photo',
    });
    assert.equal(returned.state, 'returned');
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${id}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'AMS photo checked',
    });
    await c.expect(200, o.validator, 'POST', `/tasks/${id}/validate`, {});
  });

  test('two validations racing on one task end with exactly one', async () => {
    for (let round = 0; round < 3; round += 1) {
      const app = await newApplication();
      const [task] = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
      const id = task?.id ?? '';
      await c.expect(200, o.caseOfficer, 'POST', `/tasks/${id}/prepare`, {
        outcome: 'pass',
        criteria: ['inz-match'],
        comments: '1:1 match found',
      });
      const results = await Promise.all(
        [o.validator, o.validator2].map((v) => c.call(v, 'POST', `/tasks/${id}/validate`, {})),
      );
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join(' | '));
      const row = await t.database.db
        .selectFrom('identity_tasks')
        .selectAll()
        .where('task_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'validated');
      assert.equal((row.history as object[]).filter((h) => (h as { action: string }).action === 'validate').length, 1);
      const winner = results.findIndex((r) => r.statusCode === 200);
      assert.equal(row.validated_by, [o.validator, o.validator2][winner]?.id);
    }
  });

  test('an administrator holding tokens for two officers cannot be both pairs of eyes; the audit names whose token was used', async () => {
    const app = await newApplication();
    const preparer = await c.expect<{ id: string }>(201, o.admin, 'POST', '/officers', {
      email: 'core-int-co@dia.example',
      fullName: 'Integration preparer',
      roles: ['case-officer'],
      password: 'a long enough password',
    });
    const checker = await c.expect<{ id: string }>(201, o.admin, 'POST', '/officers', {
      email: 'core-int-vo@dia.example',
      fullName: 'Integration checker',
      roles: ['validating-officer'],
      password: 'a long enough password',
    });
    const viaToken = async (officerId: string): Promise<SignedIn> => {
      const { token } = await c.expect<{ token: string }>(201, o.admin, 'POST', `/officers/${officerId}/tokens`, {
        name: 'admin-held',
      });
      return { id: officerId, headers: { authorization: `Bearer ${token}` } };
    };
    const [task] = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
    const prepared = await c.expect<Task & { history: { by: string; through?: string }[] }>(
      200,
      await viaToken(preparer.id),
      'POST',
      `/tasks/${task?.id ?? ''}/prepare`,
      { outcome: 'pass', criteria: ['inz-match'], comments: '1:1 match found' },
    );
    assert.equal(prepared.history.at(-1)?.through, o.admin.id);
    const alone = await c.call(await viaToken(checker.id), 'POST', `/tasks/${task?.id ?? ''}/validate`, {});
    assert.equal(alone.statusCode, 403);
    assert.equal(alone.json().code, 'TASK_SELF_VALIDATION');
    assert.match(alone.json().message, /same person/);
    const trail = await c.expect<Named[]>(200, o.admin, 'GET', `/applications/${app.reference}/audit`);
    const prep = trail.find((e) => e.action === 'task.prepare');
    assert.deepEqual([prep?.actor, prep?.actingThrough], [preparer.id, o.admin.id]);
    // Officers read who acted by name and email, not only by id.
    assert.deepEqual(
      [prep?.actorName, prep?.actorEmail, prep?.actingThroughName, prep?.actingThroughEmail],
      ['Integration preparer', 'core-int-co@dia.example', 'core-admin', 'core-admin@dia.example'],
    );
    const created = trail.find((e) => e.action === 'application.create');
    assert.deepEqual(
      [created?.actorName, created?.actorEmail, created?.actingThroughName],
      ['core-co', 'core-co@dia.example', null],
    );
    // A validating officer with their own credentials is a second person.
    const validated = await c.expect<NamedTask>(200, o.validator, 'POST', `/tasks/${task?.id ?? ''}/validate`, {});
    assert.deepEqual(
      [validated.preparedByName, validated.preparedByEmail, validated.validatedByName, validated.validatedByEmail],
      ['Integration preparer', 'core-int-co@dia.example', 'core-vo', 'core-vo@dia.example'],
    );
    assert.deepEqual(
      validated.history.map((h) => [h.action, h.byName, h.byEmail, h.throughName ?? null]),
      [
        ['prepare', 'Integration preparer', 'core-int-co@dia.example', 'core-admin'],
        ['validate', 'core-vo', 'core-vo@dia.example', null],
      ],
    );
  });

  test('every change is in the audit trail, and the trail cannot be updated or deleted', async () => {
    const app = await newApplication();
    const [task] = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${task?.id ?? ''}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: '1:1 match found',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true });
    const trail = await c.expect<
      { id: number; actor: string; action: string; before: unknown; after: { state?: string } | null }[]
    >(200, o.admin, 'GET', `/applications/${app.reference}/audit`);
    const actions = trail.map((e) => e.action);
    for (const a of ['application.create', 'person.create', 'task.prepare', 'application.submit'])
      assert.ok(actions.includes(a), a);
    const prep = trail.find((e) => e.action === 'task.prepare');
    assert.equal(prep?.actor, o.caseOfficer.id);
    assert.deepEqual((prep?.before as { state: string }).state, 'open');
    assert.equal(prep?.after?.state, 'prepared');
    await c.expect(200, o.expert, 'GET', `/applications/${app.reference}/audit`);

    const id = trail[0]?.id ?? 0;
    await assert.rejects(
      sql`update audit_events set actor = 'mallory' where id = ${id}`.execute(t.database.db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_events where id = ${id}`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`truncate audit_events`.execute(t.database.db), /append-only/);
    const still = await t.database.db
      .selectFrom('audit_events')
      .select('actor')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(still.actor, o.caseOfficer.id);
  });

  test('the OpenAPI document describes the casework API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(response.json().paths);
    for (const p of [
      '/api/v1/session',
      '/api/v1/applications',
      '/api/v1/applications/{ref}/people',
      '/api/v1/tasks/{taskId}/prepare',
      '/api/v1/tasks/{taskId}/validate',
      '/api/v1/applications/{ref}/liveness-links',
      '/api/v1/escalations',
      '/api/v1/applications/{ref}/audit',
    ]) {
      assert.ok(paths.includes(p), p);
    }
  });
});
