// Seed 001's input tables for the "Identity Verification" service, rule by rule: each refused input is named
// (the form binds errors by input name), and the inputs the seed allows are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalDate } from '@js-joda/core';
import {
  VerificationError,
  readFormsCall,
  medicareExpiryYears,
  changedIdentity,
  documentChanges,
  identityOf,
  type FormsValues,
} from '../../../src/domain/verification/index.ts';

const TODAY = LocalDate.of(2026, 12, 4);
const PERSON: Record<string, string> = {
  firstName: 'Aroha',
  middleName: 'Mere',
  lastName: 'Ngata',
  dateOfBirth: '1986-03-12',
  streetNumber: '12',
  streetName: 'George',
  streetType: 'ST',
  suburb: 'Sydney',
  state: 'NSW',
  postcode: '2000',
  country: 'Australia',
};

function read(
  values: Record<string, string>,
  verifySources = '',
  extra: { getFields?: boolean; termsAccepted?: boolean; backgroundSources?: string } = {},
) {
  return readFormsCall(
    { ...PERSON, ...values } as FormsValues,
    {
      verifySources,
      backgroundSources: extra.backgroundSources ?? '',
      getFields: extra.getFields ?? false,
      termsAccepted: extra.termsAccepted ?? true,
    },
    TODAY,
  );
}

/** The inputs named by the refusal (empty when accepted). */
function refused(values: Record<string, string>, verifySources = '', extra: Parameters<typeof read>[2] = {}): string[] {
  try {
    read(values, verifySources, extra);
    return [];
  } catch (error) {
    assert.ok(error instanceof VerificationError, String(error));
    for (const p of error.problems) assert.match(p.message, new RegExp(p.field), 'each message names its input');
    return error.problems.map((p) => p.field);
  }
}

test('personal details: names required, DOB yyyy-MM-dd, a real date in the past; phones optional', () => {
  assert.deepEqual(refused({}), []);
  assert.deepEqual(refused({ firstName: '' }), ['firstName']);
  assert.deepEqual(refused({ lastName: '' }), ['lastName']);
  assert.deepEqual(refused({ dateOfBirth: '21/07/2016' }), ['dateOfBirth']);
  assert.deepEqual(refused({ dateOfBirth: '2016-02-30' }), ['dateOfBirth']);
  assert.deepEqual(refused({ dateOfBirth: '2030-01-01' }), ['dateOfBirth']);
  assert.deepEqual(refused({ email: 'not-an-address' }), ['email']);
  assert.deepEqual(refused({ mobilePhone: '0412 345 678' }), []);
  assert.deepEqual(read({}).person.dob, { day: 12, month: 3, year: 1986 });
});

test('address in long format: all required but flatNumber and streetType; ranges; state short code; country expanded', () => {
  for (const input of ['streetNumber', 'streetName', 'suburb', 'state', 'postcode', 'country'])
    assert.deepEqual(refused({ [input]: '' }), [input], input);
  assert.deepEqual(refused({ flatNumber: '', streetType: '' }), []);
  assert.deepEqual(refused({ streetNumber: '267-277' }), []);
  assert.deepEqual(refused({ streetNumber: 'PO Box 123' }), []);
  assert.deepEqual(refused({ streetNumber: 'twelve' }), ['streetNumber']);
  assert.deepEqual(refused({ streetType: 'ROAD' }), []);
  assert.deepEqual(refused({ streetType: 'RD' }), []);
  assert.deepEqual(refused({ state: 'New South Wales' }), ['state']);
  assert.deepEqual(refused({ postcode: '200' }), ['postcode']);
  // "For some countries (e.g. New Zealand) this may be blank."
  assert.deepEqual(refused({ country: 'New Zealand', state: '', postcode: '6011' }), []);
  const address = read({ streetNumber: '267-277' }).person.currentResidentialAddress;
  assert.equal(address?.streetNumber, '267-277');
  assert.equal(address?.country, 'AU');
  // Previous address: optional, but complete when given.
  assert.deepEqual(refused({ previousStreetName: 'Pitt' }), [
    'previousStreetNumber',
    'previousSuburb',
    'previousState',
    'previousPostcode',
    'previousCountry',
  ]);
});

