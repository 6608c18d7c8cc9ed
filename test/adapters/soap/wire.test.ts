// The SOAP wire format over a fake port: exact response bytes per operation and fault (golden files),
// HTTP status and content type, WSDL serving, request bodies in every content type.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAKE_TOKEN } from './fake-port.ts';
import { SOAP_PATH, startFakeServer, type FakeServer } from './fake-server.ts';
import { assertGolden } from './golden.ts';
import { endpointAddress } from '../../../src/adapters/soap/wsdl.ts';

const NS = 'http://dynamicform.services.registrations.edentiti.com/';
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
let server: FakeServer;

before(async () => {
  server = await startFakeServer();
});
after(async () => {
  await server.close();
});

function envelope(operation: string, body: string): string {
  return `<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}"><soapenv:Header/><soapenv:Body><dyn:${operation}>${body}</dyn:${operation}></soapenv:Body></soapenv:Envelope>`;
}

async function post(body: string, headers: Record<string, string> = { 'content-type': 'text/xml' }, url = SOAP_PATH) {
  const response = await server.app.inject({ method: 'POST', url, headers, payload: body });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.body };
}

const AUTH = '<accountId>demo</accountId><password>demo</password>';
const PERSON =
  '<ruleId>default</ruleId><name><givenName>John</givenName><middleNames>TWOFFFF</middleNames><surname>Smith</surname></name><dob><day>1</day><month>1</month><year>1980</year></dob>';
const PASSPORT =
  '<inputFields><input><name>greenid_passportdvs_number</name><value>A1111111</value></input><input><name>greenid_passportdvs_tandc</name><value>on</value></input></inputFields>';

const OK_CASES: Record<string, [string, string]> = {
  registerVerification: [
    'registerVerification',
    `${AUTH}${PERSON}<generateVerificationToken>true</generateVerificationToken>`,
  ],
  getSources: ['getSources', `${AUTH}<verificationId>V1</verificationId>`],
  getFields: ['getFields', `${AUTH}<verificationId>V1</verificationId><sourceId>passportdvs</sourceId>`],
  setFields: ['setFields', `${AUTH}<verificationId>V1</verificationId><sourceId>passportdvs</sourceId>${PASSPORT}`],
  getVerificationResult: ['getVerificationResult', `${AUTH}<verificationToken>${FAKE_TOKEN}</verificationToken>`],
  getVerificationToken: ['getVerificationToken', `${AUTH}<verificationId>V1</verificationId>`],
  expireToken: ['expireToken', `${AUTH}<verificationToken>${FAKE_TOKEN}</verificationToken>`],
};

for (const [name, [operation, body]] of Object.entries(OK_CASES)) {
  test(`${name}: 200, text/xml, golden response`, async () => {
    const response = await post(envelope(operation, body));
    assert.equal(response.status, 200);
    assert.equal(response.type, 'text/xml; charset=utf-8');
    assert.ok(
      response.body.startsWith(
        `<env:Envelope xmlns:env="${ENV}"><env:Header/><env:Body><ns2:${operation}Response xmlns:ns2="${NS}"`,
      ),
    );
    assertGolden(`fake-${name}`, response.body);
  });
}

const FAULT_CASES: Record<string, [string, string]> = {
  'fault-wrong-password': [
    'getSources',
    '<accountId>demo</accountId><password>nope</password><verificationId>V1</verificationId>',
  ],
  'fault-missing-credentials': ['getSources', '<verificationId>V1</verificationId>'],
  'fault-unknown-verification': ['getVerificationResult', `${AUTH}<verificationId>ZZZ</verificationId>`],
  'fault-unknown-source': ['getFields', `${AUTH}<verificationId>V1</verificationId><sourceId>nosuch</sourceId>`],
  'fault-field-validation': ['setFields', `${AUTH}<verificationId>V1</verificationId><sourceId>passportdvs</sourceId>`],
  'fault-bad-int': ['registerVerification', `${AUTH}<dob><day>x</day><month>1</month><year>1980</year></dob>`],
  'fault-system': ['registerVerification', `${AUTH}<name><surname>Crash</surname></name>`],
};

for (const [name, [operation, body]] of Object.entries(FAULT_CASES)) {
  test(`${name}: HTTP 500 with env:Fault and ns2:faultDetails`, async () => {
    const response = await post(envelope(operation, body));
    assert.equal(response.status, 500);
    assert.equal(response.type, 'text/xml; charset=utf-8');
    assertGolden(name, response.body);
  });
}

test('a system fault reveals nothing about its cause', async () => {
  const response = await post(envelope('registerVerification', `${AUTH}<name><surname>Crash</surname></name>`));
  assert.doesNotMatch(response.body, /database|10\.0\.0\.1/);
  assert.match(response.body, /<code>SystemFault<\/code>/);
});

