// What the presence calculation and the officer screens need, derived from one immigration record.
import {
  DAY_MAX,
  addYears,
  parseIsoDay,
  type BoundaryDayRule,
  type PresenceOptions,
  type PresenceRequest,
  type PresenceRequestOptions,
} from '../presence/index.ts';
import type { ImmigrationRecord, Movement, TravelDocument, Visa } from './model.ts';

/** The NZ local date of a NZ local date-time. */
export function localDate(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** Movements oldest first (a stable sort, so same-minute movements keep the record's order). */
export function chronological(movements: readonly Movement[]): Movement[] {
  return [...movements].sort((a, b) => (a.dateTime < b.dateTime ? -1 : a.dateTime > b.dateTime ? 1 : 0));
}

/** A visa expiry of null or in year 9999 means it never expires. */
export function visaExpiryDate(visa: Visa): string | null {
  if (visa.expiry === null || visa.expiry.startsWith('9999')) return null;
  return localDate(visa.expiry);
}

/**
 * The periods of entitlement to be in NZ indefinitely (s 8(2)(b)), from the residence-class visas:
 * onshore grants from the start date, offshore grants from the first arrival on or after it (R7); to the
 * expiry date inclusive, or open-ended. An offshore grant never activated by an arrival gives no period.
 */
export function indefiniteStayPeriods(record: ImmigrationRecord): PresenceRequest['indefiniteStayPeriods'] {
  const arrivals = chronological(record.movements).filter((m) => m.direction === 'arrival');
  const periods: PresenceRequest['indefiniteStayPeriods'] = [];
  for (const visa of record.visas) {
    if (!visa.entitlesIndefiniteStay) continue;
    let from = localDate(visa.start);
    const to = visaExpiryDate(visa);
    if (visa.grantedOffshore) {
      const first = arrivals.find((m) => localDate(m.dateTime) >= from);
      if (first === undefined) continue;
      from = localDate(first.dateTime);
    }
    if (to !== null && to < from) continue;
    periods.push({ from, to });
  }
  return periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The presence calculation's request for this record and application date. */
export function presenceRequestFromRecord(
  record: ImmigrationRecord,
  applicationDate: string,
  options?: PresenceRequestOptions,
): PresenceRequest {
  return {
    applicationDate,
    indefiniteStayPeriods: indefiniteStayPeriods(record),
    movements: chronological(record.movements).map((m) => ({ direction: m.direction, date: localDate(m.dateTime) })),
    ...(options === undefined ? {} : { options }),
  };
}

/** "Most recent travel document": the one expiring last (then the one issued last). */
export function latestTravelDocument(record: ImmigrationRecord): TravelDocument | null {
  let best: TravelDocument | null = null;
  for (const doc of record.travelDocuments) {
    if (
      best === null ||
      doc.expiry > best.expiry ||
      (doc.expiry === best.expiry && (doc.issued ?? '') > (best.issued ?? ''))
    )
      best = doc;
  }
  return best;
}

/** Visa history newest first, as on the Travel and Visa tab. */
export function visaHistory(record: ImmigrationRecord): Visa[] {
  return [...record.visas].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
}

/** Visas in force on the date that carry label conditions ("Conditions exist"). */
export function visasWithConditionsOn(record: ImmigrationRecord, date: string): Visa[] {
  return record.visas.filter((v) => {
    if (v.conditions.length === 0 || localDate(v.start) > date) return false;
    const expiry = visaExpiryDate(v);
    return expiry === null || expiry >= date;
  });
}

export type PresenceGapType = 'Absence' | 'No return' | 'Before first arrival';

/** One line of "Travel movements in last 5 years": a time out of NZ overlapping the window. */
export interface PresenceGap {
  type: PresenceGapType;
  /** NZ local date-time of the departure; null for the time before a first arrival. */
  departure: string | null;
  /** NZ local date-time of the return; null when there is none. */
  arrival: string | null;
  /** Days absent inside the five-year window under the boundary-day rule. */
  daysAbsent: number;
}

function absentDays(
  departure: number | null,
  arrival: number | null,
  rule: BoundaryDayRule,
  windowFrom: number,
  windowTo: number,
): number {
  const first = departure === null ? windowFrom : departure + (rule === 'BOTH_PRESENT' ? 1 : 0);
  const last = arrival === null ? DAY_MAX : arrival - (rule === 'NEITHER_PRESENT' ? 0 : 1);
  const from = Math.max(first, windowFrom);
  const to = Math.min(last, windowTo);
  return to >= from ? to - from + 1 : 0;
}

/**
 * "Travel movements in last 5 years", condensed: each absence (departure → next arrival) that overlaps the
 * window [anniv(A,5), A−1], a departure with no return, and the time before a first arrival in the window.
 */
export function presenceGaps(
  record: ImmigrationRecord,
  applicationDate: string,
  options: Pick<PresenceOptions, 'boundaryDayRule' | 'leapDayAnniversary'>,
): PresenceGap[] {
  const a = parseIsoDay(applicationDate);
  const windowFrom = addYears(a, -5, options.leapDayAnniversary);
  const windowTo = a - 1;
  const moves = chronological(record.movements);
  const gaps: PresenceGap[] = [];
  const first = moves[0];
  if (first !== undefined && first.direction === 'arrival') {
    const day = parseIsoDay(localDate(first.dateTime));
    if (day > windowFrom && day <= windowTo) {
      gaps.push({
        type: 'Before first arrival',
        departure: null,
        arrival: first.dateTime,
        daysAbsent: absentDays(null, day, options.boundaryDayRule, windowFrom, windowTo),
      });
    }
  }
  for (let i = 0; i < moves.length; i++) {
    const move = moves[i] as Movement;
    if (move.direction !== 'departure') continue;
    const next = moves[i + 1];
    const departure = parseIsoDay(localDate(move.dateTime));
    const returned = next !== undefined && next.direction === 'arrival' ? next : null;
    const arrival = returned === null ? null : parseIsoDay(localDate(returned.dateTime));
    if (departure > windowTo || (arrival !== null && arrival < windowFrom)) continue;
    gaps.push({
      type: returned === null ? 'No return' : 'Absence',
      departure: move.dateTime,
      arrival: returned === null ? null : returned.dateTime,
      daysAbsent: absentDays(departure, arrival, options.boundaryDayRule, windowFrom, windowTo),
    });
  }
  return gaps;
}
