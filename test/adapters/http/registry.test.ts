import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';

const AUTH = basicAuth('bank', 'bank-password');
const CSV = [
  'Surname,Given Name,Date of Birth,Street Number,Street Name,Street Type,Suburb,State,Postcode',
  'Ngata,Ārohanui,12/03/1986,12,George,Street,Sydney,NSW,2000',
  'Smith,John,1970-01-01,1,Main,Road,Perth,WA,6000',
].join('\n');

interface CheckResult {
  name: string;
  state: string;
  fieldResult: { name: string; status: string }[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    await t.services.accounts.create({
      accountId: 'bank',
      password: 'bank-password',
      stubMode: false,
      enabledSources: ['registry'],
    });
  });
  after(async () => {
    await t.close();
  });

  test('records load from CSV, and a person is matched against them with field statuses', async () => {
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: CSV,
    });
    assert.equal(loaded.statusCode, 201, loaded.body);
    assert.equal(loaded.json().loaded, 2);

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: {
        name: { givenName: 'AROHANUI', surname: 'ngata' },
        dob: '1986-03-12',
        currentResidentialAddress: {
          streetNumber: '12',
          streetName: 'George',
          streetType: 'ST',
          suburb: 'SYDNEY',
          state: 'NSW',
          postcode: '2000',
          country: 'AU',
        },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    const registry = (response.json().verificationResult.individualResult as CheckResult[]).find(
      (r) => r.name === 'registry',
    );
    assert.ok(registry, 'the registry source ran');
    assert.equal(registry.state, 'VERIFIED');
    const statuses = Object.fromEntries(registry.fieldResult.map((f) => [f.name, f.status]));
    assert.equal(statuses.givenName, 'CONFIRMED', 'macron and case normalised');
    assert.equal(statuses.surname, 'CONFIRMED');
    assert.equal(statuses.dob, 'CONFIRMED');
    assert.equal(statuses.streetName, 'CONFIRMED', 'George ST and George Street are the same street');
    assert.equal(statuses.suburb, 'CONFIRMED');
  });

  test('a person not on the registry is not verified by it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: { name: { givenName: 'Mere', surname: 'Parata' }, dob: '1990-05-05' },
    });
    const registry = (response.json().verificationResult.individualResult as CheckResult[]).find(
      (r) => r.name === 'registry',
    );
    assert.notEqual(registry?.state, 'VERIFIED');
  });

  test('a bad row is refused naming the row and column, and nothing is loaded', async () => {
    const before = await t.database.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bad = `${CSV}\nJones,Ann,31/02/1980,3,High,Street,Hobart,TAS,7000`;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: bad,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /row 3/);
    const after = await t.database.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  const count = async (table: 'registry_records' | 'registry_imports') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const HEADER = 'Surname,Given Name,Date of Birth,Suburb';
  const manyRows = (n: number, surname: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${surname}${i},Kiri,${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/19${50 + (i % 50)},Town${i % 300}`,
    );

  test('a large file loads in batches while other requests are answered, and matches once it has loaded', async () => {
    const csv = [HEADER, ...manyRows(30_000, 'Bulk'), 'Whaanga,Tama,07/08/1977,Gisborne'].join('\n');
    let loadDone = false;
    let answeredDuring = 0;
    const load = t.app
      .inject({
        method: 'POST',
        url: '/api/v1/registry/registry/records',
        headers: { authorization: AUTH, 'content-type': 'text/csv' },
        payload: csv,
      })
      .finally(() => {
        loadDone = true;
      });
    while (!loadDone) {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      if (!loadDone) answeredDuring += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const loaded = await load;
    assert.equal(loaded.statusCode, 201, loaded.body);
    assert.equal(loaded.json().loaded, 30_001);
    // One long statement or transaction would have held the database until the end of the load.
    assert.ok(answeredDuring >= 3, `database health answered ${answeredDuring} times during the load`);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: { name: { givenName: 'Tama', surname: 'Whaanga' }, dob: '1977-08-07' },
    });
    const registry = (response.json().verificationResult.individualResult as CheckResult[]).find(
      (r) => r.name === 'registry',
    );
    assert.equal(
      Object.fromEntries(registry?.fieldResult.map((f) => [f.name, f.status]) ?? []).surname,
      'CONFIRMED',
      'the last row of the file is a candidate',
    );
  });

  test('a bad row after thousands of good ones loads nothing: the written batches are removed', async () => {
    const recordsBefore = await count('registry_records');
    const csv = [
      HEADER,
      ...manyRows(2_500, 'Partial'),
      'Broken,Row,31/02/1980,Nowhere',
      ...manyRows(10, 'After'),
      'Also,Bad,not a date,X',
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: csv,
    });
    assert.equal(response.statusCode, 400, response.body);
    const fields = response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field);
    assert.deepEqual(fields, ['row 2501: dob', 'row 2512: dob'], 'every bad row is named, even after the first');
    assert.equal(await count('registry_records'), recordsBefore);
    assert.equal(
      (await count('registry_imports')) > 0
        ? (await t.database.db.selectFrom('registry_imports').select('state').where('state', '<>', 'loaded').execute())
            .length
        : 0,
      0,
      'no unfinished import is left',
    );
  });

  test('a file with many bad rows names the first hundred problems and counts the rest', async () => {
    const csv = [HEADER, ...Array.from({ length: 250 }, (_, i) => `,Nameless${i},01/01/1990,Town`)].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: csv,
    });
    assert.equal(response.statusCode, 400);
    const problems = response.json<{ problems: { field: string; message: string }[] }>().problems;
    assert.equal(problems.length, 101);
    assert.deepEqual(problems.at(-1), { field: 'rows', message: 'and 150 more rows with problems' });
  });

  test('a malformed CSV and a body that is not CSV are refused by name', async () => {
    const quote = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: `${HEADER}\nSmith,"Jo,01/01/1990,Town\n`,
    });
    assert.equal(quote.statusCode, 400);
    assert.match(quote.json<{ problems: { field: string }[] }>().problems[0]?.field ?? '', /^(line \d+|\(csv\))$/);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      payload: { rows: [] },
    });
    assert.equal(json.statusCode >= 400 && json.statusCode < 500, true, json.body);
  });

  test('an import left unfinished by a stopped process is never matched and is removed by the next load', async () => {
    const { RegistryStore } = await import('../../../src/app/registry-store.ts');
    const store = new RegistryStore(t.database.db);
    await store.beginImport('abandoned-import', 'bank', 'registry');
    await store.insertBatch('abandoned-import', 'bank', 'registry', [
      { surname: 'Ghost', givenName: 'Half', dob: '1966-06-06' },
    ]);
    assert.deepEqual(
      await store.candidates('bank', ['registry'], '1966-06-06'),
      [],
      'rows of an unfinished import are not candidates',
    );
    await t.database.db
      .updateTable('registry_imports')
      .set({ progress_at: new Date(Date.now() - 3_600_000) })
      .where('import_id', '=', 'abandoned-import')
      .execute();
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: `${HEADER}\nFresh,Row,02/02/1992,Town`,
    });
    assert.equal(loaded.statusCode, 201, loaded.body);
    assert.equal(await store.importState('abandoned-import'), undefined);
    const ghosts = await t.database.db
      .selectFrom('registry_records')
      .select('id')
      .where('import_id', '=', 'abandoned-import')
      .execute();
    assert.equal(ghosts.length, 0);
  });

  test('the source catalogue lists what the account has enabled', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: AUTH } });
    assert.equal(response.statusCode, 200);
    const sources = response.json().sources as { sourceId: string; enabled: boolean; fields: { name: string }[] }[];
    assert.ok(sources.length > 30);
    assert.deepEqual(
      sources.filter((s) => s.enabled).map((s) => s.sourceId),
      ['registry'],
    );
    const passport = sources.find((s) => s.sourceId === 'passportdvs');
    assert.ok(passport?.fields.some((f) => f.name === 'greenid_passportdvs_number'));
  });
});

