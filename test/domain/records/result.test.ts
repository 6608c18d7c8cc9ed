import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assessImmigrationRecords,
  formatGridDateTime,
  indefiniteStayPeriods,
  presenceGaps,
  presenceRequestFromRecord,
  latestTravelDocument,
  type ImmigrationRecord,
  type ImmigrationResult,
  type AssessmentInput,
} from '../../../src/domain/records/index.ts';
import { DEFAULT_PRESENCE_OPTIONS } from '../../../src/domain/presence/index.ts';

/** The seed's Leonard Du Plessis (S10): visitor, arrived 8/11/2014, resident from 10/11/2014. */
function leonard(overrides: Partial<ImmigrationRecord> = {}): ImmigrationRecord {
  return {
    identity: {
      clientId: '70092590',
      identityId: '70069407',
      givenNames: 'Leonard',
      middleNames: null,
      familyName: 'Du Plessis',
      otherNames: [],
      gender: 'Male',
      dateOfBirth: '1975-06-06',
      countryOfBirth: 'South Africa',
      photo: { name: '12020466', ref: 'photos/70092590.jpg' },
      latestAddress: { addressType: 'Residential', address: '5 Testtt Hfrdhfc', lastUpdated: '2020-11-07T00:17' },
      relationships: [
        {
          relationship: 'Brother',
          givenNames: 'Theo',
          middleNames: null,
          familyName: 'Du Plessis',
          dateOfBirth: '1980-01-01',
          countryOfResidence: 'Albania',
        },
      ],
    },
    travelDocuments: [
      { number: 'OLD123', issuingState: 'South Africa', issued: '2005-01-01', expiry: '2015-01-01' },
      { number: 'DIABAT1', issuingState: 'South Africa', issued: '2014-01-01', expiry: '2024-01-01' },
    ],
    movements: [
      {
        direction: 'arrival',
        dateTime: '2014-11-08T23:00',
        port: 'Auckland Airport',
        carrier: 'SA 1',
        travelDocument: 'DIABAT1',
      },
    ],
    visas: [
      {
        type: 'Visitor',
        start: '2014-11-06T13:00',
        expiry: '2020-11-08T13:00',
        conditions: ['The holder shall not undertake employment in NZ.'],
        entitlesIndefiniteStay: false,
        grantedOffshore: true,
      },
      {
        type: 'Resident',
        start: '2014-11-10T13:00',
        expiry: '9999-12-31T13:00',
        conditions: ['Please apply for transfer of this visa when the passport expires.'],
        entitlesIndefiniteStay: true,
        grantedOffshore: false,
      },
    ],
    alerts: [],
    ...overrides,
  };
}

const applicant = { givenNames: 'Leonard', familyName: 'Du Plessis', dateOfBirth: '1975-06-06', gender: 'Male' };

function assess(records: ImmigrationRecord[], extra: Partial<AssessmentInput> = {}): ImmigrationResult {
  return assessImmigrationRecords({
    applicant,
    search: { status: 'ok', candidates: records },
    submittedAt: '2020-11-18T00:00',
    ...extra,
  });
}

function oneToOne(result: ImmigrationResult) {
  if (result.kind !== '1:1') assert.fail(`expected 1:1, got ${result.kind}`);
  return result;
}

const codes = (r: ImmigrationResult) => r.exceptions.map((e) => e.exception);

