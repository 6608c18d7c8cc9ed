import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import {
  PresenceRequestSchema,
  PresenceResponseSchema,
  calculatePresence,
  calculatePresenceRequest,
  parsePresenceRequest,
  presenceResponseMembers,
  toPresenceResponse,
  parseIsoDay,
  formatIsoDay,
  addMonths,
  dayFromCivil,
  EXCEPTIONS,
} from '../../../src/domain/presence/index.ts';

const valid = {
  applicationDate: '2020-11-18',
  indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
  movements: [
    { direction: 'arrival', date: '2014-11-08' },
    { direction: 'departure', date: '2019-12-01' },
    { direction: 'arrival', date: '2020-04-30' },
  ],
  options: { boundaryDayRule: 'BOTH_PRESENT' },
};

function errorsOf(value: unknown) {
  const parsed = parsePresenceRequest(value);
  assert.equal(parsed.ok, false);
  return parsed.ok ? [] : parsed.errors;
}

describe('presence contract', () => {
  it('the TypeBox request schema accepts the contract shape and the response matches its schema', () => {
    assert.equal(Value.Check(PresenceRequestSchema, valid), true);
    const result = calculatePresenceRequest(valid);
    assert.ok(result.ok);
    assert.equal(Value.Check(PresenceResponseSchema, result.response), true);
  });

  it('the TypeBox schema names the field of a bad value', () => {
    const bad = { ...valid, movements: [{ direction: 'arrive', date: '2014-11-08' }] };
    assert.equal(Value.Check(PresenceRequestSchema, bad), false);
    const paths = [...Value.Errors(PresenceRequestSchema, bad)].map((e) => e.path);
    assert.ok(paths.includes('/movements/0/direction'), paths.join(','));
  });

  it('the parser names each bad field with a JSON pointer', () => {
    assert.deepEqual(errorsOf({ ...valid, applicationDate: '2021-02-29' }), [
      { path: '/applicationDate', message: 'is not a calendar date' },
    ]);
    assert.deepEqual(errorsOf({ ...valid, movements: [{ direction: 'arrive', date: '18/11/2020' }] }), [
      { path: '/movements/0/date', message: 'must be a date YYYY-MM-DD' },
      { path: '/movements/0/direction', message: 'must be arrival or departure' },
    ]);
    assert.deepEqual(errorsOf({ ...valid, indefiniteStayPeriods: [{ from: '2015-01-01', to: '2014-01-01' }] }), [
      { path: '/indefiniteStayPeriods/0/to', message: 'must not be before from' },
    ]);
    assert.deepEqual(errorsOf({ ...valid, indefiniteStayPeriods: [{ from: '2015-01-01' }] }), [
      { path: '/indefiniteStayPeriods/0/to', message: 'is required (null when open-ended)' },
    ]);
    assert.deepEqual(errorsOf({ ...valid, options: { boundaryDayRule: 'SOMETIMES', colour: 'red' } }), [
      { path: '/options/boundaryDayRule', message: 'must be BOTH_PRESENT, DEPARTURE_ABSENT or NEITHER_PRESENT' },
      { path: '/options/colour', message: 'is not a known option' },
    ]);
    assert.deepEqual(errorsOf({ movements: 'none', extra: 1 }), [
      { path: '/extra', message: 'is not allowed' },
      { path: '/applicationDate', message: 'is required' },
      { path: '/indefiniteStayPeriods', message: 'is required' },
      { path: '/movements', message: 'must be an array' },
    ]);
    assert.deepEqual(errorsOf([1]), [{ path: '', message: 'must be an object' }]);
    assert.deepEqual(errorsOf({ ...valid, movements: [{ direction: 'arrival', date: 20201118 }] }), [
      { path: '/movements/0/date', message: 'must be a date string YYYY-MM-DD' },
    ]);
  });

  it('tolerates named extra keys (the batch id)', () => {
    assert.equal(parsePresenceRequest({ ...valid, id: 'A1' }, new Set(['id'])).ok, true);
    assert.equal(parsePresenceRequest({ ...valid, id: 'A1' }).ok, false);
  });

  it('the direct JSON writer produces exactly JSON.stringify of the response', () => {
    for (const request of [
      valid,
      { ...valid, movements: [] },
      { ...valid, applicationDate: '2016-03-01' },
      { ...valid, movements: [...valid.movements, { direction: 'arrival', date: '2020-05-01' }] },
    ]) {
      const parsed = parsePresenceRequest(request);
      assert.ok(parsed.ok);
      const calculation = calculatePresence(parsed.value.input, parsed.value.options);
      assert.equal(`{${presenceResponseMembers(calculation)}}`, JSON.stringify(toPresenceResponse(calculation)));
    }
  });

  it('exception texts are exactly the seed’s', () => {
    assert.deepEqual(
      Object.values(EXCEPTIONS).map((e) => e.exception),
      [
        'No image returned',
        'Consecutive travel movements found',
        'Not eligible due to visa validity period too short',
        'Not eligible due to visa',
        'No travel movements found',
        'No identity found',
        'Identity search service is down',
      ],
    );
  });
});

describe('epoch days', () => {
  it('round-trips every day from 1900 to 2100 and rejects impossible dates', () => {
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 12, 31); day++) {
      assert.equal(parseIsoDay(formatIsoDay(day)), day);
    }
    assert.equal(formatIsoDay(0), '1970-01-01');
    for (const bad of [
      '2021-02-29',
      '2020-13-01',
      '2020-00-10',
      '2020-04-31',
      '2020-1-01',
      '2020/01/01',
      'abcd-ef-gh',
      '',
    ]) {
      assert.ok(Number.isNaN(parseIsoDay(bad)), bad);
    }
    assert.equal(formatIsoDay(parseIsoDay('2000-02-29')), '2000-02-29');
    assert.ok(Number.isNaN(parseIsoDay('1900-02-29')));
  });

  it('month arithmetic follows the anniversary rule', () => {
    assert.equal(formatIsoDay(addMonths(parseIsoDay('2020-11-18'), -20, 'MAR_1')), '2019-03-18');
    assert.equal(formatIsoDay(addMonths(parseIsoDay('2020-07-31'), -20, 'MAR_1')), '2018-12-01');
    assert.equal(formatIsoDay(addMonths(parseIsoDay('2020-07-31'), -20, 'FEB_28')), '2018-11-30');
  });
});
