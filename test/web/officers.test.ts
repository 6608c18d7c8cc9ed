// Officer administration in Debian Chromium: an administrator creates an officer, changes another officer's
// role, and that officer's next action (in their own browser context, page still open) is refused in words;
// deactivating ends the officer's session. Keyboard, 320 px, axe in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow } from '../support/screens.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    await createOfficer(t, 'ada@dia.example', ['administrator'], 'Ada Admin');
    await createOfficer(t, 'ben@dia.example', ['administrator'], 'Ben Second');
    await createOfficer(t, 'cat@dia.example', ['case-officer'], 'Cat Case');
  },
  () => ({ demo: false }),
);

test('an administrator creates an officer who can then sign in', { skip: skipConsole }, async () => {
  const page = await signedIn(browser, base, 'ada@dia.example');
  await page.goto('/admin/officers');
  await page.getByRole('heading', { name: 'Officers', level: 1 }).waitFor();
  await page.getByText('Cat Case').first().waitFor();
  await expectAccessible(page, 'officers');
  await expectFitsNarrow(page, 'officers');
  const form = page.getByRole('region', { name: 'New officer' });
  await form.getByLabel('Full name').fill('Dee New');
  await form.getByLabel('Email').fill('dee@dia.example');
  await form.getByLabel('First password').fill('a long first password');
  await form.locator('label').filter({ hasText: 'Validating officer' }).click();
  assert.ok(await form.getByRole('checkbox', { name: 'Validating officer' }).isChecked());
  await form.getByRole('button', { name: 'Create officer' }).click();
  await page.getByText('Dee New can now sign in.').waitFor();
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'dee@dia.example', password: 'a long first password' },
  });
  assert.equal(signIn.statusCode, 200);
  assert.deepEqual(signIn.json<{ officer: { roles: string[] } }>().officer.roles.sort(), [
    'case-officer',
    'validating-officer',
  ]);
  await page.context().close();
});

test("a changed role refuses the officer's next action in their own browser", { skip: skipConsole }, async () => {
  const ben = await signedIn(browser, base, 'ben@dia.example');
  await ben.goto('/admin/officers');
  await ben.getByText('Cat Case').first().waitFor();

  const ada = await signedIn(browser, base, 'ada@dia.example');
  await ada.goto('/admin/officers');
  const benRoles = ada.getByRole('group', { name: 'Roles of Ben Second' });
  await benRoles.locator('label').filter({ hasText: 'Administrator' }).click();
  await benRoles.locator('label').filter({ hasText: 'Case officer' }).click();
  assert.equal(await benRoles.getByRole('checkbox', { name: 'Administrator' }).isChecked(), false);
  await ada.getByRole('button', { name: 'Save roles of Ben Second' }).click();
  await ada.getByText('The roles of Ben Second are saved.').waitFor();

  // Ben, whose page still shows the administration screen, tries to deactivate Cat: the server refuses.
  await ben.getByRole('button', { name: 'Deactivate Cat Case' }).click();
  const refusal = ben.getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Your role does not allow you to/);
  const cat = await t.services.casework.officers.signIn('cat@dia.example', 'correct horse battery staple');
  assert.ok(cat.token, 'Cat is still active');
  await ben.context().close();
  await ada.context().close();
});

test(
  'deactivating an officer ends their session; in te reo Māori the screen passes axe',
  { skip: skipConsole },
  async () => {
    const cat = await signedIn(browser, base, 'cat@dia.example');
    const ada = await signedIn(browser, base, 'ada@dia.example', 'mi');
    await ada.goto('/admin/officers');
    await ada.getByRole('heading', { name: 'Ngā āpiha', level: 1 }).waitFor();
    await expectAccessible(ada, 'officers (mi)');
    const deactivate = ada.getByRole('button', { name: 'Whakakore i a Cat Case' });
    await deactivate.focus();
    await ada.keyboard.press('Enter');
    await ada.getByText('Kua whakakorea a Cat Case').waitFor();
    const answer = await cat.request.get('/api/v1/session');
    assert.equal(answer.status(), 401);
    await cat.context().close();
    await ada.context().close();
  },
);
