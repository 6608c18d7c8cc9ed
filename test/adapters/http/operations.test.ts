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
  await t.app.inject({
    method: 'GET',
    url: `/api/v1/verifications/${secretId}`,
    headers: { authorization: DEMO_AUTH },
  });
  const r = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /text\/plain/);
  assert.match(
    r.body,
    /pono_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/verifications\/:verificationId",status="4xx"\} 1/,
  );
  assert.doesNotMatch(r.body, new RegExp(secretId));
  assert.match(r.body, /pono_job_queue_waiting\{queue="[^"]+"\} \d+/);
  assert.match(r.body, /pono_process_cpu_seconds_total/);
});

test('/metrics shows the age of the oldest due job, liveness analyses and the database pool', async () => {
  const { cannedAnalysis } = await import('./liveness/support.ts');
  let r = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /pono_job_queue_oldest_due_seconds\{queue="casework\.liveness-link-email"\} \d/);
  assert.match(r.body, /pono_db_pool_connections\{state="open"\} 1/);
  assert.match(r.body, /pono_liveness_analyses\{state="running"\} 0/);
  assert.match(r.body, /pono_liveness_analysis_seconds_count 0/);

  // One analysis (canned: the engine's cost is not the point here) is counted.
  t.services.liveness.useAnalyser(cannedAnalysis('PASS'));
  const officer = await t.services.casework.officers.create({
    email: 'metrics@dia.example',
    fullName: 'M',
    roles: ['administrator', 'case-officer'],
    password: 'correct horse battery staple',
  });
  const { token } = await t.services.casework.officers.issueApiToken(
    { officerId: officer.id, roles: ['administrator'] },
    officer.id,
    'tests',
  );
  const { realFaces, jsonSubmission, stillCapture } = await import('./liveness/support.ts');
  const faces = await realFaces().catch(() => undefined);
  if (!faces) return; // the face images are Debian packages; the counters above are checked either way
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/liveness/sessions',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      subjectReference: 'metrics',
      trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const clientToken = created.json<{ clientToken: string }>().clientToken;
  const started = await t.app.inject({ method: 'POST', url: `/liveness/${clientToken}/attempts` });
  const attempt = started.json<{ attempt: { id: string; challenges: ('BLINK' | 'NOD' | 'SHAKE')[] } }>().attempt;
  const captures = attempt.challenges.map((c, i) => stillCapture(c, faces.collinsJpeg, i * 4000));
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/liveness/${clientToken}/attempts/${attempt.id}`,
    payload: jsonSubmission(faces.collinsJpeg, captures),
  });
  assert.equal(submitted.statusCode, 200, submitted.body);
  r = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /pono_liveness_analysis_seconds_count 1/);
  t.services.liveness.useAnalyser();
});

test('the oldest due job age counts from when the job became due, per queue', async () => {
  const idle = await startTestApp('pglite', { workJobs: false });
  try {
    await idle.services.queue.send(
      'casework.liveness-link-email',
      { linkId: 'x' },
      { startAfter: new Date(Date.now() - 90_000) },
    );
    await idle.services.queue.send(
      'casework.liveness-link-expiry',
      { linkId: 'x' },
      { startAfter: new Date(Date.now() + 3_600_000) },
    );
    const ages = new Map((await idle.services.queue.oldestDueAges()).map((a) => [a.queue, a.seconds]));
    assert.ok((ages.get('casework.liveness-link-email') ?? 0) >= 89, JSON.stringify([...ages]));
    assert.equal(ages.get('casework.liveness-link-expiry'), 0, 'a job not yet due has not waited');
  } finally {
    await idle.close();
  }
});

test('/metrics counts source checks by source and result, as the verifications report them', async () => {
  const counted = async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const counts = new Map<string, number>();
    for (const match of body.matchAll(/^pono_source_checks_total\{source="([^"]+)",result="([^"]+)"\} (\d+)$/gm))
      counts.set(`${match[1]}/${match[2]}`, Number(match[3]));
    return counts;
  };
  const before = await counted();
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload: {
      name: { givenName: 'Hemi', surname: 'Walker' },
      dob: '1979-04-12',
      currentResidentialAddress: {
        streetNumber: '8',
        streetName: 'Cuba',
        streetType: 'St',
        suburb: 'Wellington',
        postcode: '6011',
        country: 'NZ',
      },
    },
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const results = registered.json<{ verificationResult: { individualResult: { name: string; state: string }[] } }>()
    .verificationResult.individualResult;
  assert.ok(results.length > 0, 'the demo account checks background sources at registration');
  const after = await counted();
  for (const result of results) {
    const key = `${result.name}/${result.state}`;
    assert.ok((after.get(key) ?? 0) > (before.get(key) ?? 0), `${key} was counted`);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  assert.equal(total(after) - total(before), results.length, 'one count per check, nothing else');
});
