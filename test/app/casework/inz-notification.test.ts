// The INZ notification after a ceremony closes: due 7 days later, signed, sent exactly once with an
// idempotency key; a crash between sending and recording leads to a resend with the same key that the
// receiver drops; a failed delivery is retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { officerPair } from '../../support/officer-pair.ts';
import { grantWithCeremony } from '../../support/grant.ts';
import { ManualClock } from '../../../src/app/clock.ts';
import type { Actor } from '../../../src/app/casework/actor.ts';
import { CLAIM_LEASE_MS } from '../../../src/app/casework/ceremonies.ts';
import { verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../src/adapters/webhook/signature.ts';

const SECRET = 'inz-shared-secret-0123456789';
const DAY = 24 * 60 * 60 * 1000;

interface Delivery {
  key: string;
  body: { event: string; data: Record<string, string> };
  signatureValid: boolean;
}

/** INZ's side: verifies the signature, records every delivery, processes each idempotency key once. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly processed = new Map<string, Delivery>();
  failNext = 0;
  server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (this.failNext > 0) {
        this.failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      const ts = Number(req.headers[TIMESTAMP_HEADER]);
      const delivery: Delivery = {
        key,
        body: JSON.parse(raw),
        signatureValid: verifyWebhook(SECRET, String(req.headers[SIGNATURE_HEADER]), ts, raw, ts),
      };
      this.deliveries.push(delivery);
      if (!this.processed.has(key)) this.processed.set(key, delivery);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/inz/notifications`;
  }
}

forEachDatabase((kind) => {
  let t: TestApp;
  const receiver = new Receiver();
  const clock = new ManualClock(new Date('2024-06-03T00:00:00Z'));
  let co: Actor;
  let vo: Actor;

  before(async () => {
    const url = await receiver.listen();
    // Jobs are not worked here, so the test drives delivery step by step.
    t = await startTestApp(kind, {
      demo: false,
      clock,
      workJobs: false,
      env: {
        PONO_INZ_NOTIFY_URL: url,
        PONO_INZ_NOTIFY_SECRET: SECRET,
        PONO_ADMIN_EMAIL: 'first-admin@dia.example',
        PONO_ADMIN_PASSWORD: 'first run password',
      },
    });
    ({ co, vo } = await officerPair(t.services, 'n'));
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  /** An application granted and at the ceremony stage, for a citizen with the given number. */
  async function granted(citizenshipPersonNumber: string | null): Promise<string> {
    const cw = t.services.casework;
    const { reference } = await cw.applications.create(co, { applicationType: 'CBG Adult' });
    await cw.applications.addPerson(co, reference, {
      relationship: 'applicant',
      givenNames: 'Raj',
      familyName: 'Kaur',
      dateOfBirth: '1979-08-08',
      gender: 'Female',
      countryOfBirth: 'India',
      citizenshipPersonNumber,
    });
    await cw.applications.submit(co, reference, { paid: true, submittedOn: '2023-01-10' });
    await cw.applications.moveStage(co, reference, 'allocate');
    await grantWithCeremony(t.services, { co, vo }, reference);
    return reference;
  }

  test('the first-run administrator from PONO_ADMIN_EMAIL / PONO_ADMIN_PASSWORD can sign in', async () => {
    const { officer } = await t.services.casework.officers.signIn('first-admin@dia.example', 'first run password');
    assert.deepEqual(officer.roles, ['administrator']);
    assert.equal(
      await t.services.casework.officers.ensureBootstrapAdmin('second@dia.example', 'another password'),
      false,
    );
  });

  test('the notification is sent once, 7 days after closure, even after a crash between send and record', async () => {
    const cw = t.services.casework;
    const ref = await granted('CPN-7001');
    const closed = await cw.ceremonies.close(co, ref);
    const key = closed.notification.idempotencyKey;
    assert.match(key, /^inz-cit-v1-[0-9a-f]{64}$/);
    assert.equal(closed.notification.dueOn, '2024-06-10');

    // Not due yet: nothing is sent.
    await assert.rejects(cw.ceremonies.deliver({ idempotencyKey: key }), /not due/);
    assert.equal(receiver.deliveries.length, 0);

    clock.advance(7 * DAY);
    // Crash between send and record: claimed and sent, never recorded.
    const claim = await cw.ceremonies.claim(key);
    assert.ok(claim);
    assert.equal(await cw.ceremonies.send(key, claim.payload), 200);
    assert.equal((await cw.ceremonies.notification(key)).status, 'sending');
    // While the claim's lease lives, no other worker sends it.
    await assert.rejects(cw.ceremonies.deliver({ idempotencyKey: key }), /claimed/);
    assert.equal(receiver.deliveries.length, 1);

    // After the lease the retry sends again with the same key; the receiver drops the duplicate.
    clock.advance(CLAIM_LEASE_MS + 1000);
    assert.equal(await cw.ceremonies.deliver({ idempotencyKey: key }), 'sent');
    assert.equal(receiver.deliveries.length, 2);
    assert.deepEqual(
      receiver.deliveries.map((d) => d.key),
      [key, key],
    );
    assert.equal(receiver.processed.size, 1);
    // The crashed worker's late record does not overwrite anything.
    assert.equal(await cw.ceremonies.recordOutcome(key, claim.claimId, 200), false);

    // Sent: later runs of the job send nothing.
    assert.equal(await cw.ceremonies.deliver({ idempotencyKey: key }), 'skipped');
    assert.equal(receiver.deliveries.length, 2);
    const n = await cw.ceremonies.notification(key);
    assert.equal(n.status, 'sent');
    assert.equal(n.attempts, 2);

    const delivered = receiver.processed.get(key);
    assert.ok(delivered?.signatureValid);
    assert.equal(delivered.body.event, 'citizenship.granted');
    const { fullName, gender, dateOfBirth, countryOfBirth, citizenshipPersonNumber } = delivered.body.data;
    assert.deepEqual(
      { fullName, gender, dateOfBirth, countryOfBirth, citizenshipPersonNumber },
      {
        fullName: 'Raj Kaur',
        gender: 'Female',
        dateOfBirth: '1979-08-08',
        countryOfBirth: 'India',
        citizenshipPersonNumber: 'CPN-7001',
      },
    );

    const trail = await cw.audit.forApplication({ officerId: 'auditor', roles: ['administrator'] }, ref);
    assert.equal(trail.filter((e) => e.action === 'inz-notification.sent').length, 1);
  });

  test('a failed delivery is retried and then recorded', async () => {
    const cw = t.services.casework;
    const ref = await granted('CPN-7002');
    const { notification } = await cw.ceremonies.close(co, ref);
    clock.advance(7 * DAY);
    receiver.failNext = 1;
    const before = receiver.deliveries.length;
    await assert.rejects(cw.ceremonies.deliver({ idempotencyKey: notification.idempotencyKey }), /503/);
    const failed = await cw.ceremonies.notification(notification.idempotencyKey);
    assert.deepEqual([failed.status, failed.lastStatus], ['pending', 503]);
    assert.equal(await cw.ceremonies.deliver({ idempotencyKey: notification.idempotencyKey }), 'sent');
    assert.equal(receiver.deliveries.length, before + 1);
  });

  test('closing needs the citizen fields INZ is sent', async () => {
    const ref = await granted(null);
    await assert.rejects(
      t.services.casework.ceremonies.close(co, ref),
      (e: Error & { code?: string }) => e.code === 'CITIZEN_FIELD_MISSING',
    );
    const app = await t.services.casework.applications.get(co, ref);
    assert.equal(app.stage, 'ceremony'); // nothing half-written
  });
});
