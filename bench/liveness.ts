/**
 * bench liveness: REST register p99 while liveness analyses run continuously ÷ REST p99 alone, same run (goal ≤ 2.0).
 *
 * pono's HTTP server and services run in their own process (bench/support/liveness-server.ts, PostgreSQL server)
 * with a face-analysis worker pool as LivenessSessions has; autocannon, in its own process, registers at 10
 * connections (warm-up discarded) first with the pool idle, then while every pool thread analyses real attempt
 * sets one after another (the frames are handed to the pool in memory: their upload is not part of this). Then,
 * as before, the engine's side in this process: the time to decide one attempt set against the engine's own
 * cost for the same frames.
 *
 *   npm run bench -- liveness [--seconds 10] [--warmup 3]
 */
import { ACCOUNTS, benchSchema } from './support/database.ts';
import { basic, load, machine, option, startProcess } from './support/load.ts';
import { engineBench } from './support/liveness-engine.ts';

const SECONDS = option('seconds', 10);
const WARMUP = option('warmup', 3);
const BODY = JSON.stringify({
  name: { givenName: 'Aroha', middleNames: `TWO${'P'.repeat(28)}`, surname: 'Ngata' },
  dob: '1986-03-12',
});

const schema = await benchSchema('bench_liveness');
const server = await startProcess('bench/support/liveness-server.ts', [schema.url, schema.schema]);
try {
  const register = () =>
    load({
      url: `${server.url}/api/v1/verifications`,
      connections: 10,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      method: 'POST',
      body: BODY,
      headers: {
        'content-type': 'application/json',
        authorization: basic(ACCOUNTS.three.accountId, ACCOUNTS.three.password),
      },
    });
  const alone = await register();
  server.process.stdin?.write('analyse\n');
  await new Promise((resolve) => setTimeout(resolve, 8000)); // each worker loads the engine on its first analysis
  const during = await register();
  let summary = '';
  server.process.stdout?.on('data', (chunk: Buffer) => (summary += chunk.toString()));
  server.process.stdin?.write('stop\n');
  await new Promise((resolve) => server.process.once('exit', resolve));
  const [, count, median, threads] = /analysed (\d+) ([0-9.]+) (\d+)/.exec(summary) ?? [];
  console.log(
    `machine: ${machine()}; PostgreSQL server; REST register, 10 connections, ${SECONDS} s after ${WARMUP} s warm-up`,
  );
  console.log(
    `REST alone:            ${alone.rps.toFixed(0)} req/s, p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`,
  );
  console.log(
    `REST during analyses:  ${during.rps.toFixed(0)} req/s, p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms`,
  );
  console.log(
    `analyses: ${count} attempt sets on ${threads} worker thread(s), median ${(Number(median) / 1000).toFixed(2)} s each (session time under load)`,
  );
  await engineBench();
  console.log(`bench liveness: ratio ${(during.p99 / alone.p99).toFixed(2)} (goal <= 2.0)`);
} finally {
  await server.stop();
  await schema.drop();
}
