// The liveness assessment on "Identity is bound" in Debian Chromium (BR-11, BR-15): the case officer names the
// completed check and the recordings watched, records Satisfactory or Not satisfactory, and prepares the task; the
// recorded assessment shows with the check one click away (BR-16). A check the person completed while the officer
// had the application open is offered without a reload (the form used to show the cached Active list, and the
// field never appeared); a failed check (three attempt sets with real frames) is assessed not satisfactory. Axe,
// 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow } from '../support/screens.ts';
import type { Actor } from '../../src/app/casework/actor.ts';
import { attemptSetWithoutNod, realAttempt } from '../adapters/http/liveness/support.ts';
import { missingImages } from '../adapters/face/fixtures.ts';

let t: TestApp;
let base: string;
let browser: Browser;
let officer: Actor;

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    officer = {
      officerId: await createOfficer(t, 'lia@dia.example', ['case-officer'], 'Lia Liveness'),
      roles: ['case-officer'],
    };
  },
  () => ({ demo: false }),
);

/** A submitted adult application whose applicant has a liveness check Completed through its link. */
async function withCompletedCheck(
  givenNames: string,
  complete = true,
): Promise<{ reference: string; taskId: string; linkId: string; token: string }> {
  const cw = t.services.casework;
  const app = await cw.applications.create(officer, { applicationType: 'CBG Adult' });
  await cw.applications.addPerson(officer, app.reference, {
    relationship: 'applicant',
    givenNames,
    familyName: 'Assessment',
    dateOfBirth: '1984-04-04',
    email: `${givenNames.toLowerCase()}@example.org`,
  });
  await cw.applications.submit(officer, app.reference, { paid: true, submittedOn: '2022-03-01' });
  await cw.allocation.pickUp(officer, app.reference);
  const person = (await cw.applications.get(officer, app.reference)).people[0];
  assert.ok(person);
  const link = await cw.links.create(officer, app.reference, { personId: person.id, relationship: 'Adult' });
  const token = randomBytes(32).toString('base64url');
  await cw.links.markSentForDemo(link.id, t.services.clock.now(), token);
  if (complete) await cw.links.completeByToken(token);
  const bound = (await cw.tasks.forApplication(officer, app.reference)).find((x) => x.kind === 'identity-is-bound');
  assert.ok(bound);
  return { reference: app.reference, taskId: bound.id, linkId: link.id, token };
}

async function assess(page: Page, result: 'Satisfactory' | 'Not satisfactory'): Promise<void> {
  const check = page.getByLabel('Liveness check assessed');
  await check.waitFor({ timeout: 15_000 });
  await check.selectOption({ index: 1 });
  await page.getByRole('radio', { name: 'Pass' }).check({ force: true });
  await page.getByRole('radio', { name: result, exact: true }).check({ force: true });
  await page.getByRole('checkbox', { name: 'Liveness check', exact: true }).check({ force: true });
  await page.getByRole('checkbox', { name: 'Shake' }).check({ force: true });
  await page.getByLabel('Comments').fill("Watched 'shake' recording.");
}

test(
  'the officer records a satisfactory liveness assessment naming the check; the record shows it one click from the check',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const { reference, taskId } = await withCompletedCheck('Satu');
    const lia = await signedIn(browser, base, 'lia@dia.example');
    await lia.goto(`/applications/${reference}/tasks/${taskId}`);
    await lia.getByRole('heading', { level: 1, name: /Identity is bound/ }).waitFor();
    await assess(lia, 'Satisfactory');
    await expectAccessible(lia, 'liveness assessment form');
    await expectFitsNarrow(lia, 'liveness assessment form');
    await lia.getByRole('button', { name: 'Prepare' }).click();
    await lia.getByText('The task is prepared. Another officer validates it.').waitFor();
    const recorded = lia.getByRole('definition').filter({ hasText: 'Satisfactory' });
    assert.match(await recorded.innerText(), /Satisfactory · Recordings watched:\s*Shake/);
    await lia.getByRole('button', { name: 'Open the recordings of this check' }).waitFor();
    const task = await t.services.casework.tasks.get(officer, taskId);
    assert.equal(task.livenessAssessment?.result, 'satisfactory');
    assert.deepEqual(task.livenessAssessment?.recordings, ['shake']);
    await lia.context().close();
  },
);

