// BR-60 (seed 000 L1103): the public calculator asked by travel document, on both databases. The right
// details give the calculation and nothing else of the record (no movement, visa, date of residence, name or
// document); an unknown document and each wrong detail get the very same answer (status and body but for the
// request id) after a similar time; the route is limited harder than the free-form calculator; nothing is
// stored; no detail of the request reaches a log line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { DEMO_RECORDS } from '../../../src/app/demo-records.ts';
import { DOCUMENT_ANSWER_FLOOR_MS } from '../../../src/adapters/http/routes/presence-by-document.ts';
import { loadConfig } from '../../../src/config/config.ts';

const RIGHT = {
  documentNumber: 'P0000001',
  nationality: 'India',
  dateOfBirth: '1985-04-02',
  givenNames: 'Mere',
  familyName: 'Parata',
};
const URL = '/api/v1/presence/by-travel-document';

forEachDatabase((kind) => {
  let t: TestApp;
  const lines: string[] = [];
  let address = 0;
  /** Each request from its own client address, so the rate limit stays out of the tests that are not about it. */
  const ask = async (payload: object, ip = `10.0.0.${(address += 1)}`) => {
    const started = performance.now();
    const response = await t.app.inject({ method: 'POST', url: URL, payload, remoteAddress: ip });
    return {
      status: response.statusCode,
      body: response.json<Record<string, unknown>>(),
      ms: performance.now() - started,
    };
  };
  const rowCounts = async () => {
    const tables = await t.database.executeSql(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const row of tables.rows as { table_name: string }[]) {
      const c = await t.database.executeSql(`select count(*)::int as n from "${row.table_name}"`);
      counts[row.table_name] = (c.rows[0] as { n: number }).n;
    }
    return counts;
  };

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp(kind, { demo: false, logSink: sink, logLevel: 'trace' });
    const loaded = await t.services.records.load(DEMO_RECORDS);
    assert.equal(loaded.ok, true);
  });
  after(async () => {
    await t.close();
  });

  test('the right details give the calculation only', async () => {
    const storedBefore = await rowCounts();
    const answer = await ask({ ...RIGHT, applicationDate: '2020-12-03' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(Object.keys(answer.body).sort(), [
      'applicationDate',
      'earliestEligibleDate',
      'eligible',
      'exceptions',
      'totalDays',
      'totalMet',
      'window',
      'years',
    ]);
    assert.deepEqual([answer.body.eligible, answer.body.totalDays], [true, 1827]);
    assert.deepEqual(
      (answer.body.years as { days: number }[]).map((y) => y.days),
      [366, 365, 365, 365, 366],
    );
    const text = JSON.stringify(answer.body);
    for (const personal of [
      'P0000001',
      'India',
      'Parata',
      'Mere',
      '1985-04-02',
      'Auckland',
      'NZ 103',
      '2014-11',
      'Resident',
      'Visitor',
      '900000001',
    ]) {
      assert.equal(text.includes(personal), false, `the answer must not carry ${personal}`);
    }
    // Spaces, case and accents in the details as typed do not matter; the default date is today in New Zealand.
    const typed = await ask({ ...RIGHT, documentNumber: 'p000 0001', nationality: 'INDIA', familyName: 'PARATA' });
    assert.equal(typed.status, 200);
    assert.match(String(typed.body.applicationDate), /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(await rowCounts(), storedBefore, 'nothing is stored');
  });

  test('an unknown document and each wrong detail get the same answer, after a similar time', async () => {
    const wrong = [
      { ...RIGHT, documentNumber: 'X9999999' }, // unknown document
      { ...RIGHT, nationality: 'France' },
      { ...RIGHT, dateOfBirth: '1985-04-03' },
      { ...RIGHT, givenNames: 'Aroha' },
      { ...RIGHT, familyName: 'Smith' },
      {
        ...RIGHT,
        documentNumber: 'P0000002',
        givenNames: 'Dennis',
        familyName: 'de Bret',
        dateOfBirth: '1980-11-13',
        nationality: 'India',
      }, // someone else's name with a real document
    ];
    const answers = [];
    for (const details of wrong) answers.push(await ask({ ...details, applicationDate: '2020-12-03' }));
    const without = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    for (const a of answers) {
      assert.equal(a.status, 404);
      assert.deepEqual(without(a.body), without(answers[0]?.body ?? {}));
      assert.ok(a.ms >= DOCUMENT_ANSWER_FLOOR_MS - 5, `answered after ${a.ms} ms`);
    }
    assert.equal(answers[0]?.body.code, 'NO_MATCHING_TRAVEL_DOCUMENT');
    const right = await ask({ ...RIGHT, applicationDate: '2020-12-03' });
    const times = [...answers.map((a) => a.ms), right.ms];
    assert.ok(
      Math.max(...times) - Math.min(...times) < 200,
      `similar times: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    // A bad field is named, without its value.
    const bad = await ask({ ...RIGHT, dateOfBirth: '02/04/1985' });
    assert.equal(bad.status, 400);
    assert.equal(JSON.stringify(bad.body).includes('02/04/1985'), false);
    assert.match(JSON.stringify(bad.body), /dateOfBirth/);
  });

  test('limited harder than the free-form calculator, per client address', async () => {
    const config = loadConfig({});
    assert.ok(config.PONO_PRESENCE_DOCUMENT_RATE_LIMIT < config.PONO_PRESENCE_RATE_LIMIT);
    const ip = '10.9.9.9';
    const answers = [];
    for (let i = 0; i <= config.PONO_PRESENCE_DOCUMENT_RATE_LIMIT; i++)
      answers.push(await ask({ ...RIGHT, documentNumber: 'X1' }, ip));
    assert.deepEqual(answers.map((a) => a.status).sort(), [
      ...Array.from({ length: config.PONO_PRESENCE_DOCUMENT_RATE_LIMIT }, () => 404),
      429,
    ]);
    // The free-form calculator still answers the same address.
    const free = await t.app.inject({
      method: 'POST',
      url: '/api/v1/presence/calculate',
      remoteAddress: ip,
      payload: {
        applicationDate: '2020-11-18',
        indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
        movements: [],
        options: { noMovements: 'PRESENT_THROUGHOUT' },
      },
    });
    assert.equal(free.statusCode, 200);
  });

  test('no detail of any request reaches a log line', () => {
    const log = lines.join('');
    assert.ok(log.includes('by-travel-document'), 'the requests were logged (by route)');
    for (const personal of [
      'P0000001',
      'p000 0001',
      'X9999999',
      'Parata',
      'PARATA',
      'Mere',
      '1985-04-02',
      '1985-04-03',
      'India',
      'INDIA',
      'de Bret',
      '02/04/1985',
    ]) {
      assert.equal(log.includes(personal), false, `a log line carries ${personal}`);
    }
  });
});
