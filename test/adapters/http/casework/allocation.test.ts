// Work allocation over HTTP, on both databases: officers picking up at the same moment (real concurrent
// requests to a listening server) are each handed a different application or task, and the queue empties
// with no item handed out twice; a team leader (and only a team leader, checked on the server) gives work to
// another case officer or back to the queue, audited with the reason; "My work" follows the owner; the
// application list pages past any size (it used to stop at the newest 500).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { CaseworkClient, type App, type Officers, type SignedIn, type Task } from './casework-client.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Row {
  reference: string;
  owner: { id: string; fullName: string } | null;
}
interface Held extends App {
  owner: { id: string; fullName: string } | null;
}
interface HeldTask extends Task {
  ownerId: string | null;
  ownerName: string | null;
  applicationId: string;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let leader: SignedIn;
  let third: SignedIn;
  let base: string;

  async function submitted(givenNames: string, submittedOn = '2022-03-01'): Promise<string> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames,
      familyName: 'Allocation',
      dateOfBirth: '1980-05-05',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true, submittedOn });
    return app.reference;
  }

  /** A request over the network, as a browser would send it, so the server runs them at the same time. */
  async function post(
    who: SignedIn,
    path: string,
    body: object = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function all(who: SignedIn, url: string): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const page: Page<Row> = await c.expect<Page<Row>>(
        200,
        who,
        'GET',
        `${url}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  before(async () => {
    t = await startTestApp(kind, { demo: false });
    c = new CaseworkClient(t);
    o = await c.officers('alloc');
    leader = await c.officer('alloc-tl@dia.example', ['team-leader']);
    third = await c.officer('alloc-co3@dia.example', ['case-officer']);
    base = await t.listen();
  });
  after(async () => {
    await t.close();
  });

  test('officers picking up at the same moment are each handed a different application, until none is left', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 6; i++) refs.push(await submitted(`Race${i}`));
    const pickers = [o.caseOfficer, o.caseOfficer2, third, o.caseOfficer, o.caseOfficer2, third, o.caseOfficer];
    const answers = await Promise.all(pickers.map((who) => post(who, '/work/applications/pick-up')));
    const handed = answers.filter((a) => a.status === 200).map((a) => a.body as unknown as Held);
    assert.equal(handed.length, 6, JSON.stringify(answers.map((a) => a.status)));
    assert.deepEqual(
      handed.map((h) => h.reference).sort(),
      [...refs].sort(),
      'each application handed out exactly once',
    );
    const empty = answers.find((a) => a.status !== 200);
    assert.equal(empty?.status, 404);
    assert.equal(empty?.body.code, 'NOTHING_TO_PICK_UP');
    for (const h of handed) assert.equal(h.stage, 'complete-and-correct');
    const mine = [o.caseOfficer, o.caseOfficer2, third].map(
      (who) => handed.filter((h) => h.owner?.id === who.id).length,
    );
    assert.equal(
      mine.reduce((x, y) => x + y, 0),
      6,
    );
    // Each officer's "My work" lists exactly what they were handed.
    for (const who of [o.caseOfficer, o.caseOfficer2, third]) {
      const listed = (await all(who, '/work/applications?owner=me')).map((r) => r.reference).sort();
      assert.deepEqual(
        listed,
        handed
          .filter((h) => h.owner?.id === who.id)
          .map((h) => h.reference)
          .sort(),
      );
    }
  });

  test('officers picking up tasks at the same moment are each handed a different task nobody held', async () => {
    const ref = await submitted('Tasks');
    const before = await c.expect<HeldTask[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    assert.deepEqual(
      before.map((x) => x.ownerId),
      [null, null, null],
    );
    const answers = await Promise.all(
      [o.caseOfficer, o.caseOfficer2, third, o.caseOfficer].map((who) => post(who, '/work/tasks/pick-up')),
    );
    const handed = answers.filter((a) => a.status === 200).map((a) => a.body as unknown as HeldTask);
    assert.equal(handed.length, 3);
    assert.deepEqual(handed.map((h) => h.id).sort(), before.map((x) => x.id).sort());
    assert.equal(answers.filter((a) => a.status === 404).length, 1);
    for (const who of [o.caseOfficer, o.caseOfficer2, third]) {
      const mine = await c.expect<Page<HeldTask>>(200, who, 'GET', '/work/tasks?queue=mine&limit=100');
      const theirs = handed.filter((h) => h.ownerId === who.id).map((h) => h.id);
      assert.deepEqual(
        mine.items
          .map((x) => x.id)
          .filter((id) => before.some((b) => b.id === id))
          .sort(),
        theirs.sort(),
      );
    }
    // A validating officer does not prepare tasks, so does not pick them up.
    const refused = await c.expect<{ code: string; message: string }>(403, o.validator, 'POST', '/work/tasks/pick-up');
    assert.equal(refused.code, 'ROLE_NOT_PERMITTED');
  });

  test('a team leader gives an application and its unfinished tasks to another case officer, audited with the reason', async () => {
    // Submitted earliest of all, so when it goes back to the queue it is the next one handed out.
    const ref = await submitted('Reassign', '2021-06-01');
    const held = await c.expect<Held>(200, o.caseOfficer, 'POST', `/applications/${ref}/pick-up`);
    assert.equal(held.owner?.id, o.caseOfficer.id);
    // The server checks the role: a case officer (even the holder) and an administrator are refused.
    for (const who of [o.caseOfficer, o.admin, o.validator]) {
      const refused = await c.expect<{ code: string; message: string }>(
        403,
        who,
        'POST',
        `/applications/${ref}/reassign`,
        { officerId: o.caseOfficer2.id, reason: 'leave' },
      );
      assert.equal(refused.code, 'ROLE_NOT_PERMITTED');
      assert.match(refused.message, /give work to another officer \(needs the role: team leader\)/);
    }
    // Only an active case officer can be given casework; the field is named.
    const notHolder = await c.expect<{ problems: { field: string; message: string }[] }>(
      400,
      leader,
      'POST',
      `/applications/${ref}/reassign`,
      { officerId: o.validator.id, reason: 'leave' },
    );
    assert.deepEqual(
      notHolder.problems.map((p) => p.field),
      ['officerId'],
    );
    assert.match(notHolder.problems[0]?.message ?? '', /does not hold the case officer role/);
    const unknown = await c.expect<{ problems: { field: string }[] }>(
      400,
      leader,
      'POST',
      `/applications/${ref}/reassign`,
      { officerId: 'no-such-officer', reason: 'leave' },
    );
    assert.deepEqual(
      unknown.problems.map((p) => p.field),
      ['officerId'],
    );
    const noReason = await c.expect<{ problems: { field: string }[] }>(
      400,
      leader,
      'POST',
      `/applications/${ref}/reassign`,
      { officerId: o.caseOfficer2.id, reason: '   ' },
    );
    assert.deepEqual(
      noReason.problems.map((p) => p.field),
      ['reason'],
    );

    const holders = await c.expect<{ id: string; fullName: string }[]>(200, leader, 'GET', '/work/holders');
    assert.deepEqual(
      holders.map((h) => h.fullName),
      ['alloc-co', 'alloc-co2', 'alloc-co3'],
    );

    const moved = await c.expect<Held>(200, leader, 'POST', `/applications/${ref}/reassign`, {
      officerId: o.caseOfficer2.id,
      reason: 'Mere is on leave this week',
    });
    assert.equal(moved.owner?.fullName, 'alloc-co2');
    const tasks = await c.expect<HeldTask[]>(200, o.caseOfficer2, 'GET', `/applications/${ref}/tasks`);
    assert.deepEqual(
      tasks.map((x) => x.ownerName),
      ['alloc-co2', 'alloc-co2', 'alloc-co2'],
    );
    assert.equal(
      (await all(o.caseOfficer, '/work/applications?owner=me')).some((r) => r.reference === ref),
      false,
      "it left the first officer's work",
    );
    assert.equal(
      (await all(o.caseOfficer2, '/work/applications?owner=me')).some((r) => r.reference === ref),
      true,
      "it is in the second officer's work",
    );
    const again = await c.expect<{ code: string }>(409, leader, 'POST', `/applications/${ref}/reassign`, {
      officerId: o.caseOfficer2.id,
      reason: 'again',
    });
    assert.equal(again.code, 'ALREADY_HELD');

    const trail = await c.expect<
      {
        action: string;
        actorName: string;
        before: unknown;
        after: { owner: string | null; reason: string; tasksMoved: number };
      }[]
    >(200, o.expert, 'GET', `/applications/${ref}/audit`);
    const entry = trail.find((e) => e.action === 'application.reassign');
    assert.equal(entry?.actorName, 'alloc-tl');
    assert.deepEqual(entry?.before, { owner: o.caseOfficer.id });
    assert.deepEqual(entry?.after, { owner: o.caseOfficer2.id, tasksMoved: 3, reason: 'Mere is on leave this week' });

    // Back to the queue: it waits unassigned, and the next pick-up hands it out.
    const released = await c.expect<Held>(200, leader, 'POST', `/applications/${ref}/reassign`, {
      officerId: null,
      reason: 'back to the pool',
    });
    assert.equal(released.owner, null);
    assert.equal(
      (await all(o.caseOfficer, '/work/applications?owner=unassigned')).some((r) => r.reference === ref),
      true,
    );
    const next = await c.expect<Held>(200, third, 'POST', '/work/applications/pick-up', {});
    assert.equal(next.reference, ref);
  });

  test('a team leader gives one task to another case officer; a validated task is finished and stays', async () => {
    const ref = await submitted('OneTask');
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${ref}/pick-up`);
    const tasks = await c.expect<HeldTask[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    const [first, second] = tasks;
    assert.ok(first && second);
    await c.expect(403, o.caseOfficer, 'POST', `/tasks/${first.id}/reassign`, { officerId: third.id, reason: 'x' });
    const moved = await c.expect<HeldTask>(200, leader, 'POST', `/tasks/${first.id}/reassign`, {
      officerId: third.id,
      reason: 'Third knows this family',
    });
    assert.equal(moved.ownerName, 'alloc-co3');
    const thirds = await c.expect<Page<HeldTask>>(200, third, 'GET', '/work/tasks?queue=mine&limit=100');
    assert.equal(
      thirds.items.some((x) => x.id === first.id),
      true,
    );
    // Moving the application moves what went with it; the task the third officer was given stays theirs.
    await c.expect(200, leader, 'POST', `/applications/${ref}/reassign`, {
      officerId: o.caseOfficer2.id,
      reason: 'rebalancing',
    });
    const after = await c.expect<HeldTask[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    assert.equal(after.find((x) => x.id === first.id)?.ownerName, 'alloc-co3');
    assert.equal(after.find((x) => x.id === second.id)?.ownerName, 'alloc-co2');
    await c.expect(200, o.caseOfficer2, 'POST', `/tasks/${second.id}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'One AMS record.',
    });
    await c.expect(200, o.validator, 'POST', `/tasks/${second.id}/validate`, {});
    const finished = await c.expect<{ code: string }>(409, leader, 'POST', `/tasks/${second.id}/reassign`, {
      officerId: third.id,
      reason: 'x',
    });
    assert.equal(finished.code, 'TASK_FINISHED');
    const trail = await c.expect<{ action: string; entityId: string; after: { reason?: string } }[]>(
      200,
      o.expert,
      'GET',
      `/applications/${ref}/audit`,
    );
    assert.equal(trail.find((e) => e.action === 'task.reassign')?.after.reason, 'Third knows this family');
  });

  test('the application list pages past any size: 520 applications, each listed once (it used to stop at 500)', async () => {
    const officer = { officerId: o.caseOfficer.id, roles: ['case-officer' as const] };
    const before = (await all(o.caseOfficer, '/applications')).length;
    for (let i = 0; i < 520; i++)
      await t.services.casework.applications.create(officer, { applicationType: 'CBG Adult' });
    const listed = await all(o.caseOfficer, '/applications');
    assert.equal(listed.length, before + 520);
    assert.equal(new Set(listed.map((r) => r.reference)).size, listed.length);
    const first = await c.expect<Page<Row>>(200, o.caseOfficer, 'GET', '/applications');
    assert.equal(first.items.length, 25);
    assert.ok(first.nextCursor);
    const drafts = await all(o.caseOfficer, '/applications?stage=draft');
    assert.equal(drafts.length, 520);
  });
});
