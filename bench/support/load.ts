/**
 * Benchmarks' side of the load generator: `load(spec)` runs bench/support/load-generator.ts in a child process
 * (autocannon) against a server that runs in a process of its own, and returns what it measured after its
 * warm-up. `startPono(env)` runs `pono serve` as an operator would; `startProcess` any other server script
 * that prints `listening <url>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER } from './database.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Replace `[<id>]` in the body with a new id in every request (a new person or transaction each time). */
  idReplacement?: boolean;
  /** Instead of autocannon: this many requests one after another, after `sequentialWarmup` discarded ones. */
  sequentialRequests?: number;
  sequentialWarmup?: number;
}

export interface LoadResult {
  /** Requests per second over the measured run. */
  rps: number;
  /** Latency in ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Answers outside 2xx, connection errors and time-outs. */
  failures: number;
  /**
   * CPU the server's process spent per request during the measured run (user + system, ms), when the server
   * was given: what each request costs the machine, which holds better than throughput on a shared machine.
   */
  serverCpuMs?: number;
  /**
   * CPU the PostgreSQL server spent per request over the measured run (ms): the backends of the server's own
   * connections (found by their application_name) plus PostgreSQL's background processes (WAL writer,
   * checkpointer, autovacuum…), from /proc. Other clients' backends (other test runs) are left out.
   */
  databaseCpuMs?: number;
  /** Every postgres process's CPU per request, other clients' included (equal to the above on a quiet machine). */
  allPostgresCpuMs?: number;
  /** The load generator's own CPU per request (autocannon: writing requests, reading answers). */
  generatorCpuMs?: number;
}

/** User + system CPU time of a process so far, in ms (Linux /proc; undefined elsewhere). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every common build). */
const CLOCK_TICKS = 100;

/** CPU time so far of each process in `pids` (those still running). */
function cpuOfEach(pids: Iterable<number>): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    const ms = cpuMsOf(pid);
    if (ms !== undefined) times.set(pid, ms);
  }
  return times;
}

/** Every process named `postgres` (the PostgreSQL server's postmaster, backends and background processes). */
function postgresPids(): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // exited meanwhile
      }
    });
}

interface DatabaseCpu {
  own: Map<number, number>;
  all: Map<number, number>;
}

/** The backends of `applicationName`'s connections and PostgreSQL's background processes, and every postgres process. */
async function databaseCpu(client: pg.Client, applicationName: string): Promise<DatabaseCpu> {
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = $1 or backend_type <> 'client backend'`,
    [applicationName],
  );
  return { own: cpuOfEach(rows.map((r) => r.pid)), all: cpuOfEach(postgresPids()) };
}

/** CPU spent between two readings; a process that started in between counts from zero, one that ended is lost. */
function spent(start: Map<number, number>, end: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of end) total += ms - (start.get(pid) ?? 0);
  return total;
}

/** The name a bench server's database connections carry, so that their backends can be told apart. */
export function withApplicationName(url: string, name: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;
}

/**
 * Runs the load; with `server`, also measures that process's CPU per request over the measured run, and the
 * database's (when the server's connections carry an application name).
 */
export async function load(spec: LoadSpec, server?: Server): Promise<LoadResult> {
  const database = server?.applicationName ? new pg.Client({ connectionString: SERVER }) : undefined;
  await database?.connect();
  const databaseNow = () =>
    database && server?.applicationName ? databaseCpu(database, server.applicationName) : undefined;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/support/load-generator.ts'), JSON.stringify(spec)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  let cpuAtStart: number | undefined;
  let databaseAtStart: Promise<DatabaseCpu> | undefined;
  let generatorAtStart: number | undefined;
  let generatorAtEnd: number | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    if (cpuAtStart === undefined && output.includes('measuring\n')) {
      cpuAtStart = cpuMsOf(server?.process.pid);
      generatorAtStart = cpuMsOf(child.pid);
      databaseAtStart = databaseNow();
    } else if (cpuAtStart !== undefined && output.endsWith('}\n')) generatorAtEnd = cpuMsOf(child.pid);
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const cpuAtEnd = cpuMsOf(server?.process.pid);
  const databaseAtEnd = await databaseNow();
  const databaseStart = await databaseAtStart;
  await database?.end();
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as LoadResult;
  if (cpuAtStart !== undefined && cpuAtEnd !== undefined && result.requests > 0)
    result.serverCpuMs = (cpuAtEnd - cpuAtStart) / result.requests;
  if (generatorAtStart !== undefined && generatorAtEnd !== undefined && result.requests > 0)
    result.generatorCpuMs = (generatorAtEnd - generatorAtStart) / result.requests;
  if (databaseStart && databaseAtEnd && result.requests > 0) {
    result.databaseCpuMs = spent(databaseStart.own, databaseAtEnd.own) / result.requests;
    result.allPostgresCpuMs = spent(databaseStart.all, databaseAtEnd.all) / result.requests;
  }
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.requests} requests to ${spec.url} failed`);
  return result;
}

export interface Server {
  url: string;
  process: ChildProcess;
  /** The application_name of its database connections. */
  applicationName?: string;
  stop(): Promise<void>;
}

/** A result's CPU per request, server and database, for a bench's line. */
export function cpuPerRequest(r: LoadResult): string {
  const ms = (x: number | undefined) => x?.toFixed(2) ?? '?';
  return `CPU ms/request: server ${ms(r.serverCpuMs)}, database ${ms(r.databaseCpuMs)} (all postgres ${ms(r.allPostgresCpuMs)}), load generator ${ms(r.generatorCpuMs)}`;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start in two minutes');
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
}

/** The node options `npm start` runs `pono serve` with (package.json's start script: `node <options> bin/pono.js serve`). */
function startOptions(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const words = start.split(' ');
  return words.slice(1, words.indexOf('bin/pono.js'));
}

/**
 * `pono serve` in its own process on a free port, as `npm start` runs it, with `env` (DATABASE_URL,
 * DATABASE_SCHEMA, …), at its default log level (info: an access line per request, written to /dev/null here). With `--profile` on the bench's command line, node writes a CPU profile of the server
 * into bench/out/ when it stops.
 */
export async function startPono(env: Record<string, string>): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const profile = process.argv.includes('--profile') ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench/out')] : [];
  const applicationName = env['DATABASE_URL'] ? `bench_pono_${port}` : undefined;
  const child = spawn(process.execPath, [...startOptions(), ...profile, join(ROOT, 'bin/pono.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
      ...(env['DATABASE_URL'] && applicationName
        ? { DATABASE_URL: withApplicationName(env['DATABASE_URL'], applicationName) }
        : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { url, process: child, ...(applicationName ? { applicationName } : {}), stop: stopper(child) };
}

/**
 * A server script run with tsx in its own process, with the node options `npm start` gives pono (so that a
 * baseline gets the same young generation as the server it is compared with); it prints `listening <url>` when ready. `applicationName`:
 * the application_name its database connections carry (for the database's CPU per request).
 */
export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  applicationName?: string,
): Promise<Server> {
  const child = spawn(process.execPath, [...startOptions(), '--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return { url, process: child, ...(applicationName ? { applicationName } : {}), stop: stopper(child) };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function basic(accountId: string, password: string): string {
  return `Basic ${Buffer.from(`${accountId}:${password}`).toString('base64')}`;
}
