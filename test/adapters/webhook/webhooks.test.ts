import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';
import { verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER } from '../../../src/adapters/webhook/signature.ts';

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
  let failNext = 1;

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
    await t.services.accounts.create({ accountId: 'hooked', password: 'hooked-password', stubMode: true, webhookUrl: url, webhookSecret: SECRET });
  });
  after(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('a state change sends a signed webhook, retried with the same delivery key until it is accepted', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/verifications', headers: { authorization: basicAuth('hooked', 'hooked-password') },
      payload: { name: { givenName: 'Aroha', middleNames: `TWO${'P'.repeat(28)}`, surname: 'Ngata' }, dob: '1986-03-12' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const id = response.json().verificationResult.verificationId as string;
    const deadline = Date.now() + 20_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(received.length, 2, 'refused once, then delivered');
    const [first, second] = received as [Received, Received];
    assert.equal(first.delivery, second.delivery);
    for (const delivery of received) {
      assert.ok(verifyWebhook(SECRET, delivery.signature, delivery.timestamp, delivery.body, Math.floor(Date.now() / 1000)), 'signature checks out');
      assert.ok(!verifyWebhook('another-secret-entirely', delivery.signature, delivery.timestamp, delivery.body, Math.floor(Date.now() / 1000)));
    }
    const event = JSON.parse(second.body);
    assert.equal(event.event, 'verification.status_changed');
    assert.equal(event.data.verificationId, id);
    assert.equal(event.data.overallVerificationStatus, 'VERIFIED');
    assert.doesNotMatch(second.body, /Aroha|Ngata/, 'no personal data in the webhook');
    const row = await t.database.db.selectFrom('webhook_deliveries').selectAll().where('verification_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.attempts, 2);
    assert.ok(row.delivered_at);
  });

  test('a verification that does not change state sends nothing', async () => {
    const before = received.length;
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/verifications', headers: { authorization: basicAuth('hooked', 'hooked-password') },
      payload: { name: { givenName: 'Aroha', middleNames: `TWO${'F'.repeat(28)}`, surname: 'Ngata' }, dob: '1986-03-12' },
    });
    const id = created.json().verificationResult.verificationId as string;
    await t.app.inject({ method: 'GET', url: `/api/v1/verifications/${id}`, headers: { authorization: basicAuth('hooked', 'hooked-password') } });
    await new Promise((r) => setTimeout(r, 1500));
    // Registration itself is a change (none → IN_PROGRESS): exactly one delivery for it, none for the read.
    assert.equal(received.length, before + 1);
  });
});
