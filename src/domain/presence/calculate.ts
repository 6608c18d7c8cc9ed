// The presence calculation, s 8(2)(b) Citizenship Act 1977: rules R1–R9 of research/nz-citizenship.md §6.1.
//
// Everything here works on integer epoch days (see epoch-day.ts). Day sets are kept as flat arrays of
// inclusive intervals `[from0, to0, from1, to1, …]`, sorted and disjoint, so a yearly count is a handful of
// additions whatever the length of the travel history.
import {
  DAY_MAX,
  DAY_MIN,
  civilFromDay,
  daysInMonth,
  dayFromCivil,
  addMonths,
  type LeapDayAnniversary,
} from './epoch-day.ts';
import type { ExceptionCode } from './exceptions.ts';
import type { PresenceOptions } from './options.ts';

/** The calculation's input in epoch days: parallel arrays keep the hot path free of small objects. */
export interface PresenceInput {
  /** A: the date the application was submitted (NZ local date). */
  applicationDay: number;
  /** Periods of entitlement to be in NZ indefinitely, inclusive; `DAY_MAX` for open-ended. Any order. */
  periodFrom: readonly number[];
  periodTo: readonly number[];
  /** Travel movements (NZ local dates); any order, same-day movements in the order they happened. */
  movementDay: readonly number[];
  movementArrival: readonly boolean[];
}

export interface YearCount {
  /** 1 = the oldest of the five yearly periods. */
  sequence: number;
  from: number;
  to: number;
  /** Days in the period (365 or 366). */
  length: number;
  /** Countable days (present and entitled). */
  days: number;
  /** days ≥ daysPerYearRequired. */
  met: boolean;
}

export interface ReducedPresenceCount {
  from: number;
  to: number;
  days: number;
  met: boolean;
}

export interface PresenceCalculation {
  applicationDay: number;
  windowFrom: number;
  windowTo: number;
  /** True only when no exception prevents the calculation, the total and every year are met. */
  eligible: boolean;
  /** Null when an exception prevents the calculation (the seed shows no total and no breakdown then). */
  totalDays: number | null;
  totalMet: boolean | null;
  /** Empty when an exception prevents the calculation. */
  years: YearCount[];
  exceptions: ExceptionCode[];
  /** R8: smallest A' ≥ A that passes with the known movements and no further travel; null if none. */
  earliestEligibleDay: number | null;
  /** R9: the s 8(7) count, given only when the calculation ran and presence is not met. */
  reducedPresence: ReducedPresenceCount | null;
  /** "Date residency permit granted": the start of the entitlement that covers A, or null. */
  residenceStartDay: number | null;
}

type DaySet = number[];

const CONSECUTIVE = 1;
const NO_MOVEMENTS = 2;

/** Sorted indices of the movements, resolving same-day order so that directions alternate when they can. */
function orderMovements(days: readonly number[], arrivals: readonly boolean[]): number[] | typeof CONSECUTIVE {
  const n = days.length;
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order.push(i);
    if (i > 0 && (days[i] as number) < (days[i - 1] as number)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  for (let i = 1; i < n; i++) {
    const current = order[i] as number;
    if (arrivals[current] !== arrivals[order[i - 1] as number]) continue;
    const next = order[i + 1];
    // Same-day movements may have been listed in either order: take the order that alternates.
    if (next !== undefined && days[next] === days[current] && arrivals[next] !== arrivals[current]) {
      order[i] = next;
      order[i + 1] = current;
    } else {
      return CONSECUTIVE;
    }
  }
  return order;
}

/** True when the movements are already in date order and alternate (the usual case): no reordering needed. */
function inOrder(days: readonly number[], arrivals: readonly boolean[]): boolean {
  for (let i = 1; i < days.length; i++) {
    if ((days[i] as number) < (days[i - 1] as number) || arrivals[i] === arrivals[i - 1]) return false;
  }
  return true;
}

function appendInterval(set: DaySet, from: number, to: number): void {
  if (to < from) return;
  const last = set.length - 1;
  if (last > 0 && from <= (set[last] as number) + 1) {
    if (to > (set[last] as number)) set[last] = to;
  } else {
    set.push(from, to);
  }
}

/** R3: the days present in NZ according to the movements and the boundary-day rule. */
function presentDays(
  input: PresenceInput,
  options: PresenceOptions,
): DaySet | typeof CONSECUTIVE | typeof NO_MOVEMENTS {
  const days = input.movementDay;
  const arrivals = input.movementArrival;
  if (days.length === 0) return options.noMovements === 'PRESENT_THROUGHOUT' ? [DAY_MIN, DAY_MAX] : NO_MOVEMENTS;
  const order = inOrder(days, arrivals) ? null : orderMovements(days, arrivals);
  if (order === CONSECUTIVE) return CONSECUTIVE;
  const rule = options.boundaryDayRule;
  const arrivalShift = rule === 'NEITHER_PRESENT' ? 1 : 0;
  const departureShift = rule === 'BOTH_PRESENT' ? 0 : -1;
  const set: DaySet = [];
  // Before the first movement the person is wherever that movement takes them from.
  let present = arrivals[order === null ? 0 : (order[0] as number)] !== true;
  let start = DAY_MIN;
  for (let i = 0; i < days.length; i++) {
    const index = order === null ? i : (order[i] as number);
    const day = days[index] as number;
    if (arrivals[index] === true) {
      start = day + arrivalShift;
      present = true;
    } else {
      appendInterval(set, start, day + departureShift);
      present = false;
    }
  }
  if (present) appendInterval(set, start, DAY_MAX);
  return set;
}

/** The entitlement periods as a sorted, merged day set. */
function entitledDays(input: PresenceInput): DaySet {
  const from = input.periodFrom;
  const n = from.length;
  const set: DaySet = [];
  let sorted = true;
  for (let i = 1; i < n; i++) if ((from[i] as number) < (from[i - 1] as number)) sorted = false;
  if (sorted) {
    for (let i = 0; i < n; i++) appendInterval(set, from[i] as number, input.periodTo[i] as number);
    return set;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => (from[a] as number) - (from[b] as number));
  for (const i of order) appendInterval(set, from[i] as number, input.periodTo[i] as number);
  return set;
}

function intersect(a: DaySet, b: DaySet): DaySet {
  const out: DaySet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aFrom = a[i] as number;
    const aTo = a[i + 1] as number;
    const bFrom = b[j] as number;
    const bTo = b[j + 1] as number;
    const from = aFrom > bFrom ? aFrom : bFrom;
    const to = aTo < bTo ? aTo : bTo;
    if (from <= to) out.push(from, to);
    if (aTo < bTo) i += 2;
    else j += 2;
  }
  return out;
}

