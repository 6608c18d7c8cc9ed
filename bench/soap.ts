/**
 * bench soap: cost of registerVerification over the greenID SOAP endpoint against REST register
 * (POST /api/v1/verifications) on the same server, same use case, same person, same run (PostgreSQL server).
 * Cost = 1 / requests per second; prints the ratio SOAP cost / REST cost; goal <= 1.5.
 *
 *   npm run bench -- soap [--requests N] [--concurrency C] [--rounds R]
 */
import { cpus } from 'node:os';
import { openTestDatabase } from '../test/support/databases.ts';
import { createServices } from '../src/app/services.ts';
import { buildServer } from '../src/adapters/http/server.ts';
import { createLogger } from '../src/adapters/log/logger.ts';
import { soapPlugin } from '../src/adapters/soap/service-adapter.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const REQUESTS = option('requests', 1500);
const CONCURRENCY = option('concurrency', 16);
const ROUNDS = option('rounds', 2);
const ACCOUNT = { accountId: 'bench-soap', password: 'bench-password' };
const SOAP_PATH = '/Registrations-Registrations/DynamicFormsServiceV3';
const MIDDLE = `TWO${'P'.repeat(28)}`;
const ADDRESS = { streetNumber: '12', streetName: 'George', streetType: 'ST', suburb: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' };

interface Target { name: string; url: string; headers: Record<string, string>; body(i: number): string; ok: number }

function restTarget(base: string): Target {
  return {
    name: 'REST', url: `${base}/api/v1/verifications`, ok: 201,
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${ACCOUNT.accountId}:${ACCOUNT.password}`).toString('base64')}` },
    body: (i) => JSON.stringify({ name: { givenName: 'Aroha', middleNames: MIDDLE, surname: `Ngata${i}` }, dob: '1986-03-12', currentResidentialAddress: ADDRESS }),
  };
}

function soapTarget(base: string): Target {
  const address = Object.entries(ADDRESS).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
  return {
    name: 'SOAP', url: `${base}${SOAP_PATH}`, ok: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    body: (i) => '<?xml version="1.0" encoding="utf-8"?>'
      + '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="http://dynamicform.services.registrations.edentiti.com/">'
      + '<soap:Body><tns:registerVerification>'
      + `<accountId>${ACCOUNT.accountId}</accountId><password>${ACCOUNT.password}</password><ruleId>default</ruleId>`
      + `<name><givenName>Aroha</givenName><middleNames>${MIDDLE}</middleNames><surname>Ngata${i}</surname></name>`
      + `<currentResidentialAddress>${address}</currentResidentialAddress>`
      + '<dob><day>12</day><month>3</month><year>1986</year></dob><generateVerificationToken>false</generateVerificationToken>'
      + '</tns:registerVerification></soap:Body></soap:Envelope>',
  };
}

/** Sends `count` requests with CONCURRENCY in flight; returns requests per second. */
async function load(target: Target, count: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body(i) });
      const text = await response.text();
      if (response.status !== target.ok) throw new Error(`${target.name} answered ${response.status}: ${text.slice(0, 500)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const database = await openTestDatabase('postgres');
  const logger = createLogger('silent');
  const services = await createServices(database, logger, { workJobs: false });
  await services.accounts.create({ ...ACCOUNT, stubMode: true, enabledSources: ['dfat', 'aec', 'wp'] });
  const app = await buildServer({ logger, services, plugins: [soapPlugin(services)] });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const rest = restTarget(base);
    const soap = soapTarget(base);
    await load(rest, 200);
    await load(soap, 200);
    const rates: Record<string, number[]> = { REST: [], SOAP: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // alternate the order so that drift (cache, table growth, other load) falls on both
      for (const target of round % 2 === 0 ? [rest, soap] : [soap, rest]) rates[target.name]?.push(await load(target, REQUESTS));
    }
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const restRps = mean(rates['REST'] ?? []);
    const soapRps = mean(rates['SOAP'] ?? []);
    console.log(`machine: ${cpus().length} CPU ${cpus()[0]?.model ?? ''}, node ${process.version}, PostgreSQL server`);
    console.log(`${REQUESTS} requests x ${ROUNDS} rounds, ${CONCURRENCY} in flight, stub mode, 3 background sources`);
    console.log(`REST register:             ${restRps.toFixed(0)} req/s (${(1000 / restRps).toFixed(3)} ms per request)`);
    console.log(`SOAP registerVerification: ${soapRps.toFixed(0)} req/s (${(1000 / soapRps).toFixed(3)} ms per request)`);
    console.log(`bench soap: ratio ${(restRps / soapRps).toFixed(2)} (goal <= 1.5)`);
  } finally {
    await app.close();
    await services.queue.stop();
    await database.dispose();
  }
}

await main();
