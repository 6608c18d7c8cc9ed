// Calendar dates as integer "epoch days" (days since 1970-01-01), the only representation used in the
// presence hot loop. Pure integer arithmetic (H. Hinnant's civil-from-days algorithms); no Date objects.

/** How an anniversary of 29 February is placed in a year that has no 29 February. */
export type LeapDayAnniversary = 'MAR_1' | 'FEB_28';

/** A sentinel far before or after any real date, for open-ended intervals. */
export const DAY_MIN = -100_000_000;
export const DAY_MAX = 100_000_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Epoch day of a valid civil date (month 1–12, day 1–31). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * Parses `YYYY-MM-DD` (years 0001–9999) to an epoch day; NaN when the text is not such a date or the
 * date does not exist (2021-02-29, 2020-13-01).
 */
export function parseIsoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n >= 1000 ? `${n}` : `${n}`.padStart(4, '0');
}

/** Formats an epoch day as `YYYY-MM-DD`. */
export function formatIsoDay(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

function placeCivil(year: number, month: number, day: number, rule: LeapDayAnniversary): number {
  const last = daysInMonth(year, month);
  if (day <= last) return dayFromCivil(year, month, day);
  // The day does not exist in that month (29 Feb in a common year, 31 Nov …).
  return rule === 'MAR_1' ? dayFromCivil(year, month, last) + 1 : dayFromCivil(year, month, last);
}

/**
 * The same month and day `years` years later (negative: earlier). A 29 February that does not exist in the
 * target year falls on 1 March (MAR_1) or 28 February (FEB_28).
 */
export function addYears(epochDay: number, years: number, rule: LeapDayAnniversary): number {
  const { year, month, day } = civilFromDay(epochDay);
  return placeCivil(year + years, month, day, rule);
}

/**
 * The same day of the month `months` months later (negative: earlier). A day that does not exist in the
 * target month (31 → November) moves to the 1st of the next month (MAR_1) or the month's last day (FEB_28).
 */
export function addMonths(epochDay: number, months: number, rule: LeapDayAnniversary): number {
  const { year, month, day } = civilFromDay(epochDay);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  return placeCivil(targetYear, index - targetYear * 12 + 1, day, rule);
}
