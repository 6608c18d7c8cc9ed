// The document check in the console, in Debian Chromium: a validating officer opens a secondary consent giver's
// passport scan (a specimen data page with a public-domain portrait) on the Documents tab, runs the document check
// and reads the result beside the image: the passport and its region, the machine-readable zone, the details read
// against the person's record (the family name differs), the face against the application photo (another
// person), and each authenticity check with its finding; the same in te reo Māori; axe on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import { renderSpecimen } from '../../src/adapters/documents/specimens.ts';
import { HOPPER, missingImages } from '../../src/adapters/face/synthetic-faces.ts';
import { EILEEN } from '../adapters/http/documents/support.ts';
import { CaseworkClient, multipart, type App } from '../adapters/http/casework/casework-client.ts';

const skip = skipConsole ?? missingImages();
let t: TestApp;
let base: string;
let browser: Browser;
let reference = '';

appInBrowser(
  skip,
  async (web) => {
    ({ t, base, browser } = web);
    const c = new CaseworkClient(t);
    const co = await c.officer('setup-co@dia.example', ['case-officer']);
    await createOfficer(t, 'vera@dia.example', ['validating-officer'], 'Vera Validator');
    const app = await c.expect<App>(201, co, 'POST', '/applications', { applicationType: 'CBG Child' });
    reference = app.reference;
    const add = (body: object) => c.expect<{ id: string }>(201, co, 'POST', `/applications/${reference}/people`, body);
    await add({
      relationship: 'applicant',
      givenNames: 'Sione',
      familyName: 'Fifita',
      dateOfBirth: '2017-06-01',
      email: 'sione@example.org',
    });
    const eileen = await add({
      relationship: 'secondary-consent-giver',
      givenNames: 'Eileen Marie',
      familyName: 'Collins-Smith',
      dateOfBirth: '1956-11-19',
      email: 'eileen@example.org',
    });
    const upload = async (kind: string, name: string, content: Buffer) => {
      const body = multipart({ kind, personId: eileen.id }, { name, content, type: 'image/jpeg' });
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${reference}/documents`,
        headers: { ...co.headers, ...body.headers },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 201, response.body);
    };
    await upload('passport-style-image', 'eileen-photo.jpg', readFileSync(HOPPER));
    await upload('overseas-passport-image', 'eileen-passport.jpg', await renderSpecimen(EILEEN));
  },
  () => ({ demo: false, workJobs: false }),
);

test(
  "a validating officer runs the document check on a consent giver's passport scan and reads it beside the image",
  { skip, timeout: 240_000 },
  async () => {
    const page = await signedIn(browser, base, 'vera@dia.example');
    await page.goto(`/applications/${reference}/documents`);
    await page.getByRole('tab', { name: 'Supporting documents', selected: true }).waitFor();
    // the application photo is not a passport: no check is offered beside it
    await page.getByRole('button', { name: 'Show eileen-photo.jpg' }).click();
    await page.getByRole('img', { name: 'Preview of eileen-photo.jpg' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Document check' }).count(), 0);

    await page.getByRole('button', { name: 'Show eileen-passport.jpg' }).click();
    await page.getByRole('img', { name: 'Preview of eileen-passport.jpg' }).waitFor();
    const panel = page.getByRole('region', { name: 'Document check' });
    await panel.getByText('This document has not been checked.').waitFor();
    await panel.getByRole('button', { name: 'Run document check' }).click();
    await panel.getByText('Advice for the officer').waitFor({ timeout: 120_000 });

    const facts = await panel.locator('dl.facts').innerText();
    assert.match(facts, /Document\s+Passport \(NZ\)/);
    assert.match(facts, /Machine-readable zone\s+Read, every check digit agrees/);
    assert.match(facts, /Document number\s+LA9876543/);
    assert.match(facts, /Face\s+Score \d+ of 100, below 40: not shown to be the person in the application photo/);
    const record = await panel
      .getByRole('region', { name: 'Details read against the record' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').trim())));
    assert.deepEqual(record, [
      ['Given names', 'Eileen Marie', 'EILEEN MARIE', 'Yes'],
      ['Family name', 'Collins-Smith', 'COLLINS', 'No'],
      ['Date of birth', '1956-11-19', '1956-11-19', 'Yes'],
    ]);
    const checks = await panel
      .getByRole('region', { name: 'Authenticity checks' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.children[1]?.textContent ?? '').trim()));
    assert.ok(checks.length >= 8, `every check is listed (${checks.length})`);
    assert.deepEqual([...new Set(checks)], ['Passed']);
    // the image and the result side by side on a desk screen
    const image = await page.getByRole('img', { name: 'Preview of eileen-passport.jpg' }).boundingBox();
    const result = await panel.boundingBox();
    assert.ok(image && result && result.x > image.x + image.width - 1, 'the result is beside the image');
    await expectAccessible(page, 'document check');

    // after a reload the kept result is shown; in te reo Māori too
    await page.evaluate(() => window.localStorage.setItem('pono.language', 'mi'));
    await page.reload();
    await page.getByRole('button', { name: 'Whakaaturia a eileen-passport.jpg' }).click();
    const kept = page.getByRole('region', { name: 'Arowhai tuhinga' });
    await kept.getByText('He tohutohu mā te āpiha').waitFor();
    assert.match(await kept.locator('dl.facts').innerText(), /Uruwhenua \(NZ\)/);
    await expectAccessible(page, 'document check (mi)');
  },
);
