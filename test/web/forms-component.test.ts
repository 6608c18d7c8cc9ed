// The embeddable <pono-verify> component in Debian Chromium, on pono's demo form (two applicants in one
// transaction): a background verification that completes at once, a document chosen and verified with the
// keyboard only (passport A1111111), a refused value named beside its field, opt-out, help with a sample
// image, te reo Māori, axe with no serious violations; and the component used from another origin with a
// browser token, CORS allowed only for the account's origins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_AUTH, type TestApp } from '../support/app.ts';
import { appInBrowser, browserMissing, expectAccessible } from '../support/browser.ts';
import { screenshotOf } from '../support/screens.ts';

const skip = browserMissing;
let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(skip, (web) => {
  ({ t, base, browser } = web);
});

async function demoPage(): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto('/forms/demo');
  return page;
}

test('applicant 1: the background check verifies at once and the form hears onVerified', { skip }, async () => {
  const page = await demoPage();
  await expectAccessible(page, 'demo form');
  await page.getByRole('button', { name: 'Check the identity of applicant 1' }).click();
  const one = page.getByRole('region', { name: /Applicant1/ });
  await one.getByRole('status').filter({ hasText: 'Your identity is verified.' }).waitFor();
  await screenshotOf(page.locator('#applicant1-verify'), 'forms-component-verified');
  assert.match(
    await page.locator('form[data-applicant="applicant1-verify"] .demo-events').innerText(),
    /onVerified: VERIFIED \(.*aec.*\)/,
  );
});

test(
  'applicant 2, keyboard only: choose the passport, a bad number is named, A1111111 verifies; axe passes',
  { skip },
  async () => {
    const page = await demoPage();
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).focus();
    await page.keyboard.press('Enter');
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two
      .getByRole('status')
      .filter({ hasText: /could not verify your identity from your details alone/ })
      .waitFor();
    await expectAccessible(page, 'sources offered');
    // Keyboard: focus the first source, arrow to the passport (radio group), which opens its form.
    await two.getByRole('radio', { name: 'Australian passport' }).focus();
    await page.keyboard.press('Space');
    const number = two.getByLabel(/^Passport number/);
    await number.waitFor();
    // Controlled changes: the demo account's rule set lets names change (not the date of birth), pre-filled.
    assert.equal(await two.getByLabel(/^First name as on the document/).inputValue(), 'Mere');
    assert.equal(await two.getByLabel(/^Last name as on the document/).inputValue(), 'Ngata');
    assert.equal(await two.getByLabel(/^Date of birth as on the document/).count(), 0);
    // Help: where the number is, with a sample image.
    await two.getByText('Where to find this').focus();
    await page.keyboard.press('Enter');
    assert.equal(await two.getByRole('img', { name: /Where to find this: Australian passport/ }).isVisible(), true);
    await expectAccessible(page, 'passport form with help');
    await screenshotOf(page.locator('#applicant2-verify'), 'forms-component-passport-help');
    // Client-side validation mirrors the server's pattern: named beside the field, nothing sent.
    await number.fill('12');
    await two.getByRole('checkbox', { name: /terms and conditions/ }).check();
    await two.getByRole('button', { name: /Verify: Australian passport/ }).focus();
    await page.keyboard.press('Enter');
    await two
      .getByRole('alert')
      .filter({ hasText: /Passport number must be one or two letters then 7 digits/ })
      .waitFor();
    assert.equal(await number.getAttribute('aria-invalid'), 'true');
    await number.fill('A1111111');
    await number.press('Enter');
    await two.getByRole('status').filter({ hasText: 'That document verified.' }).waitFor();
    // The passport is no longer offered; the rest are.
    assert.equal(await two.getByRole('radio', { name: 'Australian passport' }).count(), 0);
    assert.ok((await two.getByRole('radio').count()) > 0);
    await expectAccessible(page, 'after the passport');
  },
);

