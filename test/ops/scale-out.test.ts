// Scale-out for real: two `pono serve` processes on one PostgreSQL server behind Debian's nginx, configured
// from the shipped files (deploy/systemd/pono@.service gives each process's command and environment,
// deploy/nginx/pono.conf the site). Requests are spread over both; an officer's session and the sign-in
// lock-out hold whichever process a request reaches; every webhook is delivered once, never by both.
// Skipped (with the reason) where nginx or the PostgreSQL server is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_URL, dropServerSchema } from '../support/databases.ts';

const NGINX = '/usr/sbin/nginx';
const root = new URL('../../', import.meta.url).pathname;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const skip = !existsSync(NGINX)
  ? `nginx missing (apt-get install -y --no-install-recommends nginx): ${NGINX}`
  : (await reachable())
    ? undefined
    : `no PostgreSQL server at ${SERVER_URL}`;

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

/** The command and environment of deploy/systemd/pono@.service for one instance (%i = its port). */
function unitFor(port: number): { args: string[]; env: Record<string, string> } {
  const unit = readFileSync(join(root, 'deploy/systemd/pono@.service'), 'utf8');
  const env: Record<string, string> = {};
  for (const [, pair] of unit.matchAll(/^Environment=(.+)$/gm)) {
    const [key, ...value] = (pair ?? '').split('=');
    env[key ?? ''] = value.join('=').replaceAll('%i', String(port));
  }
  const exec = /^ExecStart=(\S+) (.+)$/m.exec(unit);
  assert.ok(exec, 'the unit has an ExecStart');
  assert.match(exec[1] ?? '', /\/node$/);
  const words = (exec[2] ?? '').split(' ');
  const nodeOptions = words.filter(
    (word, i) => word.startsWith('--') && words.slice(0, i).every((w) => w.startsWith('--')),
  );
  const [script = '', ...rest] = words.slice(nodeOptions.length);
  return { args: [...nodeOptions, join(root, script), ...rest], env };
}

const schema = `scale_${process.pid}_${Date.now() % 1_000_000}`;
const children: ChildProcess[] = [];
let dir: string;
let base: string;
let ports: number[];
let hooks: Server;
const deliveries: { key: string; verificationId: string }[] = [];

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${url} never became ready`);
}

function startPono(port: number, extra: Record<string, string> = {}): ChildProcess {
  const { args, env } = unitFor(port);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn', ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/pono.js'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'pono-scale-'));
  hooks = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = JSON.parse(body) as {
        deliveryKey: string;
        data: { verificationId?: string; verificationResult?: { verificationId: string } };
      };
      deliveries.push({
        key: parsed.deliveryKey,
        verificationId: parsed.data.verificationResult?.verificationId ?? parsed.data.verificationId ?? '',
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hooks`;

  ports = [await freePort(), await freePort()];
  const nginxPort = await freePort();
  // The first process migrates and seeds the demo; the second joins the running database.
  startPono(ports[0] ?? 0, { PONO_DEMO: '1' });
  await waitReady(`http://127.0.0.1:${ports[0]}`);
  startPono(ports[1] ?? 0);
  await waitReady(`http://127.0.0.1:${ports[1]}`);
  assert.equal(
    await run([
      'account',
      'create',
      '--id',
      'scale',
      '--password',
      'scale-out-password',
      '--stub',
      '--webhook-url',
      hookUrl,
      '--webhook-secret',
      'a-secret-of-sixteen-chars',
    ]),
    0,
  );

  const site = readFileSync(join(root, 'deploy/nginx/pono.conf'), 'utf8')
    .replace(/server 127\.0\.0\.1:8081/, `server 127.0.0.1:${ports[0]}`)
    .replace(/server 127\.0\.0\.1:8082/, `server 127.0.0.1:${ports[1]}`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${nginxPort};`)
    .replace('least_conn;', 'least_conn;');
  writeFileSync(join(dir, 'pono.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 256; }\n` +
      `http {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${dir}/pono.conf;\n}\n`,
  );
  const nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(nginx);
  base = `http://127.0.0.1:${nginxPort}`;
  await waitReady(base);
});

after(async () => {
  if (skip) return;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
    ),
  );
  hooks.close();
  rmSync(dir, { recursive: true, force: true });
  await dropServerSchema(schema);
});

async function requestsSeenBy(port: number | undefined): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [
    ...text.matchAll(
      /^pono_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/verifications"[^}]*\} (\d+)$/gm,
    ),
  ].reduce((sum, m) => sum + Number(m[1]), 0);
}

const auth = {
  authorization: `Basic ${Buffer.from('scale:scale-out-password').toString('base64')}`,
  'content-type': 'application/json',
};

test(
  'registrations through nginx reach both processes, and each webhook is delivered exactly once',
  { skip },
  async () => {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const r = await fetch(`${base}/api/v1/verifications`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            name: { givenName: `Scale${i}`, middleNames: 'TWOPPPPPPPPPPPPPPPPPPPPPPPPPPPP', surname: 'Out' },
            dob: '1980-01-01',
          }),
        });
        assert.equal(r.status, 201, await r.clone().text());
        ids.push(
          ((await r.json()) as { verificationResult: { verificationId: string } }).verificationResult.verificationId,
        );
      }),
    );
    assert.ok((await requestsSeenBy(ports[0])) > 0, 'the first process answered some');
    assert.ok((await requestsSeenBy(ports[1])) > 0, 'the second process answered some');
    for (let i = 0; i < 300 && !ids.every((id) => deliveries.some((d) => d.verificationId === id)); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      ids.filter((id) => !deliveries.some((d) => d.verificationId === id)),
      [],
      'every verification’s webhook arrived',
    );
    const keys = deliveries.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length, 'no delivery key arrived twice');
  },
);

test('an officer signed in through one process is signed in on every process', { skip }, async () => {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'preparer@pono.example', password: 'pono-demo-password' }),
  });
  assert.equal(signIn.status, 200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  for (const port of ports) {
    const direct = await fetch(`http://127.0.0.1:${port}/api/v1/session`, { headers: { cookie } });
    assert.equal(direct.status, 200, `process on ${port}`);
  }
});

test(
  'the sign-in lock-out holds across processes: once locked, right and wrong passwords get the same answer',
  { skip },
  async () => {
    const attempt = (port: number | undefined, password: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'validator@pono.example', password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(ports[i % 2], `wrong-${i}`)).status);
    assert.ok(
      statuses.includes(429),
      `locked after repeated failures spread over both processes: ${statuses.join(',')}`,
    );
    const right = await attempt(ports[0], 'pono-demo-password');
    const wrong = await attempt(ports[1], 'still wrong');
    assert.equal(right.status, 429);
    assert.equal(wrong.status, 429);
  },
);
