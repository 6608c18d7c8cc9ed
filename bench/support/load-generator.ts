// The load generator, in a process of its own (so that it takes no CPU from the servers' event loops in a way
// the servers cannot see, as an operator's clients would not): one autocannon run of `warmup` seconds whose
// numbers are thrown away, then the measured run. Prints one JSON line: requests/s, latency p50/p99 (from every
// answer's own time), failures.
//   node --import tsx bench/support/load-generator.ts '<json LoadSpec>'
import autocannon from 'autocannon';
import type { LoadSpec, LoadResult } from './load.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;

/** p50 and p99 of request times in ms. */
function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** One request at a time, each timed to the microsecond (for the latency of one list page, not throughput). */
async function sequential(count: number): Promise<LoadResult> {
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const response = await fetch(spec.url, {
      method: spec.method,
      headers: spec.headers,
      ...(spec.body ? { body: spec.body } : {}),
    });
    const text = await response.text();
    times.push(performance.now() - t);
    if (response.status >= 300 && failures++ === 0)
      process.stderr.write(`${spec.url} answered ${response.status}: ${text.slice(0, 300)}\n`);
  }
  return {
    rps: count / ((performance.now() - started) / 1000),
    ...percentiles(times),
    requests: count,
    failures,
  };
}

if (spec.sequentialRequests) {
  await sequential(spec.sequentialWarmup ?? 20);
  process.stdout.write(`${JSON.stringify(await sequential(spec.sequentialRequests))}\n`);
  process.exit(0);
}
const request = {
  url: spec.url,
  connections: spec.connections,
  method: spec.method,
  headers: spec.headers,
  ...(spec.body ? { body: spec.body } : {}),
  ...(spec.idReplacement ? { idReplacement: true } : {}),
};
if (spec.warmupSeconds > 0) await autocannon({ ...request, duration: spec.warmupSeconds });
// Tells the parent the measured run starts (it reads the server's CPU time now and at the end).
process.stdout.write('measuring\n');
// Each answer's time kept as measured: autocannon's own histogram keeps whole milliseconds, too coarse for a
// p99 of a few ms (7 against 14 ms is a ratio of 2.0 that could be anything from 1.7 to 2.3).
const times: number[] = [];
const result = await autocannon({ ...request, duration: spec.seconds }).on('response', (_client, _status, _bytes, ms) =>
  times.push(ms),
);
const out: LoadResult = {
  rps: result.requests.total / result.duration,
  ...percentiles(times),
  requests: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