test('source lists: unknown, non-background and non-interactive codes are refused by name', () => {
  assert.deepEqual(refused({}, 'nope'), ['verifySources']);
  assert.deepEqual(refused({}, 'dnb'), ['verifySources']);
  assert.deepEqual(refused({}, '', { backgroundSources: 'nope' }), ['backgroundSources']);
  // Medibank: a document source, but not one this service takes inputs for.
  assert.deepEqual(refused({}, '', { backgroundSources: 'medibank' }), ['backgroundSources']);
  assert.deepEqual(read({}, '', { backgroundSources: 'dnb, aec' }).backgroundSources, ['dnb', 'aec']);
});

test("a document source in backgroundSources (seed 001's example dnb,nswregodvs) is checked at registration with the call's inputs", () => {
  const licence = { licenceState: 'NSW', licenceNumber: '11111111' };
  const call = read(licence, '', { backgroundSources: 'dnb,nswregodvs' });
  assert.deepEqual(call.backgroundSources, ['dnb']);
  assert.deepEqual(call.backgroundDocuments, ['nswregodvs']);
  assert.equal(call.sourceInputs.nswregodvs?.greenid_nswregodvs_number, '11111111');
  // The generic licence source is the licence state's.
  assert.deepEqual(read(licence, '', { backgroundSources: 'regodvs' }).backgroundDocuments, ['nswregodvs']);
  // Its inputs are required, named; and the terms, as for any source checked.
  assert.deepEqual(refused({ licenceState: 'NSW' }, '', { backgroundSources: 'dnb,nswregodvs' }), ['licenceNumber']);
  assert.deepEqual(refused({}, '', { backgroundSources: 'passportdvs' }), ['passportNumber']);
  assert.deepEqual(refused(licence, '', { backgroundSources: 'dnb,nswregodvs', termsAccepted: false }), [
    'termsAccepted',
  ]);
});

test('terms and conditions must be accepted before a source is checked (not for getFields)', () => {
  assert.deepEqual(refused({ passportNumber: 'A1111111' }, 'passportdvs', { termsAccepted: false }), ['termsAccepted']);
  assert.deepEqual(refused({}, 'passportdvs', { getFields: true, termsAccepted: false }), []);
});

test('Medicare: 10 digits, reference number, colour Green/Yellow/Blue or G/Y/B, expiry month as a number and a valid year', () => {
  const card = {
    medicareCardNumber: '2428778132',
    medicareReferenceNumber: '1',
    medicareCardColour: 'Green',
    medicareExpiryMonth: '02',
    medicareExpiryYear: '2028',
  };
  assert.deepEqual(refused(card, 'medicaredvs'), []);
  assert.deepEqual(refused({ ...card, medicareCardColour: 'G' }, 'medicaredvs'), []);
  assert.deepEqual(refused({ ...card, medicareCardNumber: '242877813' }, 'medicaredvs'), ['medicareCardNumber']);
  assert.deepEqual(
    refused({ ...card, medicareCardNumber: '2428778142' }, 'medicaredvs'),
    ['medicareCardNumber'],
    'check digit',
  );
  assert.deepEqual(refused({ ...card, medicareReferenceNumber: '0' }, 'medicaredvs'), ['medicareReferenceNumber']);
  assert.deepEqual(refused({ ...card, medicareCardColour: 'Red' }, 'medicaredvs'), ['medicareCardColour']);
  assert.deepEqual(refused({ ...card, medicareExpiryMonth: 'Feb' }, 'medicaredvs'), ['medicareExpiryMonth']);
  assert.deepEqual(refused({ ...card, medicareExpiryMonth: '' }, 'medicaredvs'), ['medicareExpiryMonth']);
  // Dynamic valid expiry: in December 2026, a card expiring 11/2026 has expired; 12/2026 has not.
  assert.deepEqual(refused({ ...card, medicareExpiryMonth: '11', medicareExpiryYear: '2026' }, 'medicaredvs'), [
    'medicareExpiryYear',
  ]);
  assert.deepEqual(refused({ ...card, medicareExpiryMonth: '12', medicareExpiryYear: '2026' }, 'medicaredvs'), []);
  assert.deepEqual(medicareExpiryYears(11, TODAY)[0], 2027);
  assert.deepEqual(medicareExpiryYears(12, TODAY)[0], 2026);
  // Yellow and blue cards: a single date, yyyy-MM-dd, not in the past.
  const yellow = { ...card, medicareCardColour: 'Yellow', medicareExpiryMonth: '', medicareExpiryYear: '' };
  assert.deepEqual(refused(yellow, 'medicaredvs'), ['medicareExpiryDate']);
  assert.deepEqual(refused({ ...yellow, medicareExpiryDate: '2027-05-31' }, 'medicaredvs'), []);
  assert.deepEqual(refused({ ...yellow, medicareExpiryDate: '2026-12-03' }, 'medicaredvs'), ['medicareExpiryDate']);
  const inputs =
    read({ ...yellow, medicareCardColour: 'B', medicareExpiryDate: '2027-05-31' }, 'medicaredvs').sourceInputs
      .medicaredvs ?? {};
  assert.equal(inputs.greenid_medicaredvs_expiry, '31/05/2027');
  assert.equal(inputs.greenid_medicaredvs_cardColour, 'B');
  assert.equal(inputs.greenid_medicaredvs_dob, '12/03/1986', 'the DOB is passed to Medicare');
  assert.equal(inputs.greenid_medicaredvs_nameOnCard, 'Aroha M Ngata', 'name on card from the personal details');
});

