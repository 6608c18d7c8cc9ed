// Liveness analyses over HTTP, as the server runs them: in worker threads, in a bounded line. With one worker and
// room for one check to wait, a third check sent while both places are taken is answered at once with 503
// LIVENESS_BUSY, the time to wait in words and in Retry-After; nothing of it is kept, and sent again it is
// decided; the two in the line are decided in the order they came. And a real attempt set is decided by the
// face engine in a worker thread while the thread that serves requests never loads the engine.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { faceEngineRequestedInThisThread } from '../../../../src/adapters/face/engine.ts';
import { COLLINS, loadRaw, missingImages, toJpeg } from '../../face/fixtures.ts';
import type { LivenessAnalysis, LivenessAttemptInput } from '../../../../src/app/liveness-analysis.ts';
import { assertBusy } from '../../../support/busy.ts';
import { cannedAnalysis, jsonSubmission, multipartSubmission, officer, stillCapture, type Headers } from './support.ts';

interface ApplicantView {
  state: string;
  result?: string;
  attemptsUsed: number;
  attempt: { id: string; challenges: string[] } | null;
}

const skipImages = missingImages();

/** An officer's new session with the person's photo; the applicant's token. */
async function newSession(t: TestApp, co: Headers, photo: Buffer, reference: string): Promise<string> {
  return (await newSessionIds(t, co, photo, reference)).token;
}

async function newSessionIds(
  t: TestApp,
  co: Headers,
  photo: Buffer,
  reference: string,
): Promise<{ token: string; sessionId: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/liveness/sessions',
    headers: co.headers,
    payload: { subjectReference: reference, trustedSources: [{ source: 'PROVIDED', image: photo.toString('base64') }] },
  });
  assert.equal(r.statusCode, 201, r.body);
  const created = r.json<{ clientToken: string; session: { id: string } }>();
  return { token: created.clientToken, sessionId: created.session.id };
}

/** The applicant starts an attempt set; its id and still captures of `photo` for each challenge asked. */
async function attemptSet(t: TestApp, token: string, photo: Buffer): Promise<{ url: string; payload: object }> {
  const started = await t.app.inject({ method: 'POST', url: `/liveness/${token}/attempts` });
  assert.equal(started.statusCode, 200, started.body);
  const attempt = started.json<ApplicantView>().attempt;
  assert.ok(attempt);
  const captures = attempt.challenges.map((c, i) => stillCapture(c as 'BLINK', photo, i * 1000));
  return { url: `/liveness/${token}/attempts/${attempt.id}`, payload: jsonSubmission(photo, captures) };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'the condition never held');
}

describe('liveness analyses in a bounded line', { skip: skipImages }, () => {
  forEachDatabase((kind) => {
    let t: TestApp;
    let co: Headers;
    let photo: Buffer;
    before(async () => {
      t = await startTestApp(kind, { demo: false, env: { PONO_ANALYSIS_THREADS: '1', PONO_ANALYSIS_QUEUE: '1' } });
      co = await officer(t, `co-queue-${kind}@dia.example`, ['case-officer']);
      photo = await toJpeg(await loadRaw(COLLINS));
    });
    after(async () => {
      t.services.liveness.useAnalyser();
      await t.close();
    });

    test('past the line a check is answered 503 busy with Retry-After, keeps nothing, and is decided when sent again', async () => {
      const [first, second, third] = await Promise.all(
        ['queue-1', 'queue-2', 'queue-3'].map(async (reference) => {
          const token = await newSession(t, co, photo, reference);
          return { token, ...(await attemptSet(t, token, photo)) };
        }),
      );
      assert.ok(first && second && third);
      // An analysis that lasts until the test lets it finish, noting which check it was given.
      const analysed: string[] = [];
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const pass = cannedAnalysis('PASS');
      t.services.liveness.useAnalyser(async (input: LivenessAttemptInput): Promise<LivenessAnalysis> => {
        analysed.push(input.requested.join());
        await finished;
        return pass(input);
      });
      const send = (check: { url: string; payload: object }) =>
        t.app.inject({ method: 'POST', url: check.url, payload: check.payload });

      const running = send(first);
      await until(() => analysed.length === 1);
      const waiting = send(second);
      await until(() => t.services.liveness.analysisLoad().waiting === 1);
      assert.deepEqual(t.services.liveness.analysisLoad(), { running: 1, waiting: 1 });

      const refused = await send(third);
      assertBusy(
        refused,
        'LIVENESS_BUSY',
        (seconds) => `Too many liveness checks are being analysed right now: send this one again in ${seconds} seconds`,
      );
      assert.equal(analysed.length, 1, 'the refused check was never analysed');
      // Nothing of the refused check was kept: its attempt set is still open and none of its attempts is used.
      const third_ = (
        await t.app.inject({ method: 'GET', url: `/liveness/${third.token}/state` })
      ).json<ApplicantView>();
      assert.equal(third_.attemptsUsed, 0);
      assert.equal(third_.attempt?.id, third.url.split('/').pop());

      finish();
      const [a, b] = await Promise.all([running, waiting]);
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(b.statusCode, 200, b.body);
      assert.equal(a.json<ApplicantView>().result, 'passed');
      assert.equal(b.json<ApplicantView>().result, 'passed');
      assert.equal(analysed.length, 2, 'the waiting check was analysed after the running one');

      const again = await send(third);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json<ApplicantView>().result, 'passed');
      assert.deepEqual(t.services.liveness.analysisLoad(), { running: 0, waiting: 0 });
    });
  });
});

describe('the face engine runs in worker threads only', { skip: skipImages }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { demo: false, env: { PONO_ANALYSIS_THREADS: '1' } });
  });
  after(() => t.close());

  test('a real attempt set is decided by the engine while the thread serving requests never loads it', async () => {
    const co = await officer(t, 'co-threads@dia.example', ['case-officer']);
    const photo = await toJpeg(await loadRaw(COLLINS));
    const { token, sessionId } = await newSessionIds(t, co, photo, 'threads');
    const check = await attemptSet(t, token, photo);
    const { challenges } = (await t.app.inject({ method: 'GET', url: `/liveness/${token}/state` })).json<{
      attempt: { challenges: string[] };
    }>().attempt;
    // The page's own format (multipart), the same still photo for every challenge: the engine finds the face,
    // matches it to the person's photo, and fails the challenges (nothing moves).
    const m = multipartSubmission(
      photo,
      challenges.map((c, i) => stillCapture(c as 'BLINK', photo, i * 1000)),
    );
    const r = await t.app.inject({ method: 'POST', url: check.url, payload: m.payload, headers: m.headers });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json<ApplicantView>().result, 'try_again');
    // The person's photo was described too (in the worker): the faces match.
    const session = await t.app.inject({
      method: 'GET',
      url: `/api/v1/liveness/sessions/${sessionId}`,
      headers: co.headers,
    });
    assert.equal(session.statusCode, 200, session.body);
    const [attempt] = session.json<{ attempts: { liveness: string; faceMatch: string }[] }>().attempts;
    assert.deepEqual([attempt?.liveness, attempt?.faceMatch], ['FAIL', 'MATCH']);
    assert.equal(faceEngineRequestedInThisThread(), false, 'the server thread loaded the face engine');
  });
});
