// BR-16 in Debian Chromium: on a prepared "Identity is bound", the validator sees the assessment and opens the
// recording the preparer named with one click (the check's recordings tab); the task then names who opened it,
// and the audit trail records the opening. Axe on the task with the assessment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, skipConsole } from '../support/browser.ts';
import type { Actor } from '../../src/app/casework/actor.ts';

let t: TestApp;
let base: string;
let browser: Browser;
let reference = '';
let taskId = '';

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    const co: Actor = {
      officerId: await createOfficer(t, 'kim@dia.example', ['case-officer'], 'Kim Keys'),
      roles: ['case-officer'],
    };
    await createOfficer(t, 'vai@dia.example', ['validating-officer'], 'Vai Validator');
    const cw = t.services.casework;
    ({ reference } = await cw.applications.create(co, { applicationType: 'CBG Adult' }));
    const person = await cw.applications.addPerson(co, reference, {
      relationship: 'applicant',
      givenNames: 'Ana',
      familyName: 'Havili',
      dateOfBirth: '1990-02-03',
      email: 'ana@example.org',
    });
    const link = await cw.links.create(co, reference, { personId: person.id, relationship: 'Adult' });
    const token = randomBytes(32).toString('base64url');
    await cw.links.markSentForDemo(link.id, new Date(Date.now() - 3_600_000), token);
    await t.services.liveness.startAttempt(token);
    await cw.links.completeByToken(token);
    const bound = (await cw.tasks.forApplication(co, reference)).find((x) => x.kind === 'identity-is-bound');
    assert.ok(bound);
    taskId = bound.id;
    await cw.tasks.command(co, taskId, {
      action: 'prepare',
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'shake' recording",
      livenessAssessment: { result: 'satisfactory', linkId: link.id, recordings: ['shake'] },
    });
  },
  () => ({ demo: false }),
);

test(
  'BR-16: the validator opens the named recording in one click, and the task says who opened it',
  { skip: skipConsole },
  async () => {
    const vai = await signedIn(browser, base, 'vai@dia.example');
    await vai.goto(`/applications/${reference}/tasks/${taskId}`);
    const open = vai.getByRole('button', { name: 'Open the recordings of this check' });
    await open.waitFor();
    assert.match(
      await vai.locator('main').innerText(),
      /Nobody has opened the recording since the task was prepared\./,
    );
    await expectAccessible(vai, 'task with a liveness assessment');
    await open.click();
    await vai.waitForURL(new RegExp(`/applications/${reference}/liveness-checks/[^/]+/newest/recordings$`));
    await vai.goBack();
    await vai.getByText(/Recording opened by/).waitFor();
    await vai.getByText(/Vai Validator \(/).waitFor();
    const trail = await t.services.casework.audit.forApplication(
      { officerId: 'a', roles: ['administrator'] },
      reference,
    );
    assert.equal(trail.filter((e) => e.action === 'task.recording-opened').length, 1);
    await vai.context().close();
  },
);
