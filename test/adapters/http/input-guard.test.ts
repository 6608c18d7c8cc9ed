// The input shapes that once reached PostgreSQL or the multipart reader and came back as 500s: each is now a
// 4xx (or a SOAP client fault) naming the problem, nothing is written, and API answers are never cached.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../support/app.ts';
import { seedDemoCasework, DEMO_OFFICERS, DEMO_OFFICER_PASSWORD } from '../../../src/app/demo-casework.ts';
import { SOAP_PATH } from '../../../src/adapters/soap/wsdl.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const soap = (operation: string, body: string) =>
  `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dyn="http://dynamicform.services.registrations.edentiti.com/"><soapenv:Header/><soapenv:Body><dyn:${operation}><accountId>demo</accountId><password>demo</password>${body}</dyn:${operation}></soapenv:Body></soapenv:Envelope>`;

forEachDatabase((kind) => {
  let t: TestApp;
  let officerCookie = '';
  let reference = '';
  before(async () => {
    t = await startTestApp(kind);
    const demo = await seedDemoCasework(t.services);
    reference = demo.applications[0]?.reference ?? '';
    const preparer = DEMO_OFFICERS[1];
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: preparer.email, password: DEMO_OFFICER_PASSWORD },
    });
    officerCookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
  });
  after(() => t.close());

  test('a NUL byte or a lone surrogate in a JSON field is refused naming the field, and nothing is stored', async () => {
    for (const givenName of ['Ana\u0000', 'Ana\ud800', '\udc00Ana']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/verifications',
        headers: { authorization: DEMO_AUTH },
        payload: { verificationId: 'guard-1', name: { givenName, surname: 'Tane' }, dob: '1990-01-01' },
      });
      assert.equal(response.statusCode, 400, givenName);
      const body = response.json<{ code: string; problems: { field: string }[] }>();
      assert.equal(body.code, 'INVALID_CHARACTERS');
      assert.deepEqual(
        body.problems.map((p) => p.field),
        ['name.givenName'],
      );
    }
    const lookup = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications/guard-1',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(lookup.statusCode, 404);
  });

  test('a NUL byte in a path id, a query string, Basic credentials or a sign-in email is a 4xx', async () => {
    const inPath = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications/abc%00def',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(inPath.statusCode, 400);
    assert.equal(inPath.json<{ problems: { field: string }[] }>().problems[0]?.field, 'verificationId');
    const inQuery = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications?status=%00',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(inQuery.statusCode, 400);
    const inBasic = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sources',
      headers: { authorization: basic('de\u0000mo', 'demo') },
    });
    assert.equal(inBasic.statusCode, 401);
    const inEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'admin\u0000@pono.example', password: 'x' },
    });
    assert.equal(inEmail.statusCode, 400);
    assert.equal(inEmail.json<{ problems: { field: string }[] }>().problems[0]?.field, 'email');
  });

  test('a session cookie with broken percent-encoding is no session (401), not a server error', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: 'pono_officer_session=%E0%A4%A' },
    });
    assert.equal(response.statusCode, 401);
  });

  test('a multipart body cut short, or with a NUL in a field, is refused by name', async () => {
    const boundary = 'pono-boundary';
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npassport\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG`;
    const headers = { cookie: officerCookie, 'content-type': `multipart/form-data; boundary=${boundary}` };
    const cut = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${reference}/documents`,
      headers,
      payload: truncated,
    });
    assert.equal(cut.statusCode, 400, cut.body);
    assert.equal(cut.json<{ code: string }>().code, 'MALFORMED_MULTIPART');
    const withNul = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npass\u0000port\r\n--${boundary}--\r\n`;
    const nul = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${reference}/documents`,
      headers,
      payload: withNul,
    });
    assert.equal(nul.statusCode, 400, nul.body);
    assert.deepEqual(
      nul.json<{ problems: { field: string }[] }>().problems.map((p) => p.field),
      ['kind'],
    );
  });

  test('API answers are never cached or sniffed, and an error body names the request id of its log line', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: DEMO_AUTH } });
    assert.equal(ok.headers['cache-control'], 'no-store');
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications/nobody',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(refused.statusCode, 404);
    assert.equal(refused.headers['cache-control'], 'no-store');
    const requestId = refused.json<{ requestId: string }>().requestId;
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.equal(refused.headers['x-request-id'], requestId);
  });

  test('SOAP: a lone surrogate reference is a FieldValidationFault naming the field, and a huge id is not echoed back in full', async () => {
    const surrogate = await t.app.inject({
      method: 'POST',
      url: SOAP_PATH,
      headers: { 'content-type': 'text/xml' },
      payload: soap(
        'registerVerification',
        '<verificationId>guard-soap</verificationId><ruleId>default</ruleId><name><givenName>Ana&#xD800;</givenName><surname>Tane</surname></name><dob><day>1</day><month>1</month><year>1990</year></dob>',
      ),
    });
    assert.equal(surrogate.statusCode, 500);
    assert.match(surrogate.body, /<code>FieldValidationFault<\/code>/);
    assert.match(surrogate.body, /name\.givenName contains a character that cannot be stored/);
    const hugeId = 'V'.repeat(500_000);
    const huge = await t.app.inject({
      method: 'POST',
      url: SOAP_PATH,
      headers: { 'content-type': 'text/xml' },
      payload: soap('getVerificationResult', `<verificationId>${hugeId}</verificationId>`),
    });
    assert.match(huge.body, /<code>UserIdNotFoundFault<\/code>/);
    assert.ok(huge.body.length < 5_000, `the fault is ${huge.body.length} bytes`);
  });
});
