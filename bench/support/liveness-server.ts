// bench liveness's server, in a process of its own: pono's HTTP server and services on the PostgreSQL server (the
// given schema), plus a face-analysis pool like the one LivenessSessions uses (same size, same worker entry).
// A line `analyse` on standard input starts one attempt set per pool thread, continuously, through the pool;
// `pause` lets the sets under way finish and prints `paused`; `stop` ends them and prints the attempt sets
// analysed and their median time. Prints `listening <url>` when ready.
//   node --import tsx bench/support/liveness-server.ts <database url> <schema>
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src/adapters/db/database.ts';
import { createServices } from '../../src/main/services.ts';
import { buildServer } from '../../src/adapters/http/server.ts';
import { createLogger } from '../../src/adapters/log/logger.ts';
import { createAnalysisPool } from '../../src/adapters/face/analysis-pool.ts';
import { DEFAULT_THRESHOLDS } from '../../src/domain/liveness/thresholds.ts';
import { attemptInput } from './liveness-engine.ts';

const [url, schema] = process.argv.slice(2);
const database = await openDatabase({ url: url ?? '', schema: schema ?? 'public' });
const logger = createLogger('silent');
const services = await createServices(database, logger, { workJobs: false });
const app = await buildServer({ logger, services });
const input = await attemptInput();
const pool = createAnalysisPool();
const times: number[] = [];
let running = false;

async function loop(): Promise<void> {
  while (running) {
    const started = performance.now();
    await pool.analyse({ input, thresholds: DEFAULT_THRESHOLDS });
    times.push(performance.now() - started);
  }
}

const loops: Promise<void>[] = [];
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'analyse' && !running) {
    running = true;
    for (let i = 0; i < pool.threads; i++) loops.push(loop());
  }
  if (line === 'pause') {
    running = false;
    void Promise.all(loops).then(() => process.stdout.write('paused\n'));
  }
  if (line === 'stop') {
    running = false;
    void Promise.all(loops).then(async () => {
      const sorted = [...times].sort((a, b) => a - b);
      process.stdout.write(
        `analysed ${times.length} ${sorted[Math.floor(sorted.length / 2)] ?? NaN} ${pool.threads}\n`,
      );
      await app.close();
      await pool.close();
      await services.close();
      process.exit(0);
    });
  }
});
process.stdout.write(`listening ${await app.listen({ port: 0, host: '127.0.0.1' })}\n`);
