/**
 * The console in headless Chromium: time from navigation to the application record rendered with its data,
 * against the server time of the API calls that page makes (Server-Timing), same run; and the initial JS size.
 *
 * pono runs in its own process (`pono serve`, PONO_DEMO=1, a fresh embedded database or DATABASE_URL); the
 * browser signs in as the demo's preparing officer and opens the adult's application record. Three warm-up
 * loads are discarded; then `--runs` loads (default 20). Ratio = median page time ÷ median summed server time.
 * BENCH_DEBUG=1 prints one load's timeline (document, scripts, each API call's start and end).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 20);
const port = 18_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const root = new URL('..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'pono-bench-console-'));

function initialJavaScriptGzip(): number {
  const html = readFileSync(join(root, 'dist/web/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(root, 'dist/web/assets', file))).length, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const server = spawn(process.execPath, [join(root, 'bin/pono.js'), 'serve'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PONO_DEMO: '1',
    PONO_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('pono did not start');
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ baseURL: base });
  // After every API answer, the time of the next frame: when the screen has drawn what that answer brought.
  await context.addInitScript(() => {
    const w = window as unknown as { __ponoLastApiPaint?: number };
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name.includes('/api/')))
        requestAnimationFrame(() => (w.__ponoLastApiPaint = performance.now()));
    }).observe({ type: 'resource', buffered: true });
  });
  const page = await context.newPage();
  const signIn = await page.request.post('/api/v1/session', {
    data: { email: 'preparer@pono.example', password: 'pono-demo-password' },
  });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
  const list = (await (await page.request.get('/api/v1/applications')).json()) as
    { reference: string; applicationType: string }[] | { items: { reference: string }[] };
  const items = Array.isArray(list) ? list : list.items;
  const reference = items[items.length - 1]?.reference;
  if (!reference) throw new Error('no demo application');
  // The demo analyses its liveness check with the face engine after start: wait until it is done (or 3 min),
  // so the engine does not share the CPU with the measured loads.
  for (let i = 0; i < 180; i++) {
    const links = await Promise.all(
      items.map(
        async (a) =>
          (await (await page.request.get(`/api/v1/applications/${a.reference}/liveness-links`)).json()) as {
            status: string | null;
          }[],
      ),
    );
    if (links.flat().some((l) => l.status === 'Completed')) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const load = async () => {
    await page.goto(`/applications/${reference}`, { waitUntil: 'networkidle' });
    return page.evaluate(() => {
      const api = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/')) as PerformanceResourceTiming[];
      const server = api.reduce((sum, e) => sum + (e.serverTiming.find((t) => t.name === 'app')?.duration ?? 0), 0);
      const w = window as unknown as { __ponoLastApiPaint?: number };
      return { page: w.__ponoLastApiPaint ?? NaN, server, calls: api.length };
    });
  };
  for (let i = 0; i < 3; i++) await load();
  if (process.env.BENCH_DEBUG) {
    const entries = await page.evaluate(() => [
      ...(performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]).map((e) => ({
        name: 'document',
        start: e.startTime,
        end: e.responseEnd,
        dcl: e.domContentLoadedEventEnd,
      })),
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        name: e.name.replace(location.origin, ''),
        start: e.startTime,
        end: e.responseEnd,
        dcl: 0,
      })),
    ]);
    for (const e of entries)
      console.log(
        `${e.start.toFixed(1).padStart(7)} ${e.end.toFixed(1).padStart(7)} ${e.name}${e.dcl ? ` dcl ${e.dcl.toFixed(1)}` : ''}`,
      );
  }
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await load());
  await browser.close();

  const pageMs = median(samples.map((s) => s.page));
  const serverMs = median(samples.map((s) => s.server));
  const jsKb = initialJavaScriptGzip() / 1024;
  console.log(
    `application record: ${pageMs.toFixed(1)} ms from navigation to the last API answer drawn (median of ${runs}); ${samples[0]?.calls ?? 0} API calls, server time ${serverMs.toFixed(1)} ms summed`,
  );
  console.log(`initial JavaScript: ${jsKb.toFixed(1)} KB gzip (budget 250 KB)`);
  console.log(`bench console: ratio ${(pageMs / serverMs).toFixed(2)} (goal <= 2.0)`);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