test(
  'credit header: the consent wording with the reporting entity is shown first; ticked, dnb runs; not ticked, it does not',
  { skip },
  async () => {
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/forms/settings',
      headers: { authorization: DEMO_AUTH },
      payload: { customerName: 'Kōwhai Credit Union', allowedOrigins: [] },
    });
    assert.equal(settings.statusCode, 200, settings.body);
    const run = async (tick: boolean) => {
      const page = await demoPage();
      await page
        .getByRole('checkbox', { name: /Also check the credit header/ })
        .first()
        .check();
      await page.evaluate(() => {
        const element = document.getElementById('applicant1-verify') as HTMLElement;
        element.addEventListener('verified', (event) => {
          (window as unknown as { outputs: unknown }).outputs = (event as CustomEvent).detail;
        });
      });
      await page.getByRole('button', { name: 'Check the identity of applicant 1' }).click();
      const one = page.getByRole('region', { name: /Applicant1/ });
      const consent = one.getByRole('form', { name: 'Checking your details with a credit reporting agency' });
      await consent.waitFor();
      const wording = await consent.locator('.pono-consent-text').innerText();
      assert.match(
        wording,
        /^By accepting these terms and conditions you give consent for Kōwhai Credit Union to disclose/,
      );
      assert.match(wording, /please select another data source or contact Kōwhai Credit Union so that we can discuss/);
      await expectAccessible(page, 'credit header consent');
      if (tick) await screenshotOf(page.locator('#applicant1-verify'), 'forms-component-consent');
      const box = one.getByRole('checkbox', { name: 'I give this consent' });
      if (tick) await box.check();
      await one.getByRole('button', { name: 'Continue' }).click();
      await one.getByRole('status').filter({ hasText: 'Your identity is verified.' }).waitFor();
      return page.evaluate(
        () => (window as unknown as { outputs: { verifiedSources: string; creditHistoryResult: string } }).outputs,
      );
    };
    const given = await run(true);
    assert.equal(given.creditHistoryResult, 'VERIFIED');
    assert.ok(given.verifiedSources.split(',').includes('dnb'), given.verifiedSources);
    const refused = await run(false);
    assert.equal(refused.creditHistoryResult, '');
    assert.ok(!refused.verifiedSources.split(',').includes('dnb'), refused.verifiedSources);
  },
);

test('opt-out: the person chooses another way and the form hears onFailure', { skip }, async () => {
  const page = await demoPage();
  await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
  const two = page.getByRole('region', { name: /Applicant2/ });
  await two.getByRole('button', { name: 'Verify my identity another way' }).click();
  await two
    .getByRole('status')
    .filter({ hasText: /another way/ })
    .waitFor();
  assert.equal(
    await page.locator('form[data-applicant="applicant2-verify"] .demo-events').innerText(),
    'onFailure: opted out',
  );
});

test('the component speaks te reo Māori and every string can be overridden', { skip }, async () => {
  const page = await demoPage();
  await page.evaluate(() => {
    const element = document.getElementById('applicant2-verify') as HTMLElement & { strings: Record<string, string> };
    element.setAttribute('lang', 'mi');
    element.strings = { optOut: 'Another way, please' };
  });
  await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
  const two = page.locator('#applicant2-verify');
  await two.getByText(/Kāore i taea tō tuakiri te whakamana mā ō taipitopito anake/).waitFor();
  assert.equal(await two.getByRole('button', { name: 'Another way, please' }).count(), 1);
  assert.equal(await two.getByRole('radio', { name: 'Uruwhenua o Ahitereiria' }).count(), 1);
  // The passport's fields, formats and help come in te reo Māori too.
  await two.getByRole('radio', { name: 'Uruwhenua o Ahitereiria' }).check();
  const passport = two.getByRole('form', { name: 'Uruwhenua o Ahitereiria' });
  await passport.getByLabel(/^Nama uruwhenua \*/).fill('12');
  await passport.getByRole('checkbox').last().check();
  await passport.getByRole('button', { name: /Whakamanahia/ }).click();
  await passport
    .getByRole('alert')
    .filter({ hasText: 'Nama uruwhenua me kotahi, e rua rānei ngā reta, kātahi e 7 ngā mati' })
    .waitFor();
  await passport.getByText('Kei hea tēnei').click();
  await passport.getByText(/Kei runga matau o te whārangi whakaahua te nama uruwhenua/).waitFor();
  // Every built-in text has its te reo Māori words (the same keys, none empty).
  type Texts = { [key: string]: string | Texts };
  const { en, mi } = await page.evaluate(
    () => (customElements.get('pono-verify') as unknown as { languages: { en: Texts; mi: Texts } }).languages,
  );
  const missing: string[] = [];
  const compare = (a: Texts, b: Texts, path: string) => {
    for (const [key, value] of Object.entries(a)) {
      const other = b[key];
      if (typeof value === 'object' && typeof other === 'object') compare(value, other, `${path}${key}.`);
      else if (typeof other !== 'string' || other.trim() === '') missing.push(`${path}${key}`);
    }
    for (const key of Object.keys(b)) if (!(key in a)) missing.push(`${path}${key} (mi only)`);
  };
  compare(en, mi, '');
  assert.deepEqual(missing, []);
});

