// Immigration records use cases (SPEC P3, R14/R15): load records into the store, read one identity, match
// an applicant, and the whole INZ-results assessment the casework records-fetch job runs on a paid
// submission. The records service is reached through the `ImmigrationRecordsSource` port; the real one is
// the local store (src/adapters/records/store.ts), which can be switched "down" (PONO_RECORDS_DOWN) to act
// out the service at the edge of the world we cannot reach being unreachable.
import {
  assessImmigrationRecords,
  type CandidateRow,
  type ConditionsPrecedence,
  type ImmigrationRecord,
  type Identity,
  type ImmigrationResult,
  type RecordsException,
  MULTIPLE_IDENTITIES_FOUND,
} from '../domain/records/index.ts';
import {
  matchIdentity,
  type ApplicantDetails,
  type MatchThresholds,
  type RecordSearch,
} from '../domain/identity/index.ts';
import {
  calculatePresenceRequest,
  resultException,
  type PresenceRequestOptions,
  type ResultException,
} from '../domain/presence/index.ts';
import {
  presenceRequestFromRecord,
  recordForTravelDocument,
  type TravelDocumentQuery,
} from '../domain/records/index.ts';
import { authorize, type Actor } from './casework/actor.ts';
import type { ImmigrationRecordsPort, RecordsApplicant, RecordsResult } from './casework/records-port.ts';
import { AppError } from './errors.ts';

/** A problem with one record of a load: `index` is its 0-based position, `path` a JSON pointer in it. */
export interface RecordProblem {
  index: number;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; loaded: number } | { ok: false; problems: RecordProblem[] };

/** The records service could not be reached (or failed): never a finding about the applicant (R14). */
export class RecordsServiceDown extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordsServiceDown';
  }
}

/** The immigration-records service as the use cases need it. Reads throw RecordsServiceDown when it is down. */
export interface ImmigrationRecordsSource {
  /** Checks every record, then writes all of them in one transaction, or none when any is bad. */
  load(records: readonly unknown[]): Promise<LoadResult>;
  getIdentity(identityId: string): Promise<ImmigrationRecord | null>;
  /** The records that may be the applicant: date of birth exact or a near miss, or the same name. */
  searchCandidates(applicant: ApplicantDetails): Promise<ImmigrationRecord[]>;
  counts(): Promise<{ identities: number; clients: number }>;
  /** The AMS photo loaded with the records under this key, or null when none came with them. */
  photo(ref: string): Promise<StoredPhoto | null>;
}

export interface StoredPhoto {
  contentType: string;
  content: Uint8Array;
}

/** Officers working cases read immigration records (administrators do not; least privilege). */
export function authorizeRecordsRead(actor: Actor): void {
  authorize(actor, 'records.read');
}

export function serviceDownError(): AppError {
  const down = resultException('IDENTITY_SEARCH_SERVICE_DOWN');
  return new AppError(
    'unavailable',
    `${down.type}: ${down.exception} (retry later; this is not a finding about the applicant)`,
    down.code,
  );
}

export type MatchView =
  | {
      result: '1:1';
      match: CandidateRow;
      candidates: CandidateRow[];
      nearMisses: CandidateRow[];
      exceptions: ResultException[];
    }
  | {
      result: '1:N' | 'No match';
      match: null;
      candidates: CandidateRow[];
      nearMisses: CandidateRow[];
      exceptions: RecordsException[];
    };

export interface RecordsOptions {
  presenceOptions?: PresenceRequestOptions;
  matchThresholds?: MatchThresholds;
  conditionsPrecedence?: ConditionsPrecedence;
}

export interface AssessOptions {
  /** When an officer re-triggered the fetch (NZ local YYYY-MM-DDTHH:mm); the calculation still counts from submittedAt. */
  retriggeredAt?: string | null;
}

function row(i: Identity, assessment: CandidateRow['assessment']): CandidateRow {
  return {
    clientId: i.clientId,
    identityId: i.identityId,
    givenNames: i.givenNames,
    middleNames: i.middleNames,
    familyName: i.familyName,
    gender: i.gender,
    dateOfBirth: i.dateOfBirth,
    assessment,
  };
}

