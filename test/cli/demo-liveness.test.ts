// The demo's liveness checks: the eligible adult's link is Completed after three attempt sets of real frames
// analysed by the face engine (blink and shake pass, the nod never comes, the face matches the application
// photo), with its evidence; the No match applicant's link, sent two days ago, is Expired; a second seeding
// adds nothing. The face engine ran in worker threads only (the frames' own, the analysis pool): the thread
// that serves requests never loaded it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.ts';
import { missingImages } from '../adapters/face/fixtures.ts';
import { seedDemoCasework } from '../../src/app/demo-casework.ts';
import { seedDemoLiveness } from '../../src/cli/demo-liveness.ts';
import { faceEngineRequestedInThisThread } from '../../src/adapters/face/engine.ts';

const skip = missingImages();
let t: TestApp;

before(async () => {
  if (skip) return;
  t = await startTestApp('pglite', { demo: false });
});
after(async () => {
  if (!skip) await t.close();
});

test(
  'the demo has a completed liveness check with its evidence and an expired link',
  { skip, timeout: 240_000 },
  async () => {
    const demo = await seedDemoCasework(t.services);
    const line = await seedDemoLiveness(t.services, demo);
    assert.match(line ?? '', /completed/);
    const officer = demo.preparer;
    assert.ok(officer);
    const ref = (label: string) => demo.applications.find((a) => a.label === label)?.reference ?? '';

    const [completed] = await t.services.casework.links.list(officer, ref('adult, 1:1 match, eligible'));
    assert.equal(completed?.status, 'Completed');
    assert.deepEqual(completed?.results && { ...completed.results, decidedAt: 'x' }, {
      attemptsUsed: 3,
      decidedAt: 'x',
      blink: 'PASS',
      nod: 'FAIL',
      shake: 'PASS',
      photo: 'MATCH',
    });
    const session = await t.services.liveness.get(officer, completed?.sessionId ?? '');
    assert.equal(session.status, 'FAILED');
    assert.equal(session.attempts.length, 3);
    assert.ok(
      session.trustedSources.some((s) => s.source === 'PROVIDED'),
      'the application photo is the trusted source',
    );
    const frame = await t.services.liveness.chosenFrame(officer, session.id, 1, 'BLINK', 'best');
    assert.equal(frame.contentType, 'image/jpeg');

    const [expired] = await t.services.casework.links.list(officer, ref('no match'));
    assert.equal(expired?.status, 'Expired');
    assert.equal(expired?.results, null);

    assert.equal(await seedDemoLiveness(t.services, await seedDemoCasework(t.services)), undefined, 'seeded once');
    assert.equal(faceEngineRequestedInThisThread(), false, 'the server thread loaded the face engine');
  },
);
