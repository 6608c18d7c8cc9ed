// Property-based fuzzing (fast-check) of every REST route in the OpenAPI document and every SOAP operation:
// malformed, oversized, wrongly typed and wrongly encoded input never gets a 5xx (nor, on SOAP, a SystemFault),
// every refusal names the problem, no promise is left unhandled, and the heap returns to its baseline.
// Runs: PONO_FUZZ_REST / PONO_FUZZ_SOAP per database (defaults below: 10,000 REST and 2,000 SOAP on the PostgreSQL server, fewer on PGlite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { forEachDatabase, type DatabaseKind } from '../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../support/app.ts';
import { seedDemoCasework, DEMO_OFFICERS, DEMO_OFFICER_PASSWORD } from '../../src/app/demo-casework.ts';
import { OPERATIONS } from '../../src/adapters/soap/schema.ts';
import { SOAP_PATH } from '../../src/adapters/soap/wsdl.ts';

const SEED = 20261203;
const RUNS: Record<DatabaseKind, { rest: number; soap: number }> = {
  postgres: { rest: Number(process.env.PONO_FUZZ_REST ?? 10_000), soap: Number(process.env.PONO_FUZZ_SOAP ?? 2000) },
  pglite: { rest: Number(process.env.PONO_FUZZ_REST ?? 4000), soap: Number(process.env.PONO_FUZZ_SOAP ?? 800) },
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  params: string[];
  hasBody: boolean;
}

async function restRoutes(t: TestApp): Promise<Route[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase() as Method,
        path,
        params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
      })),
  );
}

// ---- What malformed input looks like -------------------------------------------------------------------
const nasty = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '%',
  '%00',
  '%E0%A4%A',
  '../',
  '"',
  "'",
  '<',
  '&',
  '\\',
  '\n',
  '😀',
  'é',
  'null',
  '-1',
  '1e309',
  ' ',
);
const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(nasty, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.tuple(fc.string({ maxLength: 8 }), nasty, fc.string({ maxLength: 8 })).map((parts) => parts.join('')),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'A'.repeat(n)),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    weirdText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        weirdText,
        fc.constantFrom(
          'name',
          'givenName',
          'dob',
          'email',
          'password',
          'verificationId',
          'ruleId',
          '__proto__',
          'constructor',
        ),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const rawBody = fc.oneof(
  {
    weight: 5,
    arbitrary: jsonValue.map((value) => ({ type: 'application/json', payload: JSON.stringify(value) ?? 'null' })),
  },
  { weight: 1, arbitrary: weirdText.map((text) => ({ type: 'application/json', payload: text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(deep(2_000), `{"a":${deep(600)}}`, '{"a":1,', '\u0000', '{"__proto__":{"x":1}}')
      .map((payload) => ({ type: 'application/json', payload })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
          'image/png',
        ),
        weirdText,
      )
      .map(([type, payload]) => ({ type, payload })),
  },
);
const credentials = (officerCookie: string) =>
  fc.constantFrom<Record<string, string>>(
    {},
    { authorization: DEMO_AUTH },
    { cookie: officerCookie },
    { authorization: 'Basic !!!' },
    { authorization: 'Bearer \u00ff' },
    { authorization: `Basic ${Buffer.from('demo\u0000:demo').toString('base64')}` },
    { cookie: 'pono_officer_session=%E0%A4%A' },
  );

/** Runs the property; a failure is reported by its message and a readable (long runs collapsed) input. */
async function holds<T>(property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<void> {
  const run = await fc.check(property, { numRuns, seed: SEED, endOnFailure: true });
  if (!run.failed) return;
  const input = JSON.stringify(run.counterexample)
    ?.replace(/(.)\1{19,}/g, (repeat, char: string) => `${char}×${repeat.length}`)
    .slice(0, 1500);
  const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  assert.fail(`after ${run.numRuns} runs: ${cause.slice(0, 1500)}\ninput: ${input}`);
}

/** A lone surrogate has no UTF-8 form, so no client can put one in a URL: it goes as U+FFFD. */
const urlPart = (text: string): string => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));

interface Refusal {
  message?: unknown;
  code?: unknown;
  problems?: unknown;
}
function namesTheProblem(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as Refusal;
    return typeof parsed.message === 'string' && parsed.message.length > 0;
  } catch {
    return false;
  }
}

async function signIn(t: TestApp): Promise<string> {
  await seedDemoCasework(t.services);
  const admin = DEMO_OFFICERS[0];
  const signedIn = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: admin.email, password: DEMO_OFFICER_PASSWORD },
  });
  return String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
}