/** What the public calculator answers by travel document: the calculation only — no movement, visa or date of residence. */
export interface DocumentPresenceAnswer {
  applicationDate: string;
  eligible: boolean;
  totalDays: number | null;
  totalMet: boolean | null;
  years: { sequence: number; from: string; to: string; days: number; length: number; met: boolean }[];
  earliestEligibleDate: string | null;
  exceptions: ResultException[];
  /** The five years counted (from the application date alone). */
  window: { from: string; to: string };
}

/** The one answer for an unknown document and for details that do not all agree: the caller cannot tell which. */
export function noDocumentMatch(): AppError {
  return new AppError(
    'not_found',
    'No immigration record matches all of these travel document details. Check them against the document, or use the calculator with your own dates.',
    'NO_MATCHING_TRAVEL_DOCUMENT',
  );
}

export class RecordsUseCases {
  constructor(
    readonly source: ImmigrationRecordsSource,
    private readonly options: RecordsOptions = {},
  ) {}

  load(records: readonly unknown[]): Promise<LoadResult> {
    return this.source.load(records);
  }

  /** The candidates as the matcher sees them: found, or the service down. */
  async search(applicant: ApplicantDetails): Promise<RecordSearch<ImmigrationRecord>> {
    try {
      return { status: 'ok', candidates: await this.source.searchCandidates(applicant) };
    } catch (error) {
      if (error instanceof RecordsServiceDown) return { status: 'unavailable', reason: error.message };
      throw error;
    }
  }

  /**
   * The public calculator by travel document (BR-60): the record the details all agree with, its presence on
   * `applicationDate`, and nothing else of it. Nothing is stored; an unknown document and a wrong detail are
   * one and the same answer.
   */
  async presenceByTravelDocument(query: TravelDocumentQuery, applicationDate: string): Promise<DocumentPresenceAnswer> {
    const found = await this.search({
      givenNames: query.givenNames,
      familyName: query.familyName,
      dateOfBirth: query.dateOfBirth,
    });
    if (found.status === 'unavailable') throw serviceDownError();
    const record = recordForTravelDocument(found.candidates, query);
    if (!record) throw noDocumentMatch();
    const calculated = calculatePresenceRequest(
      presenceRequestFromRecord(record, applicationDate, this.options.presenceOptions),
    );
    if (!calculated.ok) throw noDocumentMatch();
    const r = calculated.response;
    return {
      applicationDate: r.applicationDate,
      eligible: r.eligible,
      totalDays: r.totalDays,
      totalMet: r.totalMet,
      years: r.years.map((y) => ({
        sequence: y.sequence,
        from: y.from,
        to: y.to,
        days: y.days,
        length: y.length,
        met: y.met,
      })),
      earliestEligibleDate: r.earliestEligibleDate,
      exceptions: r.exceptions,
      window: r.window,
    };
  }

  /** GET one identity's whole record (officers only). */
  async getIdentity(actor: Actor, identityId: string): Promise<ImmigrationRecord> {
    authorizeRecordsRead(actor);
    let record: ImmigrationRecord | null;
    try {
      record = await this.source.getIdentity(identityId);
    } catch (error) {
      if (error instanceof RecordsServiceDown) throw serviceDownError();
      throw error;
    }
    if (record === null) throw new AppError('not_found', `identity ${identityId} was not found`, 'NOT_FOUND');
    return record;
  }

  /**
   * R14 identity match of an applicant (officers only): 1:1, 1:N with every candidate listed and none
   * picked, or No match with any near misses. The service down is an AppError 'unavailable' (503).
   */
  async matchApplicant(actor: Actor, applicant: ApplicantDetails): Promise<MatchView> {
    authorizeRecordsRead(actor);
    const search = await this.search(applicant);
    const identities: RecordSearch<Identity> =
      search.status === 'ok' ? { status: 'ok', candidates: search.candidates.map((r) => r.identity) } : search;
    const match = matchIdentity(applicant, identities, this.options.matchThresholds);
    switch (match.result) {
      case 'API error':
        throw serviceDownError();
      case '1:1': {
        const only = row(match.record, match.assessment);
        return { result: '1:1', match: only, candidates: [only], nearMisses: [], exceptions: [] };
      }
      case '1:N':
        return {
          result: '1:N',
          match: null,
          candidates: match.candidates.map((c) => row(c.record, c.assessment)),
          nearMisses: [],
          exceptions: [MULTIPLE_IDENTITIES_FOUND],
        };
      case 'No match':
        return {
          result: 'No match',
          match: null,
          candidates: [],
          nearMisses: match.nearMisses.map((c) => row(c.record, c.assessment)),
          exceptions: [resultException('NO_IDENTITY_FOUND')],
        };
    }
  }