test("licence: the state's source, the state's number format, card number by state", () => {
  assert.deepEqual(refused({ licenceState: 'NSW', licenceNumber: '11111111' }, 'nswregodvs'), []);
  assert.deepEqual(refused({ licenceState: 'VIC', licenceNumber: '11111111' }, 'nswregodvs'), ['licenceState']);
  assert.deepEqual(read({ licenceState: 'QLD', licenceNumber: '11111111' }, 'regodvs').verifySources, ['qldregodvs']);
  assert.deepEqual(refused({ licenceState: 'WA', licenceNumber: '123456' }, 'waregodvs'), ['licenceNumber']);
  assert.deepEqual(
    refused({ licenceState: 'NSW', licenceNumber: '11111111', licenceCardNumber: '12345' }, 'nswregodvs'),
    ['licenceCardNumber'],
  );
  assert.deepEqual(
    refused({ licenceState: 'NSW', licenceNumber: '11111111', licenceCardNumber: '1234567890' }, 'nswregodvs'),
    [],
  );
  assert.deepEqual(refused({ licenceState: 'NSW' }, 'nswregodvs'), ['licenceNumber']);
});

test('passport gender Male/Female or M/F; visa country of issue as 3 letters', () => {
  for (const gender of ['Male', 'Female', 'M', 'F', 'male'])
    assert.deepEqual(refused({ passportNumber: 'A1111111', passportGender: gender }, 'passportdvs'), [], gender);
  assert.deepEqual(refused({ passportNumber: 'A1111111', passportGender: 'X' }, 'passportdvs'), ['passportGender']);
  assert.equal(
    read({ passportNumber: 'A1111111', passportGender: 'Female' }, 'passportdvs').sourceInputs.passportdvs
      ?.greenid_passportdvs_gender,
    'F',
  );
  assert.deepEqual(refused({ visaPassportNumber: 'X1234567', visaCountryOfIssue: 'NZL' }, 'visadvs'), []);
  assert.deepEqual(refused({ visaPassportNumber: 'X1234567', visaCountryOfIssue: 'NZ' }, 'visadvs'), [
    'visaCountryOfIssue',
  ]);
  assert.equal(
    read({ visaPassportNumber: 'X1234567', visaCountryOfIssue: 'DEU' }, 'visadvs').sourceInputs.visadvs
      ?.greenid_visadvs_country_of_issue,
    'DEU',
    'not truncated (TPD-5000)',
  );
});

