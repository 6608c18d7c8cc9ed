// Driver licences: reading the card's OCR text (issuer, type, fields, misreads), the licence's authenticity checks,
// the combination source (seed 003) with documentType DRIVERS_LICENCE, documentRegion and documentSubRegion, its
// card number under the controlled changes, and the NZ and AU licence data sources (seed 002 stub codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { licenceDate, licenceNumber, readLicence, LICENCE_FORMATS } from '../../../src/domain/documents/licence.ts';
import { recogniseDocument } from '../../../src/domain/documents/recognition.ts';
import { combinationResult, type CombinationInput } from '../../../src/domain/documents/combination.ts';
import { documentDataSource } from '../../../src/domain/documents/data-source.ts';
import type { ImageFacts } from '../../../src/domain/documents/authenticity.ts';
import {
  DEFAULT_RULE_SET,
  type AccountSettings,
  type CheckResultV3,
  type Person,
} from '../../../src/domain/verification/index.ts';

const today = new Date('2026-12-04T00:00:00Z');
const image: ImageFacts = {
  width: 1012,
  height: 638,
  sharpness: 1200,
  glareFraction: 0.01,
  software: [],
  recompression: { verdict: 'SINGLE', score: 0.2, quality: 92 },
  edgePrint: { top: 0, bottom: 0, left: 0, right: 2 },
};

// What tesseract gives for the specimen cards (test/adapters/documents/licence-specimens.test.ts reads them for real)
const NSW_TEXT =
  'NEW SOUTH WALES DRIVER LICENCE\n\nSurname: HOPPER\n\nGiven names: GRACE BREWSTER\nDate of birth: 01 APR 1976\n' +
  'Licence No: 11111111\n\nCard No: 2012345678\n\nExpiry: 30 JUN 2031\n\nClass: C\n';
const NZ_TEXT =
  'W ZEALAND DRIVER LICENCE\n\nSurname: COLLINS\n\nGiven names: EILEEN MARIE\nDate of birth: 19/11/1956\n' +
  'Licence No: AA111111\nVersion: 123\n\nExpiry: 11/02/2029\n\nClass: 1\n';

test('an Australian licence: issuer NSW from the heading, every field, documentSubRegion NSW', () => {
  const licence = readLicence(NSW_TEXT);
  assert.deepEqual(licence, {
    isLicence: true,
    issuer: 'NSW',
    region: 'AU',
    subRegion: 'NSW',
    fields: {
      surname: 'HOPPER',
      givenNames: 'GRACE BREWSTER',
      dob: '1976-04-01',
      licenceNumber: '11111111',
      cardNumber: '2012345678',
      expiry: '2031-06-30',
    },
  });
});

test("a New Zealand licence whose heading lost its first letters on the dark band is still New Zealand's", () => {
  const licence = readLicence(NZ_TEXT);
  assert.deepEqual([licence.issuer, licence.region, licence.subRegion], ['NZ', 'NZ', '']);
  assert.deepEqual(licence.fields, {
    surname: 'COLLINS',
    givenNames: 'EILEEN MARIE',
    dob: '1956-11-19',
    licenceNumber: 'AA111111',
    cardNumber: '123',
    expiry: '2029-02-11',
  });
});

test('every issuer is told apart by its heading, Western Australia from South Australia', () => {
  const headings: [string, string][] = [
    ['AUSTRALIAN CAPITAL TERRITORY', 'ACT'],
    ['NORTHERN TERRITORY', 'NT'],
    ['WESTERN AUSTRALIA', 'WA'],
    ['SOUTH AUSTRALIA', 'SA'],
    ['NEW SOUTH WALES', 'NSW'],
    ['QUEENSLAND', 'QLD'],
    ['TASMANIA', 'TAS'],
    ['VICTORIA', 'VIC'],
    ['NEW ZEALAND', 'NZ'],
    ['QUEENSIAND', 'QLD'],
  ];
  for (const [heading, issuer] of headings)
    assert.equal(readLicence(`${heading} DRIVER LICENCE\nSurname: X`).issuer, issuer, heading);
  assert.equal(readLicence('SPECIMEN STATE DRIVER LICENCE').issuer, null);
  assert.equal(readLicence('PASSPORT Surname: HOPPER').isLicence, false);
});

test('misread labels, months and numbers are read in the issuer format', () => {
  const text =
    'NEW ZEALAND DR1VER LICENCE\nSurnarne: COLLINS\nDate of b1rth: I9/11/1956\nLicence N0: A4111111\nExpiry: 3O JUN 2031';
  const licence = readLicence(text);
  assert.equal(licence.isLicence, true);
  assert.equal(licence.fields.surname, 'COLLINS');
  assert.equal(licence.fields.dob, '1956-11-19');
  // NZ: two letters then six digits, so the 4 read in the letters' place is an A
  assert.equal(licence.fields.licenceNumber, 'AA111111');
  assert.equal(licence.fields.expiry, '2031-06-30');
  assert.equal(licenceNumber('1I1111O1', LICENCE_FORMATS.VIC.number), '11111101');
  assert.equal(licenceDate('30 JUN 2031'), '2031-06-30');
  assert.equal(licenceDate('01 DEO 2031'), '2031-12-01');
  // a month one letter from two (JAN and JUN from "JIN") is not guessed
  assert.equal(licenceDate('01 JIN 2031'), '');
  assert.equal(licenceDate('31/02/2031'), '');
});

