/**
 * Checks shared by the console's screen tests: a screen fits a 320 px wide window without sideways scrolling,
 * and screenshots of the main screens are kept in docs/screenshots/ for the README and docs.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);

/** Narrows the window to 320 px and fails if the page then scrolls sideways; restores the size after. */
export async function expectFitsNarrow(page: Page, screen: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `${screen} scrolls sideways by ${overflow}px at 320 px wide`);
  if (before) await page.setViewportSize(before);
}

/** Saves a screenshot of the page as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** Saves a screenshot of one element (an embedded component, say) as docs/screenshots/<name>.png. */
export async function screenshotOf(element: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await element.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
}
