// The fixed public contract of the presence calculation (SPEC P3, `POST /api/v1/presence/calculate`):
// TypeBox schemas for request and response (validation, types and OpenAPI for the HTTP layer), a fast
// hand-written parser that turns a request into the calculation's epoch-day input while naming the field of
// any problem (it also rejects dates that match the pattern but do not exist, such as 2021-02-29), and the
// response formatting (as an object, and straight to JSON for the batch path).
import { Type, type Static } from '@sinclair/typebox';
import { DAY_MAX, formatIsoDay, parseIsoDay } from './epoch-day.ts';
import { resultException, EXCEPTION_CODES } from './exceptions.ts';
import { RESPONSE_MEMBERS_MAX_BYTES, writePresenceResponseMembers } from './response-bytes.ts';
import { DEFAULT_PRESENCE_OPTIONS, type PresenceOptions } from './options.ts';
import { calculatePresence, type PresenceCalculation, type PresenceInput } from './calculate.ts';

const ISO_DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const IsoDate = (description: string) =>
  Type.String({ pattern: ISO_DATE_PATTERN, description, examples: ['2020-11-18'] });

/** Largest lists accepted in one request: a lifetime of travel fits easily. */
export const MAX_MOVEMENTS = 5000;
export const MAX_PERIODS = 500;

export const PresenceOptionsSchema = Type.Object(
  {
    boundaryDayRule: Type.Optional(
      Type.Union([Type.Literal('BOTH_PRESENT'), Type.Literal('DEPARTURE_ABSENT'), Type.Literal('NEITHER_PRESENT')], {
        description: 'Which of the departure and arrival days count as present (default BOTH_PRESENT).',
      }),
    ),
    leapDayAnniversary: Type.Optional(
      Type.Union([Type.Literal('MAR_1'), Type.Literal('FEB_28')], {
        description: 'Where the anniversary of 29 February falls in a common year (default MAR_1).',
      }),
    ),
    noMovements: Type.Optional(
      Type.Union([Type.Literal('EXCEPTION'), Type.Literal('PRESENT_THROUGHOUT')], {
        description: 'No movements: the "No travel movements found" exception (default) or present throughout.',
      }),
    ),
    totalDaysRequired: Type.Optional(Type.Integer({ minimum: 0, maximum: 1827, description: 'Default 1350.' })),
    daysPerYearRequired: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, description: 'Default 240.' })),
    reducedPresenceDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1827, description: 'Default 450 (s 8(7)).' }),
    ),
    reducedPresenceMonths: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 60, description: 'Default 20 (s 8(7)).' }),
    ),
    earliestEligibleDate: Type.Optional(
      Type.Boolean({ description: 'Compute the earliest eligible date (default true).' }),
    ),
  },
  { additionalProperties: false },
);

export const IndefiniteStayPeriodSchema = Type.Object(
  {
    from: IsoDate('First day entitled to be in NZ indefinitely.'),
    to: Type.Union([IsoDate('Last day of the entitlement (inclusive).'), Type.Null()], {
      description: 'Last day of the entitlement (inclusive), or null when it has no end.',
    }),
  },
  { additionalProperties: false },
);

export const MovementSchema = Type.Object(
  {
    direction: Type.Union([Type.Literal('arrival'), Type.Literal('departure')]),
    date: IsoDate('NZ local date of the movement.'),
  },
  { additionalProperties: false },
);

export const PresenceRequestSchema = Type.Object(
  {
    applicationDate: IsoDate('The date the application is (or would be) submitted.'),
    indefiniteStayPeriods: Type.Array(IndefiniteStayPeriodSchema, { maxItems: MAX_PERIODS }),
    movements: Type.Array(MovementSchema, { maxItems: MAX_MOVEMENTS }),
    options: Type.Optional(PresenceOptionsSchema),
  },
  { additionalProperties: false },
);

export type PresenceRequest = Static<typeof PresenceRequestSchema>;
export type PresenceRequestOptions = Static<typeof PresenceOptionsSchema>;

