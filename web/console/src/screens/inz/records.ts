// The stored immigration result on an application (the API declares it as free JSON; this is its shape, written
// by the server's records step: summary row, detail tabs, exceptions, applicationDate, fetchedAt).
import type { Presence } from '../calculator/PresenceResult.tsx';

export interface InzSummary {
  inzName: string;
  identityMatch: '1:1 match' | '1:N match' | 'No match' | '---';
  presence: string;
  alerts: string;
  /** "Date and Time": the paid submission, or the re-trigger when an officer re-triggered (absent on rows stored before). */
  dateTime?: string;
  retriggeredAt?: string | null;
}
export interface InzException {
  type: string;
  exception: string;
}
export interface Candidate {
  clientId: string;
  identityId: string;
  givenNames: string;
  middleNames: string | null;
  familyName: string;
  gender: string;
  dateOfBirth: string;
}
export interface Identity extends Candidate {
  countryOfBirth: string;
  otherNames: { givenNames: string; familyName: string; nameType: string }[];
  photo: { name: string } | null;
  latestAddress: { addressType: string; address: string; lastUpdated: string } | null;
  relationships: {
    relationship: string;
    givenNames: string;
    middleNames: string | null;
    familyName: string;
    dateOfBirth: string | null;
    countryOfResidence: string | null;
  }[];
}
export interface Movement {
  direction: 'arrival' | 'departure';
  dateTime: string;
  port: string;
}
export interface Visa {
  type: string;
  start: string;
  expiry: string | null;
  conditions: string[];
}
export interface TravelAndVisa {
  travel: {
    latestDocument: { number: string; issuingState: string } | null;
    presenceGaps: { type: string; departure: string | null; arrival: string | null; daysAbsent: number }[];
    fullHistory: Movement[];
  };
  visaHistory: Visa[];
  conditions: string[];
  presence: Presence;
}
export interface Counts {
  clientRecords: number;
  identityRecords: number;
  visas: number;
  movements: number;
}
export interface InzRecords {
  summary: InzSummary;
  exceptions: InzException[];
  tabs: {
    identity?: Identity;
    travelAndVisa?: TravelAndVisa;
    alerts?: { code: string; description: string; raised: string }[];
    identityResults?: Candidate[];
    result?: Counts;
  };
  applicationDate?: string;
  fetchedAt?: string;
}

/** The records as stored, or undefined while none have been fetched. */
export function asInzRecords(value: unknown): InzRecords | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Partial<InzRecords>;
  return candidate.summary && candidate.tabs && Array.isArray(candidate.exceptions)
    ? (candidate as InzRecords)
    : undefined;
}

/** The row's "Date and Time" as the seed shows it ("15/12/2020 12:00AM"); older rows fall back to the fetch time. */
export function rowDateTime(records: InzRecords, fallback: string | null): string {
  if (records.summary.dateTime) return records.summary.dateTime;
  const iso = records.fetchedAt ?? fallback;
  return iso
    ? new Date(iso).toLocaleString('en-NZ', {
        timeZone: 'Pacific/Auckland',
        day: 'numeric',
        month: '2-digit',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
    : '---';
}
