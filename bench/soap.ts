/**
 * bench soap: registerVerification over SOAP against REST register on the same `pono serve`, load from outside.
 *
 * pono runs as an operator runs it (`pono serve`, PostgreSQL server, a schema of its own); autocannon runs in
 * a process of its own, with a discarded warm-up before each measured run; REST and SOAP are measured in the
 * same run, twice each in alternating order (drift from other load on the machine falls on both). Same account
 * (stub mode, three sources), same person. Ratio = SOAP cost ÷ REST cost (cost = 1 / throughput); goal ≤ 1.15.
 *
 *   npm run bench -- soap [--seconds 8] [--warmup 3] [--connections 10]
 */
import { ACCOUNTS, benchSchema } from './support/database.ts';
import { basic, load, machine, option, startPono, type LoadResult } from './support/load.ts';

const SECONDS = option('seconds', 8);
const WARMUP = option('warmup', 3);
const CONNECTIONS = option('connections', 10);
const { accountId, password } = ACCOUNTS.three;
const MIDDLE = `TWO${'P'.repeat(28)}`;
const ADDRESS = {
  country: 'AU',
  postcode: '2000',
  state: 'NSW',
  streetName: 'George',
  streetNumber: '12',
  streetType: 'ST',
  suburb: 'Sydney',
};

const REST_BODY = JSON.stringify({
  name: { givenName: 'Aroha', middleNames: MIDDLE, surname: 'Ngata' },
  dob: '1986-03-12',
  currentResidentialAddress: ADDRESS,
});
const SOAP_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="http://dynamicform.services.registrations.edentiti.com/">' +
  '<soap:Body><tns:registerVerification>' +
  `<accountId>${accountId}</accountId><password>${password}</password><ruleId>default</ruleId>` +
  `<name><givenName>Aroha</givenName><middleNames>${MIDDLE}</middleNames><surname>Ngata</surname></name>` +
  `<currentResidentialAddress>${Object.entries(ADDRESS)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</currentResidentialAddress>` +
  '<dob><day>12</day><month>3</month><year>1986</year></dob><generateVerificationToken>false</generateVerificationToken>' +
  '</tns:registerVerification></soap:Body></soap:Envelope>';

const schema = await benchSchema('bench_soap');
const pono = await startPono(schema.env);
try {
  const rest = () =>
    load({
      url: `${pono.url}/api/v1/verifications`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      method: 'POST',
      body: REST_BODY,
      headers: { 'content-type': 'application/json', authorization: basic(accountId, password) },
    });
  const soap = () =>
    load({
      url: `${pono.url}/Registrations-Registrations/DynamicFormsServiceV3`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      method: 'POST',
      body: SOAP_BODY,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    });
  const runs: { rest: LoadResult[]; soap: LoadResult[] } = { rest: [], soap: [] };
  runs.rest.push(await rest());
  runs.soap.push(await soap());
  runs.soap.push(await soap());
  runs.rest.push(await rest());
  const mean = (xs: LoadResult[]) => xs.reduce((sum, r) => sum + r.rps, 0) / xs.length;
  const show = (xs: LoadResult[]) => xs.map((r) => `${r.rps.toFixed(0)} req/s (p99 ${r.p99.toFixed(0)} ms)`).join(', ');
  console.log(
    `machine: ${machine()}; PostgreSQL server; ${CONNECTIONS} connections, ${SECONDS} s measured after ${WARMUP} s warm-up, runs REST, SOAP, SOAP, REST`,
  );
  console.log(`REST register:             ${mean(runs.rest).toFixed(0)} req/s — ${show(runs.rest)}`);
  console.log(`SOAP registerVerification: ${mean(runs.soap).toFixed(0)} req/s — ${show(runs.soap)}`);
  console.log(`bench soap: ratio ${(mean(runs.rest) / mean(runs.soap)).toFixed(2)} (goal <= 1.15)`);
} finally {
  await pono.stop();
  await schema.drop();
}
