// Conformance with real greenID clients against a whole pono (both databases): node-soap and python3-zeep run
// the same flows (stub account demo/demo, seed 002 stub codes) and must observe the same outcomes.
// Golden files pin the exact response XML of each operation with ids, tokens and dates normalised.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_KINDS } from '../../support/databases.ts';
import { SOAP_PATH, startSoapApp, type SoapApp } from './soap-app.ts';
import { assertGolden, normaliseXml } from './golden.ts';
import { ALL_PASS, NodeSoapFlows, ONE_SHORT, type Fault } from './node-soap-flows.ts';
import { runZeepFlows } from './zeep.ts';

const NS = 'http://dynamicform.services.registrations.edentiti.com/';
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const ZEEP_FLOWS = [
  'background_verified',
  'passport_verified',
  'passport_with_changes',
  'passport_pending',
  'passport_error',
  'passport_not_contributing',
  'tokens',
  'faults',
];

type Json = Record<string, unknown>;

function checkInteractive(flow: Json, client: string, checkState: string, overall: string, passed: boolean): void {
  assert.equal(flow['error'], undefined, `${client}: ${String(flow['error'])}`);
  assert.equal(flow['registered'], 'IN_PROGRESS', client);
  const before = flow['sourcesBefore'] as Record<string, { available: boolean; passed: boolean }>;
  assert.equal(before['passportdvs']?.available, true, `${client}: passportdvs offered`);
  const names = flow['fieldNames'] as string[];
  assert.ok(
    names.includes('greenid_passportdvs_number') && names.includes('greenid_passportdvs_tandc'),
    `${client}: ${names.join()}`,
  );
  assert.match(String(flow['rawDataStart']), /^<\?xml version="1.0" encoding="UTF-8"\?><sourcefields>/, client);
  assert.equal(flow['checkState'], checkState, `${client}: checkResult/state`);
  assert.equal(flow['overall'], overall, `${client}: overall after setFields`);
  assert.equal(flow['final'], overall, `${client}: overall from getVerificationResult`);
  assert.equal((flow['passport'] as { passed: boolean }).passed, passed, `${client}: passportdvs passed`);
  assert.equal((flow['passportResult'] as { state: string } | null)?.state, checkState, `${client}: individualResult`);
}

function checkFault(fault: Fault | undefined, code: string, label: string): void {
  assert.equal(fault?.noFault, undefined, `${label}: expected ${code}, got a result`);
  assert.equal(fault?.code, code, `${label}: ${JSON.stringify(fault)}`);
  assert.equal(fault?.faultcode, 'env:Server', label);
  assert.ok((fault?.faultstring ?? '') !== '', label);
}

function checkFlows(flows: Record<string, Json>, client: string): void {
  const background = flows['background_verified'] ?? {};
  assert.equal(background['error'], undefined, `${client}: ${String(background['error'])}`);
  assert.equal(background['overall'], 'VERIFIED', `${client}: background-only registration`);
  assert.ok((background['individual'] as unknown[]).length > 0, `${client}: individual results`);

  checkInteractive(flows['passport_verified'] ?? {}, client, 'VERIFIED', 'VERIFIED', true);
  checkInteractive(
    flows['passport_with_changes'] ?? {},
    client,
    'VERIFIED_WITH_CHANGES',
    'VERIFIED_WITH_CHANGES',
    true,
  );
  checkInteractive(flows['passport_pending'] ?? {}, client, 'PENDING', 'PENDING', false);
  checkInteractive(flows['passport_error'] ?? {}, client, 'ERROR', 'IN_PROGRESS', false);
  checkInteractive(flows['passport_not_contributing'] ?? {}, client, 'NOT_CONTRIBUTING', 'IN_PROGRESS', false);

  const tokens = flows['tokens'] ?? {};
  assert.equal(tokens['error'], undefined, `${client}: ${String(tokens['error'])}`);
  assert.match(String(tokens['first']), /^[0-9a-f]{40}$/, client);
  assert.match(String(tokens['second']), /^[0-9a-f]{40}$/, client);
  assert.notEqual(tokens['first'], tokens['second'], client);
  assert.equal(tokens['byTokenId'], tokens['vid'], `${client}: getVerificationResult by token`);
  assert.equal(tokens['firstStillWorks'], tokens['vid'], `${client}: expiring one token leaves the other`);
  checkFault(tokens['expired'] as Fault, 'InvalidTokenFault', `${client}: expired token`);
  checkFault(tokens['expireUnknown'] as Fault, 'InvalidTokenFault', `${client}: expire unknown token`);

  const faults = (flows['faults'] ?? {}) as Record<string, Fault>;
  assert.equal((faults as Json)['error'], undefined, `${client}: ${String((faults as Json)['error'])}`);
  checkFault(faults['wrongPassword'], 'InvalidPasswordFault', `${client}: wrong password`);
  checkFault(faults['wrongAccount'], 'InvalidPasswordFault', `${client}: wrong account`);
  checkFault(faults['unknownVerification'], 'UserIdNotFoundFault', `${client}: unknown verification`);
  checkFault(faults['unknownSource'], 'InvalidSourceIdFault', `${client}: unknown source`);
  checkFault(faults['invalidField'], 'FieldValidationFault', `${client}: invalid field`);
  checkFault(faults['registerInvalid'], 'FieldValidationFault', `${client}: invalid registration`);
  assert.match(faults['invalidField']?.faultstring ?? '', /^Invalid input field\(s\) - /, client);
}

