// Work allocation in Debian Chromium: a case officer picks up the next application and the next task from
// "My work" and finds them there; a team leader gives the application to another case officer from its record
// (with a reason), which moves it to that officer's "My work"; a case officer is not offered the reassignment;
// axe on each screen, in English and te reo Māori. A validating officer picks up the next task to validate from the
// validation queue and finds it in "My work" as theirs to validate; a team leader looks at that officer's work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';

let t: TestApp;
let base: string;
let browser: Browser;
const refs: string[] = [];

async function submitted(officerId: string, givenNames: string, submittedOn: string): Promise<string> {
  const actor = { officerId, roles: ['case-officer' as const] };
  const cw = t.services.casework.applications;
  const app = await cw.create(actor, { applicationType: 'CBG Adult' });
  await cw.addPerson(actor, app.reference, {
    relationship: 'applicant',
    givenNames,
    familyName: 'Tūhoe',
    dateOfBirth: '1984-02-02',
  });
  await cw.submit(actor, app.reference, { paid: true, submittedOn });
  return app.reference;
}

async function myApplications(page: Page): Promise<string[]> {
  await page.goto('/work');
  const region = page.getByRole('region', { name: 'My applications', exact: true });
  await region.or(page.getByText('No applications to show.')).first().waitFor();
  return region.locator('tbody tr td:first-child').allTextContents();
}

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    const first = await createOfficer(t, 'aroha@dia.example', ['case-officer'], 'Aroha Case');
    await createOfficer(t, 'nikau@dia.example', ['case-officer'], 'Nīkau Case');
    await createOfficer(t, 'tia@dia.example', ['team-leader'], 'Tia Leader');
    await createOfficer(t, 'vai@dia.example', ['validating-officer'], 'Vai Validator');
    refs.push(await submitted(first, 'Older', '2022-01-05'), await submitted(first, 'Newer', '2022-02-05'));
  },
  () => ({ demo: false }),
);

test(
  'pick up the next application and task from My work; a team leader reassigns on the record',
  { skip: skipConsole },
  async () => {
    const aroha = await signedIn(browser, base, 'aroha@dia.example');
    await aroha.goto('/work');
    await expectAccessible(aroha, 'my work');
    await aroha.getByRole('button', { name: 'Pick up the next application' }).click();
    await aroha.waitForURL(`**/applications/${refs[0]}`);
    await aroha.getByText('Aroha Case').first().waitFor();
    assert.equal(
      await aroha.getByRole('heading', { name: 'Give this work to someone else' }).count(),
      0,
      'a case officer is not offered reassignment',
    );
    assert.deepEqual(await myApplications(aroha), [refs[0]]);
    // The second application's tasks wait unheld; the next task opens in its form.
    await aroha.getByRole('button', { name: 'Pick up the next task' }).click();
    await aroha.waitForURL(new RegExp(`/applications/${refs[1]}/tasks/`));
    await aroha.goto('/work');
    await aroha.getByRole('region', { name: 'My tasks', exact: true }).locator('tbody tr').first().waitFor();
    assert.ok((await aroha.getByRole('region', { name: 'My tasks', exact: true }).locator('tbody tr').count()) >= 4);

    const tia = await signedIn(browser, base, 'tia@dia.example');
    await tia.goto(`/applications/${refs[0]}`);
    await tia.getByRole('heading', { name: 'Give this work to someone else' }).waitFor();
    await expectAccessible(tia, 'application record with reassignment');
    await tia.getByRole('button', { name: /Give to/ }).click();
    await tia.getByRole('option', { name: 'Nīkau Case' }).click();
    await tia.getByLabel('Reason').fill('Aroha is on leave this week');
    await tia.getByRole('button', { name: 'Reassign' }).click();
    await tia.getByRole('status').filter({ hasText: 'now belong to Nīkau Case' }).waitFor();
    await tia.locator('.record-header').getByText('Nīkau Case').waitFor();
    await tia.context().close();

    const nikau = await signedIn(browser, base, 'nikau@dia.example');
    assert.deepEqual(await myApplications(nikau), [refs[0]]);
    await nikau.context().close();
    assert.deepEqual(await myApplications(aroha), []);
    await aroha.context().close();

    const tiaMi = await signedIn(browser, base, 'tia@dia.example', 'mi');
    await tiaMi.goto(`/applications/${refs[0]}`);
    await tiaMi.getByRole('heading', { name: 'Hoatu tēnei mahi ki tētahi atu' }).waitFor();
    await expectAccessible(tiaMi, 'application record with reassignment (te reo Māori)');
    await tiaMi.context().close();
  },
);

test(
  "a validator picks up the next task to validate; a team leader sees that officer's work",
  { skip: skipConsole },
  async () => {
    // Aroha prepares "Identity is unique" on the second application (hers since she picked up its tasks).
    const aroha = (await t.services.casework.officers.signIn('aroha@dia.example', 'correct horse battery staple'))
      .officer;
    const actor = { officerId: aroha.id, roles: ['case-officer' as const] };
    const unique = (await t.services.casework.tasks.forApplication(actor, refs[1] ?? '')).find(
      (x) => x.kind === 'identity-is-unique',
    );
    assert.ok(unique);
    await t.services.casework.tasks.command(actor, unique.id, {
      action: 'prepare',
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'One AMS record.',
    });

    const vai = await signedIn(browser, base, 'vai@dia.example');
    await vai.goto('/queues/validation');
    await vai.getByRole('region', { name: 'Awaiting validation', exact: true }).locator('tbody tr').first().waitFor();
    await expectAccessible(vai, 'validation queue with pick-up');
    await vai.getByRole('button', { name: 'Pick up the next task to validate' }).click();
    await vai.waitForURL(new RegExp(`/applications/${refs[1]}/tasks/${unique.id}$`));
    await vai.getByRole('heading', { level: 1, name: /Identity is unique/ }).waitFor();
    await vai.goto('/work');
    const mine = vai.getByRole('region', { name: 'My tasks', exact: true });
    await mine.locator('tbody tr').first().waitFor();
    const rows = await mine
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
      );
    assert.deepEqual(
      rows.map((r) => [r[0], r[2], r[3], r[4]]),
      [['Identity is unique', refs[1], 'Prepared', 'Validate']],
    );
    await expectAccessible(vai, 'my work of a validator');
    // Nothing else is waiting: the next pick-up says so in plain words.
    await vai.getByRole('button', { name: 'Pick up the next task to validate' }).click();
    await vai.getByText('There is no prepared task waiting for your validation.').waitFor();
    await vai.context().close();

    const tia = await signedIn(browser, base, 'tia@dia.example');
    await tia.goto('/work');
    await tia.getByRole('button', { name: /Whose work/ }).click();
    await tia.getByRole('option', { name: 'Vai Validator' }).click();
    await tia.getByRole('heading', { level: 1, name: 'Work of Vai Validator' }).waitFor();
    const theirs = tia.getByRole('region', { name: 'My tasks · Vai Validator', exact: true });
    await theirs.locator('tbody tr').first().waitFor();
    assert.equal(await theirs.locator('tbody tr').count(), 1);
    await expectAccessible(tia, "a team leader's view of another officer's work");
    await tia.context().close();
  },
);
