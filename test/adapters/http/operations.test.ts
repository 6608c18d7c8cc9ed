// /readyz and /metrics for operators: readiness names what does not answer; metrics label requests by route
// pattern, never by the ids in the URL, and show the job queue's depth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('pglite');
});
after(() => t.close());

test('/readyz is ready when the database and the job queue answer', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json(), { status: 'ready', database: 'pglite', jobQueue: 'ok' });
});

test('/metrics counts requests by route pattern without the ids, and shows the job queue depth', async () => {
  const secretId = 'zzUniqueId42';
  await t.app.inject({ method: 'GET', url: `/api/v1/verifications/${secretId}`, headers: { authorization: DEMO_AUTH } });
  const r = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /text\/plain/);
  assert.match(r.body, /pono_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/verifications\/:verificationId",status="4xx"\} 1/);
  assert.doesNotMatch(r.body, new RegExp(secretId));
  assert.match(r.body, /pono_job_queue_waiting\{queue="[^"]+"\} \d+/);
  assert.match(r.body, /pono_process_cpu_seconds_total/);
});
