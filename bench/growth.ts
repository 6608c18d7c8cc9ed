/**
 * bench growth: p50 of the first page of each list and queue at a fiftieth of the size and at 1,000,000 verifications.
 *
 * pono runs as an operator runs it (`pono serve`, own process) on the PostgreSQL server (a schema of its own) or,
 * with `--database pglite`, on the embedded database in a data folder. Two databases side by side: one with
 * rows loaded in bulk by the database itself (bench/support/bulk-load.ts: verifications, a fifth as many webhook
 * deliveries and a tenth as many forms manual reviews; a tenth as many applications with their applicant, three
 * tasks, two documents and three audit events each, escalations, liveness links and sessions and INZ notifications):
 * the small side 20,000 verifications (enough that every list's first page is full: an empty list answers
 * quicker only because it draws nothing), the loaded side 1,000,000; each served by its own `pono serve`. Each
 * list's first page is asked for one request at a time from a client in its own process, in rounds that
 * alternate between the two (so the machine's other load falls on both alike; discarded requests open each
 * round). Ratio = p50 loaded ÷ p50 small, worst list; goal ≤ 1.5.
 *
 *   npm run bench -- growth [--database postgres|pglite] [--verifications 1000000] [--small-verifications 20000] [--requests 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../src/adapters/db/database.ts';
import { createServices } from '../src/main/services.ts';
import { createLogger } from '../src/adapters/log/logger.ts';
import { ACCOUNTS, SERVER } from './support/database.ts';
import { bulkLoadSql } from './support/bulk-load.ts';
import { basic, load, machine, option, startPono, type Server } from './support/load.ts';

const kind = process.argv.includes('pglite') ? 'pglite' : 'postgres';
const VERIFICATIONS = option('verifications', 1_000_000);
const REQUESTS = option('requests', 200);
// The small side holds the same layout at a fiftieth of the size: enough rows that every list's first page is a
// full page (an empty list answers faster because it has nothing to draw, which is not what growth should measure).
const SMALL_VERIFICATIONS = option('small-verifications', VERIFICATIONS / 50);
const OFFICER = {
  email: 'growth@dia.example',
  fullName: 'Growth Officer',
  roles: ['case-officer', 'validating-officer', 'id-proofing-expert', 'administrator'],
  password: 'correct horse battery staple',
};

const ROUNDS = 4;

/** One database and the environment that points `pono serve` at it. */
interface Side {
  label: string;
  where: DatabaseOptions;
  env: Record<string, string>;
  dataDir?: string;
  schema?: string;
}

function side(label: string): Side {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), `pono-bench-growth-${label}-`));
    return { label, where: { dataDir }, env: { PONO_DATA_DIR: dataDir }, dataDir };
  }
  const schema = `bench_growth_${label}_${randomBytes(4).toString('hex')}`;
  return { label, where: { url: SERVER, schema }, env: { DATABASE_URL: SERVER, DATABASE_SCHEMA: schema }, schema };
}

