// The combination source's components against seed 003's examples, and the controlled changes at their limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  combinationResult,
  type CombinationInput,
  type DocumentData,
} from '../../../src/domain/documents/combination.ts';
import { authenticityChecks, type ImageFacts } from '../../../src/domain/documents/authenticity.ts';
import { readMrz, type MrzReading } from '../../../src/domain/documents/mrz.ts';
import { faceMatchScore } from '../../../src/domain/documents/face-score.ts';
import { documentDataSource } from '../../../src/domain/documents/data-source.ts';
import { DEFAULT_CALIBRATION } from '../../../src/domain/liveness/calibration/index.ts';
import {
  DEFAULT_RULE_SET,
  type AccountSettings,
  type CheckResultV3,
  type Person,
} from '../../../src/domain/verification/index.ts';
import { td3Lines } from '../../../src/adapters/documents/specimens.ts';

const now = new Date('2026-12-04T01:02:03.456Z');
// seed 003's person: John Smith, born 1976-04-01
const person: Person = { givenName: 'John', surname: 'Smith', dob: { day: 1, month: 4, year: 1976 } };
const read: DocumentData = {
  givenName: 'John',
  middleNames: '',
  surname: 'Smith',
  dob: '1976-04-01',
  documentNumber: 'A1111111',
};
const image: ImageFacts = {
  width: 1250,
  height: 880,
  sharpness: 1500,
  glareFraction: 0.005,
  software: [],
  recompression: { verdict: 'SINGLE', score: 0.2, quality: 92 },
  edgePrint: { top: 0, bottom: 0, left: 0, right: 2 },
};
const john = {
  surname: 'Smith',
  givenNames: 'John',
  dob: '1976-04-01',
  sex: 'M' as const,
  documentNumber: 'A1111111',
  issuingState: 'AUS',
  nationality: 'AUS',
  expiry: '2031-06-30',
  portrait: '',
};
const mrz = readMrz(td3Lines(john), now);
const viz = 'PASSPORT Passport No A1111111 Surname SMITH Given names JOHN Date of birth 01 APR 1976';
const passedChecks = authenticityChecks({ image, mrz, visualText: viz }, '2026-12-04');

function input(overrides: Partial<CombinationInput> = {}): CombinationInput {
  return {
    sourceName: 'passportcapture',
    documentType: 'PASSPORT',
    documentRegion: 'AU',
    origin: 'pono API',
    checks: passedChecks,
    extracted: read,
    confirmed: read,
    person,
    ruleSet: DEFAULT_RULE_SET,
    dataSource: null,
    face: null,
    now,
    ...overrides,
  };
}

const component = (result: CheckResultV3, name: string): CheckResultV3 => {
  const found = result.individualResult?.find((c) => c.name === name);
  assert.ok(found, `component ${name}`);
  return found;
};
const fields = (c: CheckResultV3) => c.fieldResult.map((f) => ({ ...f }));

test("nothing changed: Data Extraction and Document Registration Match as in seed 003's VERIFIED examples", () => {
  const result = combinationResult(input());
  assert.equal(result.state, 'VERIFIED');
  assert.deepEqual(
    result.individualResult?.map((c) => c.name),
    ['Document Authenticity', 'Data Extraction', 'Document Registration Match'],
  );
  assert.deepEqual(fields(component(result, 'Data Extraction')), [
    { name: 'GovId', status: 'CONFIRMED', value: '' },
    { name: 'documentNumber', status: 'CONFIRMED', value: '' },
    { name: 'dob', status: 'CONFIRMED', value: '1976-04-01' },
    { name: 'surname', status: 'CONFIRMED', value: 'Smith' },
    { name: 'givenName', status: 'CONFIRMED', value: 'John' },
  ]);
  const registration = component(result, 'Document Registration Match');
  assert.equal(registration.state, 'VERIFIED');
  assert.equal(registration.dateVerified, '2026-12-04T01:02:03.456+0000');
  assert.deepEqual(fields(registration), [
    { name: 'documentScan', status: 'CONFIRMED', value: '' },
    { name: 'dob', status: 'CONFIRMED', value: '1976-04-01' },
    { name: 'givenName', status: 'CONFIRMED', value: 'John' },
    { name: 'surname', status: 'CONFIRMED', value: 'Smith' },
  ]);
  const authenticity = component(result, 'Document Authenticity');
  assert.deepEqual(
    [authenticity.state, authenticity.method, authenticity.documentType, authenticity.documentRegion],
    ['VERIFIED', 'interactive', 'PASSPORT', 'AU'],
  );
});

