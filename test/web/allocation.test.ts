// Work allocation in Debian Chromium: a case officer picks up the next application and the next task from
// "My work" and finds them there; a team leader gives the application to another case officer from its record
// (with a reason), which moves it to that officer's "My work"; a case officer is not offered the reassignment;
// axe on each screen, in English and te reo Māori.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createOfficer, expectAccessible, openBrowser, signedIn, skipConsole } from '../support/browser.ts';

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

before(async () => {
  if (skipConsole) return;
  t = await startTestApp('pglite', { demo: false });
  base = await t.listen();
  browser = await openBrowser();
  const first = await createOfficer(t, 'aroha@dia.example', ['case-officer'], 'Aroha Case');
  await createOfficer(t, 'nikau@dia.example', ['case-officer'], 'Nīkau Case');
  await createOfficer(t, 'tia@dia.example', ['team-leader'], 'Tia Leader');
  refs.push(await submitted(first, 'Older', '2022-01-05'), await submitted(first, 'Newer', '2022-02-05'));
});
after(async () => {
  if (skipConsole) return;
  await browser.close();
  await t.close();
});

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
