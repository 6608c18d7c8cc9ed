import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  calculatePresenceRequest,
  type PresenceRequest,
  type PresenceResponse,
  type PresenceRequestOptions,
} from '../../../src/domain/presence/index.ts';

type Move = PresenceRequest['movements'][number];
const arrive = (date: string): Move => ({ direction: 'arrival', date });
const depart = (date: string): Move => ({ direction: 'departure', date });

function presence(request: PresenceRequest): PresenceResponse {
  const result = calculatePresenceRequest(request);
  if (!result.ok) assert.fail(`request rejected: ${JSON.stringify(result.errors)}`);
  return result.response;
}

/** Resident since 2010, arrived before, A = 18 Nov 2020 (E1), plus extra movements. */
function e1(extra: Move[] = [], options?: PresenceRequestOptions): PresenceRequest {
  return {
    applicationDate: '2020-11-18',
    indefiniteStayPeriods: [{ from: '2010-01-01', to: null }],
    movements: [arrive('2009-12-01'), ...extra],
    ...(options === undefined ? {} : { options }),
  };
}

const days = (r: PresenceResponse) => r.years.map((y) => y.days);
const codes = (r: PresenceResponse) => r.exceptions.map((e) => e.code);

describe('presence: the seed example', () => {
  it('residency 10/11/2014, arrived 8/11/2014, application 18 Nov 2020: 366/365/365/365/366, 1,827, Pass', () => {
    const r = presence({
      applicationDate: '2020-11-18',
      indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
      movements: [arrive('2014-11-08')],
    });
    assert.deepEqual(days(r), [366, 365, 365, 365, 366]);
    assert.equal(r.totalDays, 1827);
    assert.equal(r.totalMet, true);
    assert.equal(r.eligible, true);
    assert.deepEqual(r.exceptions, []);
    assert.deepEqual(
      r.years.map((y) => [y.sequence, y.from, y.to, y.met]),
      [
        [1, '2015-11-18', '2016-11-17', true],
        [2, '2016-11-18', '2017-11-17', true],
        [3, '2017-11-18', '2018-11-17', true],
        [4, '2018-11-18', '2019-11-17', true],
        [5, '2019-11-18', '2020-11-17', true],
      ],
    );
    assert.equal(r.residenceStartDate, '2014-11-10');
    assert.equal(r.earliestEligibleDate, '2020-11-18');
    assert.equal(r.reducedPresence, null);
    assert.deepEqual(r.window, { from: '2015-11-18', to: '2020-11-17' });
  });
});

