/**
 * Debian Chromium driven by playwright-core for the console's tests: `const browser = await openBrowser()`,
 * `const page = await signedIn(browser, base, email)` (an officer) or `signedInAccount(browser, base)` (the demo
 * account's administrator), `await expectAccessible(page, 'screen name')`.
 * Skipped (with the reason) where chromium is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from './app.ts';
import { DEMO_OFFICER_PASSWORD, seedDemoCasework } from '../../src/app/demo-casework.ts';
import { demoAmsPhoto } from '../../src/adapters/face/synthetic-faces.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserMissing = existsSync(CHROMIUM)
  ? undefined
  : `chromium missing (apt-get install -y --no-install-recommends chromium): ${CHROMIUM}`;
export const consoleMissing = existsSync(new URL('../../dist/web/index.html', import.meta.url))
  ? undefined
  : 'console not built (npm run build:web)';
/** Why the console's browser tests cannot run here, or undefined. */
export const skipConsole = browserMissing ?? consoleMissing;

export const OFFICER_PASSWORD = 'correct horse battery staple';

export function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A pglite app listening at `base`, and a browser. */
export interface AppInBrowser {
  t: TestApp;
  base: string;
  browser: Browser;
}

/**
 * Before this file's tests, a pglite app (with what `options()` gives, once it is called) listening and a browser, handed to `started`; both
 * closed after the tests. Nothing when `skip` says why not.
 */
export function appInBrowser(
  skip: string | undefined,
  started: (web: AppInBrowser) => void | Promise<void>,
  options: () => TestAppOptions | Promise<TestAppOptions> = () => ({}),
): void {
  let web: AppInBrowser | undefined;
  before(async () => {
    if (skip) return;
    const t = await startTestApp('pglite', await options());
    web = { t, base: await t.listen(), browser: await openBrowser() };
    await started(web);
  });
  after(async () => {
    if (!web) return;
    await web.browser.close();
    await web.t.close();
  });
}

/** An officer with these roles and the test password; returns its id. */
export async function createOfficer(t: TestApp, email: string, roles: string[], fullName?: string): Promise<string> {
  const created = await t.services.casework.officers.create({
    email,
    fullName: fullName ?? email.split('@')[0] ?? email,
    roles,
    password: OFFICER_PASSWORD,
  });
  return created.id;
}

/** A fresh browser context (its own cookies, like a second person at another desk) signed in as `email`. */
export async function signedIn(
  browser: Browser,
  base: string,
  email: string,
  language: 'en' | 'mi' = 'en',
): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  // The first page of the context starts in this language; a switch made on screen then persists.
  await context.addInitScript(
    (lang) => window.localStorage.getItem('pono.language') ?? window.localStorage.setItem('pono.language', lang),
    language,
  );
  const page = await context.newPage();
  await page.goto('/signin');
  await signInOn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return page;
}

/** A fresh browser context signed in as the demo API account's administrator (account id and password). */
export async function signedInAccount(
  browser: Browser,
  base: string,
  language: 'en' | 'mi' = 'en',
  account: { id: string; password: string } = { id: 'demo', password: 'demo' },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  await context.addInitScript((lang) => window.localStorage.setItem('pono.language', lang), language);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: /API account|pūkete API/ }).click();
  await page.waitForURL('**/account/signin');
  await page.getByLabel(/^(Account id|ID pūkete)/).fill(account.id);
  await page.getByLabel(/^(API password|Kupuhipa API)/).fill(account.password);
  await page.getByRole('button', { name: /^(Sign in|Takiuru)$/ }).click();
  await page.waitForURL('**/account/verifications');
  return page;
}

/** Fills the sign-in form on the current page (the page or the "session ended" dialog). */
export async function signInOn(page: Page, email: string): Promise<void> {
  const email_ = page.getByLabel(/^(Email|Īmēra)/).last();
  if ((await email_.inputValue()) !== email) await email_.fill(email);
  await page
    .getByLabel(/^(Password|Kupuhipa)/)
    .last()
    .fill(OFFICER_PASSWORD);
  await page
    .getByRole('button', { name: /^(Sign in|Takiuru)$/ })
    .last()
    .click();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and fails on any serious or critical violation, naming each. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
    [],
    `axe on ${screen}`,
  );
}

/** The natural width of the image named `name` once it has loaded (0 when it could not be decoded). */
export async function imageLoaded(page: Page, name: string | RegExp): Promise<number> {
  const img = page.getByRole('img', { name }).first();
  await img.waitFor();
  await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete, await img.elementHandle());
  return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
}

/**
 * Waits until every one of the demo casework's applications has its records (fetched by a queued job), or is
 * known never to get them (submitted before 3 December 2020).
 */
/** The demo casework's applications seeded with the demo AMS photo; each application's reference by its label. */
export async function seedDemoApplications(t: TestApp): Promise<Map<string, string>> {
  const amsPhoto = await demoAmsPhoto();
  assert.ok(amsPhoto, 'the demo AMS photo is made from the public-domain portrait in python3-skimage');
  const demo = await seedDemoCasework(t.services, { amsPhoto });
  return new Map(demo.applications.map((a) => [a.label, a.reference]));
}

export async function demoRecordsArrived(t: TestApp, references: Iterable<string>): Promise<void> {
  const officer = await t.services.casework.officers.signIn('preparer@pono.example', DEMO_OFFICER_PASSWORD);
  for (const reference of references) {
    for (let i = 0; i < 150; i++) {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/applications/${reference}`,
        headers: { cookie: `pono_officer_session=${officer.token}` },
      });
      const body = r.json<{ records: unknown; recordsStatus: string }>();
      if ((body.records || body.recordsStatus === 'not-applicable') && body.recordsStatus !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
