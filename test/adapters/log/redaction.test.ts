import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, maskUrl } from '../../../src/adapters/log/logger.ts';
import { openTestDatabase } from '../../support/databases.ts';
import { createServices } from '../../../src/main/services.ts';
import { buildServer } from '../../../src/adapters/http/server.ts';
import { seedDemoAccount } from '../../../src/app/demo.ts';
import { DEMO_AUTH } from '../../support/app.ts';

test('no personal data and no token reaches the logs of a whole verification', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('trace', sink);
  const database = await openTestDatabase('pglite');
  const services = await createServices(database, logger, { jobs: false });
  await seedDemoAccount(services);
  const app = await buildServer({ logger, services });
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload: {
      name: { givenName: 'Wiremu', middleNames: 'TWOFFF', surname: 'Tamihana' },
      dob: '1971-08-09',
      email: 'wiremu@example.org',
    },
  });
  const id = created.json().verificationResult.verificationId as string;
  const token = (
    await app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/token`,
      headers: { authorization: DEMO_AUTH },
    })
  ).json().verificationToken as string;
  await app.inject({ method: 'GET', url: `/api/v1/tokens/${token}`, headers: { authorization: DEMO_AUTH } });
  await app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload: { name: { givenName: 'Wiremu', surname: 'Tamihana' }, dob: 'not a date' },
  });
  await app.close();
  await services.close();
  const log = lines.join('');
  assert.ok(log.includes('/api/v1/verifications'), 'requests are logged');
  for (const secret of [
    'Wiremu',
    'Tamihana',
    '1971',
    'wiremu@example.org',
    token,
    'demo:demo',
    Buffer.from('demo:demo').toString('base64'),
  ]) {
    assert.ok(!log.includes(secret), `${secret} must not be logged`);
  }
});

test('maskUrl hides tokens, liveness links and query strings', () => {
  assert.equal(maskUrl('/api/v1/tokens/abc123'), '/api/v1/tokens/[redacted]');
  assert.equal(maskUrl('/liveness/s3cr3t?x=1'), '/liveness/[redacted]?[redacted]');
  assert.equal(maskUrl('/api/v1/verifications/AbC'), '/api/v1/verifications/AbC');
});