test('birth certificate: state-dependent year, date, certificate number and printed date', () => {
  const base = { birthdvsRegistrationNumber: '11111111' };
  assert.deepEqual(refused({ ...base, birthdvsRegistrationState: 'NSW' }, 'birthcertificatedvs'), [
    'birthdvsRegistrationYear',
  ]);
  assert.deepEqual(
    refused({ ...base, birthdvsRegistrationState: 'NSW', birthdvsRegistrationYear: '1986' }, 'birthcertificatedvs'),
    [],
  );
  assert.deepEqual(refused({ ...base, birthdvsRegistrationState: 'QLD' }, 'birthcertificatedvs'), [
    'birthdvsRegistrationDate',
  ]);
  assert.deepEqual(
    refused(
      { ...base, birthdvsRegistrationState: 'QLD', birthdvsRegistrationDate: '1996-07-02' },
      'birthcertificatedvs',
    ),
    ['birthdvsRegistrationYear'],
  );
  assert.deepEqual(
    refused(
      { ...base, birthdvsRegistrationState: 'QLD', birthdvsRegistrationDate: '1986-04-01' },
      'birthcertificatedvs',
    ),
    [],
  );
  assert.deepEqual(refused({ ...base, birthdvsRegistrationState: 'SA' }, 'birthcertificatedvs'), [
    'birthdvsCertificatePrintedDate',
  ]);
  assert.deepEqual(
    refused(
      { ...base, birthdvsRegistrationState: 'SA', birthdvsCertificatePrintedDate: '2005-01-01' },
      'birthcertificatedvs',
    ),
    ['birthdvsCertificateNumber'],
  );
  assert.deepEqual(
    refused(
      { ...base, birthdvsRegistrationState: 'TAS', birthdvsRegistrationDate: '2001-01-01' },
      'birthcertificatedvs',
    ),
    ['birthdvsRegistrationYear'],
  );
  assert.deepEqual(refused({ birthdvsRegistrationState: 'WA' }, 'birthcertificatedvs'), ['birthdvsRegistrationNumber']);
  const inputs =
    read(
      {
        ...base,
        birthdvsRegistrationState: 'QLD',
        birthdvsRegistrationDate: '1986-04-01',
        birthdvsMiddleNames: 'Hine',
      },
      'birthcertificatedvs',
    ).sourceInputs.birthcertificatedvs ?? {};
  assert.equal(inputs.greenid_birthcertificatedvs_registration_date, '01/04/1986');
  assert.equal(
    inputs.greenid_birthcertificatedvs_middlename,
    'Hine',
    'birthdvsMiddleNames is the middle name on the certificate',
  );
});

test('change of name certificate: previous names by state, registration date, certificate number by state and date', () => {
  const base = { changeofnamecertificatedvsRegistrationNumber: '11111111' };
  assert.deepEqual(
    refused({ ...base, changeofnamecertificatedvsRegistrationState: 'QLD' }, 'changeofnamecertificatedvs'),
    [],
  );
  assert.deepEqual(
    refused(
      {
        ...base,
        changeofnamecertificatedvsRegistrationState: 'NSW',
        changeofnamecertificatedvsRegistrationDate: '2005-03-01',
      },
      'changeofnamecertificatedvs',
    ),
    ['changeofnamecertificatedvsRegistrationYear'],
  );
  assert.deepEqual(
    refused(
      {
        ...base,
        changeofnamecertificatedvsRegistrationState: 'NT',
        changeofnamecertificatedvsRegistrationDate: '2005-03-01',
      },
      'changeofnamecertificatedvs',
    ),
    [
      'changeofnamecertificatedvsCertificateNumber',
      'changeofnamecertificatedvsCertificateIssuedDate',
      'changeofnamecertificatedvsOldGivenName',
      'changeofnamecertificatedvsOldSurname',
    ],
  );
  assert.deepEqual(
    refused({ ...base, changeofnamecertificatedvsRegistrationState: 'SA' }, 'changeofnamecertificatedvs'),
    [
      'changeofnamecertificatedvsRegistrationDate',
      'changeofnamecertificatedvsOldGivenName',
      'changeofnamecertificatedvsOldSurname',
    ],
  );
});