for (const kind of DATABASE_KINDS) {
  describe(`SOAP conformance on ${kind}`, () => {
    let t: SoapApp;
    let url: string;
    before(async () => {
      t = await startSoapApp(kind);
      url = t.url;
    });
    after(async () => {
      await t.close();
    });

    test('node-soap: every flow', async () => {
      const client = await NodeSoapFlows.connect(`${url}?WSDL`);
      checkFlows(
        {
          background_verified: await client.backgroundVerified(),
          passport_verified: await client.interactive('A1111111'),
          passport_with_changes: await client.interactive('A2222222'),
          passport_pending: await client.interactive('A3333333'),
          passport_error: await client.interactive('A4444444'),
          passport_not_contributing: await client.interactive('A6666666'),
          tokens: await client.tokens(),
          faults: await client.faults(),
        },
        'node-soap',
      );
    });

    test('python3-zeep: every flow', async () => {
      checkFlows(await runZeepFlows(`${url}?wsdl`, ZEEP_FLOWS), 'zeep');
    });

    test('golden response XML of each operation (ids, tokens, dates normalised)', async () => {
      const post = async (operation: string, body: string) => {
        const response = await t.app.inject({
          method: 'POST',
          url: SOAP_PATH,
          headers: { 'content-type': 'text/xml; charset=utf-8' },
          payload: `<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}"><soapenv:Header/><soapenv:Body><dyn:${operation}><accountId>demo</accountId><password>demo</password>${body}</dyn:${operation}></soapenv:Body></soapenv:Envelope>`,
        });
        return { status: response.statusCode, body: response.body };
      };
      const person =
        '<ruleId>default</ruleId><name><givenName>John</givenName><middleNames>' +
        ONE_SHORT +
        '</middleNames><surname>Citizen</surname></name>' +
        '<currentResidentialAddress><country>AU</country><postcode>2000</postcode><state>NSW</state><streetName>George</streetName><streetNumber>1</streetNumber><streetType>ST</streetType><suburb>Sydney</suburb></currentResidentialAddress>' +
        '<dob><day>1</day><month>1</month><year>1980</year></dob>';
      const id = `golden-${kind}`;
      const register = await post(
        'registerVerification',
        `<verificationId>${id}</verificationId>${person}<generateVerificationToken>true</generateVerificationToken>`,
      );
      assert.equal(register.status, 200, register.body);
      const token = /<verificationToken>([0-9a-f]{40})<\/verificationToken>/.exec(register.body)?.[1] ?? '';
      const golden = (name: string, xml: string) => assertGolden(`real-${name}`, normaliseXml(xml, [id]));
      golden('registerVerification', register.body);
      golden('getSources', (await post('getSources', `<verificationId>${id}</verificationId>`)).body);
      golden(
        'getFields',
        (await post('getFields', `<verificationId>${id}</verificationId><sourceId>passportdvs</sourceId>`)).body,
      );
      const inputs = [
        'number:A1111111',
        'givenname:John',
        `middlename:${ONE_SHORT}`,
        'surname:Citizen',
        'dob:01/01/1980',
        'tandc:on',
      ]
        .map((pair) => pair.split(':'))
        .map(
          ([name, value]) =>
            `<input><name>greenid_passportdvs_${name ?? ''}</name><value>${value ?? ''}</value></input>`,
        )
        .join('');
      const set = await post(
        'setFields',
        `<verificationId>${id}</verificationId><sourceId>passportdvs</sourceId><inputFields>${inputs}</inputFields>`,
      );
      assert.equal(set.status, 200, set.body);
      golden('setFields', set.body);
      golden(
        'getVerificationResult',
        (await post('getVerificationResult', `<verificationToken>${token}</verificationToken>`)).body,
      );
      golden(
        'getVerificationToken',
        (await post('getVerificationToken', `<verificationId>${id}</verificationId>`)).body,
      );
      golden('expireToken', (await post('expireToken', `<verificationToken>${token}</verificationToken>`)).body);
      golden('fault-unknown-verification', (await post('getSources', '<verificationId>nope</verificationId>')).body);
      golden(
        'fault-field-validation',
        (await post('registerVerification', '<name><givenName>J</givenName></name>')).body,
      );
    });

    test('a malformed envelope is a fault and changes nothing', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: SOAP_PATH,
        headers: { 'content-type': 'text/xml' },
        payload: '<soapenv:Envelope><soapenv:Body><registerVerification>',
      });
      assert.equal(response.statusCode, 500);
      assert.match(response.body, /<code>InvalidRequestFault<\/code>/);
    });

    test('errors in one request never affect another (concurrent good and bad requests)', async () => {
      const client = await NodeSoapFlows.connect(`${url}?wsdl`);
      const work = Array.from({ length: 24 }, (_, index) => {
        switch (index % 4) {
          case 0:
            return client.register(ALL_PASS).then((result) => ({ good: true, result }));
          case 1:
            return fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a><b></a>' }).then(
              async (response) => ({ good: false, result: { status: response.status, body: await response.text() } }),
            );
          case 2:
            return client.call('getSources', { verificationId: 'missing' }).then(
              () => ({ good: false, result: 'no fault' }),
              (error: unknown) => ({ good: false, result: error instanceof Error ? 'fault' : 'other' }),
            );
          default:
            return client.call('registerVerification', { name: { givenName: 'X' } }).then(
              () => ({ good: false, result: 'no fault' }),
              () => ({ good: false, result: 'fault' }),
            );
        }
      });
      for (const outcome of await Promise.all(work)) {
        if (outcome.good) {
          const status = (outcome.result as { return: { verificationResult: { overallVerificationStatus: string } } })
            .return;
          assert.equal(status.verificationResult.overallVerificationStatus, 'VERIFIED');
        } else {
          assert.notEqual(outcome.result, 'no fault');
          if (typeof outcome.result === 'object' && outcome.result !== null && 'status' in outcome.result)
            assert.equal(outcome.result.status, 500);
        }
      }
    });
  });
}

