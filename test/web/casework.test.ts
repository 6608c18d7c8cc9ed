// The casework screens in Debian Chromium over the demo's applications: the queues and the search show the
// right rows; the application record's tabs (General with the INZ Results row, people and consenting parties,
// Supporting documents with upload and preview and the liveness check subgrid, Confirm identity with the
// proofing grid); four-eyes on a task: officer A prepares and is not offered Validate, a forced validate is
// refused in plain words, officer B (a second browser context) validates; the same flow keyboard-only;
// 320 px; axe in English and te reo Māori; screenshots for the docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import {
  appInBrowser,
  createOfficer,
  seedDemoApplications,
  demoRecordsArrived,
  expectAccessible,
  imageLoaded,
  signedIn,
  skipConsole,
} from '../support/browser.ts';
import { expectFitsNarrow, screenshot } from '../support/screens.ts';
import { DEMO_OFFICER_PASSWORD } from '../../src/app/demo-casework.ts';

let t: TestApp;
let base: string;
let browser: Browser;
const refs = new Map<string, string>();
const ref = (label: string) => refs.get(label) ?? '';

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    for (const [label, reference] of await seedDemoApplications(t)) refs.set(label, reference);
    // Officer A holds both roles, so only the four-eyes rule (not the role table) keeps Validate from them.
    await createOfficer(t, 'ana@dia.example', ['case-officer', 'validating-officer'], 'Ana Aroha');
    await createOfficer(t, 'ben@dia.example', ['validating-officer'], 'Ben Tāne');
    await createOfficer(t, 'eru@dia.example', ['id-proofing-expert'], 'Eru Expert');
    await createOfficer(t, 'kim@dia.example', ['case-officer'], 'Kim Keys');
    await demoRecordsArrived(t, refs.values());
  },
  () => ({ demo: false }),
);

async function rowsOf(page: Page, region: string): Promise<string[][]> {
  const table = page.getByRole('region', { name: region, exact: true });
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
    );
}

/** A new browser context signed in with this password (the demo officers have the demo's). */
async function signedInAs(b: Browser, email: string, password: string): Promise<Page> {
  const context = await b.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return page;
}

