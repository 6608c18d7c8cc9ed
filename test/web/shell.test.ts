// The console's frame in Debian Chromium: sign-in, the menu by role, the language switch that persists, an
// ended session that asks to sign in again without losing the page, sign-out, and the security headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.ts';
import { appInBrowser, createOfficer, expectAccessible, signedIn, signInOn, skipConsole } from '../support/browser.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(
  skipConsole,
  async (web) => {
    ({ t, base, browser } = web);
    await createOfficer(t, 'ana@dia.example', ['case-officer'], 'Ana Case');
    await createOfficer(t, 'admin@dia.example', ['administrator'], 'Ada Admin');
  },
  () => ({ demo: false }),
);

test(
  'a signed-out visitor is sent to sign-in; a wrong password is refused in words; the right one opens My work',
  { skip: skipConsole },
  async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/queues/validation');
    await page.waitForURL(/\/signin\?next=/);
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('Email').fill('ana@dia.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /password/i);
    await signInOn(page, 'ana@dia.example');
    await page.waitForURL(/\/queues\/validation$/);
    assert.match(await page.getByRole('banner').innerText(), /Ana Case/);
    await context.close();
  },
);

test('the menu offers each role its own queues', { skip: skipConsole }, async () => {
  const officer = await signedIn(browser, base, 'ana@dia.example');
  const officerMenu = await officer.getByRole('navigation', { name: 'Tahua | Menu' }).innerText();
  assert.match(officerMenu, /My work/);
  assert.doesNotMatch(officerMenu, /Officers/);
  const admin = await signedIn(browser, base, 'admin@dia.example');
  assert.match(await admin.getByRole('navigation', { name: 'Tahua | Menu' }).innerText(), /Officers/);
  await officer.context().close();
  await admin.context().close();
});

test('te reo Māori is chosen once and kept across pages and reloads', { skip: skipConsole }, async () => {
  const page = await signedIn(browser, base, 'ana@dia.example');
  await page.getByRole('button', { name: 'Te reo Māori' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  await page.reload();
  await page.getByRole('link', { name: 'Aku mahi' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'mi');
  await expectAccessible(page, 'my work (mi)');
  await page.context().close();
});

test(
  'an ended session asks to sign in again over the page, keeping what was typed',
  { skip: skipConsole },
  async () => {
    const page = await signedIn(browser, base, 'ana@dia.example');
    await page.goto('/signin');
    await page.waitForURL(/\/work$/);
    // The server forgets every session (as at expiry); the page still holds the officer.
    await t.database.db.deleteFrom('officer_sessions').execute();
    await page.evaluate(() => window.dispatchEvent(new Event('pono:session-expired')));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /session has ended/);
    await signInOn(page, 'ana@dia.example');
    await dialog.waitFor({ state: 'detached' });
    assert.match(page.url(), /\/work$/);
    await page.context().close();
  },
);

test('signing out ends the session on the server', { skip: skipConsole }, async () => {
  const page = await signedIn(browser, base, 'ana@dia.example');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin/);
  const answer = await page.request.get('/api/v1/session');
  assert.equal(answer.status(), 401);
  await page.context().close();
});

test(
  'every page carries a content security policy without inline script and the usual security headers',
  { skip: skipConsole },
  async () => {
    for (const path of ['/', '/work', '/calculator', '/applications/A-1']) {
      const r = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      assert.equal(r.statusCode, 200, path);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.match(String(r.headers['x-frame-options'] ?? ''), /SAMEORIGIN|DENY/);
      assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc=)/, `no inline script on ${path}`);
    }
  },
);
