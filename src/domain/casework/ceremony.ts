// Ceremony date, closure, and the notification to Immigration NZ after a ceremony closes.
// Seed 000: INZ is notified "7 days after the customers ceremony is closed" (L1116) / "within 6-7 days …
// after the ceremony has been closed" (L2451) (BR-58). The notification carries the fields of the Privacy
// Commissioner's Citizenship/INZ programme (nz-citizenship §5, R20): full name, gender, date of birth,
// country of birth, citizenship person number; it is keyed for idempotent, retry-safe sending.

import { createHash } from 'node:crypto';
import { addDays, compareDates, fail, ok, type IsoDate, type Result } from './common.ts';
import { bracketOn } from './people.ts';

/** Days from ceremony closure to the INZ notification (L1116; L2451 says 6–7, the later bound is used). */
export const INZ_NOTIFICATION_DELAY_DAYS = 7;

/** R12: oath and ceremony required for youth and adults, optional for children (evaluated on the ceremony date). */
export function ceremonyRequired(dateOfBirth: IsoDate, on: IsoDate): boolean {
  return bracketOn(dateOfBirth, on) !== 'child';
}

export interface CeremonyRecord {
  readonly applicationId: string;
  readonly personId: string;
  readonly ceremonyDate: IsoDate;
  /** Oath or affirmation taken at the ceremony (false for a child who attended without one). */
  readonly oathTaken: boolean;
  readonly closedOn: IsoDate | null;
}

export type CeremonyErrorCode = 'CEREMONY_ALREADY_CLOSED' | 'CEREMONY_CLOSED_BEFORE_DATE' | 'CEREMONY_OATH_REQUIRED';

export function recordCeremony(
  applicationId: string,
  personId: string,
  ceremonyDate: IsoDate,
  oathTaken: boolean,
): CeremonyRecord {
  return { applicationId, personId, ceremonyDate, oathTaken, closedOn: null };
}

/** Closes the ceremony: not before the ceremony date, once only, and with the oath where R12 requires it. */
export function closeCeremony(
  record: CeremonyRecord,
  dateOfBirth: IsoDate,
  closedOn: IsoDate,
): Result<CeremonyRecord, CeremonyErrorCode> {
  if (record.closedOn !== null) return fail('CEREMONY_ALREADY_CLOSED', `closed on ${record.closedOn}`);
  if (compareDates(closedOn, record.ceremonyDate) < 0)
    return fail('CEREMONY_CLOSED_BEFORE_DATE', `ceremony is on ${record.ceremonyDate}`);
  if (ceremonyRequired(dateOfBirth, record.ceremonyDate) && !record.oathTaken) {
    return fail('CEREMONY_OATH_REQUIRED', 'an applicant aged 14 or over takes the oath or affirmation at the ceremony');
  }
  return ok({ ...record, closedOn });
}

/** R20 [inf, to verify]: citizenship takes effect on the oath date, or on the certificate date where no oath is taken. */
export function citizenshipEffectiveDate(record: CeremonyRecord, certificateDate?: IsoDate): IsoDate | null {
  if (record.oathTaken) return record.ceremonyDate;
  return certificateDate ?? null;
}

/** The date the INZ notification is due: `closedOn` + 7 days (BR-58). */
export function inzNotificationDueOn(closedOn: IsoDate, delayDays: number = INZ_NOTIFICATION_DELAY_DAYS): IsoDate {
  return addDays(closedOn, delayDays);
}

export interface NewCitizen {
  readonly fullName: string;
  readonly gender: string;
  readonly dateOfBirth: IsoDate;
  readonly countryOfBirth: string;
  readonly citizenshipPersonNumber: string;
}

export interface InzNotification extends NewCitizen {
  readonly effectiveDate: IsoDate;
  readonly dueOn: IsoDate;
  readonly idempotencyKey: string;
}

/**
 * Idempotency key: sha256 over a versioned string of the citizenship person number and the effective date —
 * fields that identify the grant and never change when a name or gender is corrected, so a corrected resend
 * does not create a second notification. Hashed so the key carries no personal data into logs.
 */
export function notificationIdempotencyKey(citizenshipPersonNumber: string, effectiveDate: IsoDate): string {
  const digest = createHash('sha256')
    .update(`pono/inz-citizen-notification/v1\n${citizenshipPersonNumber.trim()}\n${effectiveDate}`)
    .digest('hex');
  return `inz-cit-v1-${digest}`;
}

export type NotificationErrorCode = 'CEREMONY_NOT_CLOSED' | 'NO_EFFECTIVE_DATE' | 'CITIZEN_FIELD_MISSING';

export function buildInzNotification(
  citizen: NewCitizen,
  record: CeremonyRecord,
  certificateDate?: IsoDate,
): Result<InzNotification, NotificationErrorCode> {
  // L2451: "within 6-7 days … after the ceremony has been closed".
  if (record.closedOn === null)
    return fail('CEREMONY_NOT_CLOSED', 'INZ is notified only after the ceremony has been closed');
  const effectiveDate = citizenshipEffectiveDate(record, certificateDate);
  if (effectiveDate === null) return fail('NO_EFFECTIVE_DATE', 'no oath taken and no certificate date');
  const fields: (keyof NewCitizen)[] = [
    'fullName',
    'gender',
    'dateOfBirth',
    'countryOfBirth',
    'citizenshipPersonNumber',
  ];
  const missing = fields.filter((f) => citizen[f].trim() === '');
  if (missing.length > 0) return fail('CITIZEN_FIELD_MISSING', `missing: ${missing.join(', ')}`);
  return ok({
    ...citizen,
    effectiveDate,
    dueOn: inzNotificationDueOn(record.closedOn),
    idempotencyKey: notificationIdempotencyKey(citizen.citizenshipPersonNumber, effectiveDate),
  });
}
