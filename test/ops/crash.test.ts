// Crash safety: `pono serve` is killed with SIGKILL in the middle of a mixed load (registrations, interactive
// source checks, casework applications with their people), started again on the same database, and every
// change a client saw acknowledged must be there, with nothing half-written (a registration without its
// result, an application without the person the client was told was added). On the PostgreSQL server and on
// the embedded database folder, which must reopen after the kill without repair. Then SIGTERM: requests in
// flight are answered, the process ends within a bound, and nothing is accepted afterwards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_URL, dropServerSchema, uniqueSchema } from '../support/databases.ts';

const root = new URL('../../', import.meta.url).pathname;
const DEMO_PASSWORD = 'pono-demo-password';
const AUTH = `Basic ${Buffer.from('demo:demo').toString('base64')}`;

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const noServer = (await serverReachable()) ? undefined : `no PostgreSQL server at ${SERVER_URL}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function startPono(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/pono.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) assert.fail(`pono serve ended at start with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, exited };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('pono serve never became ready');
}

const person = (n: number) => ({
  name: { givenName: 'Crash', middleNames: 'TWOFFFFFFFFFFFFFFFFFFFFFFFFFFFF', surname: `Tester${n}` },
  dob: '1980-01-01',
  currentResidentialAddress: {
    streetNumber: String(n),
    streetName: 'Collins',
    streetType: 'ST',
    suburb: 'Melbourne',
    state: 'VIC',
    postcode: '3000',
    country: 'AU',
  },
});