describe('SOAP inside the whole pono server (pglite)', () => {
  let t: SoapApp;
  before(async () => {
    t = await startSoapApp('pglite', { full: true });
  });
  after(async () => {
    await t.close();
  });

  test('SOAP and REST are the same use cases: registered over SOAP, read over REST and back', async () => {
    const client = await NodeSoapFlows.connect(`${t.url}?wsdl`);
    const flow = await client.interactive('A1111111');
    checkInteractive(flow, 'node-soap in the whole server', 'VERIFIED', 'VERIFIED', true);
    const registered = await client.register(ALL_PASS, { verificationId: 'soap-then-rest' });
    assert.equal(
      (registered?.['return'] as { verificationResult: { overallVerificationStatus: string } }).verificationResult
        .overallVerificationStatus,
      'VERIFIED',
    );
    const rest = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications/soap-then-rest',
      headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
    });
    assert.equal(rest.statusCode, 200, rest.body);
    assert.equal(
      (JSON.parse(rest.body) as { verificationResult: { overallVerificationStatus: string } }).verificationResult
        .overallVerificationStatus,
      'VERIFIED',
    );
    const seeded = await client.call('getVerificationResult', { verificationId: 'demo-verified' });
    assert.equal(
      (seeded?.['return'] as { verificationResult: { verificationId: string } }).verificationResult.verificationId,
      'demo-verified',
    );
  });

  test('the JSON API keeps its own body parsing next to the SOAP scope', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { 'content-type': 'text/xml', authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
      payload: '<x/>',
    });
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${response.statusCode}`);
  });
});
