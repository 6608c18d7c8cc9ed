// End to end in headless Debian Chromium with a fake camera (research liveness.md §7): the applicant's page,
// driven by keyboard only, takes the selfie and records the challenges in the server's order from a .y4m clip
// built from Collins's portrait (blinking and shaking); the officer API then shows the challenges that passed. A
// clip of a still photo fails with STILL_IMAGE. A server too busy to take the check (503 with Retry-After) is
// told to the person, and the page sends the same check again when the server said to. Skipped when chromium or the face images are not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { missingImages } from '../../face/fixtures.ts';
import {
  cannedAnalysis,
  jsonSubmission,
  officer,
  realFaces,
  stillCapture,
  type Faces,
  type Headers,
} from './support.ts';
import { writeLiveClip, writeStillClip } from './y4m.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip =
  missingImages() ??
  (existsSync(CHROMIUM)
    ? undefined
    : `chromium missing (apt-get install -y --no-install-recommends chromium): ${CHROMIUM}`);

interface SessionView {
  status: string;
  attempts: {
    state: string;
    challenges: string[];
    result: string;
    reasons: string[];
    timing: object | null;
    challengeResults: { challenge: string; result: string; reasons: string[]; frameCount: number }[];
  }[];
}

let t: TestApp;
let base: string;
let co: Headers;
let faces: Faces;
let dir: string;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'pono-liveness-e2e-'));
  // No room to wait for the worker: a check sent while another is analysed is answered busy at once.
  t = await startTestApp('pglite', { demo: false, env: { PONO_ANALYSIS_QUEUE: '0' } });
  base = await t.listen();
  co = await officer(t, 'e2e-co@dia.example', ['case-officer']);
  faces = await realFaces();
});
after(async () => {
  if (skip) return;
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function createSession(reference: string): Promise<{ id: string; pageUrl: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/liveness/sessions',
    headers: co.headers,
    payload: {
      subjectReference: reference,
      trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const created = r.json<{ session: { id: string }; clientToken: string }>();
  return { id: created.session.id, pageUrl: `${base}/liveness/${created.clientToken}` };
}

async function openBrowser(clip: string): Promise<BrowserContext> {
  const profile = mkdtempSync(join(dir, 'profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ],
  });
}

/** Tabs to the enabled button whose label contains `label` and presses Enter on it: keyboard only. */
async function press(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLButtonElement && !el.disabled && !el.closest('[hidden]') ? (el.textContent ?? '') : '';
    });
    if (focused.includes(label)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`no focusable button "${label}"`);
}

async function waitFocusOn(page: Page, selector: string, text?: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([sel, txt]) => {
      const el = document.querySelector(sel);
      return el !== null && document.activeElement === el && (txt === '' || (el.textContent ?? '').includes(txt));
    },
    [selector, text ?? ''] as const,
    { timeout },
  );
}

/** Runs one attempt set on the page; returns the result heading and what the progress region announced. */
async function runAttempt(
  pageUrl: string,
  clip: string,
  whileChecking: (page: Page) => Promise<void> = async () => undefined,
): Promise<{ result: string; announced: string[]; order: string[]; phases: string }> {
  const t0 = Date.now();
  const marks: string[] = [];
  const mark = (what: string) => marks.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const context = await openBrowser(clip);
  mark('launched');
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pageUrl);
    await waitFocusOn(page, '#intro-title');
    assert.equal(await page.getAttribute('#progress', 'aria-live'), 'polite');
    await press(page, 'Tua | Next');
    await waitFocusOn(page, '#camera-title');
    mark('intro');
    await press(page, 'Tīmata | Start');
    const announced: string[] = [];
    const order: string[] = [];
    for (let step = 1; step <= 4; step++) {
      await waitFocusOn(page, '#step-title', `Step ${step} of 4`);
      mark(`step ${step}`);
      announced.push((await page.textContent('#progress')) ?? '');
      order.push((await page.textContent('#step-title')) ?? '');
      await press(page, 'Tua | Next');
    }
    await waitFocusOn(page, '#checking-title');
    mark('uploaded');
    await whileChecking(page);
    // The server analyses the set with the face engine: seconds alone, much longer on a busy machine.
    await waitFocusOn(page, '#result-title', undefined, 150_000);
    mark('result');
    assert.deepEqual(errors, []);
    return { result: (await page.textContent('#result-title')) ?? '', announced, order, phases: marks.join(', ') };
  } finally {
    await context.close();
  }
}

