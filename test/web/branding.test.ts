// In Debian Chromium: the office of the configuration (PONO_OFFICE_NAME, and PONO_OFFICE_LOGO, a real PNG made
// here) in the console's header and window title at sign-in, and on the page of a liveness link that does not
// exist, which is styled like the applicant's liveness page and speaks English and te reo Māori. Axe on both,
// and both fit a 320 px window.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { appInBrowser, expectAccessible, skipConsole } from '../support/browser.ts';
import { expectFitsNarrow } from '../support/screens.ts';

const OFFICE = 'Te Kaunihera o Tāmaki | Citizenship';
let base: string;
let browser: Browser;
let dir: string;

appInBrowser(
  skipConsole,
  (web) => {
    ({ base, browser } = web);
  },
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'pono-branding-web-'));
    const logo = join(dir, 'logo.png');
    writeFileSync(
      logo,
      await sharp({ create: { width: 120, height: 60, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
        .png()
        .toBuffer(),
    );
    return { demo: false, env: { PONO_OFFICE_NAME: OFFICE, PONO_OFFICE_LOGO: logo } };
  },
);
after(() => {
  if (skipConsole) return;
  rmSync(dir, { recursive: true, force: true });
});

/** The rendered width of the header's logo image once loaded (0 when it did not load). */
const logoWidth = `(() => { const img = document.querySelector('header img'); return img instanceof HTMLImageElement && img.complete ? img.naturalWidth : 0; })()`;

test(
  "the unknown-link page: the office and its logo, the applicant pages' style, English and te reo Māori",
  { skip: skipConsole },
  async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    const answer = await page.goto(`/liveness/${'q'.repeat(43)}`);
    assert.equal(answer?.status(), 404);
    const banner = page.getByRole('banner');
    assert.equal((await banner.innerText()).trim(), OFFICE);
    await page.waitForFunction(logoWidth);
    assert.equal(await page.evaluate(logoWidth), 120);
    // Styled by the liveness page's own sheet: its brand colour in the header, its column and type for the text.
    const style = await page.evaluate(() => {
      const header = getComputedStyle(document.querySelector('header') as Element);
      const main = getComputedStyle(document.querySelector('main') as Element);
      return {
        header: header.backgroundColor,
        mainWidth: main.maxWidth,
        font: getComputedStyle(document.body).fontFamily,
      };
    });
    assert.deepEqual(style, { header: 'rgb(11, 61, 92)', mainWidth: '640px', font: style.font });
    assert.match(style.font, /system-ui/);
    assert.equal(await page.title(), 'Link not found | Kāore i kitea te hono');
    assert.equal(
      (await page.getByRole('heading', { level: 1 }).innerText()).trim(),
      'Link not found | Kāore i kitea te hono',
    );
    assert.match(await page.locator('main p:not([lang])').innerText(), /This link is not valid/);
    assert.match(await page.locator('main p[lang="mi"]').innerText(), /Kāore tēnei hono i te tika/);
    await expectAccessible(page, 'unknown liveness link');
    await expectFitsNarrow(page, 'unknown liveness link');
    await context.close();
  },
);

test(
  "the console's header and window title name the configured office and show its logo at sign-in; its page-not-found links to it",
  { skip: skipConsole },
  async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('banner').getByText(OFFICE).waitFor();
    await page.waitForFunction(logoWidth);
    assert.equal(await page.evaluate(logoWidth), 120);
    assert.ok(!/\bpono\b/.test(await page.getByRole('banner').innerText()), 'the office, not the product, is named');
    await page.waitForFunction((office) => document.title.endsWith(`· ${office}`), OFFICE);
    await expectAccessible(page, 'sign-in with branding');
    await expectFitsNarrow(page, 'sign-in with branding');
    await page.goto('/no-such-screen');
    await page.getByRole('main').getByRole('link', { name: OFFICE }).waitFor();
    await context.close();
  },
);
