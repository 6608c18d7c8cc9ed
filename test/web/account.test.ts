// The account administrators' pages in Debian Chromium: sign in with the API account's id and password (from
// a link on the officers' sign-in page), the review queue by status, a PENDING verification's sources and
// check results, the manual decision (VERIFIED_ADMIN with a comment) and its new status; another account's
// verification reads as not found; a rule set's new version is published; the account's face comparison is
// changed; sign-out; axe in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { basicAuth, DEMO_AUTH, type TestApp } from '../support/app.ts';
import {
  appInBrowser,
  expectAccessible,
  signedInAccount as signedInAccountOf,
  skipConsole,
} from '../support/browser.ts';
import { expectFitsNarrow, screenshot } from '../support/screens.ts';

let t: TestApp;
let base: string;
let browser: Browser;
let pending = '';
let theirs = '';

appInBrowser(skipConsole, async (web) => {
  ({ t, base, browser } = web);
  await t.services.accounts.create({ accountId: 'other', password: 'other-account-password', stubMode: true });
  // A rule set satisfied by one source, so that one pending check leaves the whole verification pending.
  const oneSource = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/rule-sets/one-source',
    headers: { authorization: DEMO_AUTH },
    payload: { requirements: [{ kind: 'nameDob', sources: 1 }], acceptedChanges: [], lockoutAfterFailedAttempts: null },
  });
  assert.equal(oneSource.statusCode, 201, oneSource.body);
  const register = async (auth: string, middleNames?: string) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: auth },
      payload: {
        ...(auth === DEMO_AUTH ? { ruleId: 'one-source' } : {}),
        name: { givenName: 'Pania', surname: 'Pending', ...(middleNames ? { middleNames } : {}) },
        dob: '1980-01-01',
      },
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json<{ verificationResult: { verificationId: string; overallVerificationStatus: string } }>()
      .verificationResult;
  };
  // The stub codes: passport number A3333333 leaves the check pending, so the verification waits for review.
  const waiting = await register(DEMO_AUTH, `TWO${'F'.repeat(28)}`);
  pending = waiting.verificationId;
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${pending}/sources/passportdvs`,
    headers: { authorization: DEMO_AUTH },
    payload: {
      fields: {
        greenid_passportdvs_number: 'A3333333',
        greenid_passportdvs_givenname: 'Pania',
        greenid_passportdvs_surname: 'Pending',
        greenid_passportdvs_dob: '01/01/1980',
        greenid_passportdvs_tandc: 'on',
      },
    },
  });
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(
    submitted.json<{ verificationResult: { overallVerificationStatus: string } }>().verificationResult
      .overallVerificationStatus,
    'PENDING',
  );
  theirs = (await register(basicAuth('other', 'other-account-password'))).verificationId;
});

const signedInAccount = (language: 'en' | 'mi' = 'en'): Promise<Page> => signedInAccountOf(browser, base, language);

test(
  'an account administrator reviews a pending verification and verifies it manually',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const page = await signedInAccount();
    await page.getByRole('heading', { name: 'Verifications', level: 1 }).waitFor();
    const queue = page.getByRole('region', { name: 'Verifications' });
    await queue.getByRole('link', { name: pending }).waitFor();
    const status = await queue.locator('tbody tr').first().locator('td').nth(1).innerText();
    assert.match(status, /\((PENDING|IN_PROGRESS)\)$/);
    assert.equal(await page.getByText('My work').count(), 0, 'no casework for an account administrator');
    await expectAccessible(page, 'verifications');
    await expectFitsNarrow(page, 'verifications');
    await screenshot(page, 'account-verifications');

    await queue.getByRole('link', { name: pending }).click();
    await page.getByRole('heading', { name: `Verification ${pending}`, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Sources' }).waitFor();
    await expectAccessible(page, 'verification detail');
    const manual = page.getByRole('form', { name: 'Verify manually' });
    await manual.getByLabel('Comment').fill('Passport sighted in branch');
    await manual.getByLabel('Your email').fill('admin@example.org');
    await manual.getByRole('button', { name: 'Mark verified' }).click();
    await page.getByText('The verification is now Verified (by admin).').waitFor();
    await page.getByText('Verified (by admin) (VERIFIED_ADMIN)', { exact: true }).first().waitFor();
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${pending}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(
      api.json<{ verificationResult: { overallVerificationStatus: string } }>().verificationResult
        .overallVerificationStatus,
      'VERIFIED_ADMIN',
    );

    // Another account's verification is not found, exactly as an unknown one.
    await page.goto(`/account/verifications/${theirs}`);
    await page.getByText(new RegExp(`verification ${theirs} was not found`, 'i')).waitFor();
    await page.context().close();
  },
);

test(
  'an in-person check is recorded: the state, the mode and the method in words, and the administrator named',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: DEMO_AUTH },
      payload: {
        ruleId: 'one-source',
        name: { givenName: 'Hemi', middleNames: `TWO${'F'.repeat(28)}`, surname: 'Counter' },
        dob: '1975-06-30',
      },
    });
    const id = registered.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
    const page = await signedInAccount();
    await page.goto(`/account/verifications/${id}`);
    await page.getByRole('heading', { name: `Verification ${id}`, level: 1 }).waitFor();
    await page.getByText('In progress (IN_PROGRESS)').first().waitFor();
    // A background source the stub code failed, named as seed 004 names it.
    await page.getByRole('region', { name: 'Sources' }).getByText('Autofail (AUTOFAIL)').first().waitFor();
    const form = page.getByRole('form', { name: 'Record an in-person check' });
    await form.getByLabel('Issuing country').fill('NZ');
    await form.getByLabel('Comment').fill('Passport inspected at the Wellington counter');
    await form.getByLabel('Your email').fill('counter@example.org');
    await expectAccessible(page, 'verification detail with the recording forms');
    await form.getByRole('button', { name: 'Record the in-person check' }).click();
    await page.getByText('InPerson is recorded: Verified. The verification is Verified (VERIFIED).').waitFor();
    const caption = page.getByRole('region', { name: 'InPerson: Verified' }).locator('caption');
    assert.equal(
      (await caption.innerText()).trim(),
      'InPerson: Verified (VERIFIED) · Person Present · Post Office · PASSPORT NZ',
    );
    await page.getByText('Verified in mode: Post Office (POSTOFFICE)').waitFor();
    await page
      .getByRole('region', { name: 'InPerson: Verified' })
      .getByText('Passport inspected at the Wellington counter')
      .waitFor();
    await expectAccessible(page, 'verification verified in person');
    await screenshot(page, 'account-in-person-check');
    await page.context().close();
  },
);

test(
  'an administrator checks a source for the person present: the result is Admin assisted and names them',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: DEMO_AUTH },
      payload: {
        ruleId: 'one-source',
        name: { givenName: 'Mere', middleNames: `TWO${'F'.repeat(28)}`, surname: 'Assisted' },
        dob: '1969-09-09',
      },
    });
    const id = registered.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
    const page = await signedInAccount();
    await page.goto(`/account/verifications/${id}`);
    const section = page.getByRole('region', { name: 'Check a source with the person present' });
    await section.getByRole('button', { name: /Source/ }).click();
    await page.getByRole('option', { name: 'passportdvs (Not used)' }).click();
    const form = section.getByRole('form', { name: 'Details for passportdvs' });
    assert.equal(await form.getByLabel('Surname', { exact: true }).inputValue(), 'Assisted', 'pre-filled');
    await form.getByLabel('Passport number').fill('A1111111');
    await form.getByText('I accept the terms and conditions').click();
    await form.getByLabel('Comment').fill('Passport sighted; details typed in for the applicant');
    await form.getByLabel('Your email').fill('counter@example.org');
    await expectAccessible(page, 'assisted check form');
    await form.getByRole('button', { name: 'Run the check' }).click();
    await page.getByText('passportdvs is recorded: Verified. The verification is Verified (VERIFIED).').waitFor();
    const caption = page.getByRole('region', { name: 'passportdvs: Verified' }).locator('caption');
    assert.match(await caption.innerText(), /^passportdvs: Verified \(VERIFIED\) · User Centric · Admin assisted/);
    await page.getByText('Verified in mode: Admin assisted (ASSISTED)').waitFor();
    await page.context().close();
  },
);

test(
  'a rule set is published as a new version; signing out ends the session',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const page = await signedInAccount();
    await page.getByRole('link', { name: 'Rule sets' }).click();
    const heading = page.getByRole('heading', { name: /^default · Version \d+$/ });
    await heading.waitFor();
    const before = Number(/Version (\d+)/.exec(await heading.innerText())?.[1]);
    await page.getByText(/^The controlled changes: which details a person may change to match a source/).waitFor();
    await page.getByLabel('Lock out after this many failed attempts (empty: never)').fill('5');
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.getByText(`Version ${before + 1} is published.`).waitFor();
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(
      r.json<{ version: number; lockoutAfterFailedAttempts: number | null }>().lockoutAfterFailedAttempts,
      5,
    );
    await expectAccessible(page, 'rule sets');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/account\/signin/);
    await page.goto('/account/verifications');
    await page.waitForURL('**/account/signin?next=*');
    await page.context().close();
  },
);

test(
  "the account's face comparison is changed on its settings page and kept",
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const page = await signedInAccount();
    await page.getByRole('link', { name: 'Account settings' }).click();
    await page.getByRole('heading', { name: 'Account settings', level: 1 }).waitFor();
    const group = page.getByRole('radiogroup', {
      name: "Compare the face on the document with a photo of the person's face (selfie)",
    });
    const sometimes = group.getByRole('radio', { name: /^When a selfie is sent/ });
    await sometimes.waitFor();
    assert.equal(await sometimes.isChecked(), true, 'a new account compares a selfie when one is sent');
    await expectAccessible(page, 'account settings');
    await group.getByText(/^Never: no selfie is asked for/).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved. Face comparison: Never: no selfie is asked for, and no result has a face comparison' })
      .waitFor();
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/account/settings',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(r.json<{ faceComparison: string }>().faceComparison, 'off');
    await page.reload();
    await group.getByRole('radio', { name: /^Never/ }).waitFor();
    assert.equal(await group.getByRole('radio', { name: /^Never/ }).isChecked(), true, 'kept');
    await expectFitsNarrow(page, 'account settings');
    await page.context().close();
  },
);

test('in te reo Māori the account pages pass axe', { skip: skipConsole, timeout: 60_000 }, async () => {
  const page = await signedInAccount('mi');
  await page.getByRole('heading', { name: 'Ngā manatoko', level: 1 }).waitFor();
  await expectAccessible(page, 'verifications (te reo Māori)');
  await page.goto('/account/rule-sets');
  await page.getByRole('heading', { name: 'Ngā huinga ture', level: 1 }).waitFor();
  await expectAccessible(page, 'rule sets (te reo Māori)');
  await page.goto('/account/settings');
  await page.getByRole('heading', { name: 'Ngā tautuhinga pūkete', level: 1 }).waitFor();
  await page.getByRole('radiogroup').waitFor();
  await expectAccessible(page, 'account settings (te reo Māori)');
  await page.context().close();
});