test("surname Smith changed to Jones: both components PENDING with the seed's CHANGED field results", () => {
  const result = combinationResult(input({ confirmed: { ...read, surname: 'Jones' } }));
  assert.equal(result.state, 'PENDING');
  assert.deepEqual(component(result, 'Data Extraction').fieldResult[3], {
    name: 'surname',
    status: 'CHANGED',
    changedValue: 'Jones',
    extractedValue: 'Smith',
  });
  assert.equal(component(result, 'Data Extraction').state, 'PENDING');
  assert.equal(component(result, 'Data Extraction').dateVerified, null);
  const registration = component(result, 'Document Registration Match');
  assert.equal(registration.state, 'PENDING');
  assert.deepEqual(
    registration.fieldResult.find((f) => f.name === 'surname'),
    { name: 'surname', status: 'CHANGED', changedValue: 'Jones', masterRecordValue: 'Smith' },
  );
});

test('controlled changes at their limits: a minor spelling is VERIFIED_WITH_CHANGES, one step further is PENDING', () => {
  // Jon → John: similarity above MINOR_CHANGE_THRESHOLD (0.90), accepted by the default rule set
  const minor = combinationResult(input({ extracted: { ...read, givenName: 'Jon' } }));
  assert.equal(component(minor, 'Data Extraction').state, 'VERIFIED_WITH_CHANGES');
  assert.equal(minor.state, 'VERIFIED_WITH_CHANGES');
  // Smith → Smyth is below the threshold (0.89): not minor, so PENDING
  const notMinor = combinationResult(input({ extracted: { ...read, surname: 'Smyth' } }));
  assert.equal(component(notMinor, 'Data Extraction').state, 'PENDING');
  // a rule set accepting any surname change takes Smyth
  const lenient = { ...DEFAULT_RULE_SET, acceptedChanges: [{ field: 'surname' as const, extent: 'any' as const }] };
  assert.equal(
    component(
      combinationResult(input({ extracted: { ...read, surname: 'Smyth' }, ruleSet: lenient })),
      'Data Extraction',
    ).state,
    'VERIFIED_WITH_CHANGES',
  );
  // a date of birth or document number corrected by the person is never accepted without review
  assert.equal(
    component(combinationResult(input({ extracted: { ...read, dob: '1976-04-07' } })), 'Data Extraction').state,
    'PENDING',
  );
  const number = combinationResult(input({ extracted: { ...read, documentNumber: 'A1111117' } }));
  assert.equal(component(number, 'Data Extraction').state, 'PENDING');
  assert.deepEqual(component(number, 'Data Extraction').fieldResult[1], {
    name: 'documentNumber',
    status: 'CHANGED',
    changedValue: 'A1111111',
    extractedValue: 'A1111117',
  });
});

test("data source and face comparison appear when configured, in the seed's order and shapes", () => {
  const result = combinationResult(
    input({ dataSource: { name: 'PassportDVS', state: 'VERIFIED' }, face: { score: 55, threshold: 40 } }),
  );
  assert.deepEqual(
    result.individualResult?.map((c) => [c.name, c.state]),
    [
      ['Document Authenticity', 'VERIFIED'],
      ['Data Extraction', 'VERIFIED'],
      ['PassportDVS', 'VERIFIED'],
      ['Face Comparison', 'VERIFIED'],
      ['Document Registration Match', 'VERIFIED'],
    ],
  );
  assert.equal(component(result, 'Face Comparison').faceMatchScore, '55');
  assert.equal(result.faceMatchScore, '55');
  assert.deepEqual(component(result, 'Document Registration Match').fieldResult[1], {
    name: 'face',
    status: 'CONFIRMED',
    value: '',
  });
  // at the threshold VERIFIED, one below PENDING; a missing face is PENDING without a score
  assert.equal(
    component(combinationResult(input({ face: { score: 40, threshold: 40 } })), 'Face Comparison').state,
    'VERIFIED',
  );
  const below = combinationResult(input({ face: { score: 39, threshold: 40 } }));
  assert.equal(component(below, 'Face Comparison').state, 'PENDING');
  assert.equal(below.state, 'PENDING');
  assert.equal(
    component(combinationResult(input({ face: { score: null, threshold: 40 } })), 'Face Comparison').faceMatchScore,
    undefined,
  );
  // a data source that could not verify the number keeps the combination from passing
  assert.equal(
    combinationResult(input({ dataSource: { name: 'PassportDVS', state: 'IN_PROGRESS' } })).state,
    'IN_PROGRESS',
  );
  assert.equal(combinationResult(input({ dataSource: { name: 'PassportDVS', state: 'ERROR' } })).state, 'ERROR');
});

