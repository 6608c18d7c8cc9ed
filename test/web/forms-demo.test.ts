// pono's demo form in Debian Chromium as a form's own page: each applicant's email, the language and help
// switches, and the submit step, where the demo's server runs the tamper check for each applicant (the page
// sends its browser token, never the account's password): true for the details verified, false once one
// character changed; axe on the page at each step.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { appInBrowser, browserMissing, expectAccessible } from '../support/browser.ts';
import { startMailbox, type Mailbox } from '../adapters/http/casework/casework-client.ts';

const skip = browserMissing;
let base: string;
let browser: Browser;
let mailbox: Mailbox;

appInBrowser(
  skip,
  (web) => {
    ({ base, browser } = web);
  },
  async () => {
    mailbox = await startMailbox();
    return { env: { SMTP_URL: mailbox.url } };
  },
);
after(async () => {
  if (skip) return;
  await mailbox.close();
});

async function demoPage(): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto('/forms/demo');
  return page;
}

const result = (page: Page) => page.getByRole('region', { name: 'Submit the application' }).getByRole('status');

test(
  "submitting: the demo's server runs the tamper check, true for the verified details, false after one character changed",
  { skip },
  async () => {
    const page = await demoPage();
    const sent: { url: string; body: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST')
        sent.push({
          url: request.url(),
          body: request.postData() ?? '',
          authorization: request.headers().authorization,
        });
    });
    await page.getByRole('button', { name: 'Check the identity of applicant 1' }).click();
    await page
      .getByRole('region', { name: /Applicant1/ })
      .getByRole('status')
      .filter({ hasText: 'Your identity is verified.' })
      .waitFor();
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two.getByRole('radio', { name: 'Australian passport' }).check();
    const passport = two.getByRole('form', { name: 'Australian passport' });
    await passport.getByLabel(/^Passport number/).fill('A1111111');
    await passport.getByRole('checkbox', { name: /terms and conditions/ }).check();
    await passport.getByRole('button', { name: /Verify: Australian passport/ }).click();
    await two.getByRole('status').filter({ hasText: 'That document verified.' }).waitFor();
    // Applicant 2 is not verified yet: one document is not enough for the demo account's rules.
    const submit = page.getByRole('button', { name: 'Submit the application' });
    await submit.click();
    await result(page).filter({ hasText: 'Applicant1: tamper check true' }).waitFor();
    const answers = async () => (await result(page).getByRole('listitem').allInnerTexts()).sort();
    assert.deepEqual(await answers(), [
      'Applicant1: tamper check true — The details exactly match those the identity was verified with.',
      'Applicant2: tamper check false — The identity of this person has not been verified.',
    ]);
    await expectAccessible(page, 'demo form submitted');
    // One character of applicant 1's street number changed after the verification.
    await page.locator('#applicant1-streetNumber').fill('267-278');
    await submit.click();
    await result(page).filter({ hasText: 'Applicant1: tamper check false' }).waitFor();
    assert.deepEqual(await answers(), [
      'Applicant1: tamper check false — The details differ from those the identity was verified with.',
      'Applicant2: tamper check false — The identity of this person has not been verified.',
    ]);
    // The browser sent its token to the demo's own server, never the account's password.
    const submits = sent.filter((request) => request.url.endsWith('/forms/demo/submit'));
    assert.equal(submits.length, 2);
    for (const request of sent) {
      assert.ok(!request.authorization?.startsWith('Basic'), request.url);
      assert.ok(!request.body.includes('password'), request.url);
    }
  },
);

test(
  "the demo's switches: te reo Māori and back, help off and on; the applicant's email gets the credit header notice",
  { skip },
  async () => {
    const page = await demoPage();
    await page.locator('#applicant2-email').fill('mere.ngata@example.org');
    await page
      .getByRole('checkbox', { name: /Also check the credit header/ })
      .nth(1)
      .check();
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two.getByRole('checkbox', { name: 'I give this consent' }).check();
    await two.getByRole('button', { name: 'Continue' }).click();
    await two
      .getByRole('status')
      .filter({ hasText: /could not verify your identity from your details alone/ })
      .waitFor();
    // The credit header did not match: its failure notice goes to the email given in the demo form.
    const mail = await mailbox.mailTo('mere.ngata@example.org');
    assert.match(mail.text ?? '', /^Dear Mere, You recently opted to verify yourself against the Credit Bureau/);
    // Te reo Māori: the step already shown speaks it at once, sources and all.
    await page.getByRole('radio', { name: 'te reo Māori' }).check();
    const mi = page.getByRole('region', { name: /Whakamanahia tō tuakiri — Applicant2/ });
    await mi.getByText(/Kāore i taea tō tuakiri te whakamana mā ō taipitopito anake/).waitFor();
    await mi.getByRole('radio', { name: 'Uruwhenua o Ahitereiria' }).check();
    const passport = mi.getByRole('form', { name: 'Uruwhenua o Ahitereiria' });
    await passport.getByLabel(/^Nama uruwhenua \*/).waitFor();
    assert.equal(await passport.getByText('Kei hea tēnei').isVisible(), true);
    await expectAccessible(page, 'demo form in te reo Māori');
    // Help off hides the help and its sample image at once; on, they are back.
    await page.getByRole('checkbox', { name: 'Show help with sample documents' }).uncheck();
    assert.equal(await passport.getByText('Kei hea tēnei').isVisible(), false);
    assert.equal(await passport.getByRole('img').count(), 0);
    await page.getByRole('checkbox', { name: 'Show help with sample documents' }).check();
    await passport.getByText('Kei hea tēnei').click();
    assert.equal(await passport.getByRole('img').count(), 1);
    // Back to English.
    await page.getByRole('radio', { name: 'English' }).check();
    await page
      .getByRole('region', { name: /Verify your identity — Applicant2/ })
      .getByRole('radio', { name: 'Australian passport' })
      .waitFor();
  },
);
