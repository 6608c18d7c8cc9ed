// Deterministic synthetic immigration records (seedrandom): the same seed gives the same data, record for
// record. For demos, tests and benchmarks; every person is invented.
//
// Names: Māori names with macrons, and overseas names with diacritics and particles (Nguyễn, Ødegård,
// de Bret, O'Brien, Smith-Jones …). Scenarios cover what the identity match and presence must handle:
// residents with trips, recent arrivals (residence too short), offshore grants, consecutive movements,
// no movements, no photo, visitors only, visa conditions, alerts, aliases, twins (same family name and date
// of birth) and namesakes (same names and date of birth: 1:N).
import seedrandom from 'seedrandom';
import { formatIsoDay, parseIsoDay } from '../presence/epoch-day.ts';
import type { PresenceRequest } from '../presence/contract.ts';
import type { ApplicantDetails } from '../identity/match.ts';
import type { Identity, ImmigrationRecord, Movement, Visa } from './model.ts';

export const MAORI_GIVEN = [
  'Mārama',
  'Tūī',
  'Hēmi',
  'Wiremu',
  'Aroha',
  'Anahera',
  'Rāwiri',
  'Mere',
  'Tāne',
  'Kōwhai',
  'Hōhepa',
  'Ngaio',
  'Manaia',
  'Pita',
  'Ataahua',
  'Hine',
  'Rēweti',
  'Māka',
  'Tamati',
  'Kiri',
  'Ānaru',
  'Whetū',
  'Moana',
  'Nīkau',
  'Rangi',
  'Kahurangi',
] as const;
export const MAORI_FAMILY = [
  'Ngata',
  'Tūhiwai',
  'Parata',
  'Tāwhai',
  'Te Whata',
  'Pōmare',
  'Māhutonga',
  'Horomona',
  'Te Rangi',
  'Wēpiha',
  'Tūhoro',
  'Kīngi',
  'Hēnare',
  'Pōtae',
  'Te Kani',
  'Ngāwhika',
] as const;
export const OVERSEAS_GIVEN = [
  'Zoë',
  'José',
  'Łukasz',
  'Søren',
  'Thị Lan',
  'François',
  'Siân',
  'Björn',
  'Ayşe',
  'Raj',
  'Priya',
  'Leonard',
  'Dennis',
  'Mei',
  'Hiroshi',
  'Chloé',
  'Renée',
  'Jürgen',
  'Małgorzata',
  'Ngozi',
  'Siosaia',
  'Losaline',
  'Mele',
  'Sione',
  'Fetu',
  'Ana',
  'Mateus',
  'Jia Hui',
  'Oluwadamilola',
  'Ingrid',
] as const;
export const OVERSEAS_FAMILY = [
  'Müller',
  'Nguyễn',
  'García',
  'Kowalski',
  'Wójcik',
  'Dvořák',
  'Çelik',
  'Ødegård',
  'Du Plessis',
  'de Bret',
  'Kaur',
  'Singh',
  "O'Brien",
  'Smith-Jones',
  'Lefèvre',
  'Björk',
  'Takahashi',
  'Okonkwo',
  'Fifita',
  'Tuilagi',
  'Schäfer',
  'Núñez',
  'Sørensen',
  'Kovačević',
  'Zhāng',
  'van der Berg',
  'Silva',
] as const;
const COUNTRIES = [
  'South Africa',
  'India',
  'China',
  'Philippines',
  'United Kingdom',
  'Samoa',
  'Tonga',
  'Fiji',
  'Viet Nam',
  'Germany',
  'Poland',
  'Brazil',
  'Australia',
  'Japan',
  'Nigeria',
  'Norway',
  'Türkiye',
] as const;
const PORTS = [
  'Auckland Airport',
  'Christchurch Airport',
  'Wellington Airport',
  'Queenstown Airport',
  'Port of Tauranga',
] as const;
const CARRIERS = ['NZ', 'QF', 'SQ', 'EK', 'CX', 'FJ', 'LA', 'VA'] as const;
const RELATIONS = ['Brother', 'Sister', 'Mother', 'Father', 'Partner', 'Son', 'Daughter'] as const;
const TRANSFER_CONDITION = 'Please apply for transfer of this visa when the passport expires.';
const S49_CONDITION = 's 49(1): the holder must live in New Zealand for 12 months and provide evidence of employment.';
const VISITOR_CONDITIONS = [
  'The holder shall not undertake employment in NZ.',
  'The holder shall not undertake study in NZ.',
];