/** Presses Tab (at most 80 times) until `target` has the focus: the keyboard is the only way there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  assert.ok(handle, 'the target exists');
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  assert.fail(`could not reach ${String(target)} with Tab`);
}

test('the queues and the search show the right rows', { skip: skipConsole }, async () => {
  const ben = await signedIn(browser, base, 'ben@dia.example');
  await ben.goto('/queues/validation');
  await ben.getByRole('heading', { name: 'Awaiting validation', level: 1 }).waitFor();
  const waiting = await rowsOf(ben, 'Awaiting validation');
  assert.deepEqual(
    waiting.map((r) => r.slice(0, 6)),
    [['Identity is unique', 'Mere Parata', ref('adult, 1:1 match, eligible'), 'Prepared', 'Pass', 'Pita Preparer']],
  );
  await expectAccessible(ben, 'validation queue');
  await expectFitsNarrow(ben, 'validation queue');
  await screenshot(ben, 'validation-queue');
  await ben.context().close();

  const preparer = await signedInAs(browser, 'preparer@pono.example', DEMO_OFFICER_PASSWORD);
  await preparer.goto('/queues/validation');
  await preparer.getByText('No tasks are waiting for your validation.').waitFor();
  await preparer.goto('/work');
  const mine = await rowsOf(preparer, 'My tasks');
  assert.ok(
    mine.some((r) => r[0] === 'Identity is unique' && r[3] === 'Prepared'),
    JSON.stringify(mine),
  );
  assert.equal(mine.length, 3, 'the three tasks of the picked-up application');
  const myApps = await rowsOf(preparer, 'My applications');
  assert.deepEqual(
    myApps.map((r) => [r[0], r[1], r[4], r[7]]),
    [[ref('adult, 1:1 match, eligible'), 'Mere Parata', 'Complete and Correct', 'Pita Preparer']],
  );
  await expectAccessible(preparer, 'my work');
  await screenshot(preparer, 'my-work');
  await preparer.context().close();

  const eru = await signedIn(browser, base, 'eru@dia.example');
  await eru.goto('/queues/escalations');
  const queued = await rowsOf(eru, 'ID Proofing Experts Group');
  assert.deepEqual(
    queued.map((r) => [r[0], r[1], r[2], r[3], r[8]]),
    [[ref('no match'), 'Hōhepa Tūhiwai', 'Identity is bound', '6', 'Queued']],
  );
  await expectAccessible(eru, 'escalation queue');
  await expectFitsNarrow(eru, 'escalation queue');
  await eru.context().close();

  const ana = await signedIn(browser, base, 'ana@dia.example');
  await ana.goto('/applications');
  const all = await rowsOf(ana, 'Applications');
  assert.equal(all.length, refs.size);
  await ana.getByLabel('Reference or name').fill('fifita');
  await ana.getByRole('button', { name: 'Search', exact: true }).click();
  await ana.waitForFunction(() => document.querySelectorAll('main tbody tr').length === 1);
  assert.deepEqual(
    (await rowsOf(ana, 'Applications')).map((r) => [r[0], r[1]]),
    [[ref('child with consenting parents'), 'Sione Fifita']],
  );
  await ana.getByLabel('Reference or name').fill(ref('before 30 July 2020').toLowerCase());
  await ana.getByRole('button', { name: 'Search', exact: true }).click();
  await ana.getByRole('cell', { name: 'Zoë Müller' }).waitFor();
  assert.equal((await rowsOf(ana, 'Applications')).length, 1);
  await ana.getByLabel('Reference or name').fill('');
  await ana.getByLabel('Date of birth').fill('1985-04-02');
  await ana.getByRole('button', { name: 'Search', exact: true }).click();
  await ana.getByRole('cell', { name: 'Mere Parata' }).waitFor();
  assert.deepEqual(
    (await rowsOf(ana, 'Applications')).map((r) => r[1]),
    ['Mere Parata'],
  );
  await ana.getByRole('button', { name: 'Clear' }).click();
  await ana.waitForFunction((n) => document.querySelectorAll('main tbody tr').length === n, refs.size);
  // Sorted by reference, both ways, with the header telling which way.
  await ana.getByRole('button', { name: 'Sort by Application' }).click();
  await ana.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
  const ascending = (await rowsOf(ana, 'Applications')).map((r) => r[0] ?? '');
  assert.deepEqual(ascending, [...refs.values()].sort());
  await ana.getByRole('button', { name: 'Sort by Application' }).click();
  await ana.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
  assert.deepEqual(
    (await rowsOf(ana, 'Applications')).map((r) => r[0] ?? ''),
    [...refs.values()].sort().reverse(),
  );
  await expectAccessible(ana, 'applications');
  await expectFitsNarrow(ana, 'applications');
  await screenshot(ana, 'applications');
  await ana.context().close();
});

test(
  'the application record: General, consenting parties, documents with upload and preview, the proofing grid',
  { skip: skipConsole },
  async () => {
    const ana = await signedIn(browser, base, 'ana@dia.example');
    await ana.goto(`/applications/${ref('adult, 1:1 match, eligible')}`);
    await ana
      .getByRole('heading', { name: `${ref('adult, 1:1 match, eligible')} · CBG application`, level: 1 })
      .waitFor();
    const header = await ana.locator('.record-header').innerText();
    assert.match(header, /Subject person\s+Mere Parata/);
    assert.match(header, /Status\s+Complete and Correct/);
    assert.match(header, /Owner\s+Pita Preparer/);
    const inz = await rowsOf(ana, 'INZ Results');
    assert.deepEqual(inz[0]?.slice(0, 4), ['Mere Parata', '1:1 match found', 'Pass', 'Not found']);
    await expectAccessible(ana, 'record general');
    await expectFitsNarrow(ana, 'record general');
    await screenshot(ana, 'application-record');
    await ana.getByRole('link', { name: 'Open the INZ result of Mere Parata' }).click();
    await ana.waitForURL(/\/inz$/);
    await ana.goBack();

    // A child with consenting parents: relationships, age brackets and the other consenting parties.
    await ana.goto(`/applications/${ref('child with consenting parents')}`);
    const people = await rowsOf(ana, 'People and relationships');
    assert.deepEqual(
      people.map((r) => [r[0], r[1], r[4]]),
      [
        ['Sione Fifita', 'Applicant', '0–13'],
        ['Losaline Fifita', 'Consenting parent', '16+'],
        ['Tevita Fifita', 'Secondary consent giver', '16+'],
      ],
    );
    const parties = await ana
      .getByRole('region', { name: 'Other consenting party contact details (if required)' })
      .innerText();
    assert.match(parties, /Losaline Fifita \(Consenting parent\)\s+Email\s+losaline@example.org/);
    // The child who turns 14 during processing: the bracket has changed since submission.
    await ana.goto(`/applications/${ref('child who turns 14 during processing')}`);
    const turning = await rowsOf(ana, 'People and relationships');
    assert.match(turning[0]?.[5] ?? '', /14\/15\s*Changed since submission/);

    // Supporting documents: upload an image, see it listed and previewed; the liveness subgrid's empty row.
    await ana.goto(`/applications/${ref('before 30 July 2020')}/documents`);
    await ana.getByRole('tab', { name: 'Supporting documents', selected: true }).waitFor();
    const png = await sharp({ create: { width: 24, height: 32, channels: 3, background: { r: 40, g: 90, b: 140 } } })
      .png()
      .toBuffer();
    await ana.locator('input[type=file]').setInputFiles({ name: 'zoe-photo.png', mimeType: 'image/png', buffer: png });
    await ana.getByText('Chosen: zoe-photo.png').waitFor();
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    await ana.getByText('zoe-photo.png is uploaded.').waitFor();
    const docs = await rowsOf(ana, 'Supporting documents');
    assert.deepEqual(docs[0]?.slice(0, 4), ['zoe-photo.png', 'Photo of applicant', 'Identity', 'Zoë Müller']);
    // A passport scan, and a birth certificate the officer files as English evidence (seed L966–972).
    await ana.getByRole('button', { name: /Document type/ }).click();
    await ana.getByRole('option', { name: 'Travel document', exact: true }).click();
    await ana
      .locator('input[type=file]')
      .setInputFiles({ name: 'zoe-passport.png', mimeType: 'image/png', buffer: png });
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    await ana.getByText('zoe-passport.png is uploaded.').waitFor();
    await ana.getByRole('button', { name: /Document type/ }).click();
    await ana.getByRole('option', { name: 'Birth certificate', exact: true }).click();
    await ana.getByRole('button', { name: /Provided as/ }).click();
    await ana.getByRole('option', { name: 'English evidence', exact: true }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await ana
      .locator('input[type=file]')
      .setInputFiles({ name: 'english.pdf', mimeType: 'application/pdf', buffer: pdf });
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    await ana.getByText('english.pdf is uploaded.').waitFor();
    await ana.waitForFunction(
      () => document.querySelectorAll('[aria-label="Supporting documents"] tbody tr').length === 3,
    );
    const filed = (await rowsOf(ana, 'Supporting documents')).map((r) => r.slice(0, 3));
    assert.deepEqual(
      [...filed].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
      [
        ['english.pdf', 'Birth certificate', 'English evidence'],
        ['zoe-passport.png', 'Passport', 'Travel document'],
        ['zoe-photo.png', 'Photo of applicant', 'Identity'],
      ],
    );
    await ana.getByRole('button', { name: 'Show zoe-photo.png' }).click();
    assert.equal(await imageLoaded(ana, 'Preview of zoe-photo.png'), 24);
    assert.deepEqual((await rowsOf(ana, 'Liveness check'))[0]?.slice(0, 3), ['---', '---', 'No']);
    assert.equal(
      await ana.getByRole('link', { name: '+ New Liveness Check' }).getAttribute('href'),
      `/applications/${ref('before 30 July 2020')}/liveness-links/new`,
    );
    await expectAccessible(ana, 'record documents');
    await expectFitsNarrow(ana, 'record documents');
    await screenshot(ana, 'application-documents');
    // The AMS photo that came with the 1:1 record is filed among them (BR-48).
    await ana.goto(`/applications/${ref('adult, 1:1 match, eligible')}/documents`);
    const adultDocs = await rowsOf(ana, 'Supporting documents');
    assert.ok(
      adultDocs.some(
        (r) => /^900000001\./.test(r[0] ?? '') && r[1] === 'INZ photo of applicant' && r[2] === 'Identity',
      ),
      JSON.stringify(adultDocs),
    );
    await ana.goto(`/applications/${ref('before 30 July 2020')}/documents`);

    // The proofing grid: before 30 July 2020 the reconstructed G2, with the uploaded application photo on file.
    await ana.getByRole('tab', { name: 'Confirm identity' }).click();
    const grid = ana.locator('.grid-suggestion').first();
    await grid.getByText('Column').first().waitFor();
    const text = await grid.innerText();
    assert.match(text, /G2 ID proofing grid/);
    assert.match(text, /Application photo\s+✓ Present/);
    assert.match(text, /Escalate to the ID Proofing Experts Group/, 'no passport image: G2 escalates');
    await ana.goto(`/applications/${ref('adult, 1:1 match, eligible')}/identity`);
    const g1 = ana.locator('.grid-suggestion').first();
    await g1.getByText('Outside the grid').waitFor();
    assert.match(await g1.innerText(), /G1 Identity Proofing Grid/);
    // The AMS photo that came with the records is held (BR-48); nothing else is on file yet.
    assert.match(await g1.innerText(), /AMS Photo\s+✓ Present/);
    assert.match(await g1.innerText(), /Overseas passport image\s+✗ Not present/);
    await expectAccessible(ana, 'record confirm identity');
    await ana.context().close();
  },
);

test(
  'four-eyes: A prepares and is not offered Validate; a forced validate is refused in plain words; B validates',
  { skip: skipConsole },
  async () => {
    const child = ref('child with consenting parents');
    const ana = await signedIn(browser, base, 'ana@dia.example');
    await ana.goto(`/applications/${child}`);
    await ana.getByRole('button', { name: 'Pick up this application' }).click();
    await ana.locator('.record-header').getByText('Ana Aroha').waitFor();
    await ana.getByRole('tab', { name: 'Confirm identity' }).click();
    await ana.getByRole('link', { name: 'Identity is unique of Sione Fifita' }).click();
    await ana.getByRole('heading', { name: 'Identity is unique · Sione Fifita', level: 1 }).waitFor();
    await expectAccessible(ana, 'task form (open)');
    await ana.locator('label').filter({ hasText: 'Pass' }).click();
    await ana.locator('label').filter({ hasText: 'INZ match' }).click();
    await ana.getByLabel('Comments').fill('One AMS record for the child; 1:1 match found.');
    await ana.getByRole('button', { name: 'Prepare' }).click();
    await ana.getByText('The task is prepared. Another officer validates it.').waitFor();
    await ana.getByText('You prepared this task, so another officer must validate it.').waitFor();
    assert.equal(
      await ana.getByRole('button', { name: 'Validate' }).count(),
      0,
      'Validate is not offered to the preparer',
    );
    await screenshot(ana, 'task-prepared');
    const taskUrl = ana.url();
    await ana.goto('/queues/validation');
    const forAna = await rowsOf(ana, 'Awaiting validation');
    assert.deepEqual(
      forAna.map((r) => r[1]),
      ['Mere Parata'],
      'only the task someone else prepared',
    );

    // Forced: the page is made to believe someone else prepared it; the server still refuses, in plain words.
    await ana.route('**/api/v1/tasks/*', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { preparedBy: string };
      return route.fulfill({ response, json: { ...body, preparedBy: 'someone-else', preparedByName: 'Someone Else' } });
    });
    await ana.goto(taskUrl);
    await ana.getByRole('button', { name: 'Validate' }).click();
    const refusal = ana.getByRole('alert');
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /You prepared this task, so you cannot validate it\. Another validating officer must do it\./,
    );
    await expectAccessible(ana, 'task form refusal');
    await screenshot(ana, 'task-refused');
    await ana.unroute('**/api/v1/tasks/*');

    // Officer B, in a second browser context, finds it in the queue and validates it.
    const ben = await signedIn(browser, base, 'ben@dia.example');
    await ben.goto('/queues/validation');
    await ben.getByRole('link', { name: 'Identity is unique of Sione Fifita' }).click();
    await ben.getByText('Prepared by Ana Aroha.').waitFor();
    await ben.getByRole('button', { name: 'Validate' }).click();
    await ben.getByText('The task is validated.').waitFor();
    await ben.getByText('Validated by Ben Tāne.').waitFor();
    await ana.reload();
    await ana.getByText('Validated by Ben Tāne.').waitFor();
    const task = await t.database.db
      .selectFrom('identity_tasks')
      .select(['state'])
      .where('task_id', '=', taskUrl.split('/').pop() ?? '')
      .executeTakeFirstOrThrow();
    assert.equal(task.state, 'validated');
    await ben.context().close();
    await ana.context().close();
  },
);

test('keyboard only: pick up, prepare, and validate in a second context', { skip: skipConsole }, async () => {
  const kim = await signedIn(browser, base, 'kim@dia.example');
  await kim.goto('/work');
  await kim.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  await tabTo(kim, kim.getByRole('button', { name: 'Pick up the next application' }));
  await kim.keyboard.press('Enter');
  await kim.waitForURL(/\/applications\/[0-9A-Z]{6}$/);
  const picked = kim.url().split('/').pop() ?? '';
  await kim.locator('.record-header').getByText('Kim Keys').waitFor();
  await tabTo(kim, kim.getByRole('tab', { name: 'General' }));
  await kim.keyboard.press('ArrowRight');
  await kim.keyboard.press('ArrowRight');
  await kim.getByRole('tab', { name: 'Confirm identity', selected: true }).waitFor();
  const firstTask = kim.getByRole('link', { name: /^Identity is unique of / }).first();
  await tabTo(kim, firstTask);
  await kim.keyboard.press('Enter');
  await kim.getByRole('heading', { name: /^Identity is unique · /, level: 1 }).waitFor();
  await tabTo(kim, kim.getByRole('radio', { name: 'Pass' }));
  await kim.keyboard.press('Space');
  await tabTo(kim, kim.getByRole('checkbox', { name: 'INZ match' }));
  await kim.keyboard.press('Space');
  await tabTo(kim, kim.getByLabel('Comments'));
  await kim.keyboard.type('Keyboard only: INZ Results show one record.');
  await tabTo(kim, kim.getByRole('button', { name: 'Prepare' }));
  await kim.keyboard.press('Enter');
  await kim.getByText('The task is prepared. Another officer validates it.').waitFor();
  assert.equal(await kim.getByRole('button', { name: 'Validate' }).count(), 0);

  const ben = await signedIn(browser, base, 'ben@dia.example', 'mi');
  await ben.goto('/queues/validation');
  await ben.getByRole('heading', { name: 'E tatari ana kia manatokona', level: 1 }).waitFor();
  await expectAccessible(ben, 'validation queue (mi)');
  const link = ben.getByRole('row').filter({ hasText: picked }).getByRole('link').first();
  await tabTo(ben, link);
  await ben.keyboard.press('Enter');
  await ben.getByRole('heading', { level: 1 }).filter({ hasText: 'He ahurei te tuakiri' }).waitFor();
  await expectAccessible(ben, 'task form (mi)');
  await tabTo(ben, ben.getByRole('button', { name: 'Manatoko', exact: true }));
  await ben.keyboard.press('Enter');
  await ben.getByText('Kua manatokona te mahi.').waitFor();
  await ben.context().close();
  await kim.context().close();
});

test('in te reo Māori the record and the lists pass axe', { skip: skipConsole }, async () => {
  const eru = await signedIn(browser, base, 'eru@dia.example', 'mi');
  await eru.goto(`/applications/${ref('child with consenting parents')}`);
  await eru.getByRole('tab', { name: 'Whānui' }).waitFor();
  await eru.getByText('Ngā tāngata me ngā hononga').waitFor();
  await expectAccessible(eru, 'record general (mi)');
  await eru.getByRole('tab', { name: 'Arotake' }).click();
  const audit = await rowsOf(eru, 'Arotake');
  assert.ok(
    audit.some(
      (r) =>
        r[1]?.startsWith('Ana Aroha') === true && r[1].endsWith('ana@dia.example') && r[2] === 'application.pick-up',
    ),
    JSON.stringify(audit.map((r) => r.slice(1, 3))),
  );
  assert.ok(audit.some((r) => r[1]?.startsWith('Ben Tāne') === true && r[2] === 'task.validate'));
  await expectAccessible(eru, 'record audit (mi)');
  await screenshot(eru, 'application-audit-mi');
  await eru.getByRole('tab', { name: 'Ngā tuhinga tautoko' }).click();
  await eru.getByRole('heading', { name: 'Arowhai oranga' }).waitFor();
  await expectAccessible(eru, 'record documents (mi)');
  await eru.goto('/queues/escalations');
  await eru.getByRole('heading', { name: 'Rōpū Tohunga Tuakiri', level: 1 }).waitFor();
  await expectAccessible(eru, 'escalations (mi)');
  await eru.goto('/applications');
  await eru.getByRole('heading', { name: 'Ngā tono', level: 1 }).waitFor();
  await eru.locator('main tbody tr').first().waitFor();
  await expectAccessible(eru, 'applications (mi)');
  await eru.goto('/work');
  await eru.getByRole('heading', { name: 'Aku mahi', level: 1 }).waitFor();
  await expectAccessible(eru, 'my work (mi)');
  await eru.context().close();
});
