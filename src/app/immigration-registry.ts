import { RecordsServiceDown, type ImmigrationRecordsSource } from './records.ts';
import type { RegistryRecord } from '../domain/verification/index.ts';
import { isoFromDob } from '../domain/verification/index.ts';
import type { ImmigrationCandidates } from './registry.ts';

/**
 * The immigration records as candidates for the `immigration` verification source: the records' own
 * candidate search (names either way round, near-miss dates of birth), reduced to what the registry matcher
 * compares. Addresses in the records are free text, so they are not compared (the field is MISSING).
 * When the records service is down the source is in ERROR (retryable), never a failed match.
 */
export function immigrationCandidates(
  store: Pick<ImmigrationRecordsSource, 'searchCandidates'>,
): ImmigrationCandidates {
  return {
    async candidates(person) {
      let records;
      try {
        records = await store.searchCandidates({
          givenNames: person.givenName,
          familyName: person.surname,
          dateOfBirth: isoFromDob(person.dob),
        });
      } catch (error) {
        if (error instanceof RecordsServiceDown) return 'unavailable';
        throw error;
      }
      return records.map((record): RegistryRecord => ({
        recordId: record.identity.identityId,
        givenName: record.identity.givenNames,
        ...(record.identity.middleNames ? { middleNames: record.identity.middleNames } : {}),
        surname: record.identity.familyName,
        dob: record.identity.dateOfBirth,
      }));
    },
  };
}
