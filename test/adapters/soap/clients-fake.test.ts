// Real SOAP client libraries (node-soap, python3-zeep) against the endpoint over a fake port: proves the
// WSDL and the responses satisfy WSDL-driven clients, independently of the verification engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClientAsync, type Client } from 'soap';
import { FAKE_TOKEN } from './fake-port.ts';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { runZeepFlows } from './zeep.ts';

let server: FakeServer;
before(async () => {
  server = await startFakeServer();
});
after(async () => {
  await server.close();
});

const AUTH = { accountId: 'demo', password: 'demo' };

interface SoapErrorShape {
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: string; detail?: { faultDetails?: { code?: string } } } } } };
}

async function faultCode(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    return (error as SoapErrorShape).root?.Envelope?.Body?.Fault?.detail?.faultDetails?.code;
  }
  return 'no fault';
}

type Call = (args: Record<string, unknown>) => Promise<[Record<string, unknown>, string]>;
function op(client: Client, name: string): Call {
  const method: unknown = client[`${name}Async`];
  assert.equal(typeof method, 'function', name);
  return (method as Call).bind(client);
}

test('node-soap: every operation and fault, arguments in JS key order (credentials last)', async () => {
  const client = await createClientAsync(`${server.url}?WSDL`);
  const [registered] = await op(
    client,
    'registerVerification',
  )({
    ruleId: 'default',
    name: { givenName: 'John', surname: 'Smith' },
    currentResidentialAddress: { country: 'AU', postcode: '2000', state: 'NSW' },
    dob: { day: 1, month: 1, year: 1980 },
    ...AUTH,
  });
  const status = registered['return'] as {
    verificationResult: { verificationId: string };
    sourceList: { source: { name: string }[] };
  };
  assert.equal(status.verificationResult.verificationId, 'V1');
  assert.deepEqual(
    status.sourceList.source.map((source) => source.name),
    ['passportdvs', 'aec', 'medicaredvs'],
  );
  const [fields] = await op(client, 'getFields')({ verificationId: 'V1', sourceId: 'passportdvs', ...AUTH });
  assert.match(JSON.stringify(fields), /greenid_passportdvs_number/);
  const [set] = await op(
    client,
    'setFields',
  )({
    verificationId: 'V1',
    sourceId: 'passportdvs',
    inputFields: {
      input: [
        { name: 'greenid_passportdvs_number', value: 'A1111111' },
        { name: 'greenid_passportdvs_tandc', value: 'on' },
      ],
    },
    ...AUTH,
  });
  assert.deepEqual((set['return'] as { checkResult: unknown }).checkResult, { state: 'VERIFIED', stillWorking: false });
  const [token] = await op(client, 'getVerificationToken')({ verificationId: 'V1', ...AUTH });
  assert.equal(token['return'], FAKE_TOKEN);
  const [result] = await op(client, 'getVerificationResult')({ verificationToken: FAKE_TOKEN, ...AUTH });
  assert.equal(
    (result['return'] as { verificationResult: { overallVerificationStatus: string } }).verificationResult
      .overallVerificationStatus,
    'IN_PROGRESS',
  );
  await op(client, 'expireToken')({ verificationToken: FAKE_TOKEN, ...AUTH });
  assert.equal(
    await faultCode(op(client, 'getSources')({ verificationId: 'V1', accountId: 'demo', password: 'x' })),
    'InvalidPasswordFault',
  );
  assert.equal(await faultCode(op(client, 'getSources')({ verificationId: 'nope', ...AUTH })), 'UserIdNotFoundFault');
  assert.equal(
    await faultCode(op(client, 'getFields')({ verificationId: 'V1', sourceId: 'x', ...AUTH })),
    'InvalidSourceIdFault',
  );
  assert.equal(
    await faultCode(op(client, 'setFields')({ verificationId: 'V1', sourceId: 'passportdvs', ...AUTH })),
    'FieldValidationFault',
  );
  // node-soap sent exactly what was given: credentials arrive whatever their position
  const register = server.port.calls.find((call) => call.method === 'register');
  assert.deepEqual(register?.args[0], AUTH);
});

test('zeep (strict, positional calls like the Flask client): every operation and fault', async () => {
  const report = await runZeepFlows(`${server.url}?wsdl`, ['fake']);
  const flow = report['fake'] ?? {};
  assert.equal(flow['error'], undefined, String(flow['error']));
  assert.deepEqual(flow['getFields'], ['greenid_passportdvs_number', 'greenid_passportdvs_tandc']);
  assert.equal(flow['getVerificationToken'], FAKE_TOKEN);
  assert.equal(flow['expireToken'], null);
  const setFields = flow['setFields'] as { overall: string; checkState: string };
  assert.equal(setFields.overall, 'VERIFIED');
  assert.equal(setFields.checkState, 'VERIFIED');
  const register = flow['register'] as { token: string; individual: { name: string; fields: string[][] }[] };
  assert.equal(register.token, FAKE_TOKEN);
  assert.deepEqual(register.individual[0]?.fields, [
    ['givenName', 'CONFIRMED'],
    ['surname', 'CONFIRMED'],
  ]);
  const faults = flow['faults'] as Record<string, { code: string; faultcode: string }>;
  assert.deepEqual(Object.fromEntries(Object.entries(faults).map(([name, fault]) => [name, fault.code])), {
    wrongPassword: 'InvalidPasswordFault',
    wrongAccount: 'InvalidPasswordFault',
    unknownVerification: 'UserIdNotFoundFault',
    unknownSource: 'InvalidSourceIdFault',
    invalidField: 'FieldValidationFault',
    unknownToken: 'InvalidTokenFault',
  });
  assert.equal(faults['wrongPassword']?.faultcode, 'env:Server');
});
