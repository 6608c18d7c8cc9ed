// Manual verification end to end in Debian Chromium: on the demo form applicant 2 is not verified by the
// background check, opts out and sends a scan of their passport through <pono-verify> (a missing file is named
// first); an account administrator finds it in the console's manual verification queue, sees the scan beside
// the person's details and verifies them (VERIFIED_ADMIN with a comment); the waiting component then tells the
// form onVerified, and the outcome API reads VERIFIED. axe on each screen; screenshots for docs/forms.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEMO_AUTH, type TestApp } from '../support/app.ts';
import { appInBrowser, expectAccessible, imageLoaded, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow, screenshot, screenshotOf } from '../support/screens.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(skipConsole, (web) => {
  ({ t, base, browser } = web);
});

/** A scan as a person would send it: our own drawn sample passport, photographed by the browser. */
async function passportScan(): Promise<Buffer> {
  const page = await browser.newPage();
  await page.goto(`${base}/forms/samples/passport.svg`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

async function signedInAccount(): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto('/account/signin');
  await page.getByLabel('Account id').fill('demo');
  await page.getByLabel('API password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/account/verifications');
  return page;
}

test(
  'opt-out, upload, the administrator verifies in the console, the form hears onVerified',
  { skip: skipConsole, timeout: 240_000 },
  async () => {
    const form = await (await browser.newContext({ baseURL: base, viewport: { width: 1100, height: 900 } })).newPage();
    await form.goto('/forms/demo');
    await form.evaluate(() => document.getElementById('applicant2-verify')?.setAttribute('review-poll-seconds', '1'));
    await form.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = form.getByRole('region', { name: /Applicant2/ });
    await two
      .getByRole('status')
      .filter({ hasText: /could not verify your identity from your details alone/ })
      .waitFor();
    await screenshotOf(form.locator('#applicant2-verify'), 'forms-component-sources');
    await two.getByRole('button', { name: 'Verify my identity another way' }).click();
    const upload = two.getByRole('form', { name: 'Send your identity documents instead' });
    await upload.waitFor();
    await expectAccessible(form, 'document upload');
    await screenshotOf(form.locator('#applicant2-verify'), 'forms-component-upload');
    // Nothing chosen: the first document's file is named, nothing is sent.
    await upload.getByRole('button', { name: 'Send the documents' }).click();
    await upload.getByRole('alert').filter({ hasText: 'Choose the file of the first document' }).waitFor();
    assert.equal(await upload.getByLabel('File *').getAttribute('aria-invalid'), 'true');
    await upload.getByLabel('Document *').selectOption({ label: 'Passport' });
    await upload
      .getByLabel('File *')
      .setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: await passportScan() });
    await upload.getByRole('button', { name: 'Send the documents' }).click();
    await two
      .getByRole('status')
      .filter({ hasText: /Your documents were sent/ })
      .waitFor();
    assert.equal(
      await form.locator('form[data-applicant="applicant2-verify"] .demo-events').innerText(),
      'onFailure: opted out',
    );

    const console = await signedInAccount();
    await console.getByRole('link', { name: 'Manual verification' }).click();
    await console.getByRole('heading', { name: 'Manual verification', level: 1 }).waitFor();
    const queue = console.getByRole('region', { name: 'Manual verification' });
    await queue
      .getByRole('link', { name: /^Review / })
      .first()
      .waitFor();
    const row = queue.locator('tbody tr').first();
    assert.match(await row.innerText(), /Applicant2[\s\S]*Chose another way[\s\S]*Pending review \(PENDING\)/);
    await expectAccessible(console, 'manual verification queue');
    await expectFitsNarrow(console, 'manual verification queue');
    await row.getByRole('link').click();
    await console.getByRole('heading', { name: /^Manual verification /, level: 1 }).waitFor();
    assert.ok((await imageLoaded(console, 'Scan of the Passport')) > 100, 'the scan is shown');
    await expectAccessible(console, 'manual review');
    // The person's details in the office's words, not the API's field names.
    const facts = Object.fromEntries(
      await console
        .locator('dl.facts')
        .last()
        .locator('div')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']),
        ),
    ) as Record<string, string>;
    assert.equal(facts['First name'], 'Mere');
    assert.equal(facts['Last name'], 'Ngata');
    assert.equal(facts['Date of birth'], '21/07/1990');
    assert.equal(facts['Current address'], '267-277 George ST, Sydney, NSW 2000, AU');
    for (const label of Object.keys(facts))
      assert.doesNotMatch(label, /givenName|surname|dob|Address|streetName/, label);
    // The decision needs a comment: refused without one, in words.
    await console.getByText('Verify the person (VERIFIED_ADMIN)').click();
    await console.getByLabel('Your email').fill('kaiarahi@example.org');
    await console.getByLabel('Comment').fill('   ');
    await console.getByRole('button', { name: 'Record the decision' }).click();
    await console.getByText(/Comment is required/).waitFor();
    await console.reload();
    await console.getByText('Verify the person (VERIFIED_ADMIN)').click();
    await console.getByLabel('Your email').fill('kaiarahi@example.org');
    await console.getByLabel('Comment').fill('Passport photo and details match the application');
    await screenshot(console, 'account-manual-review');
    await console.getByRole('button', { name: 'Record the decision' }).click();
    await console.getByText('Recorded: Verified (by admin) (VERIFIED_ADMIN).').waitFor();
    await expectAccessible(console, 'manual review decided');

    await two
      .getByRole('status')
      .filter({ hasText: 'An administrator verified your identity from your documents.' })
      .waitFor();
    assert.equal(
      await form.locator('form[data-applicant="applicant2-verify"] .demo-events').innerText(),
      'onVerified: VERIFIED ()',
    );
    const reviews = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/manual-reviews?state=VERIFIED_ADMIN',
      headers: { authorization: DEMO_AUTH },
    });
    const verificationId = reviews.json<{ reviews: { verificationId: string }[] }>().reviews[0]?.verificationId ?? '';
    const outcome = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${verificationId}/outcome`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(outcome.json<{ verifyStatus: string }>().verifyStatus, 'VERIFIED');
    await form.context().close();
    await console.context().close();
  },
);
