// Registry matching: normalisation (macrons, hyphens, abbreviations, order, date formats), field statuses
// and the CSV row parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bestRegistryMatch,
  matchRecord,
  parseDate,
  parseRegistryRows,
  rowsFromTable,
  setFields,
  subjectFromPerson,
  type Person,
  type RegistryRecord,
} from '../../../src/domain/verification/index.ts';
import { NOW, account, register, ruleSet, validInputs } from './fixtures.ts';

const MARAMA: Person = {
  givenName: 'Mārama',
  surname: 'Te Whāiti-Smith',
  dob: { day: 9, month: 10, year: 1975 },
  currentResidentialAddress: {
    streetNumber: '12',
    streetName: 'Mount Eden',
    streetType: 'Road',
    suburb: 'Mount Eden',
    postcode: '1024',
    country: 'NZ',
  },
};
const BOTH = ['nameDob', 'nameAddress'] as const;

const record = (overrides: Partial<RegistryRecord> = {}): RegistryRecord => ({
  recordId: 'r1',
  givenName: 'MARAMA',
  surname: 'te whaiti smith',
  dob: '1975-10-09',
  address: { streetNumber: '12', streetName: 'Mt Eden Rd', suburb: 'Mt Eden', postcode: '1024' },
  ...overrides,
});

const statuses = (r: RegistryRecord, person: Person = MARAMA) =>
  Object.fromEntries(matchRecord(subjectFromPerson(person), r, BOTH).fieldResult.map((f) => [f.name, f.status]));

test('macrons, case and hyphens: "Mārama Te Whāiti-Smith" is "MARAMA te whaiti smith"', () => {
  const m = matchRecord(subjectFromPerson(MARAMA), record(), BOTH);
  assert.deepEqual(m.confirms, ['nameDob', 'nameAddress']);
  assert.equal(statuses(record()).givenName, 'CONFIRMED');
  assert.equal(statuses(record()).surname, 'CONFIRMED');
  assert.equal(statuses(record({ givenName: 'Maori' }), { ...MARAMA, givenName: 'Māori' }).givenName, 'CONFIRMED');
});

test('a hyphenated surname matches one of its parts', () => {
  assert.equal(statuses(record({ surname: 'Smith' })).surname, 'CONFIRMED');
  assert.equal(statuses(record({ surname: 'Jones' })).surname, 'NO_MATCH');
});

test('abbreviations: St/Street, Rd/Road, Mt/Mount, Nth/North; St Kilda is Saint Kilda', () => {
  const person: Person = {
    ...MARAMA,
    currentResidentialAddress: {
      streetNumber: '3',
      streetName: 'North',
      streetType: 'Street',
      suburb: 'St Kilda',
      state: 'Victoria',
      postcode: '3182',
    },
  };
  const r = record({
    address: { streetNumber: '3', streetName: 'Nth St', suburb: 'Saint Kilda', state: 'VIC', postcode: '3182' },
  });
  assert.deepEqual(statuses(r, person), {
    givenName: 'CONFIRMED',
    surname: 'CONFIRMED',
    dob: 'CONFIRMED',
    streetNumber: 'CONFIRMED',
    streetName: 'CONFIRMED',
    suburb: 'CONFIRMED',
    state: 'CONFIRMED',
    postcode: 'CONFIRMED',
  });
  const other = record({
    address: { streetNumber: '3', streetName: 'Kilda St', suburb: 'Richmond', postcode: '3121' },
  });
  assert.equal(statuses(other, person).streetName, 'NO_MATCH');
  assert.equal(statuses(other, person).suburb, 'NO_MATCH');
});

test('swapped order: given names reordered, and given name/surname swapped', () => {
  const person = { ...MARAMA, givenName: 'Mary Anne' };
  assert.equal(statuses(record({ givenName: 'Anne Mary' }), person).givenName, 'CONFIRMED');
  const swapped = matchRecord(
    subjectFromPerson(MARAMA),
    record({ givenName: 'Te Whaiti-Smith', surname: 'Marama' }),
    BOTH,
  );
  assert.deepEqual(swapped.confirms, ['nameDob', 'nameAddress']);
  assert.equal(
    swapped.fieldResult.find((f) => f.name === 'surname')?.extraData?.[0]?.value,
    'given name and surname swapped',
  );
});

test('jaro-winkler: a close spelling matches, a different name does not', () => {
  assert.equal(statuses(record({ givenName: 'Maramma' })).givenName, 'CONFIRMED');
  assert.equal(statuses(record({ givenName: 'Aroha' })).givenName, 'NO_MATCH');
});

test('dates in several formats', () => {
  for (const text of [
    '1975-10-09',
    '09/10/1975',
    '9/10/1975',
    '09-10-1975',
    '09.10.1975',
    '19751009',
    '9 Oct 1975',
    '9 October 1975',
    'October 9, 1975',
    '1975/10/09',
    '1975-10-09T00:00:00Z',
  ]) {
    assert.equal(parseDate(text), '1975-10-09', text);
  }
  for (const text of ['31/02/1975', 'soon', '', '1975-13-01']) assert.equal(parseDate(text), null, text);
  assert.equal(statuses(record({ dob: '09/10/1975' })).dob, 'CONFIRMED');
});