describe('presence: worked examples E1–E9 (research §6.1)', () => {
  it('E1: resident since 2010, no travel: 366/365/365/365/366 = 1,827, PASS', () => {
    const r = presence(e1());
    assert.deepEqual(days(r), [366, 365, 365, 365, 366]);
    assert.equal(r.totalDays, 1827);
    assert.equal(r.eligible, true);
    // The same with no movements at all when configured as present throughout.
    const none = presence({ ...e1(), movements: [], options: { noMovements: 'PRESENT_THROUGHOUT' } });
    assert.equal(none.totalDays, 1827);
  });

  it('E2: trip 1 Dec 2019 – 30 Apr 2020 loses 150 days of Y5: 216, total 1,677, FAIL', () => {
    const trip = [depart('2019-12-01'), arrive('2020-04-30')];
    const r = presence(e1(trip));
    assert.equal(r.years[4]?.days, 216);
    assert.equal(r.totalDays, 1677);
    assert.equal(r.totalMet, true);
    assert.equal(r.years[4]?.met, false);
    assert.equal(r.eligible, false);
    assert.equal(presence(e1(trip, { boundaryDayRule: 'DEPARTURE_ABSENT' })).years[4]?.days, 215);
    assert.equal(presence(e1(trip, { boundaryDayRule: 'NEITHER_PRESENT' })).years[4]?.days, 214);
  });

  it('E3: first residence day 1 Feb 2016: Y1 291, then 365/365/365/366, total 1,752, PASS', () => {
    const r = presence({ ...e1(), indefiniteStayPeriods: [{ from: '2016-02-01', to: null }] });
    assert.deepEqual(days(r), [291, 365, 365, 365, 366]);
    assert.equal(r.totalDays, 1752);
    assert.equal(r.eligible, true);
    assert.equal(r.residenceStartDate, '2016-02-01');
  });

  it('E4: residence from 1 Jan 2020, A = 28 Aug 2024: Y1 = 240 exactly, total 1,701, PASS; the day before fails', () => {
    const base = { indefiniteStayPeriods: [{ from: '2020-01-01', to: null }], movements: [arrive('2019-06-01')] };
    const r = presence({ ...base, applicationDate: '2024-08-28' });
    assert.deepEqual(days(r), [240, 365, 365, 365, 366]);
    assert.equal(r.totalDays, 1701);
    assert.equal(r.eligible, true);
    // E4b: one day earlier Y1 would hold 239 residence days: no travel can pass, so R5's exception.
    const b = presence({ ...base, applicationDate: '2024-08-27' });
    assert.equal(b.eligible, false);
    assert.deepEqual(codes(b), ['NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT']);
    assert.equal(b.earliestEligibleDate, '2024-08-28');
    assert.equal(b.residenceStartDate, '2020-01-01');
    // The forum rule of thumb: with no travel, 4 years + 240 days after the first residence day.
    assert.equal(presence({ ...base, applicationDate: '2021-03-03' }).earliestEligibleDate, '2024-08-28');
  });

  it('E5: A = 29 Feb 2024: window from 1 Mar 2019, 365/366/365/365/365 = 1,826; with 28 Feb from 28 Feb 2019, 1,827', () => {
    const request = { ...e1(), applicationDate: '2024-02-29' };
    const r = presence(request);
    assert.deepEqual(r.window, { from: '2019-03-01', to: '2024-02-28' });
    assert.deepEqual(days(r), [365, 366, 365, 365, 365]);
    assert.deepEqual([r.years[0]?.from, r.years[0]?.to, r.years[1]?.from], ['2019-03-01', '2020-02-28', '2020-02-29']);
    assert.equal(r.totalDays, 1826);
    assert.equal(r.eligible, true);
    const feb28 = presence({ ...request, options: { leapDayAnniversary: 'FEB_28' } });
    assert.equal(feb28.window.from, '2019-02-28');
    assert.equal(feb28.totalDays, 1827);
  });

  it('E6: first residence day 1 Jun 2017: Not eligible due to visa validity period too short, no total, no breakdown', () => {
    const r = presence({ ...e1(), indefiniteStayPeriods: [{ from: '2017-06-01', to: null }] });
    assert.deepEqual(r.exceptions, [
      {
        code: 'NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT',
        type: 'Data Error',
        exception: 'Not eligible due to visa validity period too short',
      },
    ]);
    assert.equal(r.totalDays, null);
    assert.deepEqual(r.years, []);
    assert.equal(r.eligible, false);
    assert.equal(r.residenceStartDate, '2017-06-01');
    assert.equal(r.earliestEligibleDate, '2022-01-27'); // 4 years + 240 days
  });

  it('E7: same-day trip on 10 May 2020 costs 0 days (BOTH_PRESENT), 1 day (NEITHER_PRESENT)', () => {
    const trip = [depart('2020-05-10'), arrive('2020-05-10')];
    const both = presence(e1(trip));
    assert.equal(both.years[4]?.days, 366);
    assert.equal(both.totalDays, 1827);
    assert.equal(presence(e1(trip, { boundaryDayRule: 'DEPARTURE_ABSENT' })).totalDays, 1827);
    const neither = presence(e1(trip, { boundaryDayRule: 'NEITHER_PRESENT' }));
    assert.equal(neither.years[4]?.days, 365);
    assert.equal(neither.totalDays, 1826);
    assert.equal(neither.eligible, true);
  });

  it('E8: trip 1 Oct 2016 – 31 Mar 2017 is split across Y1/Y2: 319 and 232, FAIL (Y2)', () => {
    const r = presence(e1([depart('2016-10-01'), arrive('2017-03-31')]));
    assert.deepEqual(days(r), [319, 232, 365, 365, 366]);
    assert.equal(r.years[1]?.met, false);
    assert.equal(r.eligible, false);
  });

  it('E9: the s 8(7) window for A = 18 Nov 2020 is 18 Mar 2019 – 17 Nov 2020 (611 days), flagged only', () => {
    const absentLong = presence(e1([depart('2019-12-01'), arrive('2020-04-30')]));
    assert.deepEqual(absentLong.reducedPresence, { from: '2019-03-18', to: '2020-11-17', days: 611 - 150, met: true });
    assert.equal(absentLong.eligible, false);
    const absentLonger = presence(e1([depart('2019-05-01'), arrive('2020-04-30')]));
    assert.equal(absentLonger.reducedPresence?.met, false);
    assert.equal(presence(e1()).reducedPresence, null);
  });
});

describe('presence: thresholds are inclusive', () => {
  it('exactly 240 in a year passes, 239 fails', () => {
    // Y5 = 18 Nov 2019 – 17 Nov 2020 (366 days): an absence of 126 days leaves 240.
    const pass = presence(e1([depart('2019-11-20'), arrive('2020-03-26')]));
    assert.equal(pass.years[4]?.days, 240);
    assert.equal(pass.years[4]?.met, true);
    const fail = presence(e1([depart('2019-11-20'), arrive('2020-03-27')]));
    assert.equal(fail.years[4]?.days, 239);
    assert.equal(fail.years[4]?.met, false);
  });

  it('exactly 1,350 in total passes, 1,349 fails', () => {
    // Five absences of 95 days in each year (1,827 − 475 = 1,352), then 2 more days.
    const trips = (extra: number): Move[] =>
      ['2016', '2017', '2018', '2019', '2020'].flatMap((year, i) => [
        depart(`${year}-01-01`),
        arrive(
          i === 4
            ? `${year}-04-${String(6 + extra).padStart(2, '0')}`
            : `${year}-04-0${year === '2016' || year === '2020' ? 5 : 6}`,
        ),
      ]);
    const base = presence(e1(trips(0)));
    const total = base.totalDays ?? 0;
    const needed = total - 1350;
    const r = presence(e1(trips(needed)));
    assert.equal(r.totalDays, 1350);
    assert.equal(r.totalMet, true);
    const r2 = presence(e1(trips(needed + 1)));
    assert.equal(r2.totalDays, 1349);
    assert.equal(r2.totalMet, false);
    assert.equal(r2.eligible, false);
  });
});

