/**
 * bench liveness: REST register p99 while liveness analyses run continuously ÷ REST p99 alone, same run (goal ≤ 2.0).
 *
 * pono's HTTP server and services run in their own process (bench/support/liveness-server.ts, PostgreSQL server)
 * with a face-analysis worker pool as LivenessSessions has; autocannon, in its own process, registers at 10
 * connections (warm-up discarded) with the pool idle, then twice while every pool thread analyses real attempt
 * sets one after another, then idle again (the ratio from the means of the p99s, each from every answer's own
 * time) (the frames are handed to the pool in memory: their upload is not part of this). Then,
 * as before, the engine's side in this process: the time to decide one attempt set against the engine's own
 * cost for the same frames.
 *
 *   npm run bench -- liveness [--seconds 10] [--warmup 3]
 */
import { ACCOUNTS, benchSchema } from './support/database.ts';
import { basic, load, machine, option, startProcess, type LoadResult } from './support/load.ts';
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
  let said = '';
  server.process.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const heard = async (line: string) => {
    while (!said.includes(line)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  // alone, during, during, alone: drift in the machine's other load falls on both sides alike
  const alone = [await register()];
  server.process.stdin?.write('analyse\n');
  await new Promise((resolve) => setTimeout(resolve, 8000)); // each worker loads the engine on its first analysis
  const during = [await register(), await register()];
  server.process.stdin?.write('pause\n');
  await heard('paused');
  alone.push(await register());
  server.process.stdin?.write('stop\n');
  await new Promise((resolve) => server.process.once('exit', resolve));
  const [, count, median, threads] = /analysed (\d+) ([0-9.]+) (\d+)/.exec(said) ?? [];
  const mean = (runs: LoadResult[], of: (r: LoadResult) => number) => runs.reduce((t, r) => t + of(r), 0) / runs.length;
  const line = (name: string, r: LoadResult) =>
    console.log(`${name.padEnd(22)} ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
  console.log(
    `machine: ${machine()}; PostgreSQL server; REST register, 10 connections, ${SECONDS} s after ${WARMUP} s warm-up`,
  );
  line('REST alone:', alone[0] as LoadResult);
  for (const r of during) line('REST during analyses:', r);
  line('REST alone:', alone[1] as LoadResult);
  console.log(
    `analyses: ${count} attempt sets on ${threads} worker thread(s), median ${(Number(median) / 1000).toFixed(2)} s each (session time under load)`,
  );
  await engineBench();
  const ratio = mean(during, (r) => r.p99) / mean(alone, (r) => r.p99);
  console.log(
    `p99 means: during ${mean(during, (r) => r.p99).toFixed(2)} ms, alone ${mean(alone, (r) => r.p99).toFixed(2)} ms`,
  );
  console.log(`bench liveness: ratio ${ratio.toFixed(2)} (goal <= 2.0)`);
} finally {
  await server.stop();
  await schema.drop();
}
