// The immigration-records result of one applicant: identity match, presence, alerts, exceptions, and the
// summary row officers see in the "INZ Results" grid (research/ccms-screens.md S9–S12, §7).
import {
  calculatePresenceRequest,
  resolvePresenceOptions,
  resultException,
  EXCEPTION_CODES,
  type PresenceRequestOptions,
  type PresenceResponse,
  type ResultException,
} from '../presence/index.ts';
import {
  matchIdentity,
  type ApplicantDetails,
  type CandidateAssessment,
  type MatchThresholds,
  type RecordSearch,
} from '../identity/index.ts';
import type { Alert, Identity, ImmigrationRecord, Movement, TravelDocument, Visa } from './model.ts';
import {
  chronological,
  latestTravelDocument,
  localDate,
  presenceGaps,
  presenceRequestFromRecord,
  visaHistory,
  visasWithConditionsOn,
  type PresenceGap,
} from './derive.ts';

/**
 * BR-54: a 1:N result shows "Exceptions Present" too (L2353). The seed does not show its exception text; the
 * record's heading "Multiple Identities Found" (L2361) is used [inf]. It is a records exception only, never
 * part of the public presence contract.
 */
export const MULTIPLE_IDENTITIES_FOUND = Object.freeze({
  code: 'MULTIPLE_IDENTITIES_FOUND',
  type: 'Data Error',
  exception: 'Multiple identities found',
} as const);
export type RecordsException = ResultException | typeof MULTIPLE_IDENTITIES_FOUND;
export const RECORDS_EXCEPTION_CODES = [...EXCEPTION_CODES, MULTIPLE_IDENTITIES_FOUND.code] as const;

export type IdentityMatchLabel = '1:1 match' | '1:N match' | 'No match' | '---';
export type PresenceLabel = 'Pass' | 'Fail' | 'Conditions exist' | 'API error';
export type AlertsLabel = 'Found' | 'Not found';

/** One row of the "INZ Results" grid. */
export interface SummaryRow {
  /** The record's name on a 1:1 match, otherwise "---". */
  inzName: string;
  identityMatch: IdentityMatchLabel;
  presence: PresenceLabel;
  alerts: AlertsLabel;
  /**
   * "Date and Time" as the grid shows it (e.g. "15/12/2020 12:00AM"): the paid submission, or on a re-trigger
   * the time of the re-trigger (seed L1444); the calculation still counts from the submission (`calculatedFrom`).
   */
  dateTime: string;
  /** The date the calculation counts from: always the submission date, also on a re-trigger. */
  calculatedFrom: string;
  /** When a re-trigger fetched the result again, if it did (NZ local date-time). */
  retriggeredAt: string | null;
}

/** "Conditions exist" masks Pass and Fail (the seed: open the record to see whether presence was met). */
export type ConditionsPrecedence = 'OVER_PASS_AND_FAIL' | 'OVER_PASS_ONLY';

export interface AssessmentInput {
  applicant: ApplicantDetails;
  search: RecordSearch<ImmigrationRecord>;
  /** NZ local date-time the application was paid and submitted. */
  submittedAt: string;
  retriggeredAt?: string | null;
  presenceOptions?: PresenceRequestOptions;
  matchThresholds?: MatchThresholds;
  conditionsPrecedence?: ConditionsPrecedence;
}

export interface Counts {
  clientRecords: number;
  identityRecords: number;
  visas: number;
  movements: number;
}

export interface CandidateRow {
  clientId: string;
  identityId: string;
  givenNames: string;
  middleNames: string | null;
  familyName: string;
  gender: string;
  dateOfBirth: string;
  assessment: CandidateAssessment;
}

export type ImmigrationResult =
  | {
      kind: '1:1';
      summary: SummaryRow;
      exceptions: ResultException[];
      identity: Identity;
      assessment: CandidateAssessment;
      travel: { latestDocument: TravelDocument | null; presenceGaps: PresenceGap[]; fullHistory: Movement[] };
      visaHistory: Visa[];
      /** Label conditions of the visas in force on the application date. */
      conditions: string[];
      presence: PresenceResponse;
      alerts: Alert[];
    }
  | { kind: '1:N'; summary: SummaryRow; exceptions: RecordsException[]; candidates: CandidateRow[] }
  | { kind: 'No match'; summary: SummaryRow; exceptions: ResultException[]; counts: Counts; nearMisses: CandidateRow[] }
  | {
      kind: 'API error';
      summary: SummaryRow;
      exceptions: ResultException[];
      counts: Counts;
      retryable: true;
      reason: string;
    };

const NO_COUNTS: Counts = Object.freeze({ clientRecords: 0, identityRecords: 0, visas: 0, movements: 0 });

