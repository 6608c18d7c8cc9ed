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
import { basic, load, machine, option, startPono, type LoadResult } from './support/load.ts';

const SECONDS = option('seconds', 8);
const WARMUP = option('warmup', 3);
const CONNECTIONS = option('connections', 10);
const { accountId, password, enabledSources } = ACCOUNTS.three;
const MIDDLE = `TWO${'P'.repeat(28)}`;

const REST_BODY = JSON.stringify({
  name: { givenName: 'Aroha', middleNames: MIDDLE, surname: 'Ngata' },
  dob: '1986-03-12',
  currentResidentialAddress: {
    country: 'AU',
    postcode: '2000',
    state: 'NSW',
    streetName: 'George',
    streetNumber: '12',
    streetType: 'ST',
    suburb: 'Sydney',
  },
});
const FORMS_BODY = JSON.stringify({
  trackingCode: '[<id>]',
  roleKey: 'Applicant1',
  backgroundSources: enabledSources.join(','),
  firstName: 'Aroha',
  middleName: MIDDLE,
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
  const headers = { 'content-type': 'application/json', authorization: basic(accountId, password) };
  const rest = () =>
    load({
      url: `${pono.url}/api/v1/verifications`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      method: 'POST',
      body: REST_BODY,
      headers,
    });
  const forms = () =>
    load({
      url: `${pono.url}/api/v1/forms/identity-verification`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      method: 'POST',
      body: FORMS_BODY,
      headers,
      idReplacement: true,
    });
  const runs: { rest: LoadResult[]; forms: LoadResult[] } = { rest: [], forms: [] };
  runs.rest.push(await rest());
  runs.forms.push(await forms());
  runs.forms.push(await forms());
  runs.rest.push(await rest());
  const mean = (xs: LoadResult[]) => xs.reduce((sum, r) => sum + r.rps, 0) / xs.length;
  const show = (xs: LoadResult[]) => xs.map((r) => `${r.rps.toFixed(0)} req/s (p99 ${r.p99.toFixed(0)} ms)`).join(', ');
  console.log(
    `machine: ${machine()}; PostgreSQL server; ${CONNECTIONS} connections, ${SECONDS} s measured after ${WARMUP} s warm-up, runs REST, forms, forms, REST`,
  );
  console.log(`REST register:            ${mean(runs.rest).toFixed(0)} req/s — ${show(runs.rest)}`);
  console.log(`forms first call:         ${mean(runs.forms).toFixed(0)} req/s — ${show(runs.forms)}`);
  console.log(`bench forms: ratio ${(mean(runs.rest) / mean(runs.forms)).toFixed(2)} (goal <= 1.1)`);
} finally {
  await pono.stop();
  await schema.drop();
}