describe('immigration results: 1:1', () => {
  it('the seed example: 1:1 match, 1,827 days, 366/365/365/365/366, Conditions exist (transfer label), no exceptions', () => {
    const r = oneToOne(assess([leonard()]));
    assert.deepEqual(r.summary, {
      inzName: 'Leonard Du Plessis',
      identityMatch: '1:1 match',
      presence: 'Conditions exist',
      alerts: 'Not found',
      dateTime: '18/11/2020 12:00AM',
      calculatedFrom: '2020-11-18',
      retriggeredAt: null,
    });
    assert.equal(r.presence.totalDays, 1827);
    assert.deepEqual(
      r.presence.years.map((y) => y.days),
      [366, 365, 365, 365, 366],
    );
    assert.equal(r.presence.residenceStartDate, '2014-11-10');
    assert.deepEqual(r.exceptions, []);
    assert.deepEqual(r.conditions, ['Please apply for transfer of this visa when the passport expires.']);
    assert.deepEqual(r.travel.presenceGaps, []);
    assert.deepEqual(
      r.travel.fullHistory.map((m) => [m.direction, m.dateTime]),
      [['arrival', '2014-11-08T23:00']],
    );
    assert.equal(r.travel.latestDocument?.number, 'DIABAT1');
    assert.deepEqual(
      r.visaHistory.map((v) => v.type),
      ['Resident', 'Visitor'],
    );
  });

  it('Pass without visa conditions; Found with alerts; a re-trigger still counts from the submission date', () => {
    const plain = leonard();
    const resident = plain.visas[1];
    assert.ok(resident);
    const record = leonard({
      visas: [{ ...resident, conditions: [] }],
      alerts: [{ code: 'CHAR', description: 'x', raised: '2019-01-01' }],
    });
    const r = oneToOne(assess([record], { submittedAt: '2020-12-15T00:00', retriggeredAt: '2021-01-05T09:30' }));
    assert.equal(r.summary.presence, 'Pass');
    assert.equal(r.summary.alerts, 'Found');
    // L1444: on a re-trigger "Date and Time" shows when the re-trigger occurred; the calculation still starts
    // from the submission date.
    assert.equal(r.summary.dateTime, '5/01/2021 9:30AM');
    assert.equal(r.summary.calculatedFrom, '2020-12-15');
    assert.equal(r.summary.retriggeredAt, '2021-01-05T09:30');
    assert.equal(
      oneToOne(assess([record], { submittedAt: '2020-12-15T00:00' })).summary.dateTime,
      '15/12/2020 12:00AM',
    );
    assert.equal(r.presence.applicationDate, '2020-12-15');
  });

  it('Conditions exist can be set to mask Pass only', () => {
    const away = leonard({
      movements: [
        ...leonard().movements,
        {
          direction: 'departure',
          dateTime: '2019-12-01T10:00',
          port: 'Auckland Airport',
          carrier: null,
          travelDocument: 'DIABAT1',
        },
        {
          direction: 'arrival',
          dateTime: '2020-04-30T06:00',
          port: 'Auckland Airport',
          carrier: null,
          travelDocument: 'DIABAT1',
        },
      ],
    });
    assert.equal(assess([away]).summary.presence, 'Conditions exist');
    assert.equal(assess([away], { conditionsPrecedence: 'OVER_PASS_ONLY' }).summary.presence, 'Fail');
    const r = oneToOne(assess([away]));
    assert.deepEqual(r.travel.presenceGaps, [
      { type: 'Absence', departure: '2019-12-01T10:00', arrival: '2020-04-30T06:00', daysAbsent: 150 },
    ]);
  });

  it('No image returned: listed, the calculation still runs', () => {
    const base = leonard();
    const r = oneToOne(assess([leonard({ identity: { ...base.identity, photo: null } })]));
    assert.deepEqual(codes(r), ['No image returned']);
    assert.deepEqual(r.exceptions[0], {
      code: 'NO_IMAGE_RETURNED',
      type: 'Data Error',
      exception: 'No image returned',
    });
    assert.equal(r.presence.totalDays, 1827);
  });

  it('Consecutive travel movements found: no total, no breakdown, Fail', () => {
    const r = oneToOne(
      assess([
        leonard({
          movements: [
            ...leonard().movements,
            {
              direction: 'arrival',
              dateTime: '2018-05-05T10:00',
              port: 'Auckland Airport',
              carrier: null,
              travelDocument: null,
            },
          ],
        }),
      ]),
    );
    assert.deepEqual(codes(r), ['Consecutive travel movements found']);
    assert.equal(r.presence.totalDays, null);
    assert.deepEqual(r.presence.years, []);
    assert.equal(r.summary.presence, 'Conditions exist');
    assert.equal(
      oneToOne(
        assess(
          [
            leonard({
              movements: [
                ...leonard().movements,
                { direction: 'arrival', dateTime: '2018-05-05T10:00', port: 'x', carrier: null, travelDocument: null },
              ],
            }),
          ],
          { conditionsPrecedence: 'OVER_PASS_ONLY' },
        ),
      ).summary.presence,
      'Fail',
    );
  });

  it('No travel movements found: blank full history, no total', () => {
    const r = oneToOne(assess([leonard({ movements: [] })]));
    assert.deepEqual(codes(r), ['No travel movements found']);
    assert.deepEqual(r.travel.fullHistory, []);
    assert.equal(r.presence.totalDays, null);
  });

  it('Not eligible due to visa: visitor visas only, no residence date', () => {
    const visitor = leonard().visas[0];
    assert.ok(visitor);
    const r = oneToOne(assess([leonard({ visas: [visitor] })]));
    assert.deepEqual(codes(r), ['Not eligible due to visa']);
    assert.equal(r.presence.residenceStartDate, null);
    assert.equal(r.summary.presence, 'Fail');
  });

  it('Not eligible due to visa validity period too short: the residence date is shown', () => {
    const resident = leonard().visas[1];
    assert.ok(resident);
    const r = oneToOne(assess([leonard({ visas: [{ ...resident, start: '2017-06-01T09:00', conditions: [] }] })]));
    assert.deepEqual(codes(r), ['Not eligible due to visa validity period too short']);
    assert.equal(r.presence.residenceStartDate, '2017-06-01');
    assert.equal(r.summary.presence, 'Fail');
  });
});

