// The load generator, in a process of its own (so that it takes no CPU from the servers' event loops in a way
// the servers cannot see, as an operator's clients would not): one autocannon run of `warmup` seconds whose
// numbers are thrown away, then the measured run. Prints one JSON line: requests/s, latency p50/p99, failures.
//   node --import tsx bench/support/load-generator.ts '<json LoadSpec>'
import autocannon from 'autocannon';
import type { LoadSpec, LoadResult } from './load.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const request = { url: spec.url, connections: spec.connections, method: spec.method, headers: spec.headers, ...(spec.body ? { body: spec.body } : {}) };
if (spec.warmupSeconds > 0) await autocannon({ ...request, duration: spec.warmupSeconds });
const result = await autocannon({ ...request, duration: spec.seconds });
const out: LoadResult = {
  rps: result.requests.total / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
