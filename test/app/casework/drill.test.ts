// The drill clock (issue 12), on both databases: `pono drill --as-of` runs the office's scheduled work as of
// a chosen time — a liveness link sent on Monday is Expired as of Tuesday after 24 hours (and not a minute
// before), the INZ notification of a ceremony closed on 3 June goes out as of 10 June (not as of 9 June),
// and the Wednesday meeting on or before the date is the one reported. Refused in production, at the
// configuration (PONO_AS_OF) and at the use case. The times are New Zealand's unless they carry an offset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { officerPair } from '../../support/officer-pair.ts';
import { grantWithCeremony } from '../../support/grant.ts';
import { ManualClock, parseAsOf, ShiftedClock } from '../../../src/app/clock.ts';
import type { Actor } from '../../../src/app/casework/actor.ts';
import { meetingOnOrBefore } from '../../../src/app/casework/drill.ts';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';

test('as-of times are New Zealand time unless they carry an offset; nonsense is refused', () => {
  assert.equal(parseAsOf('2026-12-10T09:00')?.toISOString(), '2026-12-09T20:00:00.000Z'); // NZDT, +13
  assert.equal(parseAsOf('2026-06-10T09:00')?.toISOString(), '2026-06-09T21:00:00.000Z'); // NZST, +12
  assert.equal(parseAsOf('2026-12-10')?.toISOString(), '2026-12-09T11:00:00.000Z');
  assert.equal(parseAsOf('2026-12-10T09:00Z')?.toISOString(), '2026-12-10T09:00:00.000Z');
  assert.equal(parseAsOf('2026-12-10T09:00+05:30')?.toISOString(), '2026-12-10T03:30:00.000Z');
  for (const bad of ['2026-02-30T09:00', '2026-12-10T25:00', 'tomorrow', '']) assert.equal(parseAsOf(bad), null, bad);
  assert.deepEqual(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-15'].map(meetingOnOrBefore), [
    '2026-12-02',
    '2026-12-09',
    '2026-12-09',
    '2026-12-09',
  ]);
  const clock = new ShiftedClock(new Date('2030-01-01T00:00:00Z'), new ManualClock(new Date('2026-12-04T00:00:00Z')));
  assert.equal(clock.now().toISOString(), '2030-01-01T00:00:00.000Z');
});

test('PONO_AS_OF moves the server clock outside production only, and names itself when wrong', () => {
  assert.equal(loadConfig({ PONO_AS_OF: '2026-12-10T09:00' }).PONO_AS_OF, '2026-12-10T09:00');
  assert.throws(
    () => loadConfig({ PONO_AS_OF: '2026-12-10T09:00', NODE_ENV: 'production' }),
    (e: Error) => e instanceof ConfigError && /PONO_AS_OF.*refused when NODE_ENV=production/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ PONO_AS_OF: 'next week' }),
    (e: Error) => e instanceof ConfigError && /PONO_AS_OF="next week"/.test(e.message),
  );
});