export const PresenceExceptionSchema = Type.Object({
  code: Type.Union(EXCEPTION_CODES.map((code) => Type.Literal(code))),
  type: Type.Union([Type.Literal('Data Error'), Type.Literal('API error')]),
  exception: Type.String({ description: "The seed's exception text, e.g. 'Consecutive travel movements found'." }),
});

export const PresenceYearSchema = Type.Object({
  sequence: Type.Integer({ minimum: 1, maximum: 5, description: '1 is the oldest yearly period.' }),
  from: Type.String({ pattern: ISO_DATE_PATTERN }),
  to: Type.String({ pattern: ISO_DATE_PATTERN }),
  days: Type.Integer({ minimum: 0, description: 'Days present while entitled to be in NZ indefinitely.' }),
  length: Type.Integer({ description: 'Days in the period: 365 or 366.' }),
  met: Type.Boolean({ description: 'days ≥ the yearly minimum (240).' }),
});

export const PresenceResponseSchema = Type.Object({
  applicationDate: Type.String({ pattern: ISO_DATE_PATTERN }),
  eligible: Type.Boolean(),
  totalDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'Null when an exception prevents the calculation.',
  }),
  totalMet: Type.Union([Type.Boolean(), Type.Null()], { description: 'totalDays ≥ the minimum (1350).' }),
  years: Type.Array(PresenceYearSchema, { description: 'Empty when an exception prevents the calculation.' }),
  exceptions: Type.Array(PresenceExceptionSchema),
  earliestEligibleDate: Type.Union([Type.String({ pattern: ISO_DATE_PATTERN }), Type.Null()]),
  reducedPresence: Type.Union(
    [
      Type.Object({
        from: Type.String({ pattern: ISO_DATE_PATTERN }),
        to: Type.String({ pattern: ISO_DATE_PATTERN }),
        days: Type.Integer({ minimum: 0 }),
        met: Type.Boolean(),
      }),
      Type.Null(),
    ],
    { description: 's 8(7): days in the 20 months before the application; only when presence is not met.' },
  ),
  residenceStartDate: Type.Union([Type.String({ pattern: ISO_DATE_PATTERN }), Type.Null()], {
    description: 'Date residency permit granted: start of the entitlement covering the application date.',
  }),
  window: Type.Object({
    from: Type.String({ pattern: ISO_DATE_PATTERN }),
    to: Type.String({ pattern: ISO_DATE_PATTERN }),
  }),
});

export type PresenceResponse = Static<typeof PresenceResponseSchema>;

/** A problem with one field of a request; `path` is a JSON pointer such as `/movements/3/date`. */
export interface FieldError {
  path: string;
  message: string;
}

export interface ParsedPresenceRequest {
  input: PresenceInput;
  options: PresenceOptions;
}

export type ParseResult = { ok: true; value: ParsedPresenceRequest } | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OPTION_RULES: Readonly<Record<keyof PresenceOptions, (value: unknown) => string | null>> = {
  boundaryDayRule: (v) =>
    v === 'BOTH_PRESENT' || v === 'DEPARTURE_ABSENT' || v === 'NEITHER_PRESENT'
      ? null
      : 'must be BOTH_PRESENT, DEPARTURE_ABSENT or NEITHER_PRESENT',
  leapDayAnniversary: (v) => (v === 'MAR_1' || v === 'FEB_28' ? null : 'must be MAR_1 or FEB_28'),
  noMovements: (v) =>
    v === 'EXCEPTION' || v === 'PRESENT_THROUGHOUT' ? null : 'must be EXCEPTION or PRESENT_THROUGHOUT',
  totalDaysRequired: (v) => integerIn(v, 0, 1827),
  daysPerYearRequired: (v) => integerIn(v, 0, 366),
  reducedPresenceDays: (v) => integerIn(v, 0, 1827),
  reducedPresenceMonths: (v) => integerIn(v, 1, 60),
  earliestEligibleDate: (v) => (typeof v === 'boolean' ? null : 'must be a boolean'),
};

function integerIn(value: unknown, min: number, max: number): string | null {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? null
    : `must be an integer from ${min} to ${max}`;
}

function dayOf(value: unknown): number {
  return typeof value === 'string' ? parseIsoDay(value) : NaN;
}