test(
  'from another origin: a browser token minted by the form server, CORS only for the origins the account allows',
  { skip },
  async () => {
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/browser-tokens',
      headers: { authorization: DEMO_AUTH },
      payload: { trackingCode: 'shop-1' },
    });
    assert.equal(token.statusCode, 201, token.body);
    const browserToken = token.json<{ browserToken: string }>().browserToken;
    const page = `<!doctype html><html lang="en"><head><title>Shop form</title></head><body><main><h1>Shop</h1>
<pono-verify account="demo" token="${browserToken}" server="${base}" background-sources="dfat,ofac,pep,aec,asic,tenancy"></pono-verify>
<script src="${base}/forms/pono-verify.js"></script>
<script>document.querySelector('pono-verify').start({ firstName: 'Aroha', middleName: 'TWO${'P'.repeat(28)}', lastName: 'Ngata', dateOfBirth: '1986-03-12',
 streetNumber: '12', streetName: 'George', suburb: 'Sydney', state: 'NSW', postcode: '2000', country: 'Australia' });</script></main></body></html>`;
    const shop: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(page);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    try {
      const context = await browser.newContext();
      const refused = await context.newPage();
      await refused.goto(origin);
      await refused
        .locator('.pono-status')
        .filter({ hasText: /fetch|Failed/i })
        .waitFor();
      const settings = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/forms/settings',
        headers: { authorization: DEMO_AUTH },
        payload: { customerName: null, allowedOrigins: [origin] },
      });
      assert.equal(settings.statusCode, 200, settings.body);
      const allowed = await context.newPage();
      await allowed.goto(origin);
      await allowed.getByRole('status').filter({ hasText: 'Your identity is verified.' }).waitFor();
      // A wrong token is refused even from an allowed origin.
      const wrong = await t.app.inject({
        method: 'GET',
        url: '/api/v1/forms/browser/demo/definition',
        headers: { authorization: `Bearer ${'0'.repeat(40)}`, origin },
      });
      assert.equal(wrong.statusCode, 401);
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/forms/browser/demo/identity-verification',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    } finally {
      shop.close();
    }
  },
);