/** Number of days of the set within [from, to]. */
export function countDays(set: DaySet, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < set.length; i += 2) {
    const a = set[i] as number;
    if (a > to) break;
    const b = set[i + 1] as number;
    if (b < from) continue;
    total += (b < to ? b : to) - (a > from ? a : from) + 1;
  }
  return total;
}

function intervalContaining(set: DaySet, day: number): number {
  for (let i = 0; i < set.length; i += 2) {
    if ((set[i] as number) <= day && day <= (set[i + 1] as number)) return i;
  }
  return -1;
}

function placeAnniversary(year: number, month: number, day: number, rule: LeapDayAnniversary): number {
  if (month === 2 && day === 29 && daysInMonth(year, 2) === 28) {
    return rule === 'MAR_1' ? dayFromCivil(year, 3, 1) : dayFromCivil(year, 2, 28);
  }
  return dayFromCivil(year, month, day);
}

// yearBounds is called for every applicant and every step of the R8 scan; application dates repeat, so a
// small direct-mapped cache (keyed by day and convention) saves the calendar arithmetic.
const BOUNDS_SLOTS = 4096;
const boundsKey = new Float64Array(BOUNDS_SLOTS).fill(NaN);
const boundsValue = new Int32Array(BOUNDS_SLOTS * 6);

/**
 * R1/R2: `bounds[k]` (k = 0..5) such that year k+1 is [bounds[k], bounds[k+1] − 1]; bounds[0] = anniv(A, 5)
 * opens the window and bounds[5] = A closes it (exclusive).
 */
export function yearBounds(
  applicationDay: number,
  rule: LeapDayAnniversary,
  bounds: number[] = new Array<number>(6),
): number[] {
  const key = rule === 'MAR_1' ? applicationDay : -applicationDay - 1;
  const slot = (applicationDay & (BOUNDS_SLOTS - 1)) * 6;
  if (boundsKey[slot / 6] === key) {
    for (let k = 0; k < 6; k++) bounds[k] = boundsValue[slot + k] as number;
    return bounds;
  }
  const { year, month, day } = civilFromDay(applicationDay);
  for (let k = 0; k < 5; k++) bounds[k] = placeAnniversary(year - 5 + k, month, day, rule);
  bounds[5] = applicationDay;
  if (applicationDay > -2_000_000 && applicationDay < 2_000_000) {
    boundsKey[slot / 6] = key;
    for (let k = 0; k < 6; k++) boundsValue[slot + k] = bounds[k] as number;
  }
  return bounds;
}

