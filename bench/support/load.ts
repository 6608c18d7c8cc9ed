/**
 * Benchmarks' side of the load generator: `load(spec)` runs bench/support/load-generator.ts in a child process
 * (autocannon) against a server that runs in a process of its own, and returns what it measured after its
 * warm-up. `startPono(env)` runs `pono serve` as an operator would; `startProcess` any other server script
 * that prints `listening <url>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

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
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/support/load-generator.ts'), JSON.stringify(spec)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as LoadResult;
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.requests} requests to ${spec.url} failed`);
  return result;
}

export interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
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

/** `pono serve` in its own process on a free port, with `env` (DATABASE_URL, DATABASE_SCHEMA, …). */
export async function startPono(env: Record<string, string>): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [join(ROOT, 'bin/pono.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { url, process: child, stop: stopper(child) };
}

/** A server script run with tsx in its own process; it prints `listening <url>` when ready. */
export async function startProcess(script: string, args: string[], env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
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
  return { url, process: child, stop: stopper(child) };
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
