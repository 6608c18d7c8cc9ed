// The liveness screens in Debian Chromium: + New Liveness Check (S7) suggests the person and fills in the email,
// Save then Send Liveness on the saved record (S8), and the email reaches a local SMTP server; the person does
// an attempt set with real frames (Collins blinking and shaking, her head never nodding) through the applicant
// API; the record's Liveness results and the application's subgrid show the engine's results; the evidence
// (D1–D5) shows the ID check, the reasons in words, the trusted source face beside the selfie with Result, FMR
// and Threshold, and the recorded frames; the assessment goes to the task "Identity is bound". Axe in both
// languages, 320 px, screenshots for the docs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import {
  appInBrowser,
  createOfficer,
  expectAccessible,
  imageLoaded,
  signedIn,
  skipConsole,
} from '../support/browser.ts';
import { expectFitsNarrow, screenshot } from '../support/screens.ts';
import { startMailbox, type Mailbox } from '../adapters/http/casework/casework-client.ts';
import { attemptSetWithoutNod, realAttempt } from '../adapters/http/liveness/support.ts';
import { missingImages } from '../adapters/face/fixtures.ts';
import { seedDemoCasework } from '../../src/app/demo-casework.ts';

const skip = skipConsole ?? missingImages();
let t: TestApp;
let base: string;
let browser: Browser;
let mailbox: Mailbox;
let reference = '';
let officerToken = '';

appInBrowser(
  skip,
  async (web) => {
    ({ t, base, browser } = web);
    const demo = await seedDemoCasework(t.services);
    reference = demo.applications.find((a) => a.label === '1:N match')?.reference ?? '';
    const kim = await createOfficer(t, 'kim@dia.example', ['case-officer'], 'Kim Keys');
    officerToken = (
      await t.services.casework.officers.issueApiToken({ officerId: kim, roles: ['administrator'] }, kim, 'tests')
    ).token;
    // The application photo (the trusted source face of the check): Collins's portrait.
    const attempt = await realAttempt();
    const application = await api('GET', `/api/v1/applications/${reference}`);
    const personId = application.json<{ people: { id: string }[] }>().people[0]?.id ?? '';
    const boundary = '----pono-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npassport-style-image\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${personId}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Passport_Photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      attempt.application,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${reference}/documents`,
      payload,
      headers: { authorization: `Bearer ${officerToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
  },
  async () => {
    mailbox = await startMailbox();
    return { demo: false, env: { SMTP_URL: mailbox.url } };
  },
);
after(async () => {
  if (skip) return;
  await mailbox.close();
});

function api(method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${officerToken}` },
    ...(payload ? { payload } : {}),
  });
}

async function cells(page: Page, region: string): Promise<string[][]> {
  const table = page.getByRole('region', { name: region, exact: true });
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())),
    );
}