const reading = (visualText: string, facts: Partial<ImageFacts> = {}) => ({
  facts: { ...image, ...facts },
  mrzText: '',
  visualText,
});
const failedOf = (text: string, facts: Partial<ImageFacts> = {}, at = today) =>
  recogniseDocument(reading(text, facts), at)
    .checks.filter((c) => c.result === 'FAILED')
    .map((c) => c.code);

test("a licence's authenticity checks: each fails on the card made for it, with its reason in words", () => {
  const nsw = recogniseDocument(reading(NSW_TEXT), today);
  assert.deepEqual([nsw.documentType, nsw.region, nsw.subRegion], ['DRIVERS_LICENCE', 'AU', 'NSW']);
  assert.deepEqual(
    nsw.checks.map((c) => [c.code, c.result]),
    [
      ['IMAGE_RESOLUTION', 'PASSED'],
      ['IMAGE_FOCUS', 'PASSED'],
      ['IMAGE_GLARE', 'PASSED'],
      ['DOCUMENT_IN_FRAME', 'PASSED'],
      ['LICENCE_DETAILS_READ', 'PASSED'],
      ['LICENCE_NUMBER_FORMAT', 'PASSED'],
      ['DOCUMENT_NOT_EXPIRED', 'PASSED'],
      ['DATES_CONSISTENT', 'PASSED'],
      ['DOCUMENT_TYPE_RECOGNISED', 'PASSED'],
      ['NO_EDITING_SOFTWARE', 'PASSED'],
      ['NO_RECOMPRESSION', 'PASSED'],
    ],
  );
  assert.deepEqual(failedOf(NSW_TEXT.replace('Licence No: 11111111\n', '')), [
    'LICENCE_DETAILS_READ',
    'LICENCE_NUMBER_FORMAT',
  ]);
  assert.deepEqual(failedOf(NSW_TEXT.replace('Card No: 2012345678', 'Card No: 20123')), ['LICENCE_NUMBER_FORMAT']);
  assert.deepEqual(failedOf(NSW_TEXT, {}, new Date('2031-07-01T00:00:00Z')), ['DOCUMENT_NOT_EXPIRED']);
  assert.deepEqual(failedOf(NSW_TEXT.replace('01 APR 1976', '01 APR 2032')), ['DATES_CONSISTENT']);
  assert.deepEqual(failedOf(NSW_TEXT.replace('NEW SOUTH WALES', 'SPECIMEN LAND')), [
    'LICENCE_NUMBER_FORMAT',
    'DOCUMENT_TYPE_RECOGNISED',
  ]);
  assert.deepEqual(failedOf(NSW_TEXT, { software: ['GIMP 2.10.36'] }), ['NO_EDITING_SOFTWARE']);
  const twice = recogniseDocument(
    reading(NSW_TEXT, { recompression: { verdict: 'DOUBLE', score: 2.4, quality: 92 } }),
    today,
  ).checks.find((c) => c.code === 'NO_RECOMPRESSION');
  assert.equal(twice?.result, 'FAILED');
  assert.match(twice?.reason ?? '', /saved again/);
  const png = recogniseDocument(
    reading(NSW_TEXT, { recompression: { verdict: 'NOT_JPEG', score: 0, quality: 0 } }),
    today,
  ).checks.find((c) => c.code === 'NO_RECOMPRESSION');
  assert.deepEqual(
    [png?.result, png?.reason],
    ['NOT_CHECKED', 'The file is not a JPEG: traces of a second JPEG save cannot be looked for.'],
  );
});

const person: Person = { givenName: 'Grace', surname: 'Hopper', dob: { day: 1, month: 4, year: 1976 } };
const nsw = recogniseDocument(reading(NSW_TEXT), today);
const asRead = {
  givenName: 'Grace',
  middleNames: 'Brewster',
  surname: 'Hopper',
  dob: '1976-04-01',
  documentNumber: '11111111',
  cardNumber: '2012345678',
};
function input(overrides: Partial<CombinationInput> = {}): CombinationInput {
  return {
    sourceName: 'driverslicencecapture',
    documentType: 'DRIVERS_LICENCE',
    documentRegion: 'AU',
    documentSubRegion: 'NSW',
    origin: 'pono API',
    checks: nsw.checks,
    extracted: asRead,
    confirmed: asRead,
    person,
    ruleSet: DEFAULT_RULE_SET,
    dataSource: { name: 'NSWRegoDVS', state: 'VERIFIED' },
    face: null,
    now: today,
    ...overrides,
  };
}
const component = (result: CheckResultV3, name: string): CheckResultV3 => {
  const found = result.individualResult?.find((c) => c.name === name);
  assert.ok(found, name);
  return found;
};