describe('immigration results: no unique record', () => {
  it('No match: ---, No match, Fail, Not found; "No identity found"; counts 0', () => {
    const r = assessImmigrationRecords({
      applicant,
      search: { status: 'ok', candidates: [] },
      submittedAt: '2020-11-25T14:05',
    });
    assert.equal(r.kind, 'No match');
    assert.deepEqual(
      [r.summary.inzName, r.summary.identityMatch, r.summary.presence, r.summary.alerts],
      ['---', 'No match', 'Fail', 'Not found'],
    );
    assert.equal(r.summary.dateTime, '25/11/2020 2:05PM');
    assert.deepEqual(r.exceptions, [{ code: 'NO_IDENTITY_FOUND', type: 'Data Error', exception: 'No identity found' }]);
    assert.deepEqual(r.kind === 'No match' && r.counts, {
      clientRecords: 0,
      identityRecords: 0,
      visas: 0,
      movements: 0,
    });
  });

  it('API error: ---, ---, API error, Not found; "Identity search service is down"; retryable', () => {
    const r = assessImmigrationRecords({
      applicant,
      search: { status: 'unavailable', reason: 'ECONNREFUSED' },
      submittedAt: '2020-11-25T00:00',
    });
    assert.equal(r.kind, 'API error');
    assert.deepEqual(
      [r.summary.inzName, r.summary.identityMatch, r.summary.presence, r.summary.alerts],
      ['---', '---', 'API error', 'Not found'],
    );
    assert.deepEqual(r.exceptions, [
      { code: 'IDENTITY_SEARCH_SERVICE_DOWN', type: 'API error', exception: 'Identity search service is down' },
    ]);
    assert.equal(r.kind === 'API error' && r.retryable, true);
  });

  it('1:N: ---, 1:N match, Fail, Not found; the candidates listed, none chosen', () => {
    const other = leonard();
    const r = assess([
      leonard(),
      {
        ...other,
        identity: { ...other.identity, clientId: '70092591', identityId: '1' },
        alerts: [{ code: 'X', description: 'x', raised: '2019-01-01' }],
      },
    ]);
    assert.equal(r.kind, '1:N');
    assert.deepEqual(
      [r.summary.inzName, r.summary.identityMatch, r.summary.presence, r.summary.alerts],
      ['---', '1:N match', 'Fail', 'Not found'],
    );
    assert.deepEqual(r.kind === '1:N' && r.candidates.map((c) => c.clientId), ['70092590', '70092591']);
    // BR-54 (L2353): "Exceptions Present" shows on a 1:N result too.
    assert.deepEqual(r.exceptions, [
      { code: 'MULTIPLE_IDENTITIES_FOUND', type: 'Data Error', exception: 'Multiple identities found' },
    ]);
  });
});

describe('record derivations', () => {
  it('an offshore grant starts at the first arrival on it; back-to-back visas keep the start date', () => {
    const record = leonard({
      visas: [
        {
          type: 'Resident',
          start: '2014-09-01T10:00',
          expiry: '2016-09-01T10:00',
          conditions: [],
          entitlesIndefiniteStay: true,
          grantedOffshore: true,
        },
        {
          type: 'Permanent Resident',
          start: '2016-09-02T10:00',
          expiry: null,
          conditions: [],
          entitlesIndefiniteStay: true,
          grantedOffshore: false,
        },
      ],
    });
    assert.deepEqual(indefiniteStayPeriods(record), [
      { from: '2014-11-08', to: '2016-09-01' },
      { from: '2016-09-02', to: null },
    ]);
    const request = presenceRequestFromRecord(record, '2020-11-18');
    assert.deepEqual(request.movements, [{ direction: 'arrival', date: '2014-11-08' }]);
  });

  it('presence gaps: before the first arrival, absences, a departure without return', () => {
    const m = (direction: 'arrival' | 'departure', dateTime: string) => ({
      direction,
      dateTime,
      port: 'Auckland Airport',
      carrier: null,
      travelDocument: null,
    });
    const record = leonard({
      movements: [
        m('arrival', '2016-01-10T08:00'),
        m('departure', '2018-03-01T10:00'),
        m('arrival', '2018-03-11T10:00'),
        m('departure', '2020-10-01T22:00'),
      ],
    });
    assert.deepEqual(presenceGaps(record, '2020-11-18', DEFAULT_PRESENCE_OPTIONS), [
      { type: 'Before first arrival', departure: null, arrival: '2016-01-10T08:00', daysAbsent: 53 },
      { type: 'Absence', departure: '2018-03-01T10:00', arrival: '2018-03-11T10:00', daysAbsent: 9 },
      { type: 'No return', departure: '2020-10-01T22:00', arrival: null, daysAbsent: 47 },
    ]);
  });

  it('grid date-time format', () => {
    assert.equal(formatGridDateTime('2020-12-15T00:00'), '15/12/2020 12:00AM');
    assert.equal(formatGridDateTime('2020-12-05T12:30'), '5/12/2020 12:30PM');
    assert.equal(formatGridDateTime('2020-01-05T23:59'), '5/01/2020 11:59PM');
  });

  it('latest travel document is the one expiring last', () => {
    assert.equal(latestTravelDocument(leonard())?.number, 'DIABAT1');
    assert.equal(latestTravelDocument(leonard({ travelDocuments: [] })), null);
  });
});