test('malformed requests are env:Client faults with HTTP 500', async () => {
  for (const body of [
    '',
    'not xml',
    '<a><b></a>',
    `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
  ]) {
    const response = await post(body);
    assert.equal(response.status, 500, body);
    assert.match(response.body, /<faultcode>env:Client<\/faultcode>.*<code>InvalidRequestFault<\/code>/, body);
  }
  assertGolden('fault-malformed', (await post('<a><b></a>')).body);
});

test('bodies over 1 MB are refused with a fault before parsing', async () => {
  const response = await post(envelope('getSources', `<accountId>${'x'.repeat(1_100_000)}</accountId>`));
  assert.equal(response.status, 500);
  assert.match(
    response.body,
    /<code>InvalidRequestFault<\/code><details>The request is larger than 1048576 bytes.<\/details>/,
  );
});

test('any content type, charset spelling, SOAPAction and query string is accepted', async () => {
  const body = envelope('getVerificationToken', `${AUTH}<verificationId>V1</verificationId>`);
  const variants: [Record<string, string>, string][] = [
    [{ 'content-type': 'text/xml' }, SOAP_PATH],
    [{ 'content-type': 'text/xml; charset=utf-8', soapaction: '""' }, SOAP_PATH],
    [{ 'content-type': 'text/xml; charset="utf-8"', soapaction: 'registerVerification' }, SOAP_PATH],
    [{ 'content-type': 'application/soap+xml; charset=utf-8' }, SOAP_PATH],
    [{ 'content-type': 'application/xml', soapaction: `${NS}getVerificationResult` }, `${SOAP_PATH}?WSDL`],
    [{}, `${SOAP_PATH}?wdsl`],
  ];
  for (const [headers, url] of variants) {
    const response = await post(body, headers, url);
    assert.equal(response.status, 200, JSON.stringify(headers));
    assert.match(response.body, new RegExp(`<return>${FAKE_TOKEN}</return>`));
  }
});

test('GET ?wsdl in any case returns the WSDL with soap:address = the URL the client used', async () => {
  for (const query of ['?wsdl', '?WSDL', '?Wsdl', '?singleWsdl', '']) {
    const response = await server.app.inject({
      method: 'GET',
      url: `${SOAP_PATH}${query}`,
      headers: { host: 'pono.example:8443' },
    });
    assert.equal(response.statusCode, 200, query);
    assert.equal(response.headers['content-type'], 'text/xml; charset=utf-8');
    assert.match(
      response.body,
      /<soap:address location="http:\/\/pono\.example:8443\/Registrations-Registrations\/DynamicFormsServiceV3"\/>/,
    );
  }
  const forwardedHeaders = {
    host: 'internal:8080',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'id.example.org',
    'x-forwarded-prefix': '/pono',
  };
  // Without PONO_TRUST_PROXY a forged X-Forwarded-Host must not reach the WSDL (a cache would keep it).
  const untrusted = await server.app.inject({ method: 'GET', url: `${SOAP_PATH}?wsdl`, headers: forwardedHeaders });
  assert.match(untrusted.body, /location="http:\/\/internal:8080\/Registrations-Registrations\/DynamicFormsServiceV3"/);
  const behindProxy = { headers: forwardedHeaders, protocol: 'http', url: `${SOAP_PATH}?wsdl` };
  assert.equal(
    endpointAddress(behindProxy, true),
    'https://id.example.org/pono/Registrations-Registrations/DynamicFormsServiceV3',
  );
  const hostile = await server.app.inject({ method: 'GET', url: `${SOAP_PATH}?wsdl`, headers: { host: '"><x y="' } });
  assert.match(hostile.body, /location="http:\/\/localhost\/Registrations-Registrations\/DynamicFormsServiceV3"/);
});

test('the WSDL declares the seven operations with one faultDetails fault each', async () => {
  const wsdl = (await server.app.inject({ method: 'GET', url: `${SOAP_PATH}?wsdl` })).body;
  for (const operation of Object.keys(OK_CASES)) {
    assert.match(wsdl, new RegExp(`<operation name="${operation}" parameterOrder="${operation}">`));
    assert.match(wsdl, new RegExp(`<xs:element name="${operation}Response" type="tns:${operation}Response"/>`));
  }
  assert.equal(wsdl.match(/<soap:fault name="faultDetails" use="literal"\/>/g)?.length, 7);
  assert.match(
    wsdl,
    /<xs:complexType name="sourceListV3">\s*<xs:sequence>\s*<xs:element maxOccurs="unbounded" minOccurs="0" name="source" type="tns:sourceV3"\/>/,
  );
  assertGolden('wsdl', wsdl.replace(/location="[^"]*"/, 'location="{ADDRESS}"'));
});

test('a bad request never disturbs concurrent good ones', async () => {
  const good = envelope('getVerificationToken', `${AUTH}<verificationId>V1</verificationId>`);
  const bad = [
    '<a><b></a>',
    envelope('getSources', '<accountId>demo</accountId><password>no</password>'),
    envelope('registerVerification', `${AUTH}<name><surname>Crash</surname></name>`),
  ];
  const requests = Array.from({ length: 60 }, (_, index) => {
    const body = index % 2 === 0 ? good : (bad[index % 3] ?? good);
    return post(body).then((response) => ({ good: body === good, response }));
  });
  for (const { good: isGood, response } of await Promise.all(requests)) {
    assert.equal(response.status, isGood ? 200 : 500);
    if (isGood) assert.match(response.body, new RegExp(`<return>${FAKE_TOKEN}</return>`));
  }
});
