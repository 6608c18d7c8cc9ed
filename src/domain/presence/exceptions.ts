// The API exceptions an immigration-records result can carry, with the seed's exact wording
// (seed 000, "API Exceptions"; research/ccms-screens.md §7). Rules as data: one row per exception.

export const EXCEPTION_CODES = [
  'NO_IMAGE_RETURNED',
  'CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND',
  'NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT',
  'NOT_ELIGIBLE_DUE_TO_VISA',
  'NO_TRAVEL_MOVEMENTS_FOUND',
  'NO_IDENTITY_FOUND',
  'IDENTITY_SEARCH_SERVICE_DOWN',
] as const;

export type ExceptionCode = (typeof EXCEPTION_CODES)[number];

export type ExceptionType = 'Data Error' | 'API error';

export interface ExceptionDefinition {
  /** The "Exception type" column. */
  type: ExceptionType;
  /** The "Exception" column, verbatim from the seed. */
  exception: string;
  /** When true there is no total and no year breakdown (the seed: "no calculation … (fail)"). */
  preventsCalculation: boolean;
}

export const EXCEPTIONS: Readonly<Record<ExceptionCode, ExceptionDefinition>> = {
  NO_IMAGE_RETURNED: { type: 'Data Error', exception: 'No image returned', preventsCalculation: false },
  CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND: {
    type: 'Data Error',
    exception: 'Consecutive travel movements found',
    preventsCalculation: true,
  },
  NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT: {
    type: 'Data Error',
    exception: 'Not eligible due to visa validity period too short',
    preventsCalculation: true,
  },
  NOT_ELIGIBLE_DUE_TO_VISA: { type: 'Data Error', exception: 'Not eligible due to visa', preventsCalculation: true },
  NO_TRAVEL_MOVEMENTS_FOUND: { type: 'Data Error', exception: 'No travel movements found', preventsCalculation: true },
  NO_IDENTITY_FOUND: { type: 'Data Error', exception: 'No identity found', preventsCalculation: true },
  IDENTITY_SEARCH_SERVICE_DOWN: {
    type: 'API error',
    exception: 'Identity search service is down',
    preventsCalculation: true,
  },
};

/** An exception as it appears in results: the code plus the seed's two columns. */
export interface ResultException {
  code: ExceptionCode;
  type: ExceptionType;
  exception: string;
}

const BUILT: Readonly<Record<ExceptionCode, ResultException>> = Object.freeze(
  Object.fromEntries(
    EXCEPTION_CODES.map((code) => [
      code,
      Object.freeze({ code, type: EXCEPTIONS[code].type, exception: EXCEPTIONS[code].exception }),
    ]),
  ) as Record<ExceptionCode, ResultException>,
);

export function resultException(code: ExceptionCode): ResultException {
  return BUILT[code];
}