export type Scenario =
  | 'resident'
  | 'resident with trips'
  | 'recent arrival'
  | 'offshore grant'
  | 'consecutive movements'
  | 'no movements'
  | 'no photo'
  | 'visitor only'
  | 'visa conditions'
  | 'alert'
  | 'alias'
  | 'twin'
  | 'namesake';

/** Relative weights of the scenario of each generated person (rules as data). */
export const SCENARIO_WEIGHTS: Readonly<Record<Scenario, number>> = {
  resident: 20,
  'resident with trips': 35,
  'recent arrival': 8,
  'offshore grant': 6,
  'consecutive movements': 4,
  'no movements': 3,
  'no photo': 4,
  'visitor only': 4,
  'visa conditions': 5,
  alert: 3,
  alias: 4,
  twin: 2,
  namesake: 2,
};

export interface GeneratedPerson {
  record: ImmigrationRecord;
  scenario: Scenario;
  /** The applicant's details as they might type them (sometimes without macrons or in capitals). */
  applicant: ApplicantDetails;
}

export interface PopulationOptions {
  seed: string;
  /** Number of records to produce. */
  size: number;
  /** The data set's "today" (YYYY-MM-DD): residence and travel are placed before it. */
  referenceDate: string;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function chooseScenario(random: Random): Scenario {
  const entries = Object.entries(SCENARIO_WEIGHTS) as [Scenario, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [scenario, weight] of entries) {
    r -= weight;
    if (r < 0) return scenario;
  }
  return 'resident';
}

function stripMarks(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function time(random: Random): string {
  return `${String(between(random, 0, 23)).padStart(2, '0')}:${pick(random, ['00', '15', '30', '45'])}`;
}

function dateTime(random: Random, day: number): string {
  return `${formatIsoDay(day)}T${time(random)}`;
}

interface PersonShape {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: Identity['gender'];
  countryOfBirth: string;
}

function shape(random: Random, reference: number): PersonShape {
  const maori = random() < 0.3;
  const gender: Identity['gender'] = random() < 0.49 ? 'Male' : random() < 0.98 ? 'Female' : 'Gender diverse';
  return {
    givenNames: maori ? pick(random, MAORI_GIVEN) : pick(random, OVERSEAS_GIVEN),
    familyName: maori ? pick(random, MAORI_FAMILY) : pick(random, OVERSEAS_FAMILY),
    dateOfBirth: formatIsoDay(reference - between(random, 18 * 365, 75 * 365)),
    gender,
    countryOfBirth: maori ? pick(random, ['Australia', 'United Kingdom']) : pick(random, COUNTRIES),
  };
}

function visa(
  type: string,
  start: string,
  expiry: string | null,
  conditions: string[],
  indefinite: boolean,
  offshore = false,
): Visa {
  return { type, start, expiry, conditions, entitlesIndefiniteStay: indefinite, grantedOffshore: offshore };
}

/** Trips inside [from, to]: departures and returns alternating, oldest first. */
function trips(random: Random, from: number, to: number, count: number, maxAway: number, doc: string): Movement[] {
  const moves: Movement[] = [];
  if (count === 0 || to <= from) return moves;
  const slot = Math.floor((to - from) / count);
  for (let i = 0; i < count; i++) {
    const start = from + i * slot;
    const away = between(random, 0, Math.min(maxAway, Math.max(0, slot - 2)));
    const departure = start + between(random, 1, Math.max(1, slot - away - 1));
    const carrier = `${pick(random, CARRIERS)} ${between(random, 1, 999)}`;
    moves.push({
      direction: 'departure',
      dateTime: dateTime(random, departure),
      port: pick(random, PORTS),
      carrier,
      travelDocument: doc,
    });
    moves.push({
      direction: 'arrival',
      dateTime: dateTime(random, departure + away),
      port: pick(random, PORTS),
      carrier,
      travelDocument: doc,
    });
  }
  return moves;
}

function buildRecord(
  random: Random,
  index: number,
  person: PersonShape,
  scenario: Scenario,
  reference: number,
): ImmigrationRecord {
  const clientId = String(70_000_000 + index);
  const identityId = String(60_000_000 + index * 7);
  const docNumber = `${person.countryOfBirth.slice(0, 2).toUpperCase()}${String(1_000_000 + ((index * 7919) % 8_999_999))}`;
  const years = scenario === 'recent arrival' ? between(random, 1, 3) : between(random, 6, 15);
  const residenceStart = reference - years * 365 - between(random, 0, 300);
  const firstArrival = residenceStart - between(random, 2, 400);
  const visas: Visa[] = [];
  const movements: Movement[] = [];
  const arrival = (day: number): Movement => ({
    direction: 'arrival',
    dateTime: dateTime(random, day),
    port: pick(random, PORTS),
    carrier: `${pick(random, CARRIERS)} ${between(random, 1, 999)}`,
    travelDocument: docNumber,
  });

  if (scenario === 'visitor only') {
    const start = reference - between(random, 200, 2000);
    visas.push(visa('Visitor', dateTime(random, start), dateTime(random, start + 270), VISITOR_CONDITIONS, false));
    visas.push(visa('Work', dateTime(random, start + 270), dateTime(random, start + 270 + 3 * 365), [], false));
    movements.push(arrival(start + 1));
  } else {
    const offshore = scenario === 'offshore grant';
    if (!offshore) {
      visas.push(
        visa(
          'Visitor',
          dateTime(random, firstArrival - 10),
          dateTime(random, firstArrival + 270),
          VISITOR_CONDITIONS,
          false,
        ),
      );
      movements.push(arrival(firstArrival));
    }
    const conditions = [TRANSFER_CONDITION, ...(scenario === 'visa conditions' ? [S49_CONDITION] : [])];
    const residentStart = offshore ? residenceStart - between(random, 10, 200) : residenceStart;
    const permanent = random() < 0.5 && residenceStart < reference - 3 * 365;
    if (permanent) {
      visas.push(
        visa(
          'Resident',
          dateTime(random, residentStart),
          dateTime(random, residentStart + 2 * 365),
          conditions,
          true,
          offshore,
        ),
      );
      visas.push(
        visa(
          'Permanent Resident',
          dateTime(random, residentStart + 2 * 365),
          '9999-12-31T13:00',
          scenario === 'visa conditions' ? [S49_CONDITION] : [],
          true,
        ),
      );
    } else {
      visas.push(visa('Resident', dateTime(random, residentStart), '9999-12-31T13:00', conditions, true, offshore));
    }
    if (offshore) movements.push(arrival(residenceStart));
    const tripCount =
      scenario === 'resident' ? 0 : scenario === 'resident with trips' ? between(random, 1, 9) : between(random, 0, 4);
    movements.push(
      ...trips(random, residenceStart + 1, reference - 1, tripCount, random() < 0.15 ? 200 : 45, docNumber),
    );
    if (scenario === 'consecutive movements') {
      // A missing departure: two arrivals in a row.
      const extra = residenceStart + between(random, 30, Math.max(31, reference - residenceStart - 30));
      movements.push(arrival(extra));
    }
  }
  const finalMovements = scenario === 'no movements' ? [] : movements;
  const otherNames: Identity['otherNames'] =
    scenario === 'alias'
      ? [
          {
            givenNames: person.givenNames,
            familyName: pick(random, [...OVERSEAS_FAMILY, ...MAORI_FAMILY]),
            nameType: pick(random, ['Alias', 'Birth name', 'Previous name']),
          },
        ]
      : [];
  const relationships: Identity['relationships'] =
    random() < 0.4
      ? [
          {
            relationship: pick(random, RELATIONS),
            givenNames: pick(random, [...MAORI_GIVEN, ...OVERSEAS_GIVEN]),
            middleNames: null,
            familyName: person.familyName,
            dateOfBirth: formatIsoDay(parseIsoDay(person.dateOfBirth) + between(random, -9000, 9000)),
            countryOfResidence: pick(random, COUNTRIES),
          },
        ]
      : [];
  return {
    identity: {
      clientId,
      identityId,
      givenNames: person.givenNames.split(' ')[0] as string,
      middleNames: person.givenNames.includes(' ') ? person.givenNames.split(' ').slice(1).join(' ') : null,
      familyName: person.familyName,
      otherNames,
      gender: person.gender,
      dateOfBirth: person.dateOfBirth,
      countryOfBirth: person.countryOfBirth,
      photo: scenario === 'no photo' ? null : { name: String(12_000_000 + index), ref: `photos/${clientId}.jpg` },
      latestAddress: {
        addressType: 'Residential',
        address: `${between(random, 1, 300)} ${pick(random, ['Karangahape Road', 'Cuba Street', 'Colombo Street', 'Ōtāhuhu Road', 'Te Atatū Road'])}`,
        lastUpdated: dateTime(random, reference - between(random, 1, 900)),
      },
      relationships,
    },
    travelDocuments: [
      {
        number: docNumber,
        issuingState: person.countryOfBirth,
        issued: formatIsoDay(reference - between(random, 100, 3000)),
        expiry: formatIsoDay(reference + between(random, 30, 3000)),
      },
    ],
    movements: finalMovements,
    visas,
    alerts:
      scenario === 'alert'
        ? [
            {
              code: pick(random, ['CHAR', 'IDENT', 'BORDER']),
              description: 'Synthetic alert for testing.',
              raised: formatIsoDay(reference - between(random, 10, 2000)),
            },
          ]
        : [],
  };
}

function applicantFrom(random: Random, person: PersonShape): ApplicantDetails {
  const variant = random();
  const givenNames =
    variant < 0.2 ? stripMarks(person.givenNames) : variant < 0.3 ? person.givenNames.toUpperCase() : person.givenNames;
  const familyName =
    variant < 0.2 ? stripMarks(person.familyName) : variant < 0.3 ? person.familyName.toUpperCase() : person.familyName;
  return {
    givenNames,
    familyName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    countryOfBirth: person.countryOfBirth,
  };
}

/** Synthetic records, one person at a time (twins and namesakes come as consecutive pairs). */
export function* generatePopulation(options: PopulationOptions): Generator<GeneratedPerson> {
  const random: Random = seedrandom(options.seed);
  const reference = parseIsoDay(options.referenceDate);
  if (Number.isNaN(reference)) throw new Error(`referenceDate must be YYYY-MM-DD, got ${options.referenceDate}`);
  let index = 0;
  while (index < options.size) {
    const scenario = chooseScenario(random);
    const person = shape(random, reference);
    const record = buildRecord(random, index, person, scenario, reference);
    yield { record, scenario, applicant: applicantFrom(random, person) };
    index++;
    if ((scenario === 'twin' || scenario === 'namesake') && index < options.size) {
      const other: PersonShape =
        scenario === 'twin'
          ? { ...person, givenNames: pickOther(random, person.givenNames) }
          : { ...person, countryOfBirth: pick(random, COUNTRIES) };
      yield {
        record: buildRecord(random, index, other, scenario, reference),
        scenario,
        applicant: applicantFrom(random, other),
      };
      index++;
    }
  }
}

function pickOther(random: Random, given: string): string {
  const pool = MAORI_GIVEN.includes(given as (typeof MAORI_GIVEN)[number]) ? MAORI_GIVEN : OVERSEAS_GIVEN;
  let other: string = given;
  while (other === given) other = pick(random, pool);
  return other;
}

export interface PresenceBatchRequest extends PresenceRequest {
  id: string;
}

export interface PresenceBatchOptions {
  seed: string;
  count: number;
  /** Average movements per applicant (±2); default 20. */
  movements?: number;
  /** Application dates fall in the year before this date; default 2024-06-30. */
  referenceDate?: string;
}

/**
 * Presence-batch input: applicants with about 20 movements each, residence of 3–15 years, some long
 * absences, about 2% with a missing departure. Same seed, same lines.
 */
export function* generatePresenceRequests(options: PresenceBatchOptions): Generator<PresenceBatchRequest> {
  const random: Random = seedrandom(options.seed);
  const reference = parseIsoDay(options.referenceDate ?? '2024-06-30');
  const average = options.movements ?? 20;
  for (let i = 0; i < options.count; i++) {
    const application = reference - between(random, 0, 365);
    const residence = application - between(random, 3 * 365, 15 * 365);
    const count = Math.max(2, average + between(random, -2, 2));
    const movements: PresenceRequest['movements'] = [];
    let day = residence - between(random, 0, 200);
    movements.push({ direction: 'arrival', date: formatIsoDay(day) });
    const trips = Math.floor((count - 1) / 2);
    const span = Math.max(trips * 3, application - day);
    for (let t = 0; t < trips; t++) {
      day += between(random, 1, Math.max(1, Math.floor(span / (trips + 1))));
      movements.push({ direction: 'departure', date: formatIsoDay(day) });
      day += random() < 0.1 ? between(random, 60, 250) : between(random, 0, 30);
      if (random() < 0.02) continue; // missing return: consecutive departures follow
      movements.push({ direction: 'arrival', date: formatIsoDay(day) });
    }
    const permanent = random() < 0.6;
    yield {
      id: `P${String(i).padStart(7, '0')}`,
      applicationDate: formatIsoDay(application),
      indefiniteStayPeriods: permanent
        ? [{ from: formatIsoDay(residence), to: null }]
        : [
            { from: formatIsoDay(residence), to: formatIsoDay(residence + 2 * 365 - 1) },
            {
              from: formatIsoDay(residence + 2 * 365),
              to: random() < 0.05 ? formatIsoDay(Math.max(residence + 2 * 365, application - 10)) : null,
            },
          ],
      movements,
    };
  }
}