test('MISSING when the record lacks a field, NO_MATCH when it differs', () => {
  const noDob = record({ dob: undefined, address: undefined });
  assert.deepEqual(statuses(noDob), {
    givenName: 'CONFIRMED',
    surname: 'CONFIRMED',
    dob: 'MISSING',
    streetNumber: 'MISSING',
    streetName: 'MISSING',
    suburb: 'MISSING',
    postcode: 'MISSING',
  });
  assert.deepEqual(matchRecord(subjectFromPerson(MARAMA), noDob, BOTH).confirms, []);
  const otherDob = record({ dob: '1975-10-10' });
  assert.equal(statuses(otherDob).dob, 'NO_MATCH');
  assert.deepEqual(matchRecord(subjectFromPerson(MARAMA), otherDob, BOTH).confirms, ['nameAddress']);
});

test('the best candidate wins; none gives null', () => {
  const best = bestRegistryMatch(
    subjectFromPerson(MARAMA),
    [record({ recordId: 'a', surname: 'Jones' }), record({ recordId: 'b' })],
    BOTH,
  );
  assert.equal(best?.recordId, 'b');
  assert.equal(bestRegistryMatch(subjectFromPerson(MARAMA), [], BOTH), null);
});

test('registry background source in the engine: VERIFIED with field results, AUTOFAIL without a match; runs without stub mode', () => {
  const acc = account({
    stubMode: false,
    enabledSources: ['registry', 'passportdvs'],
    ruleSet: ruleSet({ requirements: [{ kind: 'nameDob', sources: 1 }] }),
  });
  const person = { ...MARAMA, middleNames: undefined };
  const state = register(acc, undefined, { person, registry: { registry: [record()] } });
  assert.equal(state.individualResults[0]?.name, 'registry');
  assert.equal(state.individualResults[0]?.state, 'VERIFIED');
  assert.equal(state.overallVerificationStatus, 'VERIFIED');
  const failed = register(acc, undefined, {
    person,
    registry: { registry: [record({ dob: '1999-01-01', address: undefined })] },
  });
  assert.equal(failed.individualResults[0]?.state, 'AUTOFAIL');
  assert.deepEqual(
    failed.individualResults.map((r) => r.name),
    ['registry'],
    'stub sources do not run without stub mode',
  );
});

test('registry interactive: CHANGED / ADDITION against the master record decide VWC or PENDING by the rule set', () => {
  const acc = account({
    stubMode: false,
    enabledSources: ['registry'],
    ruleSet: ruleSet({ requirements: [{ kind: 'nameDob', sources: 1 }] }),
  });
  const person: Person = { givenName: 'Jon', surname: 'Smith', dob: { day: 1, month: 1, year: 1970 } };
  const records = { registry: [{ givenName: 'John', middleNames: 'Paul', surname: 'Smith', dob: '1970-01-01' }] };
  const state = register(acc, undefined, { person, registry: { registry: [] } });
  assert.equal(state.overallVerificationStatus, 'IN_PROGRESS');
  const minor = setFields(
    acc,
    state,
    'registry',
    validInputs('registry', person, { givenname: 'John', middlename: 'Paul' }),
    NOW,
    records,
  );
  assert.equal(minor.checkResult.state, 'VERIFIED_WITH_CHANGES');
  assert.deepEqual(
    minor.checkResult.fieldResult
      .filter((f) => /name/i.test(f.name) && f.name !== 'streetName')
      .map((f) => [f.name, f.status]),
    [
      ['givenName', 'CHANGED'],
      ['middleNames', 'ADDITION'],
      ['surname', 'CONFIRMED'],
    ],
  );
  assert.equal(minor.state.overallVerificationStatus, 'VERIFIED_WITH_CHANGES');
  const strict = account({
    ...acc,
    ruleSet: ruleSet({ requirements: [{ kind: 'nameDob', sources: 1 }], acceptedChanges: [] }),
  });
  const major = setFields(
    strict,
    register(strict, undefined, { person }),
    'registry',
    validInputs('registry', person, { givenname: 'John' }),
    NOW,
    records,
  );
  assert.equal(major.checkResult.state, 'PENDING');
  assert.equal(major.state.overallVerificationStatus, 'PENDING');
  const miss = setFields(acc, state, 'registry', validInputs('registry', person, { givenname: 'Peter' }), NOW, records);
  assert.equal(miss.checkResult.state, 'IN_PROGRESS');
  assert.equal(miss.state.failedAttempts, 1);
});

test('CSV rows → records: aliases, dates to ISO, problems name row and column', () => {
  const rows = rowsFromTable([
    ['First Name', 'Family_Name', 'Date of Birth', 'Street Number', 'Street', 'Town', 'Post Code', 'id'],
    ['Mārama', 'Te Whāiti', '9/10/1975', '12', 'Mt Eden Rd', 'Auckland', '1024', 'A1'],
    ['Bad', '', 'yesterday', '', '', '', '', ''],
  ]);
  const { records, problems } = parseRegistryRows(rows);
  assert.deepEqual(records, [
    {
      recordId: 'A1',
      givenName: 'Mārama',
      surname: 'Te Whāiti',
      dob: '1975-10-09',
      address: { streetNumber: '12', streetName: 'Mt Eden Rd', suburb: 'Auckland', postcode: '1024' },
    },
  ]);
  assert.deepEqual(problems, [
    { row: 2, field: 'surname', message: 'row 2: surname is required' },
    { row: 2, field: 'dob', message: 'row 2: "yesterday" is not a date' },
  ]);
});