/** Opens the database in this process (pono is stopped: the embedded one has a single owner), runs `work`, closes. */
async function withServices<T>(
  where: DatabaseOptions,
  work: (services: Awaited<ReturnType<typeof createServices>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(where);
  const services = await createServices(database, createLogger('silent'), { jobs: false, analysisInProcess: true });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/** Application 40's reference (bulk-load.ts writes references as six hex digits). */
const APPLICATION = (40).toString(16).toUpperCase().padStart(6, '0');
const accountAuth = basic(ACCOUNTS.three.accountId, ACCOUNTS.three.password);
const LISTS: { name: string; path: string; officer: boolean }[] = [
  { name: 'verifications, newest', path: '/api/v1/verifications?limit=50', officer: false },
  {
    name: 'verifications, PENDING (review queue)',
    path: '/api/v1/verifications?status=PENDING&limit=50',
    officer: false,
  },
  { name: 'webhook deliveries, newest', path: '/api/v1/webhook-deliveries?limit=50', officer: false },
  { name: 'applications, newest', path: '/api/v1/work/applications?sort=newest', officer: true },
  { name: 'applications, stage decision', path: '/api/v1/work/applications?stage=decision', officer: true },
  { name: 'applications, unassigned', path: '/api/v1/work/applications?owner=unassigned', officer: true },
  { name: 'tasks, mine', path: '/api/v1/work/tasks?queue=mine', officer: true },
  { name: 'tasks, awaiting validation', path: '/api/v1/work/tasks?queue=validation', officer: true },
  { name: 'escalations, queued', path: '/api/v1/work/escalations?status=queued', officer: true },
  { name: 'escalations, all, newest', path: '/api/v1/work/escalations?sort=newest', officer: true },
  { name: 'webhook deliveries, failed', path: '/api/v1/webhook-deliveries?state=failed&limit=50', officer: false },
  { name: 'manual reviews, waiting', path: '/api/v1/forms/manual-reviews?state=PENDING', officer: false },
  { name: 'manual reviews, all', path: '/api/v1/forms/manual-reviews', officer: false },
  { name: 'applications, a family name', path: '/api/v1/work/applications?q=Family4', officer: true },
  // One application's own lists (application 40, which has every kind of row on both sides): their tables grow
  // with every application, the lists do not.
  ...(['tasks', 'documents', 'audit', 'liveness-links', 'liveness-sessions', 'notifications'] as const).map((list) => ({
    name: `an application's ${list}`,
    path: `/api/v1/applications/${APPLICATION}/${list}`,
    officer: true,
  })),
];

/** `pono serve` on one side, with an officer signed in. */
async function serve(on: Side): Promise<{ pono: Server; cookie: string }> {
  const pono: Server = await startPono(on.env);
  const signIn = await fetch(`${pono.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OFFICER.email, password: OFFICER.password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!signIn.ok || !cookie) throw new Error(`officer sign-in answered ${signIn.status}`);
  return { pono, cookie };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** How many rows the list's first page holds on one side (both sides must draw the same page). */
async function pageRows(server: { pono: Server; cookie: string }, list: (typeof LISTS)[number]): Promise<number> {
  const response = await fetch(`${server.pono.url}${list.path}`, {
    headers: list.officer ? { cookie: server.cookie } : { authorization: accountAuth },
  });
  const body = (await response.json()) as unknown;
  if (Array.isArray(body)) return body.length;
  const items = Object.values(body as Record<string, unknown>).find((value) => Array.isArray(value));
  return Array.isArray(items) ? items.length : 0;
}

/**
 * Each list's first page on both sides, in alternating rounds (small, loaded, loaded, small, …) so that the
 * machine's other load falls on both alike; a side's p50 is the median of its rounds' p50s.
 */
async function measure(small: Side, loaded: Side): Promise<{ name: string; small: number; loaded: number }[]> {
  const servers = [await serve(small), await serve(loaded)] as const;
  try {
    const out: { name: string; small: number; loaded: number }[] = [];
    for (const list of LISTS) {
      const p50s: [number[], number[]] = [[], []];
      for (let round = 0; round < ROUNDS; round++) {
        for (const at of round % 2 === 0 ? [0, 1] : [1, 0]) {
          const { pono, cookie } = servers[at as 0 | 1];
          const result = await load({
            url: `${pono.url}${list.path}`,
            method: 'GET',
            connections: 1,
            seconds: 0,
            warmupSeconds: 0,
            sequentialRequests: Math.ceil(REQUESTS / ROUNDS),
            sequentialWarmup: round === 0 ? 20 : 5,
            headers: list.officer ? { cookie } : { authorization: accountAuth },
          });
          p50s[at as 0 | 1].push(result.p50);
        }
      }
      const row = { name: list.name, small: median(p50s[0]), loaded: median(p50s[1]) };
      out.push(row);
      const rows = await Promise.all(servers.map((server) => pageRows(server, list)));
      console.log(
        `  ${list.name.padEnd(38)} p50 small ${row.small.toFixed(2).padStart(7)} ms   loaded ${row.loaded.toFixed(2).padStart(7)} ms   ratio ${(row.loaded / row.small).toFixed(2)}   rows on the page ${rows.join(' / ')}`,
      );
    }
    return out;
  } finally {
    for (const { pono } of servers) await pono.stop();
  }
}

const small = side('small');
const loaded = side('loaded');
try {
  console.log(
    `machine: ${machine()}; ${kind === 'pglite' ? 'embedded PGlite (data folders)' : 'PostgreSQL server'}; ${REQUESTS} sequential requests per list and side in ${ROUNDS} alternating rounds`,
  );
  for (const [on, verifications] of [
    [small, SMALL_VERIFICATIONS],
    [loaded, VERIFICATIONS],
  ] as const) {
    const ownerId = await withServices(on.where, async (services) => {
      await services.accounts.create({
        ...ACCOUNTS.three,
        enabledSources: [...ACCOUNTS.three.enabledSources],
        stubMode: true,
      });
      return (await services.casework.officers.create(OFFICER)).id;
    });
    const started = performance.now();
    const statements = bulkLoadSql({ verifications, applications: verifications / 10 }, ownerId);
    if (on.schema) {
      const client = new pg.Client({ connectionString: SERVER, options: `-c search_path="${on.schema}",public` });
      await client.connect();
      await client.query(statements);
      await client.end();
    } else {
      const database = await openDatabase(on.where);
      await database.executeSql(statements);
      await database.close();
    }
    console.log(
      `${on.label}: ${verifications.toLocaleString('en-NZ')} verifications and ${(verifications / 10).toLocaleString('en-NZ')} applications (with tasks, escalations, links, deliveries) loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  let worst = { name: '', ratio: 0 };
  for (const row of await measure(small, loaded)) {
    const ratio = row.loaded / row.small;
    if (ratio > worst.ratio) worst = { name: row.name, ratio };
  }
  console.log(
    `bench growth: ratio ${worst.ratio.toFixed(2)} (goal <= 1.5; worst list: ${worst.name}; ${kind}, ${VERIFICATIONS.toLocaleString('en-NZ')} verifications)`,
  );
} finally {
  for (const on of [small, loaded]) {
    if (on.dataDir) rmSync(on.dataDir, { recursive: true, force: true });
    if (on.schema) {
      const client = new pg.Client({ connectionString: SERVER });
      await client.connect();
      await client.query(
        `drop schema if exists "${on.schema}" cascade; drop schema if exists "${on.schema}_jobs" cascade`,
      );
      await client.end();
    }
  }
}
