/**
 * bench forms: the forms service's first call (register + background sources, a new transaction each time)
 * against REST register of the same person, on the same `pono serve`, load from outside.
 *
 * pono runs as an operator runs it (`pono serve`, PostgreSQL server, a schema of its own); autocannon runs in a
 * process of its own with a discarded warm-up before each measured run; the two are measured in the same run,
 * twice each in alternating order. Same account (stub mode, three background sources), same person; each forms
 * call has a tracking code of its own, so each one registers. Ratio = forms cost ÷ REST cost (cost =
 * 1 / throughput); goal ≤ 1.1.
 *
 *   npm run bench -- forms [--seconds 8] [--warmup 3] [--connections 10]
 */
import { ACCOUNTS, benchSchema } from './support/database.ts';
import { basic, machine, option, startPono } from './support/load.ts';
import { MIDDLE_NAMES, REGISTER_BODY, alternate, postLoad } from './support/registration.ts';

const SECONDS = option('seconds', 8);
const WARMUP = option('warmup', 3);
const CONNECTIONS = option('connections', 10);
const { accountId, password, enabledSources } = ACCOUNTS.three;
const FORMS_BODY = JSON.stringify({
  trackingCode: '[<id>]',
  roleKey: 'Applicant1',
  backgroundSources: enabledSources.join(','),
  firstName: 'Aroha',
  middleName: MIDDLE_NAMES,
  lastName: 'Ngata',
  dateOfBirth: '1986-03-12',
  streetNumber: '12',
  streetName: 'George',
  streetType: 'ST',
  suburb: 'Sydney',
  state: 'NSW',
  postcode: '2000',
  country: 'Australia',
});

const schema = await benchSchema('bench_forms');
const pono = await startPono(schema.env);
try {
  const settings = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP };
  const headers = { 'content-type': 'application/json', authorization: basic(accountId, password) };
  const runs = await alternate(
    postLoad(settings, `${pono.url}/api/v1/verifications`, REGISTER_BODY, headers, {}, pono),
    postLoad(
      settings,
      `${pono.url}/api/v1/forms/identity-verification`,
      FORMS_BODY,
      headers,
      { idReplacement: true },
      pono,
    ),
  );
  console.log(
    `machine: ${machine()}; PostgreSQL server; ${CONNECTIONS} connections, ${SECONDS} s measured after ${WARMUP} s warm-up, runs REST, forms, forms, REST`,
  );
  console.log(`REST register:            ${runs.firstRps.toFixed(0)} req/s — ${runs.show(runs.first)}`);
  console.log(`forms first call:         ${runs.secondRps.toFixed(0)} req/s — ${runs.show(runs.second)}`);
  console.log(`bench forms: ratio ${(runs.firstRps / runs.secondRps).toFixed(2)} (goal <= 1.1)`);
} finally {
  await pono.stop();
  await schema.drop();
}
