import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';
import {
  verifyWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  DELIVERY_HEADER,
} from '../../../src/adapters/webhook/signature.ts';

interface Received {
  body: string;
  signature: string;
  timestamp: number;
  delivery: string;
}

const SECRET = 'a-webhook-secret-of-some-length';

forEachDatabase((kind) => {
  let t: TestApp;
  let receiver: Server;
  const received: Received[] = [];
  let failNext = 0;

  before(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({
          body,
          signature: String(request.headers[SIGNATURE_HEADER]),
          timestamp: Number(request.headers[TIMESTAMP_HEADER]),
          delivery: String(request.headers[DELIVERY_HEADER]),
        });
        if (failNext > 0) {
          failNext -= 1;
          response.writeHead(503).end('try later');
        } else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    t = await startTestApp(kind);
    await t.services.accounts.create({
      accountId: 'hooked',
      password: 'hooked-password',
      stubMode: true,
      webhookUrl: url,
      webhookSecret: SECRET,
    });
  });
  after(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('a state change sends a signed webhook, retried with the same delivery key until it is accepted', async () => {
    failNext = 1;
    const before = received.length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: basicAuth('hooked', 'hooked-password') },
      payload: {
        name: { givenName: 'Aroha', middleNames: `TWO${'P'.repeat(28)}`, surname: 'Ngata' },
        dob: '1986-03-12',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    const id = response.json().verificationResult.verificationId as string;
    const deadline = Date.now() + 20_000;
    while (received.length < before + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const attempts = received.slice(before);
    assert.equal(attempts.length, 2, 'refused once, then delivered');
    const [first, second] = attempts as [Received, Received];
    assert.equal(first.delivery, second.delivery);
    for (const delivery of attempts) {
      assert.ok(
        verifyWebhook(SECRET, delivery.signature, delivery.timestamp, delivery.body, Math.floor(Date.now() / 1000)),
        'signature checks out',
      );
      assert.ok(
        !verifyWebhook(
          'another-secret-entirely',
          delivery.signature,
          delivery.timestamp,
          delivery.body,
          Math.floor(Date.now() / 1000),
        ),
      );
    }
    const event = JSON.parse(second.body);
    assert.equal(event.event, 'verification.status_changed');
    assert.equal(event.data.verificationId, id);
    assert.equal(event.data.overallVerificationStatus, 'VERIFIED');
    assert.doesNotMatch(second.body, /Aroha|Ngata/, 'no personal data in the webhook');
    // The sender records the delivery after the receiver has answered: wait for that record.
    const delivered = async () =>
      t.database.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('verification_id', '=', id)
        .executeTakeFirstOrThrow();
    let row = await delivered();
    while (row.delivered_at === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      row = await delivered();
    }
    assert.equal(row.attempts, 2);
    assert.ok(row.delivered_at);
  });

  test('a verification that does not change state sends nothing', async () => {
    failNext = 0;
    const before = received.length;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: basicAuth('hooked', 'hooked-password') },
      payload: {
        name: { givenName: 'Aroha', middleNames: `TWO${'F'.repeat(28)}`, surname: 'Ngata' },
        dob: '1986-03-12',
      },
    });
    const id = created.json().verificationResult.verificationId as string;
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${id}`,
      headers: { authorization: basicAuth('hooked', 'hooked-password') },
    });
    // Once the queue is drained, any delivery enqueued by the registration or the read has been sent.
    await t.services.queue.drained();
    // Registration itself is a change (none → IN_PROGRESS): exactly one delivery for it, none for the read.
    const sent = received.slice(before).map((r) => JSON.parse(r.body) as { data: { verificationId: string } });
    assert.deepEqual(
      sent.map((event) => event.data.verificationId),
      [id],
    );
  });
});

interface Delivery {
  id: string;
  verificationId: string;
  event: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}
interface DeliveryPage {
  deliveries: Delivery[];
  next: string | null;
}

const until = async (done: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

forEachDatabase((kind) => {
  let t: TestApp;
  let receiver: Server;
  let accepting = false;
  let hits = 0;
  const lines: string[] = [];
  const AUTH = basicAuth('failing', 'failing-password');
  const OTHER = basicAuth('bystander', 'bystander-password');

  before(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        hits += 1;
        if (accepting) response.writeHead(204).end();
        else response.writeHead(500, { 'content-type': 'text/plain' }).end('receiver broken: Aroha Ngata');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp(kind, { logSink: sink, logLevel: 'info' });
    await t.services.accounts.create({
      accountId: 'failing',
      password: 'failing-password',
      stubMode: true,
      webhookUrl: url,
      webhookSecret: SECRET,
    });
    await t.services.accounts.create({
      accountId: 'bystander',
      password: 'bystander-password',
      stubMode: true,
      webhookUrl: url,
    });
  });
  after(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const api = async <T>(
    method: 'GET' | 'POST',
    url: string,
    authorization = AUTH,
  ): Promise<{ status: number; body: T }> => {
    const r = await t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization } });
    return { status: r.statusCode, body: r.json<T>() };
  };
  const register = async (authorization: string, surname: string): Promise<string> => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization },
      payload: { name: { givenName: 'Aroha', middleNames: `TWO${'F'.repeat(28)}`, surname }, dob: '1986-03-12' },
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json().verificationResult.verificationId as string;
  };

  test('a failing delivery is listed with its last error and logged without personal data; the account retries it once the receiver is fixed', async () => {
    accepting = false;
    const id = await register(AUTH, 'Ngata');
    const mine = async () =>
      (await api<DeliveryPage>('GET', '/webhook-deliveries')).body.deliveries.find((d) => d.verificationId === id);
    await until(async () => ((await mine())?.attempts ?? 0) >= 2, 'two attempts failed');
    const failing = await mine();
    assert.ok(failing);
    assert.equal(failing.state, 'retrying');
    assert.equal(failing.lastStatus, 500);
    assert.equal(failing.lastError, 'the receiver answered HTTP 500');
    assert.equal(failing.deliveredAt, null);
    assert.ok(failing.lastAttemptAt);

    const logged = lines.filter((l) => l.includes('webhook delivery failed'));
    assert.ok(logged.length >= 2, 'each failed attempt is logged');
    const entry = JSON.parse(logged[0] ?? '{}') as Record<string, unknown>;
    assert.equal(entry.accountId, 'failing');
    assert.equal(entry.deliveryKey, failing.id);
    assert.equal(entry.reason, 'the receiver answered HTTP 500');
    for (const line of logged)
      assert.doesNotMatch(
        line,
        /Aroha|Ngata|1986|127\.0\.0\.1|verification\.status_changed/,
        'no payload, answer or address in the log',
      );

    // Another account sees none of it, and its id answers as one that does not exist.
    const theirs = await api<DeliveryPage>('GET', '/webhook-deliveries', OTHER);
    assert.ok(!theirs.body.deliveries.some((d) => d.id === failing.id));
    const peek = await api<{ code: string; message: string }>('GET', `/webhook-deliveries/${failing.id}`, OTHER);
    const none = await api<{ code: string; message: string }>(
      'GET',
      '/webhook-deliveries/0123456789abcdef0123456789abcdef',
      OTHER,
    );
    assert.equal(peek.status, 404);
    assert.deepEqual(
      [peek.body.code, peek.body.message.replace(failing.id, '<id>')],
      [none.body.code, none.body.message.replace('0123456789abcdef0123456789abcdef', '<id>')],
    );
    assert.equal((await api('POST', `/webhook-deliveries/${failing.id}/retry`, OTHER)).status, 404);

    accepting = true;
    const retried = await api<Delivery>('POST', `/webhook-deliveries/${failing.id}/retry`);
    assert.equal(retried.status, 202);
    assert.equal(retried.body.id, failing.id);
    await until(async () => (await mine())?.state === 'delivered', 'the retry is delivered');
    const delivered = await mine();
    assert.equal(delivered?.lastError, null);
    assert.equal(delivered?.lastStatus, 204);
    const again = await api<{ code: string }>('POST', `/webhook-deliveries/${failing.id}/retry`);
    assert.deepEqual([again.status, again.body.code], [409, 'DELIVERY_ALREADY_DELIVERED']);
    accepting = false;
  });

  test('deliveries are listed newest first in keyset pages, and by state', async () => {
    accepting = true;
    const before = hits;
    const ids = [await register(AUTH, 'Page'), await register(AUTH, 'Page'), await register(AUTH, 'Page')];
    await until(async () => hits >= before + 3, 'three deliveries sent');
    await until(
      async () =>
        (await api<DeliveryPage>('GET', '/webhook-deliveries?state=delivered&limit=500')).body.deliveries.filter((d) =>
          ids.includes(d.verificationId),
        ).length === 3,
      'three delivered',
    );
    const seen: Delivery[] = [];
    let next: string | null = null;
    do {
      const page: { status: number; body: DeliveryPage } = await api<DeliveryPage>(
        'GET',
        `/webhook-deliveries?limit=2${next ? `&before=${next}` : ''}`,
      );
      assert.equal(page.status, 200);
      assert.ok(page.body.deliveries.length <= 2);
      seen.push(...page.body.deliveries);
      next = page.body.next;
    } while (next !== null);
    assert.equal(new Set(seen.map((d) => d.id)).size, seen.length, 'no delivery twice');
    assert.deepEqual(
      seen.filter((d) => ids.includes(d.verificationId)).map((d) => d.verificationId),
      [...ids].reverse(),
      'newest first',
    );
    const failed = await api<DeliveryPage>('GET', '/webhook-deliveries?state=failed');
    assert.ok(failed.body.deliveries.every((d) => d.state === 'failed'));
    const bad = await api<{ code: string; problems: { field: string }[] }>(
      'GET',
      '/webhook-deliveries?before=nonsense',
    );
    assert.deepEqual([bad.status, bad.body.problems[0]?.field], [400, 'before']);
    accepting = false;
  });

  test('pono gives up after its retries: the delivery reads failed', async () => {
    accepting = false;
    const id = await register(AUTH, 'Giveup');
    await until(
      async () =>
        (
          await t.database.db
            .selectFrom('webhook_deliveries')
            .select('attempts')
            .where('verification_id', '=', id)
            .executeTakeFirst()
        )?.attempts === 1,
      'the first attempt',
    );
    await t.database.db
      .updateTable('webhook_deliveries')
      .set({ attempts_left: 0 })
      .where('verification_id', '=', id)
      .execute();
    const page = await api<DeliveryPage>('GET', '/webhook-deliveries?state=failed');
    assert.ok(page.body.deliveries.some((d) => d.verificationId === id && d.state === 'failed'));
  });
});
