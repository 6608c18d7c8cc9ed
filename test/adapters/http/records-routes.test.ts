// Officer-only immigration-records routes (R14): 401 / 403 / 200, match 1:1, 1:N (listed, none picked),
// No match, and the service down (503, "API error"); and the assessment the casework fetch job runs.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { CaseworkClient, type SignedIn } from './casework/casework-client.ts';
import { RecordsStore } from '../../../src/adapters/records/store.ts';
import { seedRecord } from '../records/fixtures.ts';

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let caseOfficer: SignedIn;
  let validator: SignedIn;
  let admin: SignedIn;
  const outage = () => {
    const source = t.services.records.source;
    assert.ok(source instanceof RecordsStore);
    return source.outage;
  };

  before(async () => {
    t = await startTestApp(kind, { demo: false, workJobs: false });
    c = new CaseworkClient(t, true);
    caseOfficer = await c.officer('rec-co@dia.example', ['case-officer']);
    validator = await c.officer('rec-vo@dia.example', ['validating-officer']);
    admin = await c.officer('rec-admin@dia.example', ['administrator']);
    const loaded = await t.services.records.load([
      seedRecord({ identityId: '60000001', givenNames: 'Mārama', familyName: 'Ngata', dateOfBirth: '1985-03-12' }),
      seedRecord({
        identityId: '60000002',
        givenNames: 'Den',
        middleNames: 'Steve',
        familyName: 'Brett',
        dateOfBirth: '1980-05-01',
        countryOfBirth: 'South Africa',
      }),
      seedRecord({
        identityId: '60000003',
        givenNames: 'Den',
        familyName: 'Brett',
        dateOfBirth: '1980-05-01',
        countryOfBirth: 'Australia',
      }),
    ]);
    assert.equal(loaded.ok, true);
  });
  after(() => t.close());

  it('GET /records/identities/{id}: 401 without credentials, 403 for an administrator, 404 unknown, 200 for case work roles', async () => {
    const url = '/records/identities/60000001';
    assert.equal((await c.call(null, 'GET', url)).statusCode, 401);
    const forbidden = await c.call(admin, 'GET', url);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json<{ code: string }>().code, 'ROLE_NOT_PERMITTED');
    await c.expect(404, caseOfficer, 'GET', '/records/identities/69999999');
    const record = await c.expect<{ identity: { familyName: string }; visas: unknown[] }>(200, validator, 'GET', url);
    assert.equal(record.identity.familyName, 'Ngata');
    assert.equal(record.visas.length, 1);
  });

  it('POST /records/match: 401 before the body is even checked, 403 for an administrator, 400 naming a bad field', async () => {
    assert.equal((await c.call(null, 'POST', '/records/match', { nonsense: true })).statusCode, 401);
    assert.equal(
      (await c.call(admin, 'POST', '/records/match', { givenNames: 'A', familyName: 'B', dateOfBirth: '1980-01-01' }))
        .statusCode,
      403,
    );
    const bad = await c.expect<{ problems: { field: string }[] }>(400, caseOfficer, 'POST', '/records/match', {
      givenNames: 'A',
      familyName: 'B',
      dateOfBirth: '1/1/1980',
    });
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ['dateOfBirth'],
    );
  });

  it('match: 1:1 (macrons and case ignored), 1:N lists every candidate and picks none, No match says "No identity found"', async () => {
    interface Match {
      result: string;
      match: { identityId: string } | null;
      candidates: { identityId: string }[];
      nearMisses: unknown[];
      exceptions: { exception: string }[];
    }
    const one = await c.expect<Match>(200, caseOfficer, 'POST', '/records/match', {
      givenNames: 'MARAMA',
      familyName: 'ngata',
      dateOfBirth: '1985-03-12',
    });
    assert.equal(one.result, '1:1');
    assert.equal(one.match?.identityId, '60000001');

    const many = await c.expect<Match>(200, caseOfficer, 'POST', '/records/match', {
      givenNames: 'Den',
      familyName: 'Brett',
      dateOfBirth: '1980-05-01',
    });
    assert.equal(many.result, '1:N');
    assert.equal(many.match, null);
    assert.deepEqual(many.candidates.map((x) => x.identityId).sort(), ['60000002', '60000003']);

    const none = await c.expect<Match>(200, caseOfficer, 'POST', '/records/match', {
      givenNames: 'Nobody',
      familyName: 'Here',
      dateOfBirth: '1990-01-01',
    });
    assert.equal(none.result, 'No match');
    assert.equal(none.match, null);
    assert.deepEqual(
      none.exceptions.map((e) => e.exception),
      ['No identity found'],
    );
  });

  it('the records service down: 503 "Identity search service is down" (never a finding), then recovers', async () => {
    outage().down = true;
    try {
      const down = await c.expect<{ error: string; code: string; message: string }>(
        503,
        caseOfficer,
        'POST',
        '/records/match',
        { givenNames: 'Mārama', familyName: 'Ngata', dateOfBirth: '1985-03-12' },
      );
      assert.equal(down.code, 'IDENTITY_SEARCH_SERVICE_DOWN');
      assert.match(down.message, /Identity search service is down/);
      await c.expect(503, caseOfficer, 'GET', '/records/identities/60000001');
    } finally {
      outage().down = false;
    }
    await c.expect(200, caseOfficer, 'GET', '/records/identities/60000001');
  });

  it('assessApplication / the casework records port: 1:1 with presence from the submission date; API error when down', async () => {
    const applicant = {
      givenNames: 'Marama',
      familyName: 'Ngata',
      dateOfBirth: '1985-03-12',
      gender: 'Female',
      countryOfBirth: 'India',
    };
    const result = await t.services.records.assessApplication(applicant, '2020-11-18T10:30');
    assert.equal(result.kind, '1:1');
    assert.ok(result.kind === '1:1');
    assert.deepEqual(
      result.presence.years.map((y) => y.days),
      [366, 365, 365, 365, 366],
    );
    assert.equal(result.summary.presence, 'Pass');
    assert.equal(result.summary.calculatedFrom, '2020-11-18');

    const port = t.services.records.caseworkPort();
    const fetched = await port.fetch({ ...applicant }, '2020-11-18');
    assert.ok(fetched.status === 'ok');
    assert.deepEqual(fetched.result.summary, {
      inzName: 'Mārama Ngata',
      identityMatch: '1:1 match',
      presence: 'Pass',
      alerts: 'Not found',
    });
    const many = await port.fetch(
      { givenNames: 'Den', familyName: 'Brett', dateOfBirth: '1980-05-01', gender: null, countryOfBirth: null },
      '2020-11-18',
    );
    assert.ok(many.status === 'ok');
    assert.equal(many.result.summary.identityMatch, '1:N match');
    assert.equal((many.result.tabs.identityResults as unknown[]).length, 2);

    outage().down = true;
    try {
      assert.equal((await t.services.records.assessApplication(applicant, '2020-11-18')).kind, 'API error');
      assert.equal((await port.fetch({ ...applicant }, '2020-11-18')).status, 'unavailable');
    } finally {
      outage().down = false;
    }
  });
});