/** R8: the first passing day from `from` on, jumping as far as the deficits allow (never past a passing day). */
function scanEarliest(
  countable: DaySet,
  entitled: DaySet,
  from: number,
  horizon: number,
  options: PresenceOptions,
): number | null {
  const bounds = new Array<number>(6);
  const perYear = options.daysPerYearRequired;
  let day = from;
  while (day <= horizon) {
    yearBounds(day, options.leapDayAnniversary, bounds);
    let total = 0;
    let yearDeficit = 0;
    for (let k = 0; k < 5; k++) {
      const days = countDays(countable, bounds[k] as number, (bounds[k + 1] as number) - 1);
      total += days;
      if (perYear - days > yearDeficit) yearDeficit = perYear - days;
    }
    const totalDeficit = options.totalDaysRequired - total;
    const entitledHere = intervalContaining(entitled, day) >= 0;
    if (entitledHere && totalDeficit <= 0 && yearDeficit <= 0) return day;
    // One day later the window gains exactly one day at its end, and a yearly period at most two (its end
    // moves by 0–2 days around 29 February), so no date closer than this can close the deficits.
    let jump = Math.max(1, totalDeficit, Math.ceil(yearDeficit / 2));
    if (!entitledHere) {
      let next = -1;
      for (let i = 0; i < entitled.length; i += 2) {
        if ((entitled[i] as number) > day) {
          next = entitled[i] as number;
          break;
        }
      }
      if (next < 0) return null;
      jump = Math.max(jump, next - day);
    }
    day += jump;
  }
  return null;
}

/** R8: the last day on which the inputs change anything; five years and a bit later nothing changes. */
function scanHorizon(input: PresenceInput, entitled: DaySet): number {
  let last = input.applicationDay;
  for (const day of input.movementDay) if (day > last) last = day;
  for (let i = 0; i < entitled.length; i++) {
    const edge = entitled[i] as number;
    if (edge !== DAY_MAX && edge !== DAY_MIN && edge + 1 > last) last = edge + 1;
  }
  return last + 5 * 366 + 2;
}

function earliestEligible(
  input: PresenceInput,
  countable: DaySet | null,
  entitled: DaySet,
  options: PresenceOptions,
): number | null {
  if (countable === null || !options.earliestEligibleDate || entitled.length === 0) return null;
  return scanEarliest(countable, entitled, input.applicationDay, scanHorizon(input, entitled), options);
}

/** Runs R1–R9 on one applicant. */
export function calculatePresence(input: PresenceInput, options: PresenceOptions): PresenceCalculation {
  const applicationDay = input.applicationDay;
  const bounds = yearBounds(applicationDay, options.leapDayAnniversary);
  const windowFrom = bounds[0] as number;
  const windowTo = applicationDay - 1;
  const exceptions: ExceptionCode[] = [];

  const present = presentDays(input, options);
  if (present === CONSECUTIVE) exceptions.push('CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND');
  else if (present === NO_MOVEMENTS) exceptions.push('NO_TRAVEL_MOVEMENTS_FOUND');

  const entitled = entitledDays(input);
  const covering = intervalContaining(entitled, applicationDay);
  const residenceStartDay = covering >= 0 ? (entitled[covering] as number) : null;
  if (covering < 0) {
    // R5: no entitlement to be in NZ indefinitely on the application date.
    exceptions.push('NOT_ELIGIBLE_DUE_TO_VISA');
  } else {
    // R5: residence days alone, ignoring travel, already fall short: no travel pattern can pass.
    let total = 0;
    let short = false;
    for (let k = 0; k < 5; k++) {
      const days = countDays(entitled, bounds[k] as number, (bounds[k + 1] as number) - 1);
      total += days;
      if (days < options.daysPerYearRequired) short = true;
    }
    if (short || total < options.totalDaysRequired) exceptions.push('NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT');
  }

  const countable = typeof present === 'number' ? null : intersect(present, entitled);

  if (exceptions.length > 0 || countable === null) {
    return {
      applicationDay,
      windowFrom,
      windowTo,
      eligible: false,
      totalDays: null,
      totalMet: null,
      years: [],
      exceptions,
      earliestEligibleDay: earliestEligible(input, countable, entitled, options),
      reducedPresence: null,
      residenceStartDay,
    };
  }

  const years: YearCount[] = [];
  let totalDays = 0;
  let allYearsMet = true;
  for (let k = 0; k < 5; k++) {
    const from = bounds[k] as number;
    const to = (bounds[k + 1] as number) - 1;
    const days = countDays(countable, from, to);
    const met = days >= options.daysPerYearRequired;
    if (!met) allYearsMet = false;
    totalDays += days;
    years.push({ sequence: k + 1, from, to, length: to - from + 1, days, met });
  }
  const totalMet = totalDays >= options.totalDaysRequired;
  const eligible = totalMet && allYearsMet;
  let reducedPresence: ReducedPresenceCount | null = null;
  if (!eligible) {
    const from = addMonths(applicationDay, -options.reducedPresenceMonths, options.leapDayAnniversary);
    const days = countDays(countable, from, windowTo);
    reducedPresence = { from, to: windowTo, days, met: days >= options.reducedPresenceDays };
  }
  return {
    applicationDay,
    windowFrom,
    windowTo,
    eligible,
    totalDays,
    totalMet,
    years,
    exceptions,
    earliestEligibleDay:
      eligible && options.earliestEligibleDate ? applicationDay : earliestEligible(input, countable, entitled, options),
    reducedPresence,
    residenceStartDay,
  };
}