async function officerView(id: string): Promise<SessionView> {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/liveness/sessions/${id}`, headers: co.headers });
  assert.equal(r.statusCode, 200, r.body);
  return r.json<SessionView>();
}

const TITLES: Record<string, string> = { BLINK: 'Blink', NOD: 'Nod your head', SHAKE: 'Turn your head' };

test(
  'a live clip: the page takes the selfie and the challenges in the server’s order; challenges pass',
  { skip, timeout: 240_000 },
  async (ctx) => {
    const clip = join(dir, 'live.y4m');
    writeLiveClip(clip, faces.base, faces.layout);
    t.services.liveness.useCapturePlan({ countdownMs: 600, fps: 10 });
    const session = await createSession('e2e-live');
    const run = await runAttempt(session.pageUrl, clip);
    assert.deepEqual(run.announced, ['Step 1 of 4', 'Step 2 of 4', 'Step 3 of 4', 'Step 4 of 4']);
    const view = await officerView(session.id);
    const attempt = view.attempts[0];
    assert.ok(attempt, JSON.stringify(view));
    assert.deepEqual(
      run.order.slice(1).map((o) => o.replace(/^Step \d of 4: /, '')),
      attempt.challenges.map((c) => TITLES[c]),
    );
    assert.ok(
      attempt.challengeResults.every((c) => c.frameCount >= 25),
      JSON.stringify(attempt.challengeResults.map((c) => [c.challenge, c.frameCount])),
    );
    ctx.diagnostic(`phases: ${run.phases}`);
    ctx.diagnostic(
      `results: ${attempt.challengeResults.map((c) => `${c.challenge} ${c.result} ${c.reasons.join('+')} (${c.frameCount} frames)`).join('; ')}; timing ${JSON.stringify(attempt.timing)}`,
    );
    const passed = attempt.challengeResults.filter((c) => c.result === 'PASS').map((c) => c.challenge);
    assert.ok(passed.length >= 1, `no challenge passed: ${JSON.stringify(attempt.challengeResults)}`);
    assert.ok(passed.includes('BLINK'), JSON.stringify(attempt.challengeResults));
    assert.ok(!attempt.reasons.includes('STILL_IMAGE'));
    // NOD is not in the clip, so the attempt set fails and the applicant may try again
    assert.equal(attempt.result, 'FAIL');
    assert.match(run.result, /did not work/);
  },
);

test('a still photo clip fails with STILL_IMAGE', { skip, timeout: 200_000 }, async () => {
  const clip = join(dir, 'still.y4m');
  writeStillClip(clip, faces.base);
  t.services.liveness.useCapturePlan({ countdownMs: 300, durationMs: 1000 });
  const session = await createSession('e2e-still');
  const run = await runAttempt(session.pageUrl, clip);
  assert.match(run.result, /did not work/);
  const attempt = (await officerView(session.id)).attempts[0];
  assert.ok(attempt);
  assert.equal(attempt.result, 'FAIL');
  assert.ok(attempt.reasons.includes('STILL_IMAGE'), JSON.stringify(attempt.reasons));
  t.services.liveness.useCapturePlan();
});

test(
  'a server too busy to take the check: the page says so and sends it again when told to',
  { skip, timeout: 200_000 },
  async () => {
    const clip = join(dir, 'busy.y4m');
    writeStillClip(clip, faces.base);
    t.services.liveness.useCapturePlan({ countdownMs: 300, durationMs: 1000 });
    // The one worker is busy with someone else's check until the test lets it finish.
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const pass = cannedAnalysis('PASS');
    t.services.liveness.useAnalyser(async (input) => {
      await finished;
      return pass(input);
    });
    try {
      const other = await createSession('e2e-busy-other');
      const otherToken = other.pageUrl.split('/').pop() ?? '';
      const started = await t.app.inject({ method: 'POST', url: `/liveness/${otherToken}/attempts` });
      const attempt = started.json<{ attempt: { id: string; challenges: string[] } }>().attempt;
      const captures = attempt.challenges.map((c, i) => stillCapture(c as 'BLINK', faces.collinsJpeg, i * 1000));
      const othersCheck = t.app.inject({
        method: 'POST',
        url: `/liveness/${otherToken}/attempts/${attempt.id}`,
        payload: jsonSubmission(faces.collinsJpeg, captures),
      });
      const session = await createSession('e2e-busy');
      const run = await runAttempt(session.pageUrl, clip, async (page) => {
        await page.waitForFunction(
          () =>
            /Many people are doing their check right now\. Yours will be sent again in \d+ seconds\./.test(
              document.querySelector('#progress')?.textContent ?? '',
            ),
          undefined,
          { timeout: 60_000 },
        );
        assert.deepEqual(
          (await officerView(session.id)).attempts.map((a) => a.state),
          ['OPEN'],
          'nothing of the refused check was kept: its attempt set is still open',
        );
        finish();
      });
      assert.match(run.result, /Done: your liveness check is complete/);
      assert.equal((await othersCheck).statusCode, 200);
      const view = await officerView(session.id);
      assert.deepEqual(
        view.attempts.map((a) => a.result),
        ['PASS'],
      );
    } finally {
      finish();
      t.services.liveness.useAnalyser();
      t.services.liveness.useCapturePlan();
    }
  },
);
