/**
 * bench register: requests per second of REST register (stub mode, three background sources) on the
 * PostgreSQL server, against a bare Fastify endpoint in the same run that does the same number of inserts
 * through the same driver (pg). Prints the ratio pono / bare; goal >= 0.40.
 *
 *   npm run bench -- register [--requests N] [--concurrency C]
 */
import Fastify from 'fastify';
import pg from 'pg';
import { cpus, totalmem } from 'node:os';
import { openTestDatabase } from '../test/support/databases.ts';
import { createServices } from '../src/app/services.ts';
import { buildServer } from '../src/adapters/http/server.ts';
import { createLogger } from '../src/adapters/log/logger.ts';
import { SERVER_URL } from '../test/support/databases.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const REQUESTS = option('requests', 3000);
const CONCURRENCY = option('concurrency', 16);
const AUTH = `Basic ${Buffer.from('bench:bench-password').toString('base64')}`;

function body(i: number): string {
  return JSON.stringify({
    name: { givenName: 'Aroha', middleNames: `TWO${'P'.repeat(28)}`, surname: `Ngata${i}` },
    dob: '1986-03-12',
    currentResidentialAddress: { streetNumber: '12', streetName: 'George', streetType: 'ST', suburb: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' },
  });
}

/** Sends REQUESTS POSTs with CONCURRENCY in flight; returns requests per second. */
async function load(url: string, headers: Record<string, string>, warmup: number): Promise<number> {
  const run = async (count: number) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body(i) });
        if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await run(warmup);
  const started = performance.now();
  await run(REQUESTS);
  return REQUESTS / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const database = await openTestDatabase('postgres');
  const logger = createLogger('silent');
  const services = await createServices(database, logger, { workJobs: false });
  await services.accounts.create({ accountId: 'bench', password: 'bench-password', stubMode: true, enabledSources: ['dfat', 'aec', 'wp'] });
  const app = await buildServer({ logger, services });
  const ponoUrl = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/verifications`;

  // The baseline: a bare Fastify endpoint that inserts the same kind of row through the same driver.
  const pool = new pg.Pool({ connectionString: SERVER_URL, max: 10, options: `-c search_path="${database.schema}",public` });
  const bare = Fastify();
  let counter = 0;
  bare.post('/insert', async (request, reply) => {
    counter += 1;
    await pool.query(
      `insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state) values ($1, $2, 'default', 1, 'VERIFIED', $3)`,
      ['bench', `bare-${counter}`, JSON.stringify(request.body)],
    );
    return reply.status(201).send({ ok: true });
  });
  const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/insert`;

  const bareRps = await load(bareUrl, {}, 200);
  const ponoRps = await load(ponoUrl, { authorization: AUTH }, 200);
  const bareAgain = await load(bareUrl, {}, 0);
  const baseline = (bareRps + bareAgain) / 2;
  const ratio = ponoRps / baseline;

  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; PostgreSQL server; ${REQUESTS} requests, ${CONCURRENCY} in flight`);
  console.log(`bare fastify + insert: ${baseline.toFixed(0)} req/s (runs ${bareRps.toFixed(0)}, ${bareAgain.toFixed(0)})`);
  console.log(`pono REST register (stub mode, 3 background sources): ${ponoRps.toFixed(0)} req/s`);
  console.log(`bench register: ratio ${ratio.toFixed(2)} (goal >= 0.40)`);

  await bare.close();
  await pool.end();
  await app.close();
  await services.queue.stop();
  await database.dispose();
}

await main();
