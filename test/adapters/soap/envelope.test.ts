import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_NESTING,
  parseEnvelope,
  readLeniently,
  readWellFormed,
  type ParsedRequest,
} from '../../../src/adapters/soap/envelope.ts';
import { SoapFault } from '../../../src/adapters/soap/faults.ts';

const NS = 'http://dynamicform.services.registrations.edentiti.com/';
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

function faultOf(xml: string): SoapFault {
  try {
    parseEnvelope(xml);
  } catch (error) {
    assert.ok(error instanceof SoapFault, `expected a SoapFault, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a fault');
}

function request(parsed: ParsedRequest): Record<string, unknown> {
  return parsed.request as Record<string, unknown>;
}

// Envelope styles of the clients in research/greenid-api.md §7
const STYLES: Record<string, (body: string) => string> = {
  'soapenv/dyn with Header (Ruby gem, Go, Express)': (body) =>
    `<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}">\n  <soapenv:Header/>\n  <soapenv:Body>\n    <dyn:getSources>${body}</dyn:getSources>\n  </soapenv:Body>\n</soapenv:Envelope>`,
  'soap/tns with declaration, no Header (node-soap)': (body) =>
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ENV}" xmlns:tns="${NS}"><soap:Body><tns:getSources>${body}</tns:getSources></soap:Body></soap:Envelope>`,
  'soap-env/ns0 (zeep)': (body) =>
    `<?xml version='1.0' encoding='utf-8'?>\n<soap-env:Envelope xmlns:soap-env="${ENV}"><soap-env:Body><ns0:getSources xmlns:ns0="${NS}">${body}</ns0:getSources></soap-env:Body></soap-env:Envelope>`,
  'SOAP-ENV/ns1 (Swift)': (body) =>
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${ENV}" xmlns:ns1="${NS}"><SOAP-ENV:Body><ns1:getSources>${body}</ns1:getSources></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  'default namespace on the operation': (body) =>
    `<Envelope xmlns="${ENV}"><Body><getSources xmlns="${NS}">${body}</getSources></Body></Envelope>`,
  'two Headers (Salesforce LWC)': (body) =>
    `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}"><soapenv:Header/><soapenv:Header/><soapenv:Body><dyn:getSources>${body}</dyn:getSources></soapenv:Body></soapenv:Envelope>`,
};

for (const [style, wrap] of Object.entries(STYLES)) {
  test(`reads the envelope style: ${style}`, () => {
    const parsed = parseEnvelope(
      wrap('<accountId>demo</accountId>\n  <password> demo </password><verificationId>V1</verificationId>'),
    );
    assert.equal(parsed.operation, 'getSources');
    assert.deepEqual(request(parsed), { accountId: 'demo', password: 'demo', verificationId: 'V1' });
  });
}

const wrapRegister = (body: string): string =>
  `<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}"><soapenv:Body><dyn:registerVerification>${body}</dyn:registerVerification></soapenv:Body></soapenv:Envelope>`;

test('children in any order, empty and unknown elements, DOB parts like 01 (Ruby gem, node-soap)', () => {
  const parsed = parseEnvelope(
    wrapRegister(`
    <ruleId>Default</ruleId>
    <name><honorific></honorific><givenName>John</givenName><middleNames/><surname>Smith</surname></name>
    <email/><dob><day>01</day><month>02</month><year>1980</year></dob><homePhone/><workPhone></workPhone>
    <generateVerificationToken>true</generateVerificationToken>
    <currentResidentialAddress><country>AUS</country><postcode>2000</postcode><state>NSW</state></currentResidentialAddress>
    <previousResidentialAddress/>
    <greenIdWebVerificationToken></greenIdWebVerificationToken>
    <extraData><name/><value/></extraData>
    <extraData><name>driversLicenceState</name><value>NSW</value></extraData>
    <accountId>demo</accountId><password>demo</password>`),
  );
  assert.equal(parsed.operation, 'registerVerification');
  assert.deepEqual(request(parsed), {
    accountId: 'demo',
    password: 'demo',
    ruleId: 'Default',
    name: { givenName: 'John', surname: 'Smith' },
    currentResidentialAddress: { country: 'AUS', postcode: '2000', state: 'NSW' },
    dob: { day: 1, month: 2, year: 1980 },
    generateVerificationToken: true,
    extraData: [{ name: 'driversLicenceState', value: 'NSW' }],
  });
});

test('generateVerificationToken: missing is absent, 0/1/TRUE accepted', () => {
  assert.equal(
    request(parseEnvelope(wrapRegister('<accountId>a</accountId>')))['generateVerificationToken'],
    undefined,
  );
  assert.equal(
    request(parseEnvelope(wrapRegister('<generateVerificationToken>1</generateVerificationToken>')))[
      'generateVerificationToken'
    ],
    true,
  );
  assert.equal(
    request(parseEnvelope(wrapRegister('<generateVerificationToken>TRUE</generateVerificationToken>')))[
      'generateVerificationToken'
    ],
    true,
  );
  assert.equal(
    request(parseEnvelope(wrapRegister('<generateVerificationToken>false</generateVerificationToken>')))[
      'generateVerificationToken'
    ],
    false,
  );
});

