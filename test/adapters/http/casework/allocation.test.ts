// Work allocation over HTTP, on both databases: officers picking up at the same moment (real concurrent
// requests to a listening server) are each handed a different application or task, and the queue empties
// with no item handed out twice; a team leader (and only a team leader, checked on the server) gives work to
// another case officer or back to the queue, audited with the reason; "My work" follows the owner; the
// application list pages past any size (it used to stop at the newest 500). Validation is allocated too:
// validators picking at once are each handed a different prepared task, never one they prepared (four-eyes), and
// it is theirs to validate; a team leader sees another officer's work and moves a validation.
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
  applicationRef?: string;
  preparedBy: string | null;
  validatorId: string | null;
  validatorName: string | null;
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
    await c.refused('ROLE_NOT_PERMITTED', o.caseOfficer, 'POST', `/tasks/${first.id}/reassign`, {
      officerId: third.id,
      reason: 'x',
    });
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

  test('validators picking at once are each handed a different prepared task, never their own; it is theirs to validate', async () => {
    const both = await c.officer('alloc-both@dia.example', ['case-officer', 'validating-officer']);
    const ref1 = await submitted('Validate');
    const ref2 = await submitted('Validate');
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${ref1}/pick-up`);
    await c.expect(200, both, 'POST', `/applications/${ref2}/pick-up`);
    const prepared = new Map<string, string>();
    for (const [ref, who] of [
      [ref1, o.caseOfficer],
      [ref2, both],
    ] as const) {
      for (const task of await c.expect<HeldTask[]>(200, who, 'GET', `/applications/${ref}/tasks`)) {
        if (task.kind === 'identity-is-bound') continue;
        await c.expect(200, who, 'POST', `/tasks/${task.id}/prepare`, {
          outcome: 'pass',
          criteria: ['inz-match'],
          comments: 'Checked against the records.',
        });
        prepared.set(task.id, who.id);
      }
    }
    assert.equal(prepared.size, 4);
    // Before anyone picks them up, each is in the validation queue of every validator but its preparer.
    const queueOf = async (who: SignedIn) =>
      (await c.expect<Page<HeldTask>>(200, who, 'GET', '/work/tasks?queue=validation&limit=100')).items.map(
        (x) => x.id,
      );
    assert.deepEqual(
      (await queueOf(both)).filter((id) => prepared.has(id)).sort(),
      [...prepared.keys()].filter((id) => prepared.get(id) !== both.id).sort(),
    );

    const pickers = [o.validator, o.validator2, both, o.validator, o.validator2, both, o.validator, o.validator2];
    const answers = await Promise.all(pickers.map((who) => post(who, '/work/validation/pick-up')));
    const handed = answers
      .map((a, i) => ({ status: a.status, task: a.body as unknown as HeldTask, by: pickers[i]?.id }))
      .filter((a) => a.status === 200);
    const ids = handed.map((h) => h.task.id);
    assert.equal(new Set(ids).size, ids.length, 'no task handed out twice');
    for (const id of prepared.keys()) assert.ok(ids.includes(id), 'every prepared task was handed out');
    for (const h of handed) {
      assert.equal(h.task.validatorId, h.by, 'handed to the officer who asked');
      assert.notEqual(h.task.preparedBy, h.by, 'never to the officer who prepared it');
    }
    const none = answers.filter((a) => a.status !== 200);
    assert.ok(none.length > 0);
    for (const a of none) assert.deepEqual([a.status, a.body.code], [404, 'NO_TASK_TO_VALIDATE']);

    // Each validator's "My work" lists the tasks they picked up to validate; the queue no longer offers them.
    for (const who of [o.validator, o.validator2, both]) {
      const mine = await c.expect<Page<HeldTask>>(200, who, 'GET', '/work/tasks?queue=mine&limit=100');
      const picked = handed.filter((h) => h.by === who.id).map((h) => h.task.id);
      for (const id of picked) assert.ok(mine.items.some((x) => x.id === id && x.state === 'prepared'));
      const queue = await queueOf(who);
      for (const h of handed) if (h.by !== who.id) assert.equal(queue.includes(h.task.id), false);
    }
    // The case officer's "My work" shows both: the tasks held to prepare and (for an officer with both roles)
    // the tasks picked up to validate.
    const bothMine = (await c.expect<Page<HeldTask>>(200, both, 'GET', '/work/tasks?queue=mine&limit=100')).items;
    assert.ok(
      bothMine.some((x) => x.ownerId === both.id && x.kind === 'identity-is-bound'),
      'held to prepare',
    );
    assert.deepEqual(
      bothMine
        .filter((x) => x.validatorId === both.id)
        .map((x) => x.id)
        .sort(),
      handed
        .filter((h) => h.by === both.id)
        .map((h) => h.task.id)
        .sort(),
      'picked up to validate',
    );

    // Another validator cannot validate or return a task someone picked up; the holder validates it.
    const first = handed[0];
    assert.ok(first);
    const other = [o.validator, o.validator2, both].find((v) => v.id !== first.by && v.id !== first.task.preparedBy);
    assert.ok(other);
    const held = await c.expect<{ code: string; message: string }>(
      409,
      other,
      'POST',
      `/tasks/${first.task.id}/validate`,
      {},
    );
    assert.equal(held.code, 'HELD_FOR_VALIDATION');
    assert.match(held.message, /has picked this task up to validate it/);
    const holder = [o.validator, o.validator2, both].find((v) => v.id === first.by);
    assert.ok(holder);
    const validated = await c.expect<HeldTask>(200, holder, 'POST', `/tasks/${first.task.id}/validate`, {});
    assert.equal(validated.state, 'validated');
    assert.equal(validated.validatedBy, first.by);

    // A returned task goes back to its preparer, and when prepared again waits in the queue for any validator.
    const second = handed[1];
    assert.ok(second);
    const secondHolder = [o.validator, o.validator2, both].find((v) => v.id === second.by);
    const preparer = [o.caseOfficer, both].find((v) => v.id === second.task.preparedBy);
    assert.ok(secondHolder && preparer);
    const returned = await c.expect<HeldTask>(200, secondHolder, 'POST', `/tasks/${second.task.id}/return`, {
      reason: 'Name the records you checked.',
    });
    assert.deepEqual([returned.state, returned.validatorId], ['returned', null]);
    const trail = await c.expect<{ action: string; entityId: string; after: { validator?: string } }[]>(
      200,
      o.expert,
      'GET',
      `/applications/${ref1}/audit`,
    );
    assert.ok(trail.some((e) => e.action === 'task.pick-up-validation' && e.after.validator !== undefined));
  });

  test("a team leader sees another officer's work and gives a validation to another validator (never the preparer)", async () => {
    const ref = await submitted('Leader');
    await c.expect(200, third, 'POST', `/applications/${ref}/pick-up`);
    // The list's owner filter names another officer: the team leader's view of third's work.
    const theirs = await all(leader, `/work/applications?owner=${third.id}`);
    assert.ok(theirs.some((r) => r.reference === ref));
    assert.ok(theirs.every((r) => r.owner?.id === third.id));
    const theirTasks = await c.expect<Page<HeldTask>>(
      200,
      leader,
      'GET',
      `/work/tasks?queue=mine&officerId=${third.id}&limit=100`,
    );
    assert.equal(theirTasks.items.filter((x) => x.applicationRef === ref).length, 3);
    // Only a team leader reads another officer's work (checked on the server).
    for (const path of [`/work/applications?owner=${third.id}`, `/work/tasks?queue=mine&officerId=${third.id}`]) {
      const refused = await c.expect<{ code: string }>(403, o.caseOfficer, 'GET', path);
      assert.equal(refused.code, 'ROLE_NOT_PERMITTED');
    }
    // An officer naming themselves is reading their own work.
    await c.expect(200, third, 'GET', `/work/applications?owner=${third.id}`);

    const unique = (await c.expect<HeldTask[]>(200, third, 'GET', `/applications/${ref}/tasks`)).find(
      (x) => x.kind === 'identity-is-unique',
    );
    assert.ok(unique);
    await c.expect(409, leader, 'POST', `/tasks/${unique.id}/reassign-validation`, {
      officerId: o.validator.id,
      reason: 'not prepared yet',
    });
    await c.expect(200, third, 'POST', `/tasks/${unique.id}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'One AMS record.',
    });
    const validators = await c.expect<{ id: string; fullName: string }[]>(
      200,
      leader,
      'GET',
      '/work/holders?role=validating-officer',
    );
    assert.ok(validators.some((v) => v.id === o.validator2.id));
    assert.equal(
      validators.some((v) => v.id === third.id),
      false,
    );
    const notValidator = await c.expect<{ problems: { field: string; message: string }[] }>(
      400,
      leader,
      'POST',
      `/tasks/${unique.id}/reassign-validation`,
      { officerId: third.id, reason: 'x' },
    );
    assert.deepEqual(
      notValidator.problems.map((p) => p.field),
      ['officerId'],
    );
    await c.refused('ROLE_NOT_PERMITTED', o.validator, 'POST', `/tasks/${unique.id}/reassign-validation`, {
      officerId: o.validator.id,
      reason: 'mine',
    });
    const given = await c.expect<HeldTask>(200, leader, 'POST', `/tasks/${unique.id}/reassign-validation`, {
      officerId: o.validator2.id,
      reason: 'Vai is on leave',
    });
    assert.equal(given.validatorName, 'alloc-vo2');
    const mine = await c.expect<Page<HeldTask>>(200, o.validator2, 'GET', '/work/tasks?queue=mine&limit=100');
    assert.ok(mine.items.some((x) => x.id === unique.id));
    const refused = await c.expect<{ code: string }>(409, o.validator, 'POST', `/tasks/${unique.id}/validate`, {});
    assert.equal(refused.code, 'HELD_FOR_VALIDATION');
    const trail = await c.expect<{ action: string; after: { validator?: string; reason?: string } }[]>(
      200,
      o.expert,
      'GET',
      `/applications/${ref}/audit`,
    );
    assert.deepEqual(trail.find((e) => e.action === 'task.reassign-validation')?.after, {
      validator: o.validator2.id,
      reason: 'Vai is on leave',
    });
    await c.expect(200, o.validator2, 'POST', `/tasks/${unique.id}/validate`, {});
  });

  test('the task queues page by keyset past the page size, with no task twice and none missed', async () => {
    for (let i = 0; i < 10; i++)
      await c.expect(200, o.caseOfficer2, 'POST', `/applications/${await submitted(`Page${i}`)}/pick-up`);
    const expected = (
      await c.expect<Page<HeldTask>>(200, o.caseOfficer2, 'GET', '/work/tasks?queue=mine&limit=100')
    ).items.map((x) => x.id);
    assert.ok(expected.length >= 30);
    for (const sort of ['oldest', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<HeldTask> = await c.expect<Page<HeldTask>>(
          200,
          o.caseOfficer2,
          'GET',
          `/work/tasks?queue=mine&sort=${sort}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        assert.ok(page.items.length <= 7);
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, `${sort}: no task twice`);
      assert.deepEqual([...seen].sort(), [...expected].sort(), `${sort}: none missed`);
    }
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
