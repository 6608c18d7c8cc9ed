// Work allocation and the console's lists over the API, on both databases: the application list pages by keyset
// (no row twice, none missed) in each order and finds by reference, name and date of birth; officers pick up
// applications (two picking at once never get the same one); "mine" and the validation queue hold the right
// tasks (never the officer's own for validation); the escalation list pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { CaseworkClient, type App, type Officers, type Task } from './casework-client.ts';

interface Row {
  reference: string;
  subjectName: string | null;
  stage: string;
  owner: { id: string; fullName: string } | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface QueuedTask extends Task {
  applicationRef: string;
  personName: string;
  preparedByName: string | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  const refs: string[] = [];

  async function application(givenNames: string, familyName: string, dateOfBirth: string, submit = true): Promise<App> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames,
      familyName,
      dateOfBirth,
    });
    if (submit)
      await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, {
        paid: true,
        submittedOn: '2022-01-10',
      });
    return c.expect<App>(200, o.caseOfficer, 'GET', `/applications/${app.reference}`);
  }

  async function all(url: string): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const page: Page<Row> = await c.expect<Page<Row>>(
        200,
        o.caseOfficer,
        'GET',
        `${url}${sep}limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      rows.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return rows;
  }

  before(async () => {
    t = await startTestApp(kind, { demo: false });
    c = new CaseworkClient(t);
    o = await c.officers('work');
    const people: [string, string, string][] = [
      ['Mere', 'Parata', '1975-06-06'],
      ['Dennis', 'de Bret', '1980-11-13'],
      ['Hōhepa', 'Tūhiwai', '1979-01-30'],
      ['Kiri', 'Hapa', '1990-09-09'],
      ['Zoë', 'Müller', '1970-07-07'],
      ['Mereana', 'Smith', '1975-06-06'],
      ['Sione', 'Fifita', '2015-06-01'],
      ['Ana', 'Parata', '2001-02-03'],
    ];
    for (const [given, family, dob] of people) refs.push((await application(given, family, dob)).reference);
  });
  after(async () => {
    await t.close();
  });

  test('the application list pages by keyset in every order, with no row twice and none missed', async () => {
    const newest = await all('/work/applications');
    assert.deepEqual(
      newest.map((r) => r.reference),
      [...refs].reverse(),
    );
    const oldest = await all('/work/applications?sort=oldest');
    assert.deepEqual(
      oldest.map((r) => r.reference),
      refs,
    );
    const byRef = await all('/work/applications?sort=reference');
    assert.deepEqual(
      byRef.map((r) => r.reference),
      [...refs].sort(),
    );
    const byRefDesc = await all('/work/applications?sort=reference-desc');
    assert.deepEqual(
      byRefDesc.map((r) => r.reference),
      [...refs].sort().reverse(),
    );
    assert.equal(newest[0]?.subjectName, 'Ana Parata');
    const bad = await c.expect<{ problems: { field: string }[] }>(
      400,
      o.caseOfficer,
      'GET',
      '/work/applications?cursor=bm90LWEtY3Vyc29y',
    );
    assert.equal(bad.problems[0]?.field, 'cursor');
  });

  test('search finds by reference, by name (each word starts a name) and by date of birth', async () => {
    const ref = refs[2] ?? '';
    assert.deepEqual(
      (await all(`/work/applications?q=${ref.toLowerCase()}`)).map((r) => r.reference),
      [ref],
    );
    assert.deepEqual(
      (await all('/work/applications?q=parata&sort=oldest')).map((r) => r.subjectName),
      ['Mere Parata', 'Ana Parata'],
    );
    assert.deepEqual((await all('/work/applications?q=mere')).map((r) => r.subjectName).sort(), [
      'Mere Parata',
      'Mereana Smith',
    ]);
    assert.deepEqual(
      (await all('/work/applications?q=mere%20par')).map((r) => r.subjectName),
      ['Mere Parata'],
    );
    assert.deepEqual((await all('/work/applications?dateOfBirth=1975-06-06')).map((r) => r.subjectName).sort(), [
      'Mere Parata',
      'Mereana Smith',
    ]);
    assert.deepEqual(
      (await all('/work/applications?q=smith&dateOfBirth=1975-06-06')).map((r) => r.subjectName),
      ['Mereana Smith'],
    );
    assert.deepEqual(await all('/work/applications?q=50%25'), []);
  });

  test('two officers picking up at once never get the same application; a submitted one is allocated', async () => {
    const [a, b] = await Promise.all([
      c.expect<App & { owner: { id: string; fullName: string; email: string | null } }>(
        200,
        o.caseOfficer,
        'POST',
        '/work/applications/pick-up',
        {},
      ),
      c.expect<App & { owner: { id: string; fullName: string; email: string | null } }>(
        200,
        o.caseOfficer2,
        'POST',
        '/work/applications/pick-up',
        {},
      ),
    ]);
    assert.notEqual(a.reference, b.reference);
    assert.equal(a.owner.id, o.caseOfficer.id);
    assert.equal(b.owner.id, o.caseOfficer2.id);
    assert.deepEqual([a.owner.fullName, a.owner.email], ['work-co', 'work-co@dia.example']);
    assert.equal(a.stage, 'complete-and-correct');
    const mine = await all('/work/applications?owner=me');
    assert.deepEqual(
      mine.map((r) => r.reference),
      [a.reference],
    );
    const taken = await c.expect<{ message: string }>(
      409,
      o.caseOfficer,
      'POST',
      `/applications/${b.reference}/pick-up`,
    );
    assert.match(taken.message, /already picked up by work-co2/);
    const unassigned = await all('/work/applications?owner=unassigned');
    assert.equal(unassigned.length, refs.length - 2);
    assert.equal(
      unassigned.some((r) => r.reference === a.reference || r.reference === b.reference),
      false,
    );
  });

  test("my tasks are the picked-up application's; the validation queue holds others' prepared tasks, never my own", async () => {
    const ref = refs[7] ?? '';
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${ref}/pick-up`);
    const mine = await c.expect<Page<QueuedTask>>(200, o.caseOfficer, 'GET', '/work/tasks?queue=mine&limit=100');
    const tasks = mine.items.filter((x) => x.applicationRef === ref);
    assert.deepEqual(tasks.map((x) => x.kind).sort(), ['identity-exists', 'identity-is-bound', 'identity-is-unique']);
    assert.equal(tasks[0]?.personName, 'Ana Parata');
    const unique = tasks.find((x) => x.kind === 'identity-is-unique');
    assert.ok(unique);
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${unique.id}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'One AMS record (1:1 match).',
    });
    const forValidator = await c.expect<Page<QueuedTask>>(200, o.validator, 'GET', '/work/tasks?queue=validation');
    assert.deepEqual(
      forValidator.items.map((x) => [x.id, x.preparedByName]),
      [[unique.id, 'work-co']],
    );
    const forPreparer = await c.expect<Page<QueuedTask>>(200, o.caseOfficer, 'GET', '/work/tasks?queue=validation');
    assert.deepEqual(forPreparer.items, []);
    await c.expect(200, o.validator, 'POST', `/tasks/${unique.id}/validate`, {});
    const after = await c.expect<Page<QueuedTask>>(200, o.validator, 'GET', '/work/tasks?queue=validation');
    assert.deepEqual(after.items, []);
    const stillMine = await c.expect<Page<QueuedTask>>(200, o.caseOfficer, 'GET', '/work/tasks?queue=mine&limit=100');
    assert.equal(
      stillMine.items.some((x) => x.id === unique.id),
      false,
      'a validated task leaves my work',
    );
  });
});