test('entities, character references and CDATA are decoded', () => {
  const parsed = parseEnvelope(
    wrapRegister('<accountId>a&amp;b &#65;&#x42;</accountId><password><![CDATA[p<w>d]]></password>'),
  );
  assert.equal(request(parsed)['accountId'], 'a&b AB');
  assert.equal(request(parsed)['password'], 'p<w>d');
});

test('setFields inputFields keep their order and repeated inputs', () => {
  const parsed = parseEnvelope(`<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:dyn="${NS}"><soapenv:Body><dyn:setFields>
    <accountId>demo</accountId><password>demo</password><verificationId>V1</verificationId><sourceId>passportdvs</sourceId>
    <inputFields><input><name>greenid_passportdvs_number</name><value>A1111111</value></input>
    <input><name>greenid_passportdvs_tandc</name><value>on</value></input></inputFields>
  </dyn:setFields></soapenv:Body></soapenv:Envelope>`);
  assert.deepEqual(request(parsed)['inputFields'], {
    input: [
      { name: 'greenid_passportdvs_number', value: 'A1111111' },
      { name: 'greenid_passportdvs_tandc', value: 'on' },
    ],
  });
});

test('a bad int or boolean is a FieldValidationFault naming the field', () => {
  const fault = faultOf(
    wrapRegister(
      '<dob><day>first</day><month>1</month><year>1980</year></dob><generateVerificationToken>yes</generateVerificationToken>',
    ),
  );
  assert.equal(fault.info.code, 'FieldValidationFault');
  assert.equal(fault.info.message, 'Invalid input field(s) - dob.day, generateVerificationToken');
  assert.match(fault.info.details, /dob\.day must be a whole number/);
});

test('malformed and hostile envelopes are faults, not crashes', () => {
  const cases: Record<string, string> = {
    'not XML': 'hello',
    empty: '',
    unclosed: `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body>`,
    mismatched: `<a><b></a></b>`,
    'no Body': `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Header/></soapenv:Envelope>`,
    'empty Body': `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body/></soapenv:Envelope>`,
    'not an Envelope': `<registerVerification/>`,
    'unknown operation': `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body><deleteEverything/></soapenv:Body></soapenv:Envelope>`,
    XXE: `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body><getSources><accountId>&xxe;</accountId></getSources></soapenv:Body></soapenv:Envelope>`,
    'billion laughs': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`,
    'deep nesting': `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body><getSources>${'<x>'.repeat(MAX_NESTING * 200)}${'</x>'.repeat(MAX_NESTING * 200)}</getSources></soapenv:Body></soapenv:Envelope>`,
    'over 1 MB': wrapRegister(`<accountId>${'a'.repeat(1024 * 1024)}</accountId>`),
  };
  for (const [name, xml] of Object.entries(cases)) {
    const fault = faultOf(xml);
    assert.equal(fault.info.code, 'InvalidRequestFault', name);
    assert.equal(fault.info.faultcode, 'env:Client', name);
    assert.doesNotMatch(fault.info.details, /passwd|root:/, name);
  }
});

test('prototype-polluting element names are refused or inert', () => {
  const fault = faultOf(wrapRegister('<__proto__><polluted>yes</polluted></__proto__><accountId>a</accountId>'));
  assert.equal(fault.info.code, 'InvalidRequestFault');
  assert.equal(faultOf(wrapRegister('<constructor>x</constructor>')).info.code, 'InvalidRequestFault');
  const parsed = parseEnvelope(wrapRegister('<hasOwnProperty>y</hasOwnProperty><toString/><accountId>a</accountId>'));
  assert.deepEqual(request(parsed), { accountId: 'a' });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('entities decode in one pass, CDATA stays verbatim', () => {
  const parsed = parseEnvelope(
    wrapRegister(
      '<accountId>&amp;lt; &lt;&gt;&quot;&apos; &#x1F600; &unknown; &#0;</accountId><password><![CDATA[&amp; <x>]]> &amp; <![CDATA[y]]></password>',
    ),
  );
  assert.equal(request(parsed)['accountId'], '&lt; <>"\' \u{1F600} &unknown; &#0;');
  assert.equal(request(parsed)['password'], '&amp; <x> & y');
});

test('the strict one-pass reading gives what the lenient reading gives, and leaves it every other request', () => {
  const body =
    '<accountId>a&amp;b &#65;&#x42; <![CDATA[x<y]]></accountId><!-- a comment --><password> p w </password><?pi x?><name><givenName>Aroha</givenName></name>';
  for (const [style, wrap] of Object.entries(STYLES)) {
    const xml = wrap(body);
    const strict = readWellFormed(xml);
    assert.ok(strict, style);
    assert.deepEqual(strict, readLeniently(xml), style);
  }
  // What the strict parser does not take as it is goes to the lenient path, which reads or refuses it as before.
  for (const xml of [
    wrapRegister('<accountId>&unknown; &#0;</accountId>'),
    wrapRegister('<__proto__>x</__proto__>'),
    `<a>${'<x>'.repeat(MAX_NESTING + 1)}${'</x>'.repeat(MAX_NESTING + 1)}</a>`,
    '<a><b></a></b>',
    '',
  ])
    assert.equal(readWellFormed(xml), undefined, xml.slice(0, 60));
});
