// Escalations in Debian Chromium: a case officer raises one from the proofing grid's escalate step with the ID
// experts group template; it appears in the group's queue; an ID proofing expert opens it, is refused in plain
// words before the Wednesday meeting, and records the group's decision after it; the expert who raised an
// escalation is not offered the decision form. Axe on the new screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { seedDemoCasework } from '../../src/app/demo-casework.ts';

const DAY_MS = 86_400_000;
let t: TestApp;
let base: string;
let browser: Browser;
const clock = new ManualClock(new Date());
let reference = '';

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    const demo = await seedDemoCasework(t.services);
    reference = demo.applications.find((a) => a.label === '1:N match')?.reference ?? '';
    await createOfficer(t, 'kim@dia.example', ['case-officer'], 'Kim Keys');
    await createOfficer(t, 'eru@dia.example', ['id-proofing-expert'], 'Eru Expert');
  },
  () => ({ demo: false, clock }),
);

test(
  'an officer escalates from the grid; an expert records the decision after the meeting',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const kim = await signedIn(browser, base, 'kim@dia.example');
    await kim.goto(`/applications/${reference}/identity`);
    const form = kim.getByRole('form', { name: 'Escalate to the ID Proofing Experts Group' });
    await form.waitFor();
    await expectAccessible(kim, 'raise escalation');
    await form.getByRole('button', { name: 'Escalate' }).click();
    // The browser holds back an empty required field; nothing is sent.
    assert.equal(
      (await t.services.casework.escalations.queue({ officerId: 'x', roles: ['id-proofing-expert'] })).length,
      1,
      'only the demo escalation',
    );
    await form.getByLabel('Case summary').fill('1:N match in the immigration records; no passport image on file.');
    await form.getByLabel('Your recommendation').fill('Ask for the original passport.');
    await form.getByRole('button', { name: 'Escalate' }).click();
    const raised = kim.getByText(/^Escalated\. The group will look at it at the meeting on \d{1,2} \w{3} \d{4}\.$/);
    await raised.waitFor();
    await kim.context().close();

    const eru = await signedIn(browser, base, 'eru@dia.example');
    await eru.goto('/queues/escalations');
    await eru.getByRole('link', { name: 'Open the escalation of Dennis de Bret' }).click();
    await eru.getByRole('heading', { name: 'Escalation · Dennis de Bret', level: 1 }).waitFor();
    const facts = await eru.locator('dl.facts').first().innerText();
    assert.match(facts, /Case summary\s+1:N match in the immigration records/);
    assert.match(facts, /Your recommendation\s+Ask for the original passport\./);
    await expectAccessible(eru, 'escalation record');

    await eru.locator('label.radio', { hasText: 'Further evidence required' }).click();
    await eru.getByLabel('Rationale').fill('The original passport is needed.');
    await eru.getByRole('button', { name: 'Record the decision' }).click();
    await eru.getByText('The group decides at its meeting: record the decision on or after the meeting day.').waitFor();

    const record = eru.url();
    await eru.context().close();

    // The meeting day has passed (the officer signs in again on that day).
    clock.advance(8 * DAY_MS);
    const later = await signedIn(browser, base, 'eru@dia.example');
    await later.goto(record);
    await later.locator('label.radio', { hasText: 'Further evidence required' }).click();
    await later.getByLabel('Rationale').fill('The original passport is needed.');
    await later.getByRole('button', { name: 'Record the decision' }).click();
    await later.getByRole('status').getByText('Further evidence required').waitFor();
    assert.match(await later.locator('dl.facts').first().innerText(), /Status\s+Decided/);
    assert.match(await later.locator('dl.facts').nth(1).innerText(), /Rationale\s+The original passport is needed\./);
    await later.getByRole('button', { name: 'Te reo Māori' }).click();
    await later.getByRole('heading', { name: 'Take kua hikina · Dennis de Bret', level: 1 }).waitFor();
    await expectAccessible(later, 'escalation record (te reo Māori)');
    await later.context().close();
  },
);

test(
  'the expert who raised an escalation is not offered the decision',
  { skip: skipConsole, timeout: 60_000 },
  async () => {
    await createOfficer(t, 'ria@dia.example', ['case-officer', 'id-proofing-expert'], 'Ria Both');
    const ria = await signedIn(browser, base, 'ria@dia.example');
    const zoe =
      (await t.services.casework.allocation.page({ officerId: 'x', roles: ['case-officer'] }, { q: 'Müller' })).items[0]
        ?.reference ?? '';
    await ria.goto(`/applications/${zoe}/identity`);
    const form = ria.getByRole('form', { name: 'Escalate to the ID Proofing Experts Group' });
    await form.getByLabel('Case summary').fill('No passport image: G2 escalates.');
    await form.getByLabel('Your recommendation').fill('Identity confirmation appointment.');
    await form.getByRole('button', { name: 'Escalate' }).click();
    await ria.getByText(/^Escalated\./).waitFor();
    await ria.goto('/queues/escalations');
    await ria.getByRole('link', { name: 'Open the escalation of Zoë Müller' }).click();
    await ria.getByRole('heading', { name: 'Escalation · Zoë Müller', level: 1 }).waitFor();
    assert.equal(await ria.getByRole('button', { name: 'Record the decision' }).count(), 0);
    await ria.context().close();
  },
);