test(
  "the browser checks a source's state rules as the server does: named beside the field, nothing sent",
  { skip },
  async () => {
    const page = await demoPage();
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two.getByRole('radio', { name: 'Birth certificate' }).check();
    const form = two.getByRole('form', { name: 'Birth certificate' });
    await form.getByLabel(/^Registration number/).fill('1986/123');
    await form.getByLabel(/^State of registration/).selectOption('QLD');
    await form.getByRole('checkbox', { name: /terms and conditions/ }).check();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/identity-verification')) sent.push(request.url());
    });
    const submit = form.getByRole('button', { name: /Verify: Birth certificate/ });
    // Queensland: the registration date is required (seed 001).
    await submit.click();
    await form.getByRole('alert').filter({ hasText: 'Registration date is required' }).waitFor();
    assert.equal(await form.getByLabel(/^Registration date/).getAttribute('aria-invalid'), 'true');
    // South Australia: not the date, but the certificate's printed date.
    await form.getByLabel(/^State of registration/).selectOption('SA');
    await submit.click();
    await form.getByRole('alert').filter({ hasText: 'Certificate printed date is required' }).waitFor();
    assert.doesNotMatch(await form.getByRole('alert').innerText(), /Registration date is required/);
    assert.deepEqual(sent, []);
    // Medicare: a green card needs its expiry month and year, not a date.
    await two.getByRole('radio', { name: 'Medicare card' }).check();
    const medicare = two.getByRole('form', { name: 'Medicare card' });
    await medicare.getByLabel(/^Medicare card number/).fill('2123456701');
    await medicare.getByLabel(/^Card colour/).selectOption('Green');
    await medicare.getByRole('checkbox', { name: /terms and conditions/ }).check();
    await medicare.getByRole('button', { name: /Verify: Medicare card/ }).click();
    const alert = medicare.getByRole('alert');
    await alert.filter({ hasText: /Expiry month.* is required/ }).waitFor();
    assert.doesNotMatch(await alert.innerText(), /Expiry date.* is required/);
    assert.deepEqual(sent, []);
    // A rule only the server knows (the card has expired) comes back beside its field, in the field's words.
    await medicare.getByLabel(/^Individual reference number/).fill('1');
    await medicare.getByLabel(/^Card colour/).selectOption('Yellow');
    await medicare.getByLabel(/^Expiry date/).fill('2020-01-31');
    await medicare.getByRole('button', { name: /Verify: Medicare card/ }).click();
    await alert.filter({ hasText: 'Expiry date (yellow and blue cards) is in the past' }).waitFor();
    assert.doesNotMatch(await alert.innerText(), /medicareExpiryDate/);
    assert.equal(await medicare.getByLabel(/^Expiry date/).getAttribute('aria-invalid'), 'true');
    sent.length = 0;
    await medicare.getByLabel(/^Card colour/).selectOption('Green');
    // The expiry years follow the chosen month (seed 001): a month already past this year starts next year.
    const now = new Date();
    const years = async (month: string) => {
      await medicare.getByLabel(/^Expiry month/).selectOption(month);
      return (
        await medicare
          .getByLabel(/^Expiry year/)
          .locator('option')
          .allInnerTexts()
      ).filter(Boolean);
    };
    const span = (first: number) =>
      Array.from({ length: now.getFullYear() + 10 - first + 1 }, (_, i) => String(first + i));
    assert.deepEqual(await years('12'), span(now.getFullYear()));
    const january = now.getMonth() === 0 ? now.getFullYear() : now.getFullYear() + 1;
    assert.deepEqual(await years('01'), span(january));
  },
);

test(
  'a form that lists no interactive sources is offered every source it can give details for, each with its form',
  { skip },
  async () => {
    const page = await demoPage();
    await page.evaluate(() => document.getElementById('applicant2-verify')?.removeAttribute('interactive-sources'));
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two
      .getByRole('status')
      .filter({ hasText: /could not verify your identity from your details alone/ })
      .waitFor();
    const radios = two.getByRole('radio');
    const names = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    assert.ok(names.includes('passportdvs') && names.includes('nswregodvs'), names.join());
    // Sources without fields in the forms service (e.g. medibank) are not offered.
    assert.ok(!names.includes('medibank'), names.join());
    for (const name of names) {
      await two.locator(`input[type=radio][value="${name}"]`).check();
      await two.locator('form.pono-source-form').waitFor();
    }
  },
);

