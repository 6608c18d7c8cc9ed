// The public presence calculator in Debian Chromium: the seed's example (residence from 10 Nov 2014, applying
// 18 Nov 2020, no trips) gives 366/365/365/365/366 = 1,827 and eligible, the same as the API; a trip counts;
// keyboard use, 320 px, axe in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, expectAccessible, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow, screenshot } from '../support/screens.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(
  skipConsole,
  (web) => {
    ({ t, base, browser } = web);
  },
  () => ({ demo: false }),
);

async function openCalculator(language: 'en' | 'mi' = 'en'): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'en-NZ', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((lang) => window.localStorage.setItem('pono.language', lang), language);
  const page = await context.newPage();
  await page.goto('/calculator');
  return page;
}

async function yearRows(page: Page): Promise<string[][]> {
  const rows = page.locator('table tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
  );
}

test(
  "the seed's example gives 366/365/365/365/366 = 1,827 and eligible, the same as the API, without signing in",
  { skip: skipConsole },
  async () => {
    const page = await openCalculator();
    await page.getByRole('heading', { name: 'Presence calculator' }).waitFor();
    await page.getByLabel('Date you apply').fill('2020-11-18');
    await page.getByLabel('First day you were entitled').fill('2014-11-10');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const rows = await yearRows(page);
    assert.deepEqual(
      rows.map((r) => r[2]),
      ['366', '365', '365', '365', '366'],
    );
    assert.deepEqual(rows[0], ['1', '18 Nov 2015 – 17 Nov 2016', '366', 'Pass']);
    assert.equal(await page.getByTestId('total-days').innerText(), '1,827');
    assert.match(await page.getByRole('status').innerText(), /You meet the presence requirement/);

    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/presence/calculate',
      payload: {
        applicationDate: '2020-11-18',
        indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
        movements: [],
        options: { noMovements: 'PRESENT_THROUGHOUT' },
      },
    });
    const answer = api.json<{ totalDays: number; eligible: boolean; years: { days: number }[] }>();
    assert.deepEqual(
      answer.years.map((y) => String(y.days)),
      rows.map((r) => r[2]),
    );
    assert.equal(answer.totalDays, 1827);
    assert.equal(answer.eligible, true);
    await expectAccessible(page, 'calculator with a result');
    await screenshot(page, 'calculator');
    await expectFitsNarrow(page, 'calculator');
    await page.context().close();
  },
);

test(
  'a trip is typed with the keyboard alone and its days away come off that year',
  { skip: skipConsole },
  async () => {
    const page = await openCalculator();
    await page.getByLabel('Date you apply').fill('2020-11-18');
    await page.getByLabel('First day you were entitled').fill('2014-11-10');
    await page.getByRole('button', { name: 'Add a trip' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Left New Zealand').fill('2017-07-01');
    await page.getByLabel('Came back').fill('2017-07-15');
    await page.getByRole('button', { name: 'Calculate' }).focus();
    await page.keyboard.press('Enter');
    const rows = await yearRows(page);
    // 13 whole days away (the days of leaving and returning count as present), in the second year.
    assert.deepEqual(
      rows.map((r) => r[2]),
      ['366', '352', '365', '365', '366'],
    );
    assert.equal(await page.getByTestId('total-days').innerText(), '1,814');
    // Removing the trip brings the total back.
    await page.getByRole('button', { name: 'Remove trip 1' }).click();
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.getByTestId('total-days').filter({ hasText: '1,827' }).waitFor();
    await page.context().close();
  },
);

test('a trip that comes back before it left is refused in words beside the field', { skip: skipConsole }, async () => {
  const page = await openCalculator();
  await page.getByLabel('Date you apply').fill('2020-11-18');
  await page.getByLabel('First day you were entitled').fill('2021-11-10');
  await page.getByRole('button', { name: 'Add a trip' }).click();
  await page.getByLabel('Left New Zealand').fill('2019-07-15');
  await page.getByLabel('Came back').fill('2019-07-01');
  await page.getByRole('button', { name: 'Calculate' }).click();
  const back = page.getByLabel('Came back');
  await page.getByText('The day you came back must be on or after the day you left.').waitFor();
  assert.equal(await back.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('table').count(), 0);
  await page.context().close();
});

test('in te reo Māori the calculator gives the same figures and passes axe', { skip: skipConsole }, async () => {
  const page = await openCalculator('mi');
  await page.getByRole('heading', { name: 'Tātaitai noho' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  await page.getByLabel('Te rā ka tono koe').fill('2020-11-18');
  await page.getByLabel('Te rā tuatahi').fill('2014-11-10');
  await page.getByRole('button', { name: 'Tātaihia' }).click();
  assert.deepEqual(
    (await yearRows(page)).map((r) => r[3]),
    ['Paahi', 'Paahi', 'Paahi', 'Paahi', 'Paahi'],
  );
  assert.equal(await page.getByTestId('total-days').innerText(), '1,827');
  await expectAccessible(page, 'calculator (mi)');
  await expectFitsNarrow(page, 'calculator (mi)');
  await page.context().close();
});
