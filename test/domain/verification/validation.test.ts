// Per-source input validation (seed 001, research §5.1) and the FieldValidationFault naming fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VerificationError,
  registerVerification,
  setFields,
  validateFields,
} from '../../../src/domain/verification/index.ts';
import { AU_PERSON, NOW, account, register, validInputs } from './fixtures.ts';

const messages = (sourceId: string, overrides: Record<string, string>) =>
  validateFields(sourceId, validInputs(sourceId, AU_PERSON, overrides)).map((p) => `${p.field}: ${p.message}`);

test('valid inputs give no problems, for every source the fixtures fill', () => {
  for (const id of [
    'passportdvs',
    'medicaredvs',
    'nswregodvs',
    'waregodvs',
    'birthcertificatedvs',
    'immicarddvs',
    'centrelinkdvs',
    'aec',
  ]) {
    assert.deepEqual(validateFields(id, validInputs(id, AU_PERSON)), [], id);
  }
});

test('Medicare: 10 digits with a check digit', () => {
  assert.deepEqual(messages('medicaredvs', { number: '2123456711' }), [
    'greenid_medicaredvs_number: Medicare card number is not a valid Medicare number.',
  ]);
  assert.deepEqual(messages('medicaredvs', { number: '212345670' }), [
    'greenid_medicaredvs_number: Medicare card number is not a valid Medicare number.',
  ]);
  assert.deepEqual(messages('medicaredvs', { number: '1123456701' }), [
    'greenid_medicaredvs_number: Medicare card number is not a valid Medicare number.',
  ]);
  assert.deepEqual(messages('medicaredvs', { individualReferenceNumber: '0' }), [
    'greenid_medicaredvs_individualReferenceNumber: Individual reference number is not a valid individual reference number (1 to 9).',
  ]);
  assert.deepEqual(messages('medicaredvs', { cardColour: 'Red' }), [
    'greenid_medicaredvs_cardColour: Card colour is not a valid card colour (Green, Yellow, Blue, G, Y or B).',
  ]);
});

test('Medicare expiry: MM/YYYY for green cards, DD/MM/YYYY for yellow and blue', () => {
  assert.deepEqual(messages('medicaredvs', { cardColour: 'Green', expiry: '12/2030' }), []);
  assert.deepEqual(messages('medicaredvs', { cardColour: 'G', expiry: '01/12/2030' }), [
    'greenid_medicaredvs_expiry: Expiry date is not a valid expiry date (MM/YYYY).',
  ]);
  assert.deepEqual(messages('medicaredvs', { cardColour: 'B', expiry: '01/12/2030' }), []);
  assert.deepEqual(messages('medicaredvs', { cardColour: 'Y', expiry: '12/2030' }), [
    'greenid_medicaredvs_expiry: Expiry date is not a valid date (DD/MM/YYYY).',
  ]);
  assert.deepEqual(messages('medicaredvs', { expiry: '' }), ['greenid_medicaredvs_expiry: Expiry date is required.']);
});

test('licence formats per state', () => {
  const cases: [string, string, boolean][] = [
    ['nswregodvs', '1234AB', true],
    ['nswregodvs', '123456789', false],
    ['qldregodvs', '1234567', false],
    ['qldregodvs', '123456789', true],
    ['waregodvs', '1234567', true],
    ['waregodvs', 'A123456', false],
    ['saregodvs', 'S12345', true],
    ['saregodvs', 'S1234', false],
    ['vicregodvs', '12345678901', false],
    ['actregodvs', '1', true],
    ['ntregodvs', 'X1', false],
    ['tasregodvs', 'A12345', true],
  ];
  for (const [id, number, ok] of cases) assert.equal(messages(id, { number }).length === 0, ok, `${id} ${number}`);
  for (const id of [
    'actregodvs',
    'nswregodvs',
    'ntregodvs',
    'qldregodvs',
    'saregodvs',
    'tasregodvs',
    'vicregodvs',
    'waregodvs',
  ]) {
    assert.deepEqual(messages(id, { number: '11111111' }), [], `${id} accepts the seed's 8-digit stub`);
  }
  assert.match(
    messages('nswregodvs', { number: '!!' })[0] ?? '',
    /Driver's licence number is not a valid NSW driver's licence number/,
  );
});

