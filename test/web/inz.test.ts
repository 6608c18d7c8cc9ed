// The immigration results records (S10–S12) in Debian Chromium over the demo's applications: the 1:1 record's
// tabs show the seed's example calculation (366/365/365/365/366 = 1,827, Pass) with the movement and visa
// history; the 1:N record lists its candidates; No match and API error show the Information record with a
// re-fetch. Keyboard tabs, 320 px, axe in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow, screenshot } from '../support/screens.ts';
import { createOfficer, demoRecordsArrived, seedDemoApplications } from '../support/browser.ts';

let t: TestApp;
let base: string;
let browser: Browser;
const refs = new Map<string, string>();

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    for (const [label, reference] of await seedDemoApplications(t)) refs.set(label, reference);
    await createOfficer(t, 'cora@dia.example', ['case-officer'], 'Cora Case');
    await demoRecordsArrived(t, refs.values());
  },
  () => ({ demo: false }),
);

const ref = (label: string) => refs.get(label) ?? '';

async function cells(page: Page, region: string): Promise<string[][]> {
  const rows = page.getByRole('region', { name: region }).locator('tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
  );
}

test(
  "the 1:1 record's Travel and Visa tab shows the seed's example calculation, movements and visa history",
  { skip: skipConsole },
  async () => {
    const page = await signedIn(browser, base, 'cora@dia.example');
    await page.goto(`/applications/${ref('adult, 1:1 match, eligible')}/inz`);
    await page.getByRole('heading', { name: /1:1 match result/ }).waitFor();
    // Identity tab first.
    await page.getByText('Personal information').waitFor();
    assert.match(await page.getByRole('tabpanel').innerText(), /Parata/);
    await expectAccessible(page, 'INZ 1:1 identity');
    // The tabs are reached and changed with the keyboard.
    await page.getByRole('tab', { name: 'Identity' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'Travel and Visa' }).getAttribute('aria-selected'), 'true');
    const calculation = await page.getByTestId('calculation').innerText();
    assert.match(calculation, /Date residency permit granted\s+10\/11\/2014/);
    assert.match(calculation, /Total days in NZ\s+1,827/);
    assert.match(calculation, /1350 days result\s+Pass/);
    const years = await cells(page, 'Year Breakdown');
    assert.deepEqual(years, [
      ['1', '3 Dec 2015 – 2 Dec 2016', '366', 'Pass'],
      ['2', '3 Dec 2016 – 2 Dec 2017', '365', 'Pass'],
      ['3', '3 Dec 2017 – 2 Dec 2018', '365', 'Pass'],
      ['4', '3 Dec 2018 – 2 Dec 2019', '365', 'Pass'],
      ['5', '3 Dec 2019 – 2 Dec 2020', '366', 'Pass'],
    ]);
    assert.deepEqual((await cells(page, 'Travel movements full history'))[0], [
      'Arrival',
      '8/11/2014 11:00 PM',
      'Auckland Airport',
    ]);
    const visas = await cells(page, 'Visa History');
    assert.ok(
      visas.some((v) => v[0] === 'Visitor' && /shall not undertake employment/.test(v[3] ?? '')),
      JSON.stringify(visas),
    );
    assert.ok(
      visas.some((v) => v[0] === 'Resident' && v[1] === '10/11/2014 1:00 PM' && v[2] === '31/12/9999 1:00 PM'),
      JSON.stringify(visas),
    );
    await expectAccessible(page, 'INZ 1:1 travel and visa');
    await screenshot(page, 'inz');
    await expectFitsNarrow(page, 'INZ 1:1 travel and visa');
    await page.getByRole('tab', { name: 'Exceptions' }).click();
    // The demo loads the adult's AMS photo with the records, so the 1:1 record has no exception, and the
    // Identity tab's "Supporting documents (INZ identity)" lists it (BR-48).
    assert.match(await page.getByRole('tabpanel').innerText(), /No exceptions/);
    await page.context().close();
  },
);

test('the 1:N record lists the candidates and picks none', { skip: skipConsole }, async () => {
  const page = await signedIn(browser, base, 'cora@dia.example');
  await page.goto(`/applications/${ref('1:N match')}/inz`);
  await page.getByText('Multiple Identities Found').first().waitFor();
  const rows = await cells(page, 'Multiple Identities Found');
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r[4] === 'de Bret' && r[6] === '13/11/1980'));
  await expectAccessible(page, 'INZ 1:N');
  await page.context().close();
});

test(
  'No match and API error show the Information record; re-fetch asks for the records again',
  { skip: skipConsole },
  async () => {
    const page = await signedIn(browser, base, 'cora@dia.example', 'mi');
    await page.goto(`/applications/${ref('no match')}/inz`);
    await page.getByText('Tatau o ngā mauhanga kiritaki').waitFor();
    assert.match(await page.locator('main').innerText(), /No identity found/);
    await expectAccessible(page, 'INZ no match (mi)');
    await page.getByRole('button', { name: 'Te reo Māori' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/applications/${ref('records service down')}/inz`);
    await page.getByText('Exceptions Present – check exceptions tab').waitFor();
    assert.match(await page.locator('main').innerText(), /API error\s+Identity search service is down/);
    await expectAccessible(page, 'INZ API error');
    await expectFitsNarrow(page, 'INZ API error');
    await page.getByRole('button', { name: 'Fetch the records again' }).click();
    await page.getByText('The records will be fetched again').waitFor();
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'records.refetch')
      .execute();
    assert.equal(audit.length, 1);
    await page.context().close();
  },
);
