// Immigration records for tests: the seed's presence example (resident since 10/11/2014, arrived 8/11/2014)
// under any name and date of birth.
import type { ImmigrationRecord } from '../../../src/domain/records/index.ts';

export interface PersonFixture {
  identityId: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  middleNames?: string | null;
  countryOfBirth?: string;
  otherNames?: ImmigrationRecord['identity']['otherNames'];
}

export function seedRecord(p: PersonFixture): ImmigrationRecord {
  return {
    identity: {
      clientId: `C${p.identityId}`,
      identityId: p.identityId,
      givenNames: p.givenNames,
      middleNames: p.middleNames ?? null,
      familyName: p.familyName,
      otherNames: p.otherNames ?? [],
      gender: 'Female',
      dateOfBirth: p.dateOfBirth,
      countryOfBirth: p.countryOfBirth ?? 'India',
      photo: { name: '12020466', ref: `photos/${p.identityId}.jpg` },
      latestAddress: { addressType: 'Residential', address: '1 Cuba Street', lastUpdated: '2020-01-01T09:00' },
      relationships: [],
    },
    travelDocuments: [{ number: 'IN1234567', issuingState: 'India', issued: '2014-01-01', expiry: '2030-01-01' }],
    movements: [
      {
        direction: 'arrival',
        dateTime: '2014-11-08T06:30',
        port: 'Auckland Airport',
        carrier: 'NZ 1',
        travelDocument: 'IN1234567',
      },
    ],
    visas: [
      {
        type: 'Resident',
        start: '2014-11-10T13:00',
        expiry: '9999-12-31T13:00',
        conditions: [],
        entitlesIndefiniteStay: true,
        grantedOffshore: false,
      },
    ],
    alerts: [],
  };
}
