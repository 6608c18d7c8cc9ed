// Each request leaves one access line at the default level (info): its id, method, URL with secrets masked,
// status and time, and nothing from its body or headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startTestApp, DEMO_AUTH } from '../../support/app.ts';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

test('one access line per request at info, with the id sent back in x-request-id and secrets masked', async () => {
  const lines: LogLine[] = [];
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const t = await startTestApp('pglite', { demo: true, logSink, logLevel: 'info' });
  try {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: DEMO_AUTH },
      payload: { name: { givenName: 'Mere', surname: 'Parata' }, dob: '1980-02-03', email: 'mere@example.org' },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/tokens/s3cretToken?lang=mi' });
    assert.equal(refused.statusCode, 401);

    const access = lines.filter((l) => l.msg === 'request completed');
    assert.deepEqual(
      access.map((l) => [l.level, l.reqId, l.req?.method, l.req?.url, l.res?.statusCode]),
      [
        [30, registered.headers['x-request-id'], 'POST', '/api/v1/verifications', 201],
        [30, refused.headers['x-request-id'], 'GET', '/api/v1/tokens/[redacted]?[redacted]', 401],
      ],
    );
    assert.ok(access.every((l) => typeof l.responseTime === 'number' && l.responseTime >= 0));
    assert.equal(lines.filter((l) => l.msg === 'incoming request').length, 0, 'no second line per request');
    const log = JSON.stringify(lines);
    for (const secret of [
      'Mere',
      'Parata',
      '1980',
      'mere@example.org',
      's3cretToken',
      DEMO_AUTH.split(' ')[1] ?? DEMO_AUTH,
    ])
      assert.ok(!log.includes(secret), `${secret} must not be logged`);
  } finally {
    await t.close();
  }
});
