// No personal data in any log line. Distinctive names, dates, an email, a document number and an address are
// sent through every route of the OpenAPI document (in path, query and body, as every officer role and as an
// API account, so that refusals and errors are logged too), through a whole verification, a casework
// application fetched against the immigration records and a SOAP registration; then every log line written at
// trace level is searched for them. A new route is covered the day it is added to the OpenAPI document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp, DEMO_AUTH } from '../support/app.ts';
import { SOAP_PATH } from '../../src/adapters/soap/wsdl.ts';
import { seedDemoCasework, DEMO_OFFICERS, DEMO_OFFICER_PASSWORD } from '../../src/app/demo-casework.ts';

const GIVEN = 'Kahurangiwhetu';
const FAMILY = 'Ngārimu-Tapsell';
const DOB = '1967-04-23';
const EMAIL = 'kahurangiwhetu.t@example.org';
const DOCUMENT = 'LQ4827391';
const STREET = 'Pōhutukawa';
/** How each value may appear in a log line, whatever format a route rewrote it in. */
const NEEDLES = [
  GIVEN,
  'Ngārimu',
  'Ngarimu',
  'Tapsell',
  DOB,
  '23/04/1967',
  '19670423',
  EMAIL,
  DOCUMENT,
  STREET,
  'Pohutukawa',
];

interface SchemaNode {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  minItems?: number;
}

/** A string that looks like personal data of the kind the field's name suggests. */
function personalString(name: string, node: SchemaNode): string {
  const key = name.toLowerCase();
  if (node.format === 'date' || /dob|birth|date/.test(key)) return DOB;
  if (node.format === 'email' || key.includes('email')) return EMAIL;
  if (/number|document|passport|licence/.test(key)) return DOCUMENT;
  if (/street|address|suburb|locality/.test(key)) return STREET;
  if (/family|surname|last/.test(key)) return FAMILY;
  return GIVEN;
}

/** A value for every property of a request schema, with personal data wherever a string goes. */
function sample(node: SchemaNode | undefined, name = ''): unknown {
  if (!node) return GIVEN;
  if (node.const !== undefined) return node.const;
  if (node.enum && node.enum.length > 0) return node.enum[0];
  const choice = node.anyOf ?? node.oneOf;
  if (choice && choice.length > 0) return sample(choice.find((c) => c.type === 'object') ?? choice[0], name);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'object' || node.properties) {
    return Object.fromEntries(Object.entries(node.properties ?? {}).map(([key, child]) => [key, sample(child, key)]));
  }
  if (type === 'array') return [sample(node.items, name)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return personalString(name, node);
}

interface Operation {
  parameters?: { in: string; name: string; schema?: SchemaNode }[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
}

forEachDatabase((kind) => {
  test(
    'no name, date of birth, email, document number or address reaches a log line from any route',
    { timeout: 300_000 },
    async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      });
      const t = await startTestApp(kind, { logSink: sink, logLevel: 'trace' });
      try {
        await seedDemoCasework(t.services);
        const cookies: string[] = [];
        for (const officer of DEMO_OFFICERS) {
          const signedIn = await t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            payload: { email: officer.email, password: DEMO_OFFICER_PASSWORD },
          });
          assert.equal(signedIn.statusCode, 200, `${officer.key} signs in`);
          const cookie = signedIn.headers['set-cookie'];
          cookies.push((Array.isArray(cookie) ? cookie[0] : cookie)?.split(';')[0] ?? '');
        }
        const identities: Record<string, string>[] = [
          { authorization: DEMO_AUTH },
          {},
          ...cookies.map((cookie) => ({ cookie })),
        ];

        // A whole verification, a casework application with its records fetch, a SOAP registration.
        const registered = await t.app.inject({
          method: 'POST',
          url: '/api/v1/verifications',
          headers: { authorization: DEMO_AUTH },
          payload: {
            name: { givenName: GIVEN, middleNames: 'TWOFFFFFFFFFFFFFFFFFFFFFFFFFFFF', surname: FAMILY },
            dob: DOB,
            email: EMAIL,
            currentResidentialAddress: {
              streetNumber: '77',
              streetName: STREET,
              streetType: 'CR',
              suburb: 'Melbourne',
              state: 'VIC',
              postcode: '3000',
              country: 'AU',
            },
          },
        });
        assert.equal(registered.statusCode, 201);
        const verificationId = (registered.json() as { verificationResult: { verificationId: string } })
          .verificationResult.verificationId;
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/verifications/${verificationId}/sources/passportdvs`,
          headers: { authorization: DEMO_AUTH },
          payload: {
            fields: {
              greenid_passportdvs_number: DOCUMENT,
              greenid_passportdvs_givenname: GIVEN,
              greenid_passportdvs_surname: FAMILY,
              greenid_passportdvs_dob: '23/04/1967',
              greenid_passportdvs_tandc: 'on',
            },
          },
        });
        const preparer = cookies[1] ?? '';
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { cookie: preparer },
          payload: { applicationType: 'CBG Adult' },
        });
        const reference = (created.json() as { reference: string }).reference;
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${reference}/people`,
          headers: { cookie: preparer },
          payload: {
            relationship: 'applicant',
            givenNames: GIVEN,
            familyName: FAMILY,
            dateOfBirth: DOB,
            gender: 'Female',
            countryOfBirth: 'New Zealand',
            email: EMAIL,
          },
        });
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${reference}/submit`,
          headers: { cookie: preparer },
          payload: { paid: true },
        });
        await t.app.inject({
          method: 'POST',
          url: SOAP_PATH,
          headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '' },
          payload: `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v3="http://dynamicform.services.registrations.edentiti.com/"><soapenv:Body><v3:registerVerification><accountId>demo</accountId><password>demo</password><ruleId>default</ruleId><name><givenName>${GIVEN}</givenName><surname>${FAMILY}</surname></name><dob><day>23</day><month>4</month><year>1967</year></dob><email>${EMAIL}</email></v3:registerVerification></soapenv:Body></soapenv:Envelope>`,
        });

        // Every route of the OpenAPI document, with personal data wherever the route takes a string.
        const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
          paths: Record<string, Record<string, Operation>>;
        };
        let calls = 0;
        for (const [path, operations] of Object.entries(document.paths)) {
          for (const [method, operation] of Object.entries(operations)) {
            if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
            const parameters = operation.parameters ?? [];
            // Path parameters are opaque ids and references (logged with the URL), never personal data.
            let url = path.replace(/\{[^}]+\}/g, 'Zq9NotKnown');
            const query = parameters
              .filter((p) => p.in === 'query')
              .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`);
            if (query.length > 0) url += `?${query.join('&')}`;
            const schema = operation.requestBody?.content?.['application/json']?.schema;
            for (const headers of identities) {
              calls += 1;
              await t.app.inject({
                method: method.toUpperCase() as 'GET',
                url,
                headers: { ...headers, ...(schema ? { 'content-type': 'application/json' } : {}) },
                ...(schema ? { payload: JSON.stringify(sample(schema)) } : {}),
              });
            }
          }
        }
        assert.ok(calls > 100, `every route was called (${calls} calls)`);
        // The background work the calls enqueued (records fetch, emails) has run and logged.
        await t.services.queue.drained();
      } finally {
        await t.close();
      }
      const logged = lines.join('');
      assert.ok(logged.includes('/api/v1/applications'), 'requests were logged at trace level');
      const leaks = lines.filter((line) => NEEDLES.some((needle) => line.includes(needle)));
      assert.deepEqual(
        leaks.map((line) => line.slice(0, 400)),
        [],
        'log lines holding personal data',
      );
    },
  );
});
