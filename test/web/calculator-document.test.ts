// The public calculator by travel document in Debian Chromium (BR-60): the document details of the demo's
// eligible adult give 366/365/365/365/366 = 1,827 and eligible, with no date of residence shown; a wrong detail
// gives the plain refusal; axe in English and te reo Māori.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, expectAccessible, skipConsole } from '../support/browser.ts';
import { DEMO_RECORDS } from '../../src/app/demo-records.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    await t.services.records.load(DEMO_RECORDS);
  },
  () => ({ demo: false }),
);

async function openCalculator(language: 'en' | 'mi'): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'en-NZ', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((lang) => window.localStorage.setItem('pono.language', lang), language);
  const page = await context.newPage();
  await page.goto('/calculator');
  return page;
}

test('by travel document: the calculation from the records, nothing else of them', { skip: skipConsole }, async () => {
  const page = await openCalculator('en');
  const form = page.locator('section[aria-labelledby="by-document"]');
  await form.getByLabel('Passport or travel document number').fill('P0000001');
  await form.getByLabel('Nationality (the country that issued the document)').fill('India');
  await form.getByLabel('Date of birth').fill('1985-04-02');
  await form.getByLabel('Given names').fill('Mere');
  await form.getByLabel('Family name').fill('Parata');
  await form.getByLabel('Application date (leave empty for today)').fill('2020-12-03');
  await form.getByRole('button', { name: 'Check my presence' }).click();
  await form.getByTestId('total-days').waitFor();
  assert.equal(await form.getByTestId('total-days').innerText(), '1,827');
  const years = await form
    .locator('table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => (tr.querySelectorAll('td')[2]?.textContent ?? '').trim()));
  assert.deepEqual(years, ['366', '365', '365', '365', '366']);
  assert.equal(
    await form.getByText('10 November 2014').count(),
    0,
    'the date of residence from the records is not shown',
  );
  await expectAccessible(page, 'calculator by travel document');
  await form.getByLabel('Family name').fill('Smith');
  await form.getByRole('button', { name: 'Check my presence' }).click();
  await form.getByText('No immigration record matches all of these travel document details').waitFor();
  await page.context().close();

  const mi = await openCalculator('mi');
  await mi.getByRole('heading', { name: 'Tirohia mā tō tuhinga haerenga' }).waitFor();
  await expectAccessible(mi, 'calculator by travel document (mi)');
  await mi.context().close();
});