// ---- SOAP ----------------------------------------------------------------------------------------------
const NS = 'http://dynamicform.services.registrations.edentiti.com/';
const xmlText = fc.oneof(
  weirdText.map((text) => text.replace(/[<&]/g, '')),
  fc.constantFrom(
    '&#0;',
    '&#xD800;',
    '&#xDFFF;',
    '&#x1F600;',
    '&amp;',
    '&unknown;',
    '&lt;x&gt;',
    '<![CDATA[x]]>',
    'A'.repeat(50_000),
  ),
);
const FIELDS = [
  'accountId',
  'password',
  'verificationId',
  'verificationToken',
  'ruleId',
  'sourceId',
  'name',
  'dob',
  'email',
  'inputFields',
  'extraData',
];
const soapBody = fc.record({
  operation: fc.oneof(
    fc.constantFrom(...Object.keys(OPERATIONS)),
    weirdText.map((text) => text.replace(/[^A-Za-z]/g, '') || 'x'),
  ),
  fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), xmlText), { maxLength: 8 }),
  namespace: fc.constantFrom(NS, NS, NS, 'urn:wrong', ''),
  shape: fc.constantFrom('plain', 'plain', 'plain', 'entities', 'deep', 'not-xml', 'soap12', 'doctype'),
});
function envelope({
  operation,
  fields,
  namespace,
  shape,
}: {
  operation: string;
  fields: [string, string][];
  namespace: string;
  shape: string;
}): string {
  const inner = fields
    .map(([name, value]) =>
      name === 'inputFields'
        ? `<inputFields><input><name>x</name><value>${value}</value></input></inputFields>`
        : `<${name}>${value}</${name}>`,
    )
    .join('');
  const op = `<ns:${operation} xmlns:ns="${namespace}"><accountId>demo</accountId><password>demo</password>${inner}</ns:${operation}>`;
  const env = (body: string, ns = 'http://schemas.xmlsoap.org/soap/envelope/') =>
    `<?xml version="1.0"?><e:Envelope xmlns:e="${ns}"><e:Body>${body}</e:Body></e:Envelope>`;
  switch (shape) {
    case 'entities':
      return `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>${env(op.replace('<password>demo</password>', '<password>&d;</password>'))}`;
    case 'doctype':
      return `<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd">${env(op)}`;
    case 'deep':
      return env('<a>'.repeat(3_000) + '</a>'.repeat(3_000));
    case 'not-xml':
      return op.slice(0, Math.max(1, op.length / 2));
    case 'soap12':
      return env(op, 'http://www.w3.org/2003/05/soap-envelope');
    default:
      return env(op);
  }
}

forEachDatabase((kind) => {
  test(
    `${RUNS[kind].rest} malformed REST requests across every route: no 5xx, every refusal names its problem, memory back to baseline`,
    { timeout: 280_000 },
    async () => {
      const t = await startTestApp(kind);
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const routes = await restRoutes(t);
        assert.ok(routes.length > 40, `only ${routes.length} routes in the OpenAPI document`);
        const cookie = await signIn(t);
        const request = fc.record({
          route: fc.constantFrom(...routes),
          params: fc.array(fc.oneof(weirdText, fc.constantFrom('demo', 'default', '1')), {
            minLength: 4,
            maxLength: 4,
          }),
          query: fc.array(
            fc.tuple(fc.oneof(fc.constantFrom('status', 'limit', 'after', 'sort', 'q', 'page'), weirdText), weirdText),
            { maxLength: 3 },
          ),
          body: rawBody,
          headers: credentials(cookie),
        });
        const warm = heapAfterGc();
        const seen = new Set<string>();
        await holds(
          fc.asyncProperty(request, async ({ route, params, query, body, headers }) => {
            let index = 0;
            const path = route.path.replace(/\{[^}]+\}/g, () => urlPart(params[index++] ?? ''));
            const search = query.map(([k, v]) => `${urlPart(k)}=${urlPart(v)}`).join('&');
            const withBody = route.hasBody || route.method !== 'GET';
            const response = await t.app.inject({
              method: route.method,
              url: search ? `${path}?${search}` : path,
              headers: { ...headers, ...(withBody ? { 'content-type': body.type } : {}) },
              ...(withBody && route.method !== 'GET' ? { payload: body.payload } : {}),
            });
            seen.add(`${route.method} ${route.path}`);
            assert.ok(
              response.statusCode < 500,
              `${route.method} ${route.path} answered ${response.statusCode}: ${response.body.slice(0, 300)}`,
            );
            if (response.statusCode >= 400 && String(response.headers['content-type']).includes('json')) {
              assert.ok(
                namesTheProblem(response.body),
                `${route.method} ${route.path} refused without saying why: ${response.body.slice(0, 300)}`,
              );
            }
          }),
          RUNS[kind].rest,
        );
        if (RUNS[kind].rest >= routes.length * 20) assert.equal(seen.size, routes.length, 'every route was tried');
        await new Promise((resolve) => setTimeout(resolve, 200));
        const growth = heapAfterGc() - warm;
        assert.ok(growth < 32 * 1024 * 1024, `the heap grew by ${(growth / 1048576).toFixed(1)} MB`);
        assert.deepEqual(unhandled, []);
      } finally {
        process.off('unhandledRejection', onUnhandled);
        await t.close();
      }
    },
  );

  test(
    `${RUNS[kind].soap} malformed SOAP requests across every operation: client faults only, never a SystemFault`,
    { timeout: 280_000 },
    async () => {
      const t = await startTestApp(kind);
      try {
        const warm = heapAfterGc();
        await holds(
          fc.asyncProperty(soapBody, async (input) => {
            const response = await t.app.inject({
              method: 'POST',
              url: SOAP_PATH,
              headers: { 'content-type': 'text/xml; charset=utf-8' },
              payload: envelope(input),
            });
            if (response.statusCode === 200) return;
            assert.equal(response.statusCode, 500, 'a SOAP fault travels with HTTP 500');
            assert.match(response.body, /<faultstring>[^<]+<\/faultstring>/, 'the fault says what is wrong');
            assert.doesNotMatch(
              response.body,
              /SystemFault/,
              `${input.operation}/${input.shape}: ${response.body.slice(0, 400)}`,
            );
            assert.ok(response.body.length < 8_000, `a fault of ${response.body.length} bytes`);
          }),
          RUNS[kind].soap,
        );
        const growth = heapAfterGc() - warm;
        assert.ok(growth < 32 * 1024 * 1024, `the heap grew by ${(growth / 1048576).toFixed(1)} MB`);
      } finally {
        await t.close();
      }
    },
  );
});
