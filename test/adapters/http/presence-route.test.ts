// POST /api/v1/presence/calculate: the fixed public contract (SPEC P3), checked field by field,
// rate-limited per client address, and leaving nothing of the request in the database or the log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import type { Services } from '../../../src/app/services.ts';
import { createServices } from '../../../src/main/services.ts';
import { buildServer, type App } from '../../../src/adapters/http/server.ts';
import { serverPlugins } from '../../../src/main/server-plugins.ts';
import { createLogger } from '../../../src/adapters/log/logger.ts';
import { loadConfig } from '../../../src/config/config.ts';

const seedExample = {
  applicationDate: '2020-11-18',
  indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
  movements: [{ direction: 'arrival', date: '2014-11-08' }],
};

describe('POST /api/v1/presence/calculate', () => {
  let database: TestDatabase;
  let services: Services;
  let app: App;
  let log = '';
  let address = 0;
  /** Each test calls from its own address, so the rate limit of one does not touch another. */
  const call = (payload: unknown, remoteAddress = `10.0.0.${++address}`) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/presence/calculate',
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
      remoteAddress,
    });

  before(async () => {
    database = await openTestDatabase('pglite');
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        log += chunk.toString('utf8');
        callback();
      },
    });
    const logger = createLogger('trace', sink);
    const config = loadConfig({ PONO_PRESENCE_RATE_LIMIT: '3', PONO_PRESENCE_RATE_WINDOW_SECONDS: '60' });
    services = await createServices(database, logger, { jobs: false, config });
    app = await buildServer({ logger, services, plugins: serverPlugins(services, config) });
  });
  after(async () => {
    await app.close();
    await services.close();
  });

  it("the seed's example: residency 10/11/2014, application 18 Nov 2020 → 366/365/365/365/366, 1,827, eligible", async () => {
    const response = await call(seedExample);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{
      eligible: boolean;
      totalDays: number;
      totalMet: boolean;
      years: { from: string; to: string; days: number; met: boolean }[];
      exceptions: unknown[];
      earliestEligibleDate: string;
    }>();
    assert.deepEqual(
      body.years.map((y) => y.days),
      [366, 365, 365, 365, 366],
    );
    assert.deepEqual(body.years[0], {
      sequence: 1,
      from: '2015-11-18',
      to: '2016-11-17',
      days: 366,
      length: 366,
      met: true,
    });
    assert.equal(body.totalDays, 1827);
    assert.equal(body.totalMet, true);
    assert.equal(body.eligible, true);
    assert.deepEqual(body.exceptions, []);
    assert.equal(body.earliestEligibleDate, '2020-11-18');
  });

  it('a bad field is a 400 naming it by JSON pointer (also dates that do not exist, and unknown members)', async () => {
    const response = await call({ ...seedExample, movements: [{ direction: 'arrival', date: '2021-02-29' }] });
    assert.equal(response.statusCode, 400);
    const body = response.json<{ error: string; problems: { field: string; message: string }[]; message: string }>();
    assert.equal(body.error, 'invalid');
    assert.deepEqual(body.problems, [{ field: '/movements/0/date', message: 'is not a calendar date' }]);
    assert.match(body.message, /\/movements\/0\/date/);

    const more = await call({
      applicationDate: '18/11/2020',
      indefiniteStayPeriods: [{ from: '2014-11-10' }],
      movements: [],
      extra: 1,
    });
    assert.equal(more.statusCode, 400);
    assert.deepEqual(
      more
        .json<{ problems: { field: string }[] }>()
        .problems.map((p) => p.field)
        .sort(),
      ['/applicationDate', '/extra', '/indefiniteStayPeriods/0/to'],
    );
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/v1/presence/calculate',
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
      remoteAddress: '10.1.1.1',
    });
    assert.equal(notJson.statusCode, 400);
  });

  it('is rate-limited per client address: 429 with a clear message, other addresses unaffected', async () => {
    const ip = '192.0.2.7';
    for (let i = 0; i < 3; i++) assert.equal((await call(seedExample, ip)).statusCode, 200);
    const limited = await call(seedExample, ip);
    assert.equal(limited.statusCode, 429);
    const body = limited.json<{ error: string; message: string }>();
    assert.equal(body.error, 'rate_limited');
    assert.match(body.message, /Too many presence calculations from this address: at most 3 per 60 s/);
    assert.ok(limited.headers['retry-after']);
    assert.equal((await call(seedExample, '192.0.2.8')).statusCode, 200);
  });

  it('stores nothing and logs nothing of the request', async () => {
    const count = async () => {
      const tables = await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = ${database.schema} and table_type = 'BASE TABLE'`.execute(
        database.db,
      );
      let rows = 0;
      for (const { table_name } of tables.rows) {
        const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(
          database.db,
        );
        rows += r.rows[0]?.n ?? 0;
      }
      return rows;
    };
    const before = await count();
    const distinctive = {
      applicationDate: '2019-07-23',
      indefiniteStayPeriods: [{ from: '2011-03-17', to: null }],
      movements: [{ direction: 'arrival', date: '2011-03-16' }],
    };
    assert.equal((await call(distinctive)).statusCode, 200);
    assert.equal(
      (await call({ ...distinctive, movements: [{ direction: 'sideways', date: '2011-03-16' }] })).statusCode,
      400,
    );
    assert.equal(await count(), before);
    assert.ok(log.includes('/api/v1/presence/calculate'), 'requests are logged (without bodies)');
    for (const text of ['2019-07-23', '2011-03-17', '2011-03-16', 'sideways'])
      assert.ok(!log.includes(text), `log mentions ${text}`);
  });

  it('is in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    }>();
    const op = doc.paths['/api/v1/presence/calculate']?.post;
    assert.ok(op?.requestBody);
    assert.ok(op.responses['200'] && op.responses['429']);
    assert.ok(doc.paths['/api/v1/records/match']?.post);
    assert.ok(doc.paths['/api/v1/records/identities/{identityId}']?.get);
  });
});