test('passport, visa, immicard, centrelink formats', () => {
  assert.deepEqual(messages('passportdvs', { number: '1234567' }), [
    'greenid_passportdvs_number: Passport number is not a valid Australian passport number.',
  ]);
  assert.deepEqual(messages('passportdvs', { gender: 'X' }), [
    'greenid_passportdvs_gender: Gender is not a valid gender (M, F, Male or Female).',
  ]);
  assert.deepEqual(messages('passportdvs', { gender: 'Female' }), []);
  assert.deepEqual(messages('visadvs', { country_of_issue: 'D' }), [
    'greenid_visadvs_country_of_issue: Country of issue is not a valid three-letter country code.',
  ]);
  assert.deepEqual(messages('immicarddvs', { card_number: 'AA1111111' }), [
    'greenid_immicarddvs_card_number: ImmiCard number is not a valid ImmiCard number (3 letters and 6 digits).',
  ]);
  assert.equal(messages('centrelinkdvs', { crn: '1111111111' }).length, 1);
});

test('dates are DD/MM/YYYY real dates; tandc must be "on"; required fields', () => {
  assert.deepEqual(messages('passportdvs', { dob: '1980-02-01' }), [
    'greenid_passportdvs_dob: Date of birth is not a valid date (DD/MM/YYYY).',
  ]);
  assert.deepEqual(messages('passportdvs', { dob: '31/02/1980' }), [
    'greenid_passportdvs_dob: Date of birth is not a valid date (DD/MM/YYYY).',
  ]);
  assert.deepEqual(messages('passportdvs', { tandc: 'yes' }), [
    'greenid_passportdvs_tandc: I accept the terms and conditions is not a valid acceptance of the terms and conditions (must be "on").',
  ]);
  assert.deepEqual(messages('passportdvs', { tandc: '' }), [
    'greenid_passportdvs_tandc: I accept the terms and conditions must be ticked ("on").',
  ]);
  assert.deepEqual(messages('passportdvs', { surname: '' }), ['greenid_passportdvs_surname: Surname is required.']);
});

test('state-dependent requirements (birth, marriage, change of name certificates)', () => {
  const only = (id: string, values: Record<string, string>) => {
    const inputs = validInputs(id, AU_PERSON);
    for (const key of Object.keys(inputs))
      if (/registration_year|registration_date|certificate_/.test(key)) inputs[key] = '';
    for (const [k, v] of Object.entries(values)) inputs[`greenid_${id}_${k}`] = v;
    return validateFields(id, inputs).map((p) => p.field);
  };
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'QLD' }), [
    'greenid_birthcertificatedvs_registration_date',
  ]);
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'NSW' }), [
    'greenid_birthcertificatedvs_registration_year',
  ]);
  // seed 001: the certificate number "for SA (only for certificates issued after 1/11/1999)".
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'SA' }), [
    'greenid_birthcertificatedvs_certificate_printed_date',
  ]);
  assert.deepEqual(
    only('birthcertificatedvs', { registration_state: 'SA', certificate_printed_date: '01/11/1999' }),
    [],
  );
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'SA', certificate_printed_date: '02/11/1999' }), [
    'greenid_birthcertificatedvs_certificate_number',
  ]);
  // The registration year for QLD "if the date of registration is on or after 2/7/1996", TAS on or after 1/11/1999.
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'QLD', registration_date: '01/07/1996' }), []);
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'QLD', registration_date: '02/07/1996' }), [
    'greenid_birthcertificatedvs_registration_year',
  ]);
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'TAS', registration_date: '31/10/1999' }), []);
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'TAS', registration_date: '01/11/1999' }), [
    'greenid_birthcertificatedvs_registration_year',
  ]);
  assert.deepEqual(only('birthcertificatedvs', { registration_state: 'WA' }), []);
  // Marriage: the certificate number for ACT certificates issued after 1/5/2002, with the issued date; always for SA and NT.
  assert.deepEqual(only('marriagecertificatedvs', { registration_state: 'ACT' }), []);
  assert.deepEqual(
    only('marriagecertificatedvs', { registration_state: 'ACT', certificate_issued_date: '02/05/2002' }),
    ['greenid_marriagecertificatedvs_certificate_number'],
  );
  assert.deepEqual(only('marriagecertificatedvs', { registration_state: 'ACT', certificate_number: '123' }), [
    'greenid_marriagecertificatedvs_certificate_issued_date',
  ]);
  assert.deepEqual(only('marriagecertificatedvs', { registration_state: 'NT' }), [
    'greenid_marriagecertificatedvs_certificate_number',
    'greenid_marriagecertificatedvs_certificate_issued_date',
  ]);
  // The registration number except for TAS certificates issued after 1/11/2000.
  const tas = (issued: string) => {
    const inputs = validInputs('marriagecertificatedvs', AU_PERSON);
    Object.assign(inputs, {
      greenid_marriagecertificatedvs_registration_state: 'TAS',
      greenid_marriagecertificatedvs_registration_number: '',
      greenid_marriagecertificatedvs_certificate_issued_date: issued,
    });
    return validateFields('marriagecertificatedvs', inputs).map((p) => p.field);
  };
  assert.ok(tas('01/11/2000').includes('greenid_marriagecertificatedvs_registration_number'));
  assert.ok(!tas('02/11/2000').includes('greenid_marriagecertificatedvs_registration_number'));
  // Change of name: the certificate number for NSW certificates issued after 1/7/2010, ACT ones on or after 1/5/2002.
  assert.deepEqual(only('changeofnamecertificatedvs', { registration_state: 'QLD' }), []);
  assert.ok(
    only('changeofnamecertificatedvs', { registration_state: 'NSW', certificate_issued_date: '02/07/2010' }).includes(
      'greenid_changeofnamecertificatedvs_certificate_number',
    ),
  );
  assert.ok(
    !only('changeofnamecertificatedvs', { registration_state: 'NSW', certificate_issued_date: '01/07/2010' }).includes(
      'greenid_changeofnamecertificatedvs_certificate_number',
    ),
  );
  assert.ok(
    only('changeofnamecertificatedvs', { registration_state: 'ACT', certificate_issued_date: '01/05/2002' }).includes(
      'greenid_changeofnamecertificatedvs_certificate_number',
    ),
  );
  assert.ok(
    only('changeofnamecertificatedvs', { registration_state: 'NT' }).includes(
      'greenid_changeofnamecertificatedvs_certificate_number',
    ),
  );
});

