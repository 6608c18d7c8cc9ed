import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  calculatePresenceRequest,
  dayFromCivil,
  formatIsoDay,
  parseIsoDay,
  yearBounds,
  addYears,
  type BoundaryDayRule,
  type PresenceRequest,
  type PresenceResponse,
} from '../../../src/domain/presence/index.ts';

const MS_PER_DAY = 86_400_000;

/** An independent, slow oracle: Date.UTC arithmetic, one day at a time. */
function oracleYears(request: PresenceRequest, rule: BoundaryDayRule): number[] {
  const [y, m, d] = request.applicationDate.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 Feb of a common year over to 1 Mar: the MAR_1 convention.
  const starts = [5, 4, 3, 2, 1, 0].map((back) => Date.UTC(y - back, m - 1, d) / MS_PER_DAY);
  const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
  const moves = request.movements.map((mv) => ({ day: toDay(mv.date), arrival: mv.direction === 'arrival' }));
  const isPresent = (day: number): boolean => {
    // Present before the first movement iff it is a departure.
    let present = moves[0]?.arrival !== true;
    for (const mv of moves) {
      if (mv.day > day) break;
      if (mv.day === day) {
        if (mv.arrival) present = rule !== 'NEITHER_PRESENT';
        else present = rule === 'BOTH_PRESENT';
        continue;
      }
      present = mv.arrival;
    }
    // A same-day out-and-back ends with an arrival on `day`.
    return present;
  };
  const entitled = (day: number) =>
    request.indefiniteStayPeriods.some((p) => toDay(p.from) <= day && (p.to === null || day <= toDay(p.to)));
  const out: number[] = [];
  for (let k = 0; k < 5; k++) {
    let count = 0;
    for (let day = starts[k] as number; day < (starts[k + 1] as number); day++)
      if (isPresent(day) && entitled(day)) count++;
    out.push(count);
  }
  return out;
}

/** Random applicants: an arrival, then non-overlapping trips, an entitlement that starts some time. */
const applicant = fc
  .record({
    application: fc.integer({ min: dayFromCivil(2012, 1, 1), max: dayFromCivil(2030, 12, 31) }),
    arrivedBefore: fc.integer({ min: 0, max: 3000 }),
    entitledBefore: fc.integer({ min: 0, max: 3000 }),
    gaps: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 })), { maxLength: 12 }),
  })
  .map(({ application, arrivedBefore, entitledBefore, gaps }) => {
    const movements: PresenceRequest['movements'] = [];
    let day = application - arrivedBefore;
    movements.push({ direction: 'arrival', date: formatIsoDay(day) });
    for (const [stay, away] of gaps) {
      day += stay;
      movements.push({ direction: 'departure', date: formatIsoDay(day) });
      day += away;
      movements.push({ direction: 'arrival', date: formatIsoDay(day) });
    }
    const request: PresenceRequest = {
      applicationDate: formatIsoDay(application),
      indefiniteStayPeriods: [{ from: formatIsoDay(application - entitledBefore), to: null }],
      movements,
    };
    return request;
  });

const rules = fc.constantFrom<BoundaryDayRule>('BOTH_PRESENT', 'DEPARTURE_ABSENT', 'NEITHER_PRESENT');

function run(request: PresenceRequest): PresenceResponse {
  const result = calculatePresenceRequest(request);
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.response;
}

/** The same applicant, always calculated (no R5 pre-check exception): entitled for 10 years. */
function entitledLong(request: PresenceRequest): PresenceRequest {
  return {
    ...request,
    indefiniteStayPeriods: [{ from: formatIsoDay(parseIsoDay(request.applicationDate) - 3660), to: null }],
  };
}