/** Presses Tab until the control has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, control: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await control.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${String(control)}`);
}

test(
  'keyboard only: the credit header consent ticked with Space, then the passport chosen, typed, accepted and verified',
  { skip },
  async () => {
    const page = await demoPage();
    const two = page.getByRole('region', { name: /Applicant2/ });
    const creditHeader = page.getByRole('checkbox', { name: /Also check the credit header/ }).nth(1);
    await tabTo(page, creditHeader);
    await page.keyboard.press('Space');
    assert.equal(await creditHeader.isChecked(), true);
    await tabTo(page, page.getByRole('button', { name: 'Check the identity of applicant 2' }));
    await page.keyboard.press('Enter');
    const consent = two.getByRole('form', { name: 'Checking your details with a credit reporting agency' });
    await consent.waitFor();
    const box = consent.getByRole('checkbox', { name: 'I give this consent' });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    assert.equal(await box.isChecked(), true);
    await tabTo(page, consent.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
    await two
      .getByRole('status')
      .filter({ hasText: /could not verify your identity from your details alone/ })
      .waitFor();
    // Tab enters the sources' radio group at its first source: Space chooses it, the arrow keys move on to the
    // passport, the focus staying in the group; each choice opens that source's form.
    const first = two.getByRole('radio').first();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    assert.equal(await first.isChecked(), true);
    const passport = two.getByRole('radio', { name: 'Australian passport' });
    for (let presses = 0; presses < 10 && !(await passport.isChecked()); presses += 1)
      await page.keyboard.press('ArrowDown');
    assert.equal(await passport.isChecked(), true);
    const form = two.getByRole('form', { name: 'Australian passport' });
    // The passport's form follows the sources in the tab order.
    const number = form.getByLabel(/^Passport number/);
    await tabTo(page, number);
    await page.keyboard.type('A1111111');
    const terms = form.getByRole('checkbox', { name: /terms and conditions/ });
    await tabTo(page, terms);
    await page.keyboard.press('Space');
    assert.equal(await terms.isChecked(), true);
    await tabTo(page, form.getByRole('button', { name: /Verify: Australian passport/ }));
    await page.keyboard.press('Enter');
    await two.getByRole('status').filter({ hasText: 'That document verified.' }).waitFor();
    assert.equal(await two.getByRole('radio', { name: 'Australian passport' }).count(), 0);
    await expectAccessible(page, 'after a keyboard-only passport verification');
  },
);

test('help="off": no help and no sample image beside the fields; help on again shows them', { skip }, async () => {
  const page = await demoPage();
  await page.evaluate(() => document.getElementById('applicant2-verify')?.setAttribute('help', 'off'));
  await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
  const two = page.getByRole('region', { name: /Applicant2/ });
  await two.getByRole('radio', { name: 'Australian passport' }).check();
  const form = two.getByRole('form', { name: 'Australian passport' });
  await form.getByLabel(/^Passport number/).waitFor();
  assert.equal(await form.getByText('Where to find this').isVisible(), false);
  assert.equal(await form.getByText(/top right of the photo page/).isVisible(), false);
  assert.equal(await form.getByRole('img').count(), 0);
  await expectAccessible(page, 'passport form without help');
  await page.evaluate(() => document.getElementById('applicant2-verify')?.removeAttribute('help'));
  await form.getByText('Where to find this').click();
  assert.equal(await form.getByRole('img', { name: 'Where to find this: Australian passport' }).isVisible(), true);
});

test(
  'a source answering Not Contributing is taken off the list; one that merely did not verify stays',
  { skip },
  async () => {
    const page = await demoPage();
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    const passport = two.getByRole('radio', { name: 'Australian passport' });
    const tryPassport = async (number: string) => {
      await passport.check();
      const form = two.getByRole('form', { name: 'Australian passport' });
      await form.getByLabel(/^Passport number/).fill(number);
      await form.getByRole('checkbox', { name: /terms and conditions/ }).check();
      await form.getByRole('button', { name: /Verify: Australian passport/ }).click();
      await two.getByRole('status').filter({ hasText: 'That document did not verify.' }).waitFor();
      await two.getByRole('radio').first().waitFor();
    };
    // A number in no row of the stub table: an ordinary failed attempt; the passport may be tried again.
    await tryPassport('A9999999');
    assert.equal(await passport.count(), 1);
    // Seed 002's Not Contributing code for the passport: the source is removed from the choices.
    await tryPassport('A6666666');
    assert.equal(await passport.count(), 0);
    assert.equal(await two.getByRole('radio', { name: 'Medicare card' }).count(), 1);
    const available = await page.evaluate(
      () =>
        (document.getElementById('applicant2-verify') as unknown as { outputs: { availableSources: string } }).outputs,
    );
    assert.ok(!available.availableSources.split(',').includes('passportdvs'), available.availableSources);
  },
);

test(
  'overridden field labels, format words, validation messages and help are what the person reads, per language',
  { skip },
  async () => {
    const page = await demoPage();
    const strings = {
      labels: { passportNumber: 'Number on your passport' },
      formats: { passportNumber: 'a letter or two, then 7 digits, as printed' },
      helpTexts: { passportdvs: 'Look at the top right corner of the page with your photo.' },
      mi: { labels: { passportNumber: 'Te nama kei tō uruwhenua' } },
    };
    // The attribute, as a page's HTML would give it.
    await page.evaluate(
      (json) => document.getElementById('applicant2-verify')?.setAttribute('strings', json),
      JSON.stringify(strings),
    );
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    const two = page.getByRole('region', { name: /Applicant2/ });
    await two.getByRole('radio', { name: 'Australian passport' }).check();
    const form = two.getByRole('form', { name: 'Australian passport' });
    const number = form.getByLabel('Number on your passport *');
    await number.fill('12');
    await form.getByRole('checkbox', { name: /terms and conditions/ }).check();
    await form.getByRole('button', { name: /Verify: Australian passport/ }).click();
    const alert = form.getByRole('alert');
    await alert
      .filter({ hasText: 'Number on your passport must be a letter or two, then 7 digits, as printed' })
      .waitFor();
    assert.equal(
      await form.locator('.pono-field-error').first().innerText(),
      'Number on your passport must be a letter or two, then 7 digits, as printed',
    );
    await form.getByText('Where to find this').click();
    await form.getByText('Look at the top right corner of the page with your photo.').waitFor();
    assert.equal(await form.getByText(/one or two letters then seven digits/).count(), 0);
    await expectAccessible(page, 'passport form with overridden texts');
    // The property: a whole message of the form's own for the field, missing or malformed.
    await page.evaluate(() => {
      const element = document.getElementById('applicant2-verify') as HTMLElement & { strings: object };
      element.strings = { messages: { passportNumber: 'Type your passport number as it is printed' } };
    });
    await two.getByRole('radio', { name: 'Medicare card' }).check();
    await two.getByRole('radio', { name: 'Australian passport' }).check();
    await form.getByRole('checkbox', { name: /terms and conditions/ }).check();
    await form.getByRole('button', { name: /Verify: Australian passport/ }).click();
    await alert.filter({ hasText: 'Type your passport number as it is printed' }).waitFor();
    assert.equal(await form.getByLabel('Passport number *').getAttribute('aria-invalid'), 'true');
    // In te reo Māori the `mi` overrides apply, over pono's own te reo Māori words.
    await page.evaluate((json) => {
      const element = document.getElementById('applicant2-verify') as HTMLElement;
      element.setAttribute('lang', 'mi');
      element.setAttribute('strings', json);
    }, JSON.stringify(strings));
    await page.getByRole('button', { name: 'Check the identity of applicant 2' }).click();
    await two.getByRole('radio', { name: 'Uruwhenua o Ahitereiria' }).check();
    const mi = two.getByRole('form', { name: 'Uruwhenua o Ahitereiria' });
    await mi.getByLabel('Te nama kei tō uruwhenua *').waitFor();
    // Overrides given for every language apply in te reo Māori too.
    await mi.getByText('Kei hea tēnei').click();
    await mi.getByText('Look at the top right corner of the page with your photo.').waitFor();
  },
);