test('unknown source id is a problem; short input names are accepted; unknown names ignored', () => {
  assert.deepEqual(validateFields('nope', {}), [
    { field: 'sourceId', label: 'Source', message: 'Unknown source "nope".' },
  ]);
  assert.deepEqual(
    validateFields('nzpassport', {
      number: 'A1111111',
      givenname: 'A',
      surname: 'B',
      dob: '01/01/1990',
      tandc: 'on',
      bogus: 'x',
    }),
    [],
  );
});

test('setFields throws FieldValidationFault naming every bad field', () => {
  const acc = account();
  const state = register(acc, 'TWOFFF');
  const inputs = validInputs('medicaredvs', AU_PERSON, { number: '2111111121', tandc: '' });
  assert.throws(
    () => setFields(acc, state, 'medicaredvs', inputs, NOW, {}),
    (error: unknown) => {
      assert.ok(error instanceof VerificationError);
      assert.equal(error.code, 'FieldValidationFault');
      assert.equal(error.message, 'Invalid input field(s) - Medicare card number, I accept the terms and conditions');
      assert.deepEqual(
        error.problems.map((p) => p.field),
        ['greenid_medicaredvs_number', 'greenid_medicaredvs_tandc'],
      );
      assert.match(error.details, /^Medicare card number is not a valid Medicare number\.\n/);
      return true;
    },
  );
});

test('registerVerification checks the person', () => {
  const bad = {
    ...AU_PERSON,
    givenName: ' ',
    dob: { day: 30, month: 2, year: 1990 },
    email: 'nope',
    mobilePhone: '12',
    currentResidentialAddress: { ...AU_PERSON.currentResidentialAddress, postcode: '20', state: 'XX' },
  };
  assert.throws(
    () =>
      registerVerification(account(), { verificationId: 'v', ruleId: 'default', person: bad, extraData: {} }, NOW, {}),
    (error: unknown) => {
      assert.ok(error instanceof VerificationError);
      assert.deepEqual(
        error.problems.map((p) => p.field),
        [
          'name.givenName',
          'dob',
          'email',
          'mobilePhone',
          'currentResidentialAddress.postcode',
          'currentResidentialAddress.state',
        ],
      );
      return true;
    },
  );
  const future = { ...AU_PERSON, dob: { day: 1, month: 1, year: 2030 } };
  assert.throws(
    () =>
      registerVerification(
        account(),
        { verificationId: 'v', ruleId: 'default', person: future, extraData: {} },
        NOW,
        {},
      ),
    /Invalid input field\(s\) - Date of birth/,
  );
});