describe('presence properties', () => {
  it('the five periods tile the window [anniv(A,5), A−1], each 365 or 366 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1990, 1, 1), max: dayFromCivil(2090, 12, 31) }),
        fc.constantFrom('MAR_1' as const, 'FEB_28' as const),
        (a, rule) => {
          const bounds = yearBounds(a, rule);
          assert.equal(bounds[0], addYears(a, -5, rule));
          assert.equal(bounds[5], a);
          for (let k = 0; k < 5; k++) {
            const length = (bounds[k + 1] as number) - (bounds[k] as number);
            assert.ok(length === 365 || length === 366, `length ${length}`);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches a day-by-day oracle for every boundary-day rule', () => {
    fc.assert(
      fc.property(applicant, rules, (request, rule) => {
        const r = run({ ...entitledLong(request), options: { boundaryDayRule: rule } });
        if (r.exceptions.length > 0) return;
        assert.deepEqual(
          r.years.map((y) => y.days),
          oracleYears(entitledLong(request), rule),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('the total is the sum of the years; no year exceeds its length; the years tile the window', () => {
    fc.assert(
      fc.property(applicant, rules, (request, rule) => {
        const r = run({ ...request, options: { boundaryDayRule: rule } });
        if (r.totalDays === null) {
          assert.ok(r.exceptions.length > 0);
          assert.deepEqual(r.years, []);
          return;
        }
        assert.equal(
          r.totalDays,
          r.years.reduce((sum, y) => sum + y.days, 0),
        );
        assert.equal(r.years[0]?.from, r.window.from);
        assert.equal(r.years[4]?.to, r.window.to);
        for (const y of r.years) {
          assert.ok(y.days >= 0 && y.days <= y.length);
          assert.equal(y.length, parseIsoDay(y.to) - parseIsoDay(y.from) + 1);
          assert.equal(y.met, y.days >= 240);
        }
        for (let k = 1; k < 5; k++)
          assert.equal(parseIsoDay(r.years[k]?.from ?? ''), parseIsoDay(r.years[k - 1]?.to ?? '') + 1);
        assert.equal(r.eligible, r.totalDays >= 1350 && r.years.every((y) => y.met));
      }),
      { numRuns: 400 },
    );
  });

  it('adding an absence never raises a count', () => {
    fc.assert(
      fc.property(
        applicant,
        rules,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 300 }),
        (request, rule, after, away) => {
          const base = entitledLong(request);
          const last = base.movements[base.movements.length - 1];
          if (last === undefined) return;
          const departure = parseIsoDay(last.date) + after;
          const more: PresenceRequest = {
            ...base,
            movements: [
              ...base.movements,
              { direction: 'departure', date: formatIsoDay(departure) },
              { direction: 'arrival', date: formatIsoDay(departure + away) },
            ],
            options: { boundaryDayRule: rule },
          };
          const before = run({ ...base, options: { boundaryDayRule: rule } });
          const after2 = run(more);
          if (before.totalDays === null || after2.totalDays === null) return;
          assert.ok(after2.totalDays <= before.totalDays);
          for (let k = 0; k < 5; k++) assert.ok((after2.years[k]?.days ?? 0) <= (before.years[k]?.days ?? 0));
          if (!before.eligible) assert.equal(after2.eligible, false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a person present throughout passes exactly when entitled long enough (Y1 ≥ 240 residence days)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(2012, 1, 1), max: dayFromCivil(2030, 12, 31) }),
        fc.integer({ min: 0, max: 2500 }),
        (a, entitledFor) => {
          const r = run({
            applicationDate: formatIsoDay(a),
            indefiniteStayPeriods: [{ from: formatIsoDay(a - entitledFor), to: null }],
            movements: [{ direction: 'arrival', date: formatIsoDay(a - 4000) }],
          });
          const [y, m, d] = formatIsoDay(a).split('-').map(Number) as [number, number, number];
          const y1End = Date.UTC(y - 4, m - 1, d) / MS_PER_DAY - 1;
          const expected = y1End - (a - entitledFor) + 1 >= 240;
          assert.equal(r.eligible, expected);
          if (!expected)
            assert.deepEqual(
              r.exceptions.map((e) => e.code),
              ['NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT'],
            );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the earliest eligible date passes and the day before it does not', () => {
    fc.assert(
      fc.property(applicant, (request) => {
        const r = run(request);
        if (r.exceptions.some((e) => e.code === 'CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND')) return;
        const earliest = r.earliestEligibleDate;
        if (r.eligible) assert.equal(earliest, request.applicationDate);
        if (earliest === null) {
          // No further change after the last movement: five years on, nothing can pass.
          const far = formatIsoDay(parseIsoDay(request.applicationDate) + 2200);
          const lastMove = request.movements[request.movements.length - 1]?.date ?? request.applicationDate;
          const farther = formatIsoDay(Math.max(parseIsoDay(far), parseIsoDay(lastMove) + 1900));
          assert.equal(run({ ...request, applicationDate: farther }).eligible, false);
          return;
        }
        assert.equal(run({ ...request, applicationDate: earliest }).eligible, true);
        if (earliest !== request.applicationDate) {
          const dayBefore = formatIsoDay(parseIsoDay(earliest) - 1);
          assert.equal(run({ ...request, applicationDate: dayBefore }).eligible, false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the earliest eligible date is the first passing day (exhaustive scan on small cases)', () => {
    fc.assert(
      fc.property(applicant, (request) => {
        const r = run(request);
        const earliest = r.earliestEligibleDate;
        if (earliest === null || earliest === request.applicationDate) return;
        const from = parseIsoDay(request.applicationDate);
        const to = parseIsoDay(earliest);
        for (let day = from; day < to; day++) {
          assert.equal(
            run({ ...request, applicationDate: formatIsoDay(day), options: { earliestEligibleDate: false } }).eligible,
            false,
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
