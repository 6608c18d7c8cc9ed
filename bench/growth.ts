/**
 * bench growth: p50 of the first page of each list and queue at ~0 rows and after a bulk load of 1,000,000 verifications.
 *
 * pono runs as an operator runs it (`pono serve`, own process) on the PostgreSQL server (a schema of its own) or,
 * with `--database pglite`, on the embedded database in a data folder. Each list's first page is asked for one
 * request at a time from a client in its own process (20 discarded, then `--requests`, each timed), first on
 * the empty database, then after the rows are loaded in bulk by the database itself (bench/support/bulk-load.ts:
 * verifications and a fifth as many webhook deliveries; applications with their applicant, three tasks each,
 * escalations and liveness links). Ratio = p50 at the loaded size ÷ p50 at ~0 rows, worst list; goal ≤ 1.5.
 *
 *   npm run bench -- growth [--database postgres|pglite] [--verifications 1000000] [--applications 100000] [--requests 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../src/adapters/db/database.ts';
import { createServices } from '../src/app/services.ts';
import { createLogger } from '../src/adapters/log/logger.ts';
import { ACCOUNTS, SERVER } from './support/database.ts';
import { bulkLoadSql } from './support/bulk-load.ts';
import { basic, load, machine, option, startPono, type Server } from './support/load.ts';

const kind = process.argv.includes('pglite') ? 'pglite' : 'postgres';
const VERIFICATIONS = option('verifications', 1_000_000);
const APPLICATIONS = option('applications', VERIFICATIONS / 10);
const REQUESTS = option('requests', 200);
const OFFICER = {
  email: 'growth@dia.example',
  fullName: 'Growth Officer',
  roles: ['case-officer', 'validating-officer', 'id-proofing-expert', 'administrator'],
  password: 'correct horse battery staple',
};

const schema = `bench_growth_${randomBytes(4).toString('hex')}`;
const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'pono-bench-growth-')) : '';
const where: DatabaseOptions = kind === 'pglite' ? { dataDir } : { url: SERVER, schema };
const env: Record<string, string> =
  kind === 'pglite' ? { PONO_DATA_DIR: dataDir } : { DATABASE_URL: SERVER, DATABASE_SCHEMA: schema };

/** Opens the database in this process (pono is stopped: the embedded one has a single owner), runs `work`, closes. */
async function withServices<T>(work: (services: Awaited<ReturnType<typeof createServices>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(where);
  const services = await createServices(database, createLogger('silent'), { jobs: false, analysisInProcess: true });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

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
];

async function measure(label: string): Promise<Map<string, number>> {
  const pono: Server = await startPono(env);
  try {
    const signIn = await fetch(`${pono.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OFFICER.email, password: OFFICER.password }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (!signIn.ok || !cookie) throw new Error(`officer sign-in answered ${signIn.status}`);
    const p50 = new Map<string, number>();
    for (const list of LISTS) {
      const result = await load({
        url: `${pono.url}${list.path}`,
        method: 'GET',
        connections: 1,
        seconds: 0,
        warmupSeconds: 0,
        sequentialRequests: REQUESTS,
        sequentialWarmup: 20,
        headers: list.officer ? { cookie } : { authorization: accountAuth },
      });
      p50.set(list.name, result.p50);
      console.log(
        `  ${label.padEnd(12)} ${list.name.padEnd(38)} p50 ${result.p50.toFixed(2).padStart(7)} ms   p99 ${result.p99.toFixed(2).padStart(7)} ms`,
      );
    }
    return p50;
  } finally {
    await pono.stop();
  }
}

try {
  console.log(
    `machine: ${machine()}; ${kind === 'pglite' ? 'embedded PGlite (data folder)' : 'PostgreSQL server'}; ${REQUESTS} sequential requests per list after 20 discarded`,
  );
  const ownerId = await withServices(async (services) => {
    await services.accounts.create({
      ...ACCOUNTS.three,
      enabledSources: [...ACCOUNTS.three.enabledSources],
      stubMode: true,
    });
    return (await services.casework.officers.create(OFFICER)).id;
  });
  const empty = await measure('~0 rows');
  const started = performance.now();
  const statements = bulkLoadSql({ verifications: VERIFICATIONS, applications: APPLICATIONS }, ownerId);
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: SERVER, options: `-c search_path="${schema}",public` });
    await client.connect();
    await client.query(statements);
    await client.end();
  } else {
    const database = await openDatabase(where);
    await database.executeSql(statements);
    await database.close();
  }
  console.log(
    `loaded ${VERIFICATIONS.toLocaleString('en-NZ')} verifications and ${APPLICATIONS.toLocaleString('en-NZ')} applications (with tasks, escalations, links, deliveries) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const full = await measure(`${(VERIFICATIONS / 1000).toFixed(0)}k rows`);
  let worst = { name: '', ratio: 0 };
  for (const list of LISTS) {
    const ratio = (full.get(list.name) ?? NaN) / (empty.get(list.name) ?? NaN);
    console.log(`  ${list.name.padEnd(38)} ${ratio.toFixed(2)}`);
    if (ratio > worst.ratio) worst = { name: list.name, ratio };
  }
  console.log(
    `bench growth: ratio ${worst.ratio.toFixed(2)} (goal <= 1.5; worst list: ${worst.name}; ${kind}, ${VERIFICATIONS.toLocaleString('en-NZ')} verifications)`,
  );
} finally {
  if (kind === 'pglite') rmSync(dataDir, { recursive: true, force: true });
  else {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_jobs" cascade`);
    await client.end();
  }
}