/** A member name as a JSON-pointer segment. */
function segment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function dateError(value: unknown): string {
  if (typeof value !== 'string') return 'must be a date string YYYY-MM-DD';
  return new RegExp(ISO_DATE_PATTERN).test(value) ? 'is not a calendar date' : 'must be a date YYYY-MM-DD';
}

const ALLOWED_TOP = new Set(['applicationDate', 'indefiniteStayPeriods', 'movements', 'options']);

function parseOptions(value: unknown, errors: FieldError[], defaults: PresenceOptions): PresenceOptions {
  if (value === undefined) return defaults;
  if (!isRecord(value)) {
    errors.push({ path: '/options', message: 'must be an object' });
    return defaults;
  }
  const options: PresenceOptions = { ...defaults };
  for (const key of Object.keys(value)) {
    const rule = OPTION_RULES[key as keyof PresenceOptions] as ((v: unknown) => string | null) | undefined;
    if (rule === undefined) {
      errors.push({ path: `/options/${segment(key)}`, message: 'is not a known option' });
      continue;
    }
    const item = value[key];
    if (item === undefined) continue;
    const problem = rule(item);
    if (problem === null) Object.assign(options, { [key]: item });
    else errors.push({ path: `/options/${segment(key)}`, message: problem });
  }
  return options;
}

/**
 * Checks a request (already JSON-parsed) against the contract and converts it to epoch days. `extraKeys`
 * are top-level members tolerated and ignored (the batch path's `id`); `defaults` are the options a request
 * that names none gets. Stops collecting after 20 errors.
 */
export function parsePresenceRequest(
  value: unknown,
  extraKeys?: ReadonlySet<string>,
  defaults: PresenceOptions = DEFAULT_PRESENCE_OPTIONS,
): ParseResult {
  const errors: FieldError[] = [];
  if (!isRecord(value)) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  for (const key in value) {
    if (!ALLOWED_TOP.has(key) && !(extraKeys?.has(key) ?? false))
      errors.push({ path: `/${segment(key)}`, message: 'is not allowed' });
  }
  const applicationDay = dayOf(value.applicationDate);
  if (value.applicationDate === undefined) errors.push({ path: '/applicationDate', message: 'is required' });
  else if (Number.isNaN(applicationDay))
    errors.push({ path: '/applicationDate', message: dateError(value.applicationDate) });

  const periodFrom: number[] = [];
  const periodTo: number[] = [];
  const periods = value.indefiniteStayPeriods;
  if (!Array.isArray(periods)) {
    errors.push({
      path: '/indefiniteStayPeriods',
      message: periods === undefined ? 'is required' : 'must be an array',
    });
  } else if (periods.length > MAX_PERIODS) {
    errors.push({ path: '/indefiniteStayPeriods', message: `must have at most ${MAX_PERIODS} items` });
  } else {
    for (let i = 0; i < periods.length && errors.length < 20; i++) {
      const period: unknown = periods[i];
      const path = `/indefiniteStayPeriods/${i}`;
      if (!isRecord(period)) {
        errors.push({ path, message: 'must be an object' });
        continue;
      }
      for (const key in period)
        if (key !== 'from' && key !== 'to') errors.push({ path: `${path}/${segment(key)}`, message: 'is not allowed' });
      const from = dayOf(period.from);
      if (Number.isNaN(from))
        errors.push({
          path: `${path}/from`,
          message: period.from === undefined ? 'is required' : dateError(period.from),
        });
      let to = DAY_MAX;
      if (period.to === undefined) errors.push({ path: `${path}/to`, message: 'is required (null when open-ended)' });
      else if (period.to !== null) {
        to = dayOf(period.to);
        if (Number.isNaN(to)) errors.push({ path: `${path}/to`, message: dateError(period.to) });
        else if (to < from) errors.push({ path: `${path}/to`, message: 'must not be before from' });
      }
      periodFrom.push(from);
      periodTo.push(to);
    }
  }

  const movementDay: number[] = [];
  const movementArrival: boolean[] = [];
  const movements = value.movements;
  if (!Array.isArray(movements)) {
    errors.push({ path: '/movements', message: movements === undefined ? 'is required' : 'must be an array' });
  } else if (movements.length > MAX_MOVEMENTS) {
    errors.push({ path: '/movements', message: `must have at most ${MAX_MOVEMENTS} items` });
  } else {
    for (let i = 0; i < movements.length && errors.length < 20; i++) {
      const movement: unknown = movements[i];
      if (!isRecord(movement)) {
        errors.push({ path: `/movements/${i}`, message: 'must be an object' });
        continue;
      }
      let keys = 0;
      for (const key in movement) {
        keys++;
        if (key !== 'direction' && key !== 'date')
          errors.push({ path: `/movements/${i}/${segment(key)}`, message: 'is not allowed' });
      }
      const day = dayOf(movement.date);
      if (Number.isNaN(day)) {
        errors.push({
          path: `/movements/${i}/date`,
          message: movement.date === undefined ? 'is required' : dateError(movement.date),
        });
      }
      const direction = movement.direction;
      if (direction !== 'arrival' && direction !== 'departure') {
        errors.push({
          path: `/movements/${i}/direction`,
          message: direction === undefined || keys === 0 ? 'is required' : 'must be arrival or departure',
        });
      }
      movementDay.push(day);
      movementArrival.push(direction === 'arrival');
    }
  }

  const options = parseOptions(value.options, errors, defaults);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { input: { applicationDay, periodFrom, periodTo, movementDay, movementArrival }, options },
  };
}