/** "15/12/2020 12:00AM" from "2020-12-15T00:00" (day unpadded, month padded, 12-hour clock). */
export function formatGridDateTime(localDateTime: string): string {
  const [date = '', time = '00:00'] = localDateTime.split('T');
  const [year, month, day] = date.split('-');
  const [hh = '0', mm = '00'] = time.split(':');
  const hour = Number(hh);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${Number(day)}/${month}/${year} ${h12}:${mm}${hour < 12 ? 'AM' : 'PM'}`;
}

function candidateRow(identity: Identity, assessment: CandidateAssessment): CandidateRow {
  return {
    clientId: identity.clientId,
    identityId: identity.identityId,
    givenNames: identity.givenNames,
    middleNames: identity.middleNames,
    familyName: identity.familyName,
    gender: identity.gender,
    dateOfBirth: identity.dateOfBirth,
    assessment,
  };
}

/** Runs the whole INZ results step for one applicant: match, then (1:1 only) presence and the rest. */
export function assessImmigrationRecords(input: AssessmentInput): ImmigrationResult {
  const applicationDate = localDate(input.submittedAt);
  const row = (
    inzName: string,
    identityMatch: IdentityMatchLabel,
    presence: PresenceLabel,
    alerts: AlertsLabel,
  ): SummaryRow => ({
    inzName,
    identityMatch,
    presence,
    alerts,
    dateTime: formatGridDateTime(input.retriggeredAt ?? input.submittedAt),
    calculatedFrom: applicationDate,
    retriggeredAt: input.retriggeredAt ?? null,
  });

  const byIdentity = new Map<Identity, ImmigrationRecord>();
  const identities: RecordSearch<Identity> =
    input.search.status === 'unavailable'
      ? input.search
      : {
          status: 'ok',
          candidates: input.search.candidates.map((r) => {
            byIdentity.set(r.identity, r);
            return r.identity;
          }),
        };
  const match = matchIdentity(input.applicant, identities, input.matchThresholds);

  switch (match.result) {
    case 'API error':
      return {
        kind: 'API error',
        summary: row('---', '---', 'API error', 'Not found'),
        exceptions: [resultException('IDENTITY_SEARCH_SERVICE_DOWN')],
        counts: NO_COUNTS,
        retryable: true,
        reason: match.reason,
      };
    case 'No match':
      return {
        kind: 'No match',
        summary: row('---', 'No match', 'Fail', 'Not found'),
        exceptions: [resultException('NO_IDENTITY_FOUND')],
        counts: NO_COUNTS,
        nearMisses: match.nearMisses.map((c) => candidateRow(c.record, c.assessment)),
      };
    case '1:N':
      return {
        kind: '1:N',
        summary: row('---', '1:N match', 'Fail', 'Not found'),
        exceptions: [MULTIPLE_IDENTITIES_FOUND],
        candidates: match.candidates.map((c) => candidateRow(c.record, c.assessment)),
      };
    case '1:1':
      break;
  }

  const record = byIdentity.get(match.record) as ImmigrationRecord;
  const request = presenceRequestFromRecord(record, applicationDate, input.presenceOptions);
  const calculated = calculatePresenceRequest(request);
  if (!calculated.ok) {
    // The record itself is malformed (a loader should have refused it).
    throw new Error(
      `immigration record ${record.identity.clientId} does not give a valid presence request: ${calculated.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    );
  }
  const presence = calculated.response;
  const exceptions: ResultException[] = [];
  if (record.identity.photo === null) exceptions.push(resultException('NO_IMAGE_RETURNED'));
  exceptions.push(...presence.exceptions);
  const conditionVisas = visasWithConditionsOn(record, applicationDate);
  const conditions = conditionVisas.flatMap((v) => v.conditions);
  let presenceLabel: PresenceLabel = presence.eligible ? 'Pass' : 'Fail';
  if (
    conditions.length > 0 &&
    (presence.eligible || (input.conditionsPrecedence ?? 'OVER_PASS_AND_FAIL') === 'OVER_PASS_AND_FAIL')
  ) {
    presenceLabel = 'Conditions exist';
  }
  const options = resolvePresenceOptions(input.presenceOptions);
  const identity = record.identity;
  return {
    kind: '1:1',
    summary: row(
      [identity.givenNames, identity.middleNames, identity.familyName].filter((x) => x !== null && x !== '').join(' '),
      '1:1 match',
      presenceLabel,
      record.alerts.length > 0 ? 'Found' : 'Not found',
    ),
    exceptions,
    identity,
    assessment: match.assessment,
    travel: {
      latestDocument: latestTravelDocument(record),
      presenceGaps: presenceGaps(record, applicationDate, options),
      fullHistory: chronological(record.movements),
    },
    visaHistory: visaHistory(record),
    conditions,
    presence,
    alerts: record.alerts,
  };
}