test('the sample CSV loads, an unknown column is refused by name, and a registry-only rule set verifies', async () => {
  const { readFileSync } = await import('node:fs');
  const t = await startTestApp('pglite', { demo: false });
  try {
    await t.services.accounts.create({
      accountId: 'acme',
      password: 's3cret-for-acme',
      stubMode: false,
      enabledSources: ['registry'],
    });
    const acme = basicAuth('acme', 's3cret-for-acme');
    const sample = readFileSync(new URL('../../../examples/registry-customers.csv', import.meta.url), 'utf8');
    const load = (csv: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/registry/registry/records',
        headers: { authorization: acme, 'content-type': 'text/csv' },
        payload: csv,
      });
    const typo = await load(sample.replace('given name', 'givn name'));
    assert.equal(typo.statusCode, 400);
    assert.deepEqual(
      typo.json<{ problems: { field: string }[] }>().problems.map((p) => p.field),
      ['header: givn name'],
    );
    assert.match(
      typo.json<{ problems: { message: string }[] }>().problems[0]?.message ?? '',
      /does not know: "givn name"; the accepted columns are id, given name/,
    );
    const loaded = await load(sample);
    assert.equal(loaded.statusCode, 201, loaded.body);
    assert.equal(loaded.json<{ loaded: number }>().loaded, 3);

    // The rule set the README gives for an account whose only source is its registry.
    const rule = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: acme },
      payload: {
        requirements: [
          { kind: 'nameDob', sources: 1 },
          { kind: 'nameAddress', sources: 1 },
        ],
        acceptedChanges: [],
        lockoutAfterFailedAttempts: null,
      },
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: acme },
      payload: {
        name: { givenName: 'Mere', surname: 'Parata' },
        dob: '1990-05-05',
        currentResidentialAddress: {
          streetNumber: '45',
          streetName: 'Queen',
          streetType: 'St',
          suburb: 'Auckland',
          postcode: '1010',
          country: 'NZ',
        },
      },
    });
    assert.equal(verified.statusCode, 201, verified.body);
    assert.equal(
      verified.json<{ verificationResult: { overallVerificationStatus: string } }>().verificationResult
        .overallVerificationStatus,
      'VERIFIED',
    );
  } finally {
    await t.close();
  }
});