forEachDatabase((kind) => {
  let t: TestApp;
  let co: Actor;
  let vo: Actor;
  const clock = new ManualClock(new Date('2024-06-02T21:00:00Z')); // Monday 3 June 2024, 9:00 in New Zealand
  const delivered: string[] = [];
  const inz: Server = createServer((req, res) => {
    delivered.push(String(req.headers['idempotency-key']));
    req.resume();
    res.writeHead(200).end('{}');
  });

  before(async () => {
    await new Promise<void>((resolve) => inz.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(inz.address() as AddressInfo).port}/inz`;
    t = await startTestApp(kind, {
      demo: false,
      clock,
      workJobs: false,
      env: { PONO_INZ_NOTIFY_URL: url, PONO_INZ_NOTIFY_SECRET: 'drill-secret-0123456789' },
    });
    ({ co, vo } = await officerPair(t.services, 'd'));
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => inz.close(() => resolve()));
  });

  test('a link expires 24 hours after it was sent, the INZ notification goes out 7 days after the ceremony closed', async () => {
    const cw = t.services.casework;
    const { reference } = await cw.applications.create(co, { applicationType: 'CBG Adult' });
    const person = await cw.applications.addPerson(co, reference, {
      relationship: 'applicant',
      givenNames: 'Raj',
      familyName: 'Kaur',
      dateOfBirth: '1979-08-08',
      gender: 'Female',
      countryOfBirth: 'India',
      citizenshipPersonNumber: 'CPN-9001',
      email: 'raj@example.org',
    });
    await cw.applications.submit(co, reference, { paid: true, submittedOn: '2023-01-10' });
    await cw.applications.moveStage(co, reference, 'allocate');
    const link = await cw.links.create(co, reference, { personId: person.id, relationship: 'Adult' });
    await cw.links.markSentForDemo(link.id, clock.now(), 'drill-token-0123456789-abcdefghij');
    // The link is sent but never completed here (it is left to expire), so identity is bound by the original passport.
    await grantWithCeremony(t.services, { co, vo }, reference, {
      criterion: 'original-passport',
      comments: { bound: 'Original passport sighted at the counter', others: '1:1 match' },
    });
    const closed = await cw.ceremonies.close(co, reference);
    assert.equal(closed.notification.dueOn, '2024-06-10');

    const early = await cw.drill.runAsOf('2024-06-04T08:59');
    assert.equal(early.linksExpired, 0, 'not a minute before the 24 hours');
    assert.equal((await cw.links.get(co, link.id)).status, 'Active');
    const dayAfter = await cw.drill.runAsOf('2024-06-04T09:00');
    assert.deepEqual([dayAfter.linksExpired, dayAfter.nzDate, dayAfter.meeting.on], [1, '2024-06-04', '2024-05-29']);
    assert.equal((await cw.links.get(co, link.id)).status, 'Expired');

    const sixDays = await cw.drill.runAsOf('2024-06-09T23:59');
    assert.deepEqual(sixDays.notifications, { sent: 0, failed: 0 });
    assert.equal(delivered.length, 0);
    const sevenDays = await cw.drill.runAsOf('2024-06-10T09:00');
    assert.deepEqual(sevenDays.notifications, { sent: 1, failed: 0 });
    assert.equal(sevenDays.meeting.on, '2024-06-05', 'the Wednesday meeting before Monday 10 June');
    assert.deepEqual(delivered, [closed.notification.idempotencyKey]);
    assert.equal((await cw.ceremonies.notification(closed.notification.idempotencyKey)).status, 'sent');
    // Run again: nothing more is sent; the real clock never moved.
    assert.deepEqual((await cw.drill.runAsOf('2024-06-11T09:00')).notifications, { sent: 0, failed: 0 });
    assert.equal(delivered.length, 1);
    assert.equal(t.services.clock.now().toISOString(), '2024-06-02T21:00:00.000Z');
  });

  test('a drill names a bad time by its field, and is refused when the server runs in production', async () => {
    await assert.rejects(
      t.services.casework.drill.runAsOf('someday'),
      (e: Error & { problems?: { field: string }[] }) => e.problems?.[0]?.field === 'asOf',
    );
    const { Casework, caseworkOptionsFrom } = await import('../../../src/app/casework/casework.ts');
    const { createMailer } = await import('../../../src/adapters/mail/mailer.ts');
    const { createInzNotifier } = await import('../../../src/adapters/webhook/inz-notifier.ts');
    const production = new Casework(
      t.database.db,
      t.services.queue,
      clock,
      { mailer: createMailer(undefined), inzNotifier: createInzNotifier(null) },
      caseworkOptionsFrom(loadConfig({ NODE_ENV: 'production' })),
    );
    await assert.rejects(
      production.drill.runAsOf('2024-06-10T09:00'),
      (e: Error & { code?: string }) => e.code === 'DRILL_IN_PRODUCTION',
    );
    production.close();
  });
});