  /**
   * The INZ-results step of a paid submission: search, match, and on a 1:1 the presence calculation from
   * the submission date, alerts, visa conditions and exceptions. Never throws for the service being down:
   * that is the `kind: 'API error'` result (retryable).
   *
   * @param applicant the applicant's details as entered on the application
   * @param submittedAt NZ local date-time of the paid submission, `YYYY-MM-DDTHH:mm` (or just `YYYY-MM-DD`)
   */
  async assessApplication(
    applicant: ApplicantDetails,
    submittedAt: string,
    options: AssessOptions = {},
  ): Promise<ImmigrationResult> {
    const at = submittedAt.length === 10 ? `${submittedAt}T00:00` : submittedAt;
    return assessImmigrationRecords({
      applicant,
      search: await this.search(applicant),
      submittedAt: at,
      retriggeredAt: options.retriggeredAt ?? null,
      ...(this.options.presenceOptions === undefined ? {} : { presenceOptions: this.options.presenceOptions }),
      ...(this.options.matchThresholds === undefined ? {} : { matchThresholds: this.options.matchThresholds }),
      ...(this.options.conditionsPrecedence === undefined
        ? {}
        : { conditionsPrecedence: this.options.conditionsPrecedence }),
    });
  }

  /**
   * The casework layer's records port over this store (src/app/casework/records-port.ts). On a 1:1 match the
   * AMS photo that came with the records goes with the result, to be filed on the application (BR-48); a
   * photo the record names but that was never loaded is "No image returned", as a record without one.
   */
  caseworkPort(): ImmigrationRecordsPort {
    return {
      fetch: async (
        applicant: RecordsApplicant,
        applicationDate: string,
        options?: { retriggeredAt?: string | null },
      ) => {
        const result = await this.assessApplication(
          applicant,
          applicationDate,
          options?.retriggeredAt ? { retriggeredAt: options.retriggeredAt } : {},
        );
        if (result.kind === 'API error') return { status: 'unavailable', reason: result.reason };
        const stored = toRecordsResult(result);
        if (result.kind !== '1:1' || result.identity.photo === null) return { status: 'ok', result: stored };
        let photo: StoredPhoto | null;
        try {
          photo = await this.source.photo(result.identity.photo.ref);
        } catch (error) {
          if (error instanceof RecordsServiceDown) return { status: 'unavailable', reason: error.message };
          throw error;
        }
        if (photo === null) {
          const none = resultException('NO_IMAGE_RETURNED');
          return {
            status: 'ok',
            result: {
              ...stored,
              exceptions: [none, ...stored.exceptions.filter((e) => e.exception !== none.exception)],
            },
          };
        }
        return { status: 'ok', result: { ...stored, photo: { name: result.identity.photo.name, ...photo } } };
      },
    };
  }
}

/** The stored form of a result on an application: the grid row, the detail tabs, the exceptions. */
export function toRecordsResult(result: Exclude<ImmigrationResult, { kind: 'API error' }>): RecordsResult {
  const s = result.summary;
  const summary: RecordsResult['summary'] = {
    inzName: s.inzName,
    identityMatch: s.identityMatch,
    presence: s.presence,
    alerts: s.alerts,
  };
  const exceptions = result.exceptions.map((e) => ({ type: e.type, exception: e.exception }));
  switch (result.kind) {
    case '1:1':
      return {
        summary,
        exceptions,
        tabs: {
          identity: { ...result.identity, assessment: result.assessment },
          travelAndVisa: {
            travel: result.travel,
            visaHistory: result.visaHistory,
            conditions: result.conditions,
            presence: result.presence,
          },
          alerts: result.alerts,
        },
      };
    case '1:N':
      return { summary, exceptions, tabs: { identityResults: result.candidates } };
    case 'No match':
      return { summary, exceptions, tabs: { result: result.counts, nearMisses: result.nearMisses } };
  }
}