test(
  'the check completed while the officer had the application open: the task form offers it without a reload',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const { reference, taskId, linkId, token } = await withCompletedCheck('Kore', false);
    const lia = await signedIn(browser, base, 'lia@dia.example');
    // The officer reads the documents (the link is Active there), then the person finishes the check.
    await lia.goto(`/applications/${reference}/documents`);
    await lia.getByRole('region', { name: 'Liveness check', exact: true }).getByText('Active').waitFor();
    await t.services.casework.links.completeByToken(token);
    await lia.getByRole('tab', { name: 'Confirm identity' }).click();
    await lia.getByRole('link', { name: 'Identity is bound of Kore Assessment' }).click();
    await lia.waitForURL(new RegExp(`/tasks/${taskId}$`));
    await assess(lia, 'Not satisfactory');
    await lia.getByRole('radio', { name: 'Fail' }).check({ force: true });
    await lia.getByRole('button', { name: 'Prepare' }).click();
    await lia.getByText('The task is prepared. Another officer validates it.').waitFor();
    const task = await t.services.casework.tasks.get(officer, taskId);
    assert.deepEqual([task.livenessAssessment?.result, task.livenessAssessment?.linkId], ['not-satisfactory', linkId]);
    await lia.context().close();
  },
);

test(
  'a failed liveness check (three attempt sets, the nod never seen) is assessed not satisfactory from the form',
  { skip: skipConsole ?? missingImages(), timeout: 300_000 },
  async () => {
    const cw = t.services.casework;
    const app = await cw.applications.create(officer, { applicationType: 'CBG Adult' });
    await cw.applications.addPerson(officer, app.reference, {
      relationship: 'applicant',
      givenNames: 'Hine',
      familyName: 'Assessment',
      dateOfBirth: '1984-04-04',
      email: 'hine@example.org',
    });
    await cw.applications.submit(officer, app.reference, { paid: true, submittedOn: '2022-03-01' });
    const person = (await cw.applications.get(officer, app.reference)).people[0];
    assert.ok(person);
    const attempt = await realAttempt();
    await cw.applications.uploadDocument(officer, app.reference, {
      kind: 'passport-style-image',
      personId: person.id,
      fileName: 'Passport_Photo.jpg',
      content: attempt.application,
    });
    const link = await cw.links.create(officer, app.reference, { personId: person.id, relationship: 'Adult' });
    const token = randomBytes(32).toString('base64url');
    await cw.links.markSentForDemo(link.id, t.services.clock.now(), token);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await attemptSetWithoutNod(t, token));
    const done = await cw.links.get(officer, link.id);
    assert.equal(done.status, 'Completed', JSON.stringify(results));
    const bound = (await cw.tasks.forApplication(officer, app.reference)).find((x) => x.kind === 'identity-is-bound');
    assert.ok(bound);

    const lia = await signedIn(browser, base, 'lia@dia.example');
    // The officer reads the application first (the link list is fetched then), then opens the task.
    await lia.goto(`/applications/${app.reference}`);
    await lia.getByRole('heading', { level: 1 }).first().waitFor();
    await lia.goto(`/applications/${app.reference}/tasks/${bound.id}`);
    await assess(lia, 'Not satisfactory');
    await lia.getByRole('radio', { name: 'Fail' }).check({ force: true });
    await lia.getByRole('button', { name: 'Prepare' }).click();
    await lia.getByText('The task is prepared. Another officer validates it.').waitFor();
    const task = await cw.tasks.get(officer, bound.id);
    assert.deepEqual([task.livenessAssessment?.result, task.livenessAssessment?.linkId], ['not-satisfactory', link.id]);
    await lia.context().close();
  },
);