test(
  'an officer saves and sends a liveness link, the person does the check, the officer reads the evidence',
  { skip, timeout: 240_000 },
  async () => {
    const kim = await signedIn(browser, base, 'kim@dia.example');
    await kim.goto(`/applications/${reference}/documents`);
    await kim.getByRole('link', { name: '+ New Liveness Check' }).click();
    await kim.getByRole('heading', { name: `New Liveness check · ${reference}`, level: 1 }).waitFor();
    // The liveness plan suggests the adult applicant; the email comes from the person record.
    await kim.getByText('Suggested from the application: Dennis').waitFor();
    assert.equal(await kim.getByLabel('Email').inputValue(), 'dennis@example.org');
    await kim.getByText('Passport_Photo.jpg').waitFor();
    await expectAccessible(kim, 'new liveness check');
    await expectFitsNarrow(kim, 'new liveness check');
    await kim.getByRole('button', { name: 'Save' }).click();

    await kim.waitForURL(/\/liveness-links\/[0-9a-f-]{36}$/);
    const header = kim.locator('.record-header');
    await header.getByText('Not sent').waitFor();
    assert.match(await header.innerText(), /Owner\s+SYSTEM/);
    await kim.getByRole('button', { name: 'Send Liveness' }).click();
    await header.getByText('Active').waitFor();
    await kim.getByText('The link was sent to dennis@example.org. It is valid for 24 hours.').waitFor();
    await kim.getByText(/Phone the person/).waitFor();
    await expectAccessible(kim, 'liveness link record');
    await screenshot(kim, 'liveness-link');

    // The email leaves through real SMTP; the person opens the link and does one attempt set.
    const mail = await mailbox.mailTo('dennis@example.org');
    assert.match(mail.text ?? '', /24 hours/);
    await attemptSetWithoutNod(t, await mailbox.tokenFor('dennis@example.org'));

    await kim.reload();
    await kim.getByRole('tab', { name: 'Liveness results' }).click();
    const results = await cells(kim, 'Liveness results');
    assert.deepEqual(results, [
      ['Blink', 'PASS'],
      ['Nod', 'FAIL'],
      ['Shake', 'PASS'],
      ['Photo (face comparison)', 'MATCH'],
    ]);
    await kim.getByText(/newest attempt set \(1 used\)/).waitFor();
    await expectAccessible(kim, 'liveness results');

    // The application's subgrid carries the same results.
    await kim.goto(`/applications/${reference}/documents`);
    const grid = await cells(kim, 'Liveness check');
    assert.deepEqual(grid[0]?.slice(1, 7), ['Dennis de Bret', 'PASS', 'FAIL', 'PASS', 'MATCH', 'Active']);
    await kim
      .getByRole('link', { name: /^Liveness check of / })
      .first()
      .click();
    await kim.getByRole('tab', { name: 'Liveness results' }).click();
    await kim.getByRole('link', { name: 'Open the evidence' }).click();

    // D1 the ID Checks list, D2 the overview with the reasons in words.
    await kim.getByRole('heading', { name: /^Liveness evidence · /, level: 1 }).waitFor();
    const checks = await cells(kim, 'ID Checks');
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.[3], 'FAIL');
    await kim.getByText('No nod was seen (NOD_NOT_DETECTED)').waitFor();
    await expectAccessible(kim, 'evidence overview');
    await expectFitsNarrow(kim, 'evidence overview');

    // D3 Evaluation: the engine's rows and each challenge with its reason.
    await kim.getByRole('tab', { name: 'Evaluation' }).click();
    const evaluation = await cells(kim, 'Evaluation: each assessment and face authentication');
    assert.ok(
      evaluation.some((r) => r[0] === 'Liveness Assessment' && /^NOD/.test(r[1] ?? '') && r[2] === 'FAIL'),
      JSON.stringify(evaluation),
    );
    assert.ok(
      evaluation.some(
        (r) => r[0] === 'Face Authentication' && /TRUSTED SOURCE FACE - PROVIDED/.test(r[1] ?? '') && r[2] === 'MATCH',
      ),
      JSON.stringify(evaluation),
    );
    const challenges = await cells(kim, 'Each challenge, with the reason when it did not pass');
    const nod = challenges.find((r) => r[0] === 'Nod');
    assert.equal(nod?.[1], 'FAIL');
    assert.match(nod?.[3] ?? '', /No nod was seen\s*NOD_NOT_DETECTED/);
    await expectAccessible(kim, 'evidence evaluation');

    // D4 the trusted source face beside the selfie, with Result, FMR and Threshold.
    await kim.getByRole('tab', { name: 'Faces' }).click();
    await kim.getByRole('heading', { name: 'TRUSTED SOURCE FACE - PROVIDED' }).waitFor();
    assert.ok((await imageLoaded(kim, 'The trusted source face PROVIDED')) > 0, 'the application photo is shown');
    assert.ok((await imageLoaded(kim, 'The selfie taken at the start of attempt set 1')) > 0, 'the selfie is shown');
    const comparison = kim.getByRole('table', { name: 'TRUSTED SOURCE FACE - PROVIDED' }).locator('tbody tr').first();
    const [result, fmr, threshold] = await comparison.locator('td').allInnerTexts();
    assert.equal(result, 'MATCH');
    assert.ok(Number(fmr) <= 1e-3, `FMR ${fmr ?? ''} at or under the threshold`);
    assert.equal(threshold, '1.0000E-3');
    await expectAccessible(kim, 'evidence faces');
    await screenshot(kim, 'liveness-evidence-faces');

    // D5 the recordings: the best frame and the movement frame of each challenge, and every frame.
    await kim.getByRole('tab', { name: 'Recordings' }).click();
    assert.ok((await imageLoaded(kim, 'Best frame: Blink')) > 0);
    assert.ok((await imageLoaded(kim, 'Frame that shows the movement: Shake')) > 0);
    for (const summary of await kim.getByText(/^All \d+ frames$/).all()) await summary.click();
    assert.ok((await imageLoaded(kim, /^Blink frame 1$/)) > 0);
    await expectAccessible(kim, 'evidence recordings');

    // The engine advises; the officer records the assessment on "Identity is bound".
    await kim.getByRole('link', { name: "Record the assessment on 'Identity is bound'" }).click();
    await kim.waitForURL(new RegExp(`/applications/${reference}/tasks/`));
    await kim.getByRole('heading', { level: 1, name: /Identity is bound/ }).waitFor();

    // Te reo Māori: the evidence screens pass axe too.
    await kim.goBack();
    await kim.getByRole('button', { name: 'Te reo Māori' }).click();
    await kim.getByRole('heading', { name: /^Ngā taunakitanga oranga/, level: 1 }).waitFor();
    await expectAccessible(kim, 'evidence (te reo Māori)');
    await kim.getByRole('link', { name: `Hoki ki te tono ${reference}` }).click();
    await kim
      .getByRole('link', { name: /^Arowhai oranga o / })
      .first()
      .click();
    await kim.getByRole('heading', { name: /^Arowhai Oranga · /, level: 1 }).waitFor();
    await expectAccessible(kim, 'liveness link record (te reo Māori)');
    await kim.goto(`/applications/${reference}/liveness-links/new`);
    await kim.getByRole('heading', { name: `Arowhai oranga hou · ${reference}`, level: 1 }).waitFor();
    await expectAccessible(kim, 'new liveness check (te reo Māori)');
    await kim.context().close();
  },
);

test(
  'a resent link expires the old one, and the old record points to the new',
  { skip, timeout: 120_000 },
  async () => {
    const links = (await api('GET', `/api/v1/applications/${reference}/liveness-links`)).json<
      { id: string; status: string | null }[]
    >();
    const active = links.find((l) => l.status === 'Active');
    assert.ok(active, JSON.stringify(links));
    const kim = await signedIn(browser, base, 'kim@dia.example');
    await kim.goto(`/applications/${reference}/liveness-links/${active.id}`);
    await kim.getByLabel('Send to (optional)').fill('dennis.t@example.org');
    await kim.getByRole('button', { name: 'Resend' }).click();
    await kim.getByText('A new link was sent; this one has expired.').waitFor();
    await kim.waitForURL((url) => !url.pathname.endsWith(active.id));
    await mailbox.mailTo('dennis.t@example.org');
    await kim.goto(`/applications/${reference}/liveness-links/${active.id}`);
    await kim.locator('.record-header').getByText('Expired').waitFor();
    await kim.getByRole('link', { name: 'Open the newer link' }).waitFor();
    await expectAccessible(kim, 'expired link');
    await kim.context().close();
  },
);