test('marriage certificate: registration number except TAS after 1/11/2000; year for NSW, VIC, WA, TAS; certificate number for SA, NT, ACT after 1/5/2002', () => {
  assert.deepEqual(refused({ marriagecertificatedvsRegistrationState: 'QLD' }, 'marriagecertificatedvs'), [
    'marriagecertificatedvsRegistrationNumber',
  ]);
  assert.deepEqual(
    refused(
      {
        marriagecertificatedvsRegistrationState: 'TAS',
        marriagecertificatedvsRegistrationYear: '2005',
        marriagecertificatedvsCertificateIssuedDate: '2005-01-01',
      },
      'marriagecertificatedvs',
    ),
    [],
  );
  assert.deepEqual(
    refused(
      { marriagecertificatedvsRegistrationState: 'VIC', marriagecertificatedvsRegistrationNumber: '11111111' },
      'marriagecertificatedvs',
    ),
    ['marriagecertificatedvsRegistrationYear'],
  );
  assert.deepEqual(
    refused(
      { marriagecertificatedvsRegistrationState: 'SA', marriagecertificatedvsRegistrationNumber: '11111111' },
      'marriagecertificatedvs',
    ),
    ['marriagecertificatedvsCertificateNumber', 'marriagecertificatedvsCertificateIssuedDate'],
  );
});

test('citizenship certificate and ImmiCard', () => {
  assert.deepEqual(refused({ citizenshipStockNumber: '11111111' }, 'citizenshipcertificatedvs'), [
    'citizenshipAcquisitionDate',
  ]);
  assert.deepEqual(
    refused(
      { citizenshipStockNumber: '11111111', citizenshipAcquisitionDate: '2010-01-26' },
      'citizenshipcertificatedvs',
    ),
    [],
  );
  assert.deepEqual(refused({ immicardNumber: '123' }, 'immicarddvs'), ['immicardNumber']);
  assert.deepEqual(refused({ immicardNumber: 'AAA111111' }, 'immicarddvs'), []);
});

test('electoral roll: verified from the personal details and address', () => {
  const inputs = read({ streetNumber: '1' }, 'aec').sourceInputs.aec ?? {};
  assert.equal(inputs.greenid_aec_streetnumber, '1');
  assert.equal(inputs.greenid_aec_state, 'NSW');
});

test('identity details: a change of one character is a change; email is not part of the identity', () => {
  const verified = identityOf(PERSON);
  assert.deepEqual(changedIdentity(verified, identityOf({ ...PERSON, email: 'new@example.org' })), []);
  assert.deepEqual(changedIdentity(verified, identityOf({ ...PERSON, lastName: 'Ngatá' })), ['lastName']);
  assert.deepEqual(changedIdentity(verified, identityOf({ ...PERSON, streetNumber: '13' })), ['streetNumber']);
});

test('the address as on the document: written differently is no change; another address is a change of the address', () => {
  const changed = (given: Record<string, string>) =>
    documentChanges({ ...PERSON, flatNumber: 'Unit 3', ...given }).map((d) => `${d.input}:${d.change}`);
  // Street type abbreviated or in full, case and spacing, the sub-dwelling's word, the state's case.
  assert.deepEqual(changed({ documentStreetType: 'STREET' }), []);
  assert.deepEqual(changed({ documentStreetName: 'george', documentStreetType: 'street' }), []);
  assert.deepEqual(changed({ documentSuburb: '  SYDNEY ', documentState: 'nsw', documentPostcode: '2000' }), []);
  assert.deepEqual(changed({ documentFlatNumber: '3' }), []);
  assert.deepEqual(changed({ documentFlatNumber: 'U3' }), []);
  assert.deepEqual(changed({ documentFlatNumber: 'flat 3' }), []);
  // Another sub-dwelling, a level, another street type or number: changes of the address.
  assert.deepEqual(changed({ documentFlatNumber: 'Unit 4' }), ['documentFlatNumber:address']);
  assert.deepEqual(changed({ documentFlatNumber: 'Level 3' }), ['documentFlatNumber:address']);
  assert.deepEqual(changed({ documentStreetType: 'RD' }), ['documentStreetType:address']);
  assert.deepEqual(changed({ documentStreetNumber: '14' }), ['documentStreetNumber:address']);
  assert.deepEqual(changed({ documentSuburb: 'Surry Hills', documentPostcode: '2010' }), [
    'documentSuburb:address',
    'documentPostcode:address',
  ]);
  // Reaches the source in the engine's format.
  const inputs = read({ documentStreetNumber: '14', documentState: 'vic' }, 'aec').sourceInputs.aec ?? {};
  assert.equal(inputs.greenid_aec_streetnumber, '14');
  assert.equal(inputs.greenid_aec_state, 'VIC');
});