describe('presence: exceptions', () => {
  it('two arrivals in a row: Consecutive travel movements found, no total and no breakdown', () => {
    const r = presence(e1([arrive('2018-01-01')]));
    assert.deepEqual(r.exceptions, [
      {
        code: 'CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND',
        type: 'Data Error',
        exception: 'Consecutive travel movements found',
      },
    ]);
    assert.equal(r.totalDays, null);
    assert.equal(r.totalMet, null);
    assert.deepEqual(r.years, []);
    assert.equal(r.earliestEligibleDate, null);
  });

  it('two departures in a row, even listed out of order', () => {
    const r = presence(e1([depart('2019-01-01'), depart('2018-01-01'), arrive('2019-02-01')]));
    assert.deepEqual(codes(r), ['CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND']);
  });

  it('same-day movements are put in the order that alternates; unsorted input is sorted', () => {
    const r = presence(e1([arrive('2019-05-10'), depart('2019-05-10'), depart('2018-01-01'), arrive('2018-01-11')]));
    assert.deepEqual(r.exceptions, []);
    assert.deepEqual(days(r), [366, 365, 356, 365, 366]);
  });

  it('no movements: No travel movements found', () => {
    const r = presence({ ...e1(), movements: [] });
    assert.deepEqual(r.exceptions, [
      { code: 'NO_TRAVEL_MOVEMENTS_FOUND', type: 'Data Error', exception: 'No travel movements found' },
    ]);
    assert.deepEqual(r.years, []);
    assert.equal(r.totalDays, null);
  });

  it('no entitlement at all: Not eligible due to visa, and no residence date', () => {
    const r = presence({ ...e1(), indefiniteStayPeriods: [] });
    assert.deepEqual(r.exceptions, [
      { code: 'NOT_ELIGIBLE_DUE_TO_VISA', type: 'Data Error', exception: 'Not eligible due to visa' },
    ]);
    assert.equal(r.residenceStartDate, null);
    assert.equal(r.earliestEligibleDate, null);
    assert.deepEqual(r.years, []);
  });

  it('an entitlement that ended before the application date: Not eligible due to visa', () => {
    const r = presence({ ...e1(), indefiniteStayPeriods: [{ from: '2010-01-01', to: '2020-06-30' }] });
    assert.deepEqual(codes(r), ['NOT_ELIGIBLE_DUE_TO_VISA']);
  });

  it('replacement visas back to back count as one entitlement', () => {
    const r = presence({
      ...e1(),
      indefiniteStayPeriods: [
        { from: '2017-03-01', to: null },
        { from: '2014-11-10', to: '2017-02-28' },
      ],
    });
    assert.equal(r.residenceStartDate, '2014-11-10');
    assert.equal(r.totalDays, 1827);
  });

  it('several exceptions together', () => {
    const r = presence({ ...e1([arrive('2018-01-01')]), indefiniteStayPeriods: [] });
    assert.deepEqual(codes(r), ['CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND', 'NOT_ELIGIBLE_DUE_TO_VISA']);
  });
});

describe('presence: earliest eligible date (R8)', () => {
  it('an applicant abroad for good never becomes eligible', () => {
    const r = presence(e1([depart('2019-12-01')]));
    assert.equal(r.eligible, false);
    assert.equal(r.earliestEligibleDate, null);
  });

  it('a recent return: eligible once Y5 reaches 240 days', () => {
    // Away 1 Jan – 1 Sep 2020 (243 days absent inside Y5), A = 18 Nov 2020.
    const r = presence(e1([depart('2020-01-01'), arrive('2020-09-01')]));
    assert.equal(r.eligible, false);
    assert.equal(r.earliestEligibleDate, '2021-04-29');
    const later = presence({ ...e1([depart('2020-01-01'), arrive('2020-09-01')]), applicationDate: '2021-04-29' });
    assert.equal(later.eligible, true);
    const dayBefore = presence({ ...e1([depart('2020-01-01'), arrive('2020-09-01')]), applicationDate: '2021-04-28' });
    assert.equal(dayBefore.eligible, false);
  });

  it('can be switched off', () => {
    assert.equal(presence(e1([], { earliestEligibleDate: false })).earliestEligibleDate, null);
  });
});