// Formatting of days as dates, cached for the years a population spans (1900–2100).
const CACHE_BASE = -25567; // 1900-01-01
const CACHE_SIZE = 73415; // to 2100-12-31
const dateCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);

function isoDay(day: number): string {
  const slot = day - CACHE_BASE;
  if (slot >= 0 && slot < CACHE_SIZE) {
    const cached = dateCache[slot];
    if (cached !== undefined) return cached;
    const text = formatIsoDay(day);
    dateCache[slot] = text;
    return text;
  }
  return formatIsoDay(day);
}

export function toPresenceResponse(calculation: PresenceCalculation): PresenceResponse {
  const c = calculation;
  return {
    applicationDate: isoDay(c.applicationDay),
    eligible: c.eligible,
    totalDays: c.totalDays,
    totalMet: c.totalMet,
    years: c.years.map((y) => ({
      sequence: y.sequence,
      from: isoDay(y.from),
      to: isoDay(y.to),
      days: y.days,
      length: y.length,
      met: y.met,
    })),
    exceptions: c.exceptions.map((code) => ({ ...resultException(code) })),
    earliestEligibleDate: c.earliestEligibleDay === null ? null : isoDay(c.earliestEligibleDay),
    reducedPresence:
      c.reducedPresence === null
        ? null
        : {
            from: isoDay(c.reducedPresence.from),
            to: isoDay(c.reducedPresence.to),
            days: c.reducedPresence.days,
            met: c.reducedPresence.met,
          },
    residenceStartDate: c.residenceStartDay === null ? null : isoDay(c.residenceStartDay),
    window: { from: isoDay(c.windowFrom), to: isoDay(c.windowTo) },
  };
}

const scratch = new Uint8Array(RESPONSE_MEMBERS_MAX_BYTES);
const ascii = new TextDecoder();

/**
 * The members of `JSON.stringify(toPresenceResponse(c))` without the braces, built directly (see
 * response-bytes.ts, which the batch path uses to write them as bytes).
 */
export function presenceResponseMembers(c: PresenceCalculation): string {
  return ascii.decode(scratch.subarray(0, writePresenceResponseMembers(c, scratch, 0)));
}

export type CalculateResult = { ok: true; response: PresenceResponse } | { ok: false; errors: FieldError[] };

/** The whole public call: check the request, calculate, format. */
export function calculatePresenceRequest(request: unknown): CalculateResult {
  const parsed = parsePresenceRequest(request);
  if (!parsed.ok) return parsed;
  return { ok: true, response: toPresenceResponse(calculatePresence(parsed.value.input, parsed.value.options)) };
}
