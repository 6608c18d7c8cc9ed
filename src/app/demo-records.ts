// The immigration records the demo loads: one identity per scenario the console shows (every person invented).
// The adult follows the seed's example: resident since 10 November 2014, arrived two days before, no travel
// since; applying on 3 December 2020 (the course's 18 November 2020 is before the records link, BR-41):
// 366/365/365/365/366 = 1,827 days, eligible; an earlier visitor visa shows the visa history with its labels.
import type { ImmigrationRecord } from '../domain/records/index.ts';

interface DemoIdentity {
  identityId: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: 'Female' | 'Male';
  countryOfBirth: string;
}

const RESIDENT = {
  type: 'Resident',
  start: '2015-11-10T13:00',
  expiry: '9999-12-31T13:00',
  conditions: [],
  entitlesIndefiniteStay: true,
  grantedOffshore: false,
};

function record(
  p: DemoIdentity,
  trips: readonly [string, string][] = [],
  arrived = '2015-11-08T06:30',
  visas: ImmigrationRecord['visas'] = [RESIDENT],
): ImmigrationRecord {
  const passport = `P${p.identityId.slice(-7)}`;
  return {
    identity: {
      clientId: `C${p.identityId}`,
      identityId: p.identityId,
      givenNames: p.givenNames,
      middleNames: null,
      familyName: p.familyName,
      otherNames: [],
      gender: p.gender,
      dateOfBirth: p.dateOfBirth,
      countryOfBirth: p.countryOfBirth,
      photo: { name: p.identityId, ref: `photos/${p.identityId}.jpg` },
      latestAddress: {
        addressType: 'Residential',
        address: '12 Cuba Street, Te Aro, Wellington',
        lastUpdated: '2021-02-01T09:00',
      },
      relationships: [],
    },
    travelDocuments: [{ number: passport, issuingState: p.countryOfBirth, issued: '2014-01-01', expiry: '2034-01-01' }],
    movements: [
      {
        direction: 'arrival',
        dateTime: arrived,
        port: 'Auckland Airport',
        carrier: 'NZ 103',
        travelDocument: passport,
      },
      ...trips.flatMap(([out, back]) => [
        {
          direction: 'departure' as const,
          dateTime: `${out}T10:00`,
          port: 'Auckland Airport',
          carrier: 'NZ 1',
          travelDocument: passport,
        },
        {
          direction: 'arrival' as const,
          dateTime: `${back}T07:00`,
          port: 'Auckland Airport',
          carrier: 'NZ 2',
          travelDocument: passport,
        },
      ]),
    ],
    visas,
    alerts: [],
  };
}

export const DEMO_ADULT = { givenNames: 'Mere', familyName: 'Parata', dateOfBirth: '1985-04-02' } as const;
export const DEMO_NAMESAKE = { givenNames: 'Dennis', familyName: 'de Bret', dateOfBirth: '1980-11-13' } as const;
export const DEMO_PARENT = { givenNames: 'Losaline', familyName: 'Fifita', dateOfBirth: '1984-08-20' } as const;

/** The eligible adult's identity id: the demo's 1:1 record, whose AMS photo the demo loads with the records. */
export const DEMO_ADULT_IDENTITY_ID = '900000001';

export const DEMO_RECORDS: ImmigrationRecord[] = [
  record(
    { identityId: DEMO_ADULT_IDENTITY_ID, ...DEMO_ADULT, gender: 'Female', countryOfBirth: 'India' },
    [],
    '2014-11-08T23:00',
    [
      {
        type: 'Visitor',
        start: '2014-11-06T13:00',
        expiry: '2020-11-08T13:00',
        conditions: [
          'The holder shall not undertake employment in NZ. The holder shall not undertake study in NZ for more than 3 months.',
        ],
        entitlesIndefiniteStay: false,
        grantedOffshore: true,
      },
      { ...RESIDENT, start: '2014-11-10T13:00' },
    ],
  ),
  // Two people with the same name and date of birth: the match is 1:N and no candidate is picked.
  record({ identityId: '900000002', ...DEMO_NAMESAKE, gender: 'Male', countryOfBirth: 'France' }),
  record({ identityId: '900000003', ...DEMO_NAMESAKE, gender: 'Male', countryOfBirth: 'Belgium' }),
  record({ identityId: '900000004', ...DEMO_PARENT, gender: 'Female', countryOfBirth: 'Tonga' }),
];

/**
 * The demo's records with the eligible adult's AMS photo (a JPEG) loaded with them, so the 1:1 record files it on
 * the application (BR-48) and lists no exception. Without a photo the record still names one: "No image returned".
 */
export function demoRecords(amsPhoto?: Uint8Array): ImmigrationRecord[] {
  if (!amsPhoto) return DEMO_RECORDS;
  const content = Buffer.from(amsPhoto).toString('base64');
  return DEMO_RECORDS.map((r) =>
    r.identity.identityId === DEMO_ADULT_IDENTITY_ID && r.identity.photo
      ? { ...r, identity: { ...r.identity, photo: { ...r.identity.photo, content } } }
      : r,
  );
}
