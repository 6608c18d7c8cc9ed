// The React wrapper of <pono-verify> (web/forms/react) in Debian Chromium: a form built with React and bundled by
// Vite, as a form developer would, served from its own origin, mounts the wrapper against a running pono with a
// browser token. Applicant 1's background verification completes at once and onVerified carries seed 001's
// outputs; applicant 2 (te reo Māori, one string overridden) opts out and onFailure carries them with optedOut;
// axe finds no serious violation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { DEMO, DEMO_AUTH, type TestApp } from '../support/app.ts';
import { appInBrowser, browserMissing, expectAccessible } from '../support/browser.ts';

const skip = browserMissing;
let t: TestApp;
let base: string;
let browser: Browser;
let site: Server;
let origin: string;
let outDir: string;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

appInBrowser(skip, async (web) => {
  ({ t, base, browser } = web);
  outDir = mkdtempSync(join(tmpdir(), 'pono-forms-react-'));
  await build({
    root: fileURLToPath(new URL('./forms-react/', import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true },
  });
  site = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(outDir, path));
      response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const settings = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/forms/settings',
    headers: { authorization: DEMO_AUTH },
    payload: { customerName: null, allowedOrigins: [origin] },
  });
  assert.equal(settings.statusCode, 200, settings.body);
});
after(() => {
  if (skip) return;
  site.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function reactForm(trackingCode: string): Promise<Page> {
  const minted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/forms/browser-tokens',
    headers: { authorization: DEMO_AUTH },
    payload: { trackingCode },
  });
  assert.equal(minted.statusCode, 201, minted.body);
  const query = new URLSearchParams({
    server: base,
    account: DEMO.accountId,
    token: minted.json<{ browserToken: string }>().browserToken,
  });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/index.html?${query}`);
  await page.getByRole('heading', { name: 'Membership application' }).waitFor();
  return page;
}

const SEED_001_OUTPUTS = [
  'verifyUserId',
  'verifyStatus',
  'availableSources',
  'verifiedSources',
  'sourceVerifiedFlag',
  'watchlistsFoundOn',
  'creditHistoryResult',
  'executionStatus',
  'errorMessage',
];

async function outcome(page: Page, n: number, callback: 'onVerified' | 'onFailure'): Promise<Record<string, unknown>> {
  const output = page.getByRole('status', { name: `Outcome of applicant ${n}` });
  await output.filter({ hasText: new RegExp(`^${callback} `) }).waitFor();
  return JSON.parse((await output.innerText()).slice(callback.length + 1)) as Record<string, unknown>;
}

test(
  'a React form: the background verification completes at once and onVerified gets the outputs',
  { skip },
  async () => {
    const page = await reactForm('react-1');
    await page.getByRole('button', { name: 'Verify applicant 1' }).click();
    const one = page.getByRole('region', { name: /Applicant1/ });
    await one.getByRole('status').filter({ hasText: 'Your identity is verified.' }).waitFor();
    const outputs = await outcome(page, 1, 'onVerified');
    for (const name of SEED_001_OUTPUTS) assert.ok(name in outputs, name);
    assert.equal(outputs.verifyStatus, 'VERIFIED');
    assert.equal(outputs.executionStatus, 'SUCCESS');
    assert.equal(outputs.errorMessage, '');
    assert.match(String(outputs.verifyUserId), /^[A-Za-z0-9_-]+$/);
    assert.ok(String(outputs.verifiedSources).split(',').includes('aec'), String(outputs.verifiedSources));
    // The same verification as the service reports it to the form's server.
    const later = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${String(outputs.verifyUserId)}/outcome`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(later.statusCode, 200, later.body);
    assert.equal(later.json<{ verifyStatus: string }>().verifyStatus, 'VERIFIED');
    await expectAccessible(page, 'React form, applicant 1 verified');
  },
);

test(
  'a React form in te reo Māori with overridden strings and a label: opting out calls onFailure with the outputs',
  { skip },
  async () => {
    const page = await reactForm('react-2');
    await page.getByRole('button', { name: 'Verify applicant 2' }).click();
    // The overridden title names the region; the class reaches the element.
    const two = page.getByRole('region', { name: 'Tō tuakiri — Applicant2' });
    assert.equal(await two.evaluate((element) => element.classList.contains('identity-step')), true);
    await two.getByText(/Kāore i taea tō tuakiri te whakamana mā ō taipitopito anake/).waitFor();
    // A field's label overridden for te reo Māori (typed in the wrapper's PonoVerifyStringOverrides).
    await two.getByRole('radio', { name: 'Uruwhenua o Ahitereiria' }).check();
    await two.getByLabel('Te nama kei tō uruwhenua *').waitFor();
    // documentCapture: the offer to photograph a document, in te reo Māori.
    await two.getByText('Tangohia rānei he whakaahua o tētahi tuhinga tuakiri').waitFor();
    await expectAccessible(page, 'React form, applicant 2 offered documents');
    await two.getByRole('button', { name: 'He ara kē, koa' }).click();
    const outputs = await outcome(page, 2, 'onFailure');
    assert.equal(outputs.optedOut, true);
    assert.equal(outputs.verifyStatus, 'UNVERIFIED');
    assert.equal(outputs.executionStatus, 'SUCCESS');
    for (const name of SEED_001_OUTPUTS) assert.ok(name in outputs, name);
  },
);

test('pono serves the wrapper and its types for a form developer to take', { skip }, async () => {
  for (const name of ['pono-verify-react.js', 'pono-verify-react.d.ts']) {
    const served = await fetch(`${base}/forms/react/${name}`);
    assert.equal(served.status, 200, name);
    assert.equal(await served.text(), readFileSync(new URL(`../../web/forms/react/${name}`, import.meta.url), 'utf8'));
  }
});
