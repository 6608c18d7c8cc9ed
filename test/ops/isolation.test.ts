// Tenant and session isolation, generated from the OpenAPI document and the SOAP operations so that a new
// route cannot escape it. Every route that declares a security scheme refuses no credentials, the other kind
// of credentials, a signed-out session and a wrong password; every account route and SOAP operation given
// another account's verification answers exactly as for a verification that does not exist, so a refusal
// never tells whether the object is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../support/app.ts';
import { seedDemoCasework, DEMO_OFFICERS, DEMO_OFFICER_PASSWORD } from '../../src/app/demo-casework.ts';
import { OPERATIONS } from '../../src/adapters/soap/schema.ts';
import { SOAP_PATH } from '../../src/adapters/soap/wsdl.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  schemes: string[];
  hasBody: boolean;
  /** Path parameter → a well-formed value that names nothing. */
  unknown: Record<string, string>;
}

const CANDIDATES = [
  'Zq9NotKnown',
  '0'.repeat(40),
  'QQQQQ9',
  '00000000-0000-4000-8000-000000000000',
  '1',
  'passportdvs',
  'blink',
  'default',
];
/** A value of the parameter's own form (its pattern or format) that names no object. */
function wellFormed(
  schema: { pattern?: string; format?: string; type?: string; enum?: unknown[] } | undefined,
): string {
  if (schema?.enum && schema.enum.length > 0) return String(schema.enum[0]);
  if (schema?.format === 'uuid') return CANDIDATES[3] ?? '';
  if (schema?.type === 'integer') return '1';
  const pattern = schema?.pattern ? new RegExp(schema.pattern) : undefined;
  return CANDIDATES.find((c) => !pattern || pattern.test(c)) ?? 'Zq9NotKnown';
}

const UNKNOWN = 'Zq9NotKnown';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const OTHER_AUTH = basic('nosy', 'nosy-account-password');

async function routes(t: TestApp): Promise<Route[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          security?: Record<string, unknown>[];
          requestBody?: unknown;
          parameters?: {
            in: string;
            name: string;
            schema?: { pattern?: string; format?: string; type?: string; enum?: unknown[] };
          }[];
        }
      >
    >;
  };
  const out: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
      const unknown = Object.fromEntries(
        (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, wellFormed(p.schema)]),
      );
      out.push({
        method: method.toUpperCase() as Method,
        path,
        schemes,
        hasBody: operation.requestBody !== undefined,
        unknown,
      });
    }
  }
  return out;
}

/** An answer with the ids it names replaced, and what changes per request removed, for comparison. */
function comparable(status: number, body: string, ids: string[]): string {
  let text = body;
  for (const id of ids) text = text.split(id).join('<id>');
  text = text.replace(/"(requestId|reqId)":"[^"]*"/g, '"$1":"<r>"');
  return `${status} ${text}`;
}

