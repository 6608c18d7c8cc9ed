/**
 * bench register: REST register throughput of `pono serve` against a bare Fastify + pg endpoint doing one INSERT per request.
 *
 * Every party runs in its own process: pono as an operator runs it (`pono serve`, PostgreSQL server, a schema of
 * its own), the baseline (bench/support/bare-insert.ts), and the load generator (autocannon). Each measured run
 * follows a warm-up run of the same load whose numbers are discarded; baselines are measured in the same run.
 * At 10 and 50 connections: the baseline, pono with a three-source account, pono with every source (as the
 * demo account), each twice (bare, three, full, full, three, bare). pono logs at its default level (info: one
 * access line per request) as an operator runs it. Ratio = pono ÷ bare mean throughput at 50 connections,
 * three sources; goal ≥ 0.50.
 *
 * With `--database pglite`, pono runs on the embedded database in a data folder (no goal: the numbers for the
 * README's advice on when to move to a server).
 *
 *   npm run bench -- register [--database pglite] [--seconds 10] [--warmup 3] [--profile (a CPU profile of pono into bench/out/)]
 */
import { ACCOUNTS, benchDataDir, benchSchema } from './support/database.ts';
import { REGISTER_BODY } from './support/registration.ts';
import {
  basic,
  cpuPerRequest,
  load,
  machine,
  option,
  startPono,
  startProcess,
  withApplicationName,
  type LoadResult,
  type Server,
} from './support/load.ts';

const SECONDS = option('seconds', 10);
const WARMUP = option('warmup', 3);
const embedded = process.argv.includes('pglite');
const schema = await benchSchema('bench_register');
const dataDir = embedded ? await benchDataDir('pono-bench-register') : undefined;
const pono = await startPono(dataDir?.env ?? schema.env);
const bare = await startProcess(
  'bench/support/bare-insert.ts',
  [withApplicationName(schema.url, 'bench_bare'), schema.schema],
  {},
  'bench_bare',
);
try {
  const run = (server: Server, path: string, connections: number, authorization?: string): Promise<LoadResult> =>
    load(
      {
        url: `${server.url}${path}`,
        connections,
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        method: 'POST',
        body: REGISTER_BODY,
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      },
      server,
    );
  const line = (name: string, r: LoadResult) =>
    console.log(
      `  ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   ${cpuPerRequest(r)}`,
    );
  console.log(
    `machine: ${machine()}; pono on ${embedded ? 'embedded PGlite (a data folder)' : 'the PostgreSQL server'}, the bare insert on the PostgreSQL server; ${SECONDS} s measured after ${WARMUP} s warm-up, each party in its own process`,
  );
  const at50: Record<string, LoadResult[]> = {};
  const parties = {
    bare: { name: 'bare Fastify + one INSERT', server: bare, path: '/insert', authorization: undefined },
    three: {
      name: 'pono register, 3 sources',
      server: pono,
      path: '/api/v1/verifications',
      authorization: basic(ACCOUNTS.three.accountId, ACCOUNTS.three.password),
    },
    full: {
      name: 'pono register, every source',
      server: pono,
      path: '/api/v1/verifications',
      authorization: basic(ACCOUNTS.full.accountId, ACCOUNTS.full.password),
    },
  };
  type Party = keyof typeof parties;
  // Each party twice, in the order bare, three, full, full, three, bare: drift in the machine's load over the
  // runs falls on every party alike.
  const order: Party[] = ['bare', 'three', 'full', 'full', 'three', 'bare'];
  for (const connections of [10, 50]) {
    console.log(`${connections} connections:`);
    const results: Record<Party, LoadResult[]> = { bare: [], three: [], full: [] };
    for (const party of order) {
      const { name, server, path, authorization } = parties[party];
      const result = await run(server, path, connections, authorization);
      results[party].push(result);
      line(name, result);
    }
    const mean = (party: Party) => results[party].reduce((sum, r) => sum + r.rps, 0) / results[party].length;
    console.log(
      `  ratios (mean of each party's two runs): 3 sources ${(mean('three') / mean('bare')).toFixed(2)}, every source ${(mean('full') / mean('bare')).toFixed(2)}`,
    );
    if (connections === 50) Object.assign(at50, results);
  }
  const mean50 = (party: string) => {
    const runs = at50[party] ?? [];
    return runs.reduce((sum, r) => sum + r.rps, 0) / Math.max(1, runs.length);
  };
  const ratio = mean50('three') / mean50('bare');
  console.log(
    embedded
      ? `bench register on PGlite: ratio ${ratio.toFixed(2)} against the bare insert on the PostgreSQL server (the goal is for pono on the server)`
      : `bench register: ratio ${ratio.toFixed(2)} (goal >= 0.50)`,
  );
} finally {
  await pono.stop();
  await bare.stop();
  await schema.drop();
  dataDir?.drop();
}