test('a failed authenticity check makes the component PENDING for review and names the check', () => {
  const checks = authenticityChecks(
    { image: { ...image, software: ['Adobe Photoshop 25.0'] }, mrz, visualText: viz },
    '2026-12-04',
  );
  const result = combinationResult(input({ checks }));
  const authenticity = component(result, 'Document Authenticity');
  assert.equal(authenticity.state, 'PENDING');
  assert.ok(authenticity.extraData?.some((p) => p.name === 'NO_EDITING_SOFTWARE' && p.value === 'FAILED'));
  assert.equal(result.state, 'PENDING');
});

test('authenticity checks: each failure with its reason in words', () => {
  const failed = (facts: Partial<ImageFacts>, today = '2026-12-04', m: MrzReading | null = mrz, text = viz) =>
    authenticityChecks({ image: { ...image, ...facts }, mrz: m, visualText: text }, today)
      .filter((c) => c.result === 'FAILED')
      .map((c) => c.code);
  assert.deepEqual(failed({}), []);
  assert.deepEqual(failed({ width: 700, height: 490 }), ['IMAGE_RESOLUTION']);
  assert.deepEqual(failed({ sharpness: 20 }), ['IMAGE_FOCUS']);
  assert.deepEqual(failed({ glareFraction: 0.08 }), ['IMAGE_GLARE']);
  assert.deepEqual(failed({ edgePrint: { top: 0, bottom: 0, left: 30, right: 2 } }), ['DOCUMENT_IN_FRAME']);
  assert.deepEqual(failed({}, '2031-07-01'), ['DOCUMENT_NOT_EXPIRED']);
  assert.deepEqual(failed({}, '2026-12-04', mrz, viz.replace('SMITH', 'JONES')), ['VISUAL_ZONE_CONSISTENT']);
  assert.deepEqual(failed({}, '2026-12-04', readMrz(td3Lines(john, true), now)), ['MRZ_CHECK_DIGITS']);
  // a month 13 behind a correct check digit: never a date a passport was issued with
  assert.deepEqual(failed({}, '2026-12-04', readMrz(td3Lines({ ...john, dob: '1976-13-01' }), now)), ['MRZ_DATES']);
  assert.deepEqual(failed({}, '2026-12-04', null), [
    'MRZ_PRESENT',
    'MRZ_CHECK_DIGITS',
    'MRZ_CODES',
    'MRZ_DATES',
    'VISUAL_ZONE_CONSISTENT',
    'DOCUMENT_NOT_EXPIRED',
    'DOCUMENT_TYPE_RECOGNISED',
  ]);
  const expired = authenticityChecks({ image, mrz, visualText: viz }, '2031-07-01').find(
    (c) => c.code === 'DOCUMENT_NOT_EXPIRED',
  );
  assert.equal(expired?.reason, 'The document expired on 2031-06-30.');
  // OCR's 1/l confusion in the printed number is not a finding
  assert.deepEqual(failed({}, '2026-12-04', mrz, viz.replace('A1111111', 'All111111')), []);
});

test('faceMatchScore: 0 at FMR 1, 100 at the calibration floor, rising with similarity', () => {
  assert.equal(faceMatchScore(DEFAULT_CALIBRATION, -1), 0);
  assert.equal(faceMatchScore(DEFAULT_CALIBRATION, 1), 100);
  const scores = [0.2, 0.4, 0.5, 0.6, 0.7].map((s) => faceMatchScore(DEFAULT_CALIBRATION, s));
  assert.deepEqual(
    [...scores].sort((a, b) => a - b),
    scores,
  );
  assert.ok(scores[0] !== scores[4]);
});

test('the data source: PassportDVS stub codes for an Australian passport when the account runs it, none otherwise', () => {
  const account: AccountSettings = {
    accountId: 'a',
    stubMode: true,
    enabledSources: ['passportdvs'],
    ruleSet: DEFAULT_RULE_SET,
  };
  assert.deepEqual(documentDataSource(account, { country: 'AU' }, 'PASSPORT', 'AU', 'A1111111'), {
    name: 'PassportDVS',
    state: 'VERIFIED',
  });
  assert.deepEqual(documentDataSource(account, { country: 'AU' }, 'PASSPORT', 'AU', 'A3333333'), {
    name: 'PassportDVS',
    state: 'PENDING',
  });
  assert.deepEqual(documentDataSource(account, { country: 'AU' }, 'PASSPORT', 'AU', 'X0000000'), {
    name: 'PassportDVS',
    state: 'IN_PROGRESS',
  });
  assert.equal(
    documentDataSource({ ...account, enabledSources: [] }, { country: 'AU' }, 'PASSPORT', 'AU', 'A1111111'),
    null,
  );
  assert.equal(documentDataSource(account, { country: 'AU' }, 'PASSPORT', 'GB', 'A1111111'), null);
});