test('the licence combination source: documentType, region and sub-region, the card number confirmed and withheld', () => {
  const result = combinationResult(input());
  assert.equal(result.state, 'VERIFIED');
  assert.deepEqual(
    [result.documentType, result.documentRegion, result.documentSubRegion],
    ['DRIVERS_LICENCE', 'AU', 'NSW'],
  );
  const authenticity = component(result, 'Document Authenticity');
  assert.deepEqual(
    [authenticity.documentType, authenticity.documentRegion, authenticity.documentSubRegion, authenticity.state],
    ['DRIVERS_LICENCE', 'AU', 'NSW', 'VERIFIED'],
  );
  assert.deepEqual(component(result, 'Data Extraction').fieldResult, [
    { name: 'GovId', status: 'CONFIRMED', value: '' },
    { name: 'documentNumber', status: 'CONFIRMED', value: '' },
    { name: 'cardNumber', status: 'CONFIRMED', value: '' },
    { name: 'dob', status: 'CONFIRMED', value: '1976-04-01' },
    { name: 'surname', status: 'CONFIRMED', value: 'Hopper' },
    { name: 'givenName', status: 'CONFIRMED', value: 'Grace' },
  ]);
  assert.deepEqual(
    result.individualResult?.map((c) => [c.name, c.state]),
    [
      ['Document Authenticity', 'VERIFIED'],
      ['Data Extraction', 'VERIFIED'],
      ['NSWRegoDVS', 'VERIFIED'],
      ['Document Registration Match', 'VERIFIED'],
    ],
  );
});

test('licence controlled changes: a minor name change is VERIFIED_WITH_CHANGES; a changed card or licence number PENDING', () => {
  const minor = combinationResult(input({ extracted: { ...asRead, givenName: 'Gracr' } }));
  assert.equal(component(minor, 'Data Extraction').state, 'VERIFIED_WITH_CHANGES');
  assert.equal(minor.state, 'VERIFIED_WITH_CHANGES');
  const card = combinationResult(input({ confirmed: { ...asRead, cardNumber: '2012345679' } }));
  assert.equal(component(card, 'Data Extraction').state, 'PENDING');
  assert.deepEqual(component(card, 'Data Extraction').fieldResult[2], {
    name: 'cardNumber',
    status: 'CHANGED',
    changedValue: '2012345679',
    extractedValue: '2012345678',
  });
  const number = combinationResult(input({ confirmed: { ...asRead, documentNumber: '11111112' } }));
  assert.equal(component(number, 'Data Extraction').state, 'PENDING');
  // left out of the confirmation, the card number stands as read
  const withoutCard = { ...asRead, cardNumber: undefined };
  assert.equal(combinationResult(input({ confirmed: withoutCard })).state, 'VERIFIED');
  // a passport has no card number: no such field in its result
  const passport = combinationResult(
    input({
      documentType: 'PASSPORT',
      extracted: { ...asRead, cardNumber: '' },
      confirmed: { ...asRead, cardNumber: '' },
    }),
  );
  assert.equal(
    component(passport, 'Data Extraction').fieldResult.some((f) => f.name === 'cardNumber'),
    false,
  );
});

test("the licence data sources: the issuing state's DVS source for AU, NZ Transport Agency's for NZ, by seed 002's codes", () => {
  const account: AccountSettings = {
    accountId: 'a',
    stubMode: true,
    enabledSources: ['nswregodvs', 'vicregodvs', 'nzdriverslicence'],
    ruleSet: DEFAULT_RULE_SET,
  };
  const au = { country: 'AU' } as const;
  assert.deepEqual(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '11111111', 'NSW'), {
    name: 'NSWRegoDVS',
    state: 'VERIFIED',
  });
  assert.deepEqual(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '33333333', 'VIC'), {
    name: 'VICRegoDVS',
    state: 'PENDING',
  });
  assert.deepEqual(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '44444444', 'NSW'), {
    name: 'NSWRegoDVS',
    state: 'ERROR',
  });
  assert.deepEqual(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '12345678', 'NSW'), {
    name: 'NSWRegoDVS',
    state: 'IN_PROGRESS',
  });
  // QLD's source is not enabled on this account; an AU licence without a state goes nowhere
  assert.equal(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '11111111', 'QLD'), null);
  assert.equal(documentDataSource(account, au, 'DRIVERS_LICENCE', 'AU', '11111111'), null);
  const nz = { country: 'NZ' } as const;
  assert.deepEqual(documentDataSource(account, nz, 'DRIVERS_LICENCE', 'NZ', 'AA111111'), {
    name: 'NZDriversLicence',
    state: 'VERIFIED',
  });
  assert.deepEqual(documentDataSource(account, nz, 'DRIVERS_LICENCE', 'NZ', 'AA333333'), {
    name: 'NZDriversLicence',
    state: 'PENDING',
  });
  // an NZ licence for a verification of an Australian resident: the NZ source does not run for it
  assert.equal(documentDataSource(account, au, 'DRIVERS_LICENCE', 'NZ', 'AA111111'), null);
});
