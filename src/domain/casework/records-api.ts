// BR-41 (seed 000 L1129): the link with Immigration NZ's records "was released 3 December 2020 and has been
// applied to new applications submitted from that date". Older applications have no INZ results; the
// officer reads AMS as before, and the record says why there is none.
import { compareDates, type IsoDate } from './common.ts';

/** The first submission date the immigration records are fetched for. */
export const RECORDS_API_RELEASE_DATE: IsoDate = '2020-12-03';

export interface NoRecordsReason {
  code: 'SUBMITTED_BEFORE_RECORDS_API';
  message: string;
}

/** Why an application submitted on `submittedOn` has no INZ results, or null when they are fetched. */
export function noRecordsReason(submittedOn: IsoDate): NoRecordsReason | null {
  if (compareDates(submittedOn, RECORDS_API_RELEASE_DATE) >= 0) return null;
  return {
    code: 'SUBMITTED_BEFORE_RECORDS_API',
    message:
      'No INZ results: the immigration records are fetched only for applications submitted from 3 December 2020, when the link with Immigration NZ began. Check AMS as before.',
  };
}
