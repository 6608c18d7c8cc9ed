// The immigration-records fetch as the casework layer needs it (SPEC P3/P5, ccms S9–S12). The records
// store, identity match and presence calculation live in src/domain/records, src/domain/identity and
// src/domain/presence; an adapter over them implements this port. Until one is wired, `emptyRecordsPort`
// answers as an empty store does: "No match" with "No identity found".

export interface RecordsApplicant {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: string | null;
  countryOfBirth: string | null;
}

/** The "INZ Results" subgrid row (ccms S9). */
export interface InzSummaryRow {
  inzName: string; // applicant's name on a 1:1 match, '---' otherwise
  identityMatch: '1:1 match' | '1:N match' | 'No match' | '---';
  presence: 'Pass' | 'Conditions exist' | 'Fail' | 'API error';
  alerts: 'Found' | 'Not found';
}

/** The row as stored on the application: the four columns and "Date and Time" (S9, seed L1444–1450). */
export interface InzResultsRow extends InzSummaryRow {
  /** The paid submission, or the re-trigger when there was one, e.g. "15/12/2020 12:00AM". */
  dateTime: string;
  /** When an officer re-triggered the fetch (NZ local 'YYYY-MM-DDTHH:mm'), or null. */
  retriggeredAt: string | null;
}

export interface RecordsException {
  type: string; // e.g. "Data error", "API error"
  exception: string; // e.g. "No identity found", "Identity search service is down"
}

/** The AMS photo that came with a 1:1 record: filed on the application as "INZ photo of applicant" (BR-48). */
export interface AmsPhoto {
  /** The document name the records give it, e.g. "12020466" (L1517). */
  name: string;
  contentType: string;
  content: Uint8Array;
}

export interface RecordsResult {
  summary: InzSummaryRow;
  /** 1:1 only, when the records hold a photo. Never stored in the result's JSON: it is filed as a document. */
  photo?: AmsPhoto;
  /** The detail tabs as JSON: 1:1 → identity, travelAndVisa, alerts; 1:N → identityResults; else result. */
  tabs: Record<string, unknown>;
  exceptions: RecordsException[];
}

export type RecordsFetch = { status: 'ok'; result: RecordsResult } | { status: 'unavailable'; reason: string };

export interface ImmigrationRecordsPort {
  /** Searches for the applicant and calculates presence from `applicationDate` (always the submission date). */
  fetch(
    applicant: RecordsApplicant,
    applicationDate: string,
    options?: { retriggeredAt?: string | null },
  ): Promise<RecordsFetch>;
}

export const SERVICE_DOWN: RecordsException = { type: 'API error', exception: 'Identity search service is down' };

/** The stored row while the records service is down (S9: "---" | "API error"). */
export function apiErrorResult(): RecordsResult {
  return {
    summary: { inzName: '---', identityMatch: '---', presence: 'API error', alerts: 'Not found' },
    tabs: { result: { clientRecords: 0, identityRecords: 0, visas: 0, movements: 0 } },
    exceptions: [SERVICE_DOWN],
  };
}

export const emptyRecordsPort: ImmigrationRecordsPort = {
  fetch: async () => ({
    status: 'ok',
    result: {
      summary: { inzName: '---', identityMatch: 'No match', presence: 'Fail', alerts: 'Not found' },
      tabs: { result: { clientRecords: 0, identityRecords: 0, visas: 0, movements: 0 } },
      exceptions: [{ type: 'Data error', exception: 'No identity found' }],
    },
  }),
};
