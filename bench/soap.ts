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
import { basic, machine, option, startPono } from './support/load.ts';
import { ADDRESS, MIDDLE_NAMES, REGISTER_BODY, alternate, postLoad } from './support/registration.ts';

const SECONDS = option('seconds', 8);
const WARMUP = option('warmup', 3);
const CONNECTIONS = option('connections', 10);
const { accountId, password } = ACCOUNTS.three;
const SOAP_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="http://dynamicform.services.registrations.edentiti.com/">' +
  '<soap:Body><tns:registerVerification>' +
  `<accountId>${accountId}</accountId><password>${password}</password><ruleId>default</ruleId>` +
  `<name><givenName>Aroha</givenName><middleNames>${MIDDLE_NAMES}</middleNames><surname>Ngata</surname></name>` +
  `<currentResidentialAddress>${Object.entries(ADDRESS)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</currentResidentialAddress>` +
  '<dob><day>12</day><month>3</month><year>1986</year></dob><generateVerificationToken>false</generateVerificationToken>' +
  '</tns:registerVerification></soap:Body></soap:Envelope>';

const schema = await benchSchema('bench_soap');
const pono = await startPono(schema.env);
try {
  const settings = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP };
  const runs = await alternate(
    postLoad(
      settings,
      `${pono.url}/api/v1/verifications`,
      REGISTER_BODY,
      {
        'content-type': 'application/json',
        authorization: basic(accountId, password),
      },
      {},
      pono,
    ),
    postLoad(
      settings,
      `${pono.url}/Registrations-Registrations/DynamicFormsServiceV3`,
      SOAP_BODY,
      {
        'content-type': 'text/xml; charset=utf-8',
        soapaction: '""',
      },
      {},
      pono,
    ),
  );
  console.log(
    `machine: ${machine()}; PostgreSQL server; ${CONNECTIONS} connections, ${SECONDS} s measured after ${WARMUP} s warm-up, runs REST, SOAP, SOAP, REST`,
  );
  console.log(`REST register:             ${runs.firstRps.toFixed(0)} req/s — ${runs.show(runs.first)}`);
  console.log(`SOAP registerVerification: ${runs.secondRps.toFixed(0)} req/s — ${runs.show(runs.second)}`);
  console.log(`bench soap: ratio ${(runs.firstRps / runs.secondRps).toFixed(2)} (goal <= 1.15)`);
} finally {
  await pono.stop();
  await schema.drop();
}