const passportFields = (n: number) => ({
  fields: {
    greenid_passportdvs_number: 'A1111111',
    greenid_passportdvs_givenname: 'Crash',
    greenid_passportdvs_surname: `Tester${n}`,
    greenid_passportdvs_dob: '01/01/1980',
    greenid_passportdvs_tandc: 'on',
  },
});

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(base: string): Promise<string> {
  const response = await post(
    `${base}/api/v1/session`,
    { email: 'preparer@pono.example', password: DEMO_PASSWORD },
    {},
  );
  assert.equal(response.status, 200, 'the demo preparer signs in');
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/** What clients were told: verifications registered, passport checks answered VERIFIED, applications with their person. */
interface Acknowledged {
  registered: string[];
  passportVerified: string[];
  applications: { reference: string; familyName: string }[];
}

/** One client's loop of mixed writes until `stop` is set; a failed request (the kill) ends the loop. */
async function client(
  base: string,
  cookie: string,
  id: number,
  stop: { now: boolean },
  acked: Acknowledged,
): Promise<void> {
  let n = id * 10_000;
  try {
    while (!stop.now) {
      n += 1;
      const registered = await post(`${base}/api/v1/verifications`, person(n), { authorization: AUTH });
      if (!registered.ok) return;
      const { verificationResult } = (await registered.json()) as { verificationResult: { verificationId: string } };
      acked.registered.push(verificationResult.verificationId);
      const checked = await post(
        `${base}/api/v1/verifications/${verificationResult.verificationId}/sources/passportdvs`,
        passportFields(n),
        { authorization: AUTH },
      );
      if (!checked.ok) return;
      const check = (await checked.json()) as { checkResult: { state: string } };
      if (check.checkResult.state === 'VERIFIED') acked.passportVerified.push(verificationResult.verificationId);
      if (n % 3 === 0) {
        const created = await post(`${base}/api/v1/applications`, { applicationType: 'CBG Adult' }, { cookie });
        if (!created.ok) return;
        const { reference } = (await created.json()) as { reference: string };
        const familyName = `Crash${n}`;
        const added = await post(
          `${base}/api/v1/applications/${reference}/people`,
          {
            relationship: 'applicant',
            givenNames: 'Aroha',
            familyName,
            dateOfBirth: '1980-01-01',
            gender: 'Female',
            countryOfBirth: 'New Zealand',
          },
          { cookie },
        );
        if (!added.ok) return;
        acked.applications.push({ reference, familyName });
      }
    }
  } catch {
    /* the connection dropped with the kill: whatever was in flight was never acknowledged */
  }
}

async function checkAcknowledged(base: string, cookie: string, acked: Acknowledged): Promise<void> {
  for (const id of acked.registered) {
    const response = await fetch(`${base}/api/v1/verifications/${id}`, { headers: { authorization: AUTH } });
    assert.equal(response.status, 200, `acknowledged verification ${id} is there after the restart`);
  }
  for (const id of acked.passportVerified) {
    const response = await fetch(`${base}/api/v1/verifications/${id}`, { headers: { authorization: AUTH } });
    const text = await response.text();
    assert.match(text, /passportdvs/i, `verification ${id} keeps its acknowledged passport check`);
    const body = JSON.parse(text) as {
      verificationResult?: { individualResult?: { name?: string; state?: string }[] };
    };
    const results = body.verificationResult?.individualResult ?? [];
    const passport = results.find((r) => (r.name ?? '').toLowerCase().includes('passportdvs'));
    if (passport)
      assert.equal(
        passport.state,
        'VERIFIED',
        `verification ${id}: the passport check answered VERIFIED stays VERIFIED`,
      );
  }
  for (const { reference, familyName } of acked.applications) {
    const response = await fetch(`${base}/api/v1/applications/${reference}`, { headers: { cookie } });
    assert.equal(response.status, 200, `acknowledged application ${reference} is there after the restart`);
    assert.ok(
      (await response.text()).includes(familyName),
      `application ${reference} keeps the person the client was told was added`,
    );
  }
}

async function crashAndRestart(env: Record<string, string>): Promise<void> {
  const first = await startPono({ ...env, PONO_DEMO: '1' });
  const cookie = await signIn(first.base);
  const acked: Acknowledged = { registered: [], passportVerified: [], applications: [] };
  const stop = { now: false };
  const clients = Array.from({ length: 6 }, (_, i) => client(first.base, cookie, i + 1, stop, acked));
  // Kill once the load is well under way, whatever the machine's speed.
  for (let i = 0; i < 300 && (acked.registered.length < 60 || acked.applications.length < 5); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  first.child.kill('SIGKILL');
  stop.now = true;
  await Promise.all(clients);
  assert.equal((await first.exited).signal, 'SIGKILL');
  assert.ok(
    acked.registered.length >= 20,
    `load was under way at the kill (${acked.registered.length} registrations acknowledged)`,
  );

  const second = await startPono(env);
  try {
    await checkAcknowledged(second.base, await signIn(second.base), acked);
    // Still writable after the restart.
    const again = await post(`${second.base}/api/v1/verifications`, person(1), { authorization: AUTH });
    assert.equal(again.status, 201, 'the restarted server takes new registrations');
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}

test(
  'killed mid-load on the embedded database folder: it reopens and every acknowledged change is there',
  { timeout: 240_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pono-crash-'));
    try {
      await crashAndRestart({ PONO_DATA_DIR: dir, DATABASE_URL: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'killed mid-load on the PostgreSQL server: every acknowledged change is there',
  { timeout: 240_000, skip: noServer },
  async () => {
    const schema = uniqueSchema('crash');
    try {
      await crashAndRestart({ DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema });
    } finally {
      await dropServerSchema(schema);
    }
  },
);

test(
  'SIGTERM answers the requests in flight, ends within ten seconds and takes nothing new',
  { timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pono-term-'));
    try {
      const running = await startPono({ PONO_DATA_DIR: dir, DATABASE_URL: '', PONO_DEMO: '1' });
      const inFlight = Array.from({ length: 50 }, (_, i) =>
        post(`${running.base}/api/v1/verifications`, person(i), { authorization: AUTH }).then((r) => r.status),
      );
      // The signal comes once the server has answered one of them: the others are then reaching it or in its hands.
      await Promise.race(inFlight);
      const signalled = Date.now();
      running.child.kill('SIGTERM');
      const outcomes = await Promise.allSettled(inFlight);
      const { code } = await running.exited;
      const elapsed = Date.now() - signalled;
      const answered = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
      const cut = outcomes.flatMap((o) =>
        o.status === 'rejected' ? [String((o.reason as { cause?: { code?: string } }).cause?.code)] : [],
      );
      // A request the server had taken is answered in full (201); one that arrives while it closes is told to
      // go elsewhere (503, which a load balancer retries on another process).
      assert.ok(answered.includes(201), 'requests were in flight at the signal and answered');
      assert.deepEqual(
        answered.filter((s) => s !== 201 && s !== 503),
        [],
        'nothing but answered or refused',
      );
      assert.deepEqual(
        cut.filter((c) => c !== 'ECONNREFUSED'),
        [],
        'no request was cut off half-way; late ones were refused at the door',
      );
      assert.equal(code, 0, 'a clean exit');
      assert.ok(elapsed < 10_000, `ended within ten seconds (${elapsed} ms)`);
      await assert.rejects(fetch(`${running.base}/healthz`), 'nothing is accepted after the stop');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