async function call(
  t: TestApp,
  route: Route,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const response = await t.app.inject({
    method: route.method,
    url: path,
    headers: { ...headers, ...(route.hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(route.hasBody ? { payload: '{}' } : {}),
  });
  return { status: response.statusCode, body: response.body };
}

/** The route's path with the given values, and a well-formed value naming nothing for every other parameter. */
const fill = (route: Route, values: Record<string, string> = {}) =>
  route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? route.unknown[name] ?? UNKNOWN);

forEachDatabase((kind) => {
  test(
    'every secured route refuses no, wrong, other-kind and signed-out credentials alike',
    { timeout: 180_000 },
    async () => {
      const t = await startTestApp(kind);
      try {
        await seedDemoCasework(t.services);
        const admin = DEMO_OFFICERS[0];
        const signedIn = await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: admin.email, password: DEMO_OFFICER_PASSWORD },
        });
        const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
        const signedOut = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
        assert.ok(signedOut.statusCode < 300, 'the administrator signs out');

        const secured = (await routes(t)).filter((r) => r.schemes.length > 0);
        assert.ok(secured.length > 50, `the document lists the secured routes (${secured.length})`);
        const failures: string[] = [];
        for (const route of secured) {
          const path = fill(route);
          const forAccount = route.schemes.includes('account');
          const attempts: [string, Record<string, string>][] = [
            ['no credentials', {}],
            ['a signed-out session', { cookie }],
            ['a signed-out account session', { cookie: `pono_account_session=${'A'.repeat(43)}` }],
            ['a wrong account password', { authorization: basic('demo', 'not-the-password') }],
            ['an unknown officer token', { authorization: 'Bearer pono_0000000000000000000000000000' }],
            [
              forAccount ? 'an officer session cookie' : 'API account credentials',
              forAccount ? { cookie } : { authorization: DEMO_AUTH },
            ],
          ];
          for (const [what, headers] of attempts) {
            const { status, body } = await call(t, route, path, headers);
            // Credentials of the right kind but wrong are checked by the handler, after the input: a malformed
            // input may be refused first (400), which tells nothing about any object.
            const checkedLater =
              what === 'a signed-out session' ||
              what === 'a signed-out account session' ||
              what.startsWith('a wrong') ||
              what.startsWith('an unknown') ||
              (what === 'API account credentials' && route.schemes.includes('officerToken'));
            if (status !== 401 && !(checkedLater && (status === 400 || status === 429)))
              failures.push(`${route.method} ${route.path} with ${what}: ${status} ${body.slice(0, 120)}`);
          }
        }
        assert.deepEqual(failures, [], 'answers other than 401');
      } finally {
        await t.close();
      }
    },
  );

  test(
    "another account's verification and token answer exactly like ones that do not exist, in REST and SOAP",
    { timeout: 180_000 },
    async () => {
      const t = await startTestApp(kind);
      try {
        await t.services.accounts.create({ accountId: 'nosy', password: 'nosy-account-password', stubMode: true });
        const registered = await t.app.inject({
          method: 'POST',
          url: '/api/v1/verifications',
          headers: { authorization: DEMO_AUTH },
          payload: {
            name: { givenName: 'Ana', middleNames: 'TWOFFFFFFFFFFFFFFFFFFFFFFFFFFFF', surname: 'Private' },
            dob: '1980-01-01',
          },
        });
        const id = (registered.json() as { verificationResult: { verificationId: string } }).verificationResult
          .verificationId;
        const minted = await t.app.inject({
          method: 'POST',
          url: `/api/v1/verifications/${id}/token`,
          headers: { authorization: DEMO_AUTH },
        });
        const token = (minted.json() as { verificationToken: string }).verificationToken;

        const accountRoutes = (await routes(t)).filter(
          (r) => r.schemes.includes('account') && /\{(verificationId|token)\}/.test(r.path),
        );
        assert.ok(accountRoutes.length >= 8, `routes that take a verification or a token (${accountRoutes.length})`);
        const differences: string[] = [];
        // The other account's administrator, signed in to the console (a session cookie instead of Basic).
        const session = await t.app.inject({
          method: 'POST',
          url: '/api/v1/account-session',
          payload: { accountId: 'nosy', password: 'nosy-account-password' },
        });
        const nosyCookie = { cookie: String(session.headers['set-cookie']).split(';')[0] ?? '' };
        for (const route of accountRoutes) {
          const owned = fill(route, { verificationId: id, token, sourceId: 'passportdvs' });
          const missing = fill(route, { verificationId: UNKNOWN, sourceId: 'passportdvs' });
          for (const [how, headers] of [
            ['Basic', { authorization: OTHER_AUTH }],
            ['a console session', nosyCookie],
          ] as const) {
            const theirs = await call(t, route, owned, headers);
            const nothing = await call(t, route, missing, headers);
            if (theirs.status < 400)
              differences.push(
                `${route.method} ${route.path} (${how}): another account's object answered ${theirs.status}`,
              );
            if (
              comparable(theirs.status, theirs.body, [id, token, UNKNOWN]) !==
              comparable(nothing.status, nothing.body, [id, token, UNKNOWN])
            ) {
              differences.push(
                `${route.method} ${route.path} (${how}): ${theirs.status} ${theirs.body.slice(0, 100)} ≠ ${nothing.status} ${nothing.body.slice(0, 100)}`,
              );
            }
          }
        }
        // The owner still sees it: the refusals above were about the account, not a broken id.
        const own = await t.app.inject({
          method: 'GET',
          url: `/api/v1/verifications/${id}`,
          headers: { authorization: DEMO_AUTH },
        });
        assert.equal(own.statusCode, 200);

        const NS = 'http://dynamicform.services.registrations.edentiti.com/';
        for (const operation of OPERATIONS.filter((o) => o !== 'registerVerification')) {
          const envelope = (verificationId: string, verificationToken: string) =>
            `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dyn="${NS}"><soapenv:Body><dyn:${operation}>` +
            `<accountId>nosy</accountId><password>nosy-account-password</password>` +
            (operation === 'expireToken'
              ? `<verificationToken>${verificationToken}</verificationToken>`
              : `<verificationId>${verificationId}</verificationId>`) +
            (operation === 'getFields' || operation === 'setFields' ? '<sourceId>passportdvs</sourceId>' : '') +
            `</dyn:${operation}></soapenv:Body></soapenv:Envelope>`;
          const soap = async (verificationId: string, verificationToken: string) => {
            const response = await t.app.inject({
              method: 'POST',
              url: SOAP_PATH,
              headers: { 'content-type': 'text/xml; charset=utf-8' },
              payload: envelope(verificationId, verificationToken),
            });
            return { status: response.statusCode, body: response.body };
          };
          const theirs = await soap(id, token);
          const nothing = await soap(UNKNOWN, UNKNOWN);
          if (!theirs.body.includes('Fault'))
            differences.push(`SOAP ${operation}: another account's verification answered without a fault`);
          if (
            comparable(theirs.status, theirs.body, [id, token, UNKNOWN]) !==
            comparable(nothing.status, nothing.body, [id, token, UNKNOWN])
          ) {
            differences.push(`SOAP ${operation}: ${theirs.body.slice(0, 200)} ≠ ${nothing.body.slice(0, 200)}`);
          }
        }
        assert.deepEqual(differences, [], "answers that tell another account's objects apart");
      } finally {
        await t.close();
      }
    },
  );

  test(
    'a caller without credentials gets the same 401 for an application that exists and one that does not',
    { timeout: 120_000 },
    async () => {
      const t = await startTestApp(kind);
      try {
        const casework = await seedDemoCasework(t.services);
        const reference = casework.applications[0]?.reference;
        const officerRoutes = (await routes(t)).filter(
          (r) => r.schemes.includes('officerSession') && r.path.includes('{ref}'),
        );
        const differences: string[] = [];
        for (const route of officerRoutes) {
          if (typeof reference !== 'string') break;
          const real = await call(t, route, fill(route, { ref: reference }), {});
          const none = await call(t, route, fill(route), {});
          if (
            real.status !== 401 ||
            comparable(real.status, real.body, [reference, 'QQQQQ9']) !==
              comparable(none.status, none.body, [reference, 'QQQQQ9'])
          ) {
            differences.push(`${route.method} ${route.path}: ${real.status} ≠ ${none.status}`);
          }
        }
        assert.deepEqual(differences, []);
      } finally {
        await t.close();
      }
    },
  );
});
