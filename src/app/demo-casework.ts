// The casework half of the demo (PONO_DEMO=1 or `pono demo`): officers of each role with printed sign-ins, the
// immigration records of src/app/demo-records.ts, and applications that between them show every screen of the
// console. Safe to run twice: nothing is created again once the demo officers exist.
import type { Services } from './services.ts';
import { AppError } from './errors.ts';
import type { Actor } from './casework/actor.ts';
import type { ImmigrationRecordsPort } from './casework/records-port.ts';
import type { NewPerson } from './casework/applications.ts';
import { demoApplicationPhoto } from './demo-photo.ts';
import { DEMO_ADULT, DEMO_NAMESAKE, DEMO_PARENT, demoRecords } from './demo-records.ts';

export const DEMO_OFFICER_PASSWORD = 'pono-demo-password';

export const DEMO_OFFICERS = [
  { key: 'admin', email: 'admin@pono.example', fullName: 'Aroha Administrator', roles: ['administrator'] },
  { key: 'preparer', email: 'preparer@pono.example', fullName: 'Pita Preparer', roles: ['case-officer'] },
  { key: 'validator', email: 'validator@pono.example', fullName: 'Vai Validator', roles: ['validating-officer'] },
  { key: 'expert', email: 'expert@pono.example', fullName: 'Erena Expert', roles: ['id-proofing-expert'] },
] as const;

/** The demo's records service is down for this family name (hapa: missing), so the "API error" screens show. */
export const DEMO_OUTAGE_FAMILY_NAME = 'Hapa';

interface DemoApplication {
  label: string;
  applicationType: string;
  submittedOn: string;
  people: NewPerson[];
}

const adult = (person: { givenNames: string; familyName: string; dateOfBirth: string }, email: string): NewPerson => ({
  relationship: 'applicant',
  ...person,
  email,
});

const APPLICATIONS: DemoApplication[] = [
  // Submitted on the first day the records link was in use (BR-41), not the course's 18 November 2020: an
  // application from before 3 December 2020 has no INZ results. The five years still count 366/365/365/365/366.
  {
    label: 'adult, 1:1 match, eligible',
    applicationType: 'CBG Adult',
    submittedOn: '2020-12-03',
    people: [adult(DEMO_ADULT, 'mere.parata@example.org')],
  },
  {
    label: '1:N match',
    applicationType: 'CBG Adult',
    submittedOn: '2022-03-01',
    people: [adult(DEMO_NAMESAKE, 'dennis@example.org')],
  },
  {
    label: 'no match',
    applicationType: 'CBG Adult',
    submittedOn: '2022-05-10',
    people: [adult({ givenNames: 'Hōhepa', familyName: 'Tūhiwai', dateOfBirth: '1979-01-30' }, 'hohepa@example.org')],
  },
  {
    label: 'records service down',
    applicationType: 'CBG Adult',
    submittedOn: '2022-06-01',
    people: [
      adult({ givenNames: 'Kiri', familyName: DEMO_OUTAGE_FAMILY_NAME, dateOfBirth: '1990-09-09' }, 'kiri@example.org'),
    ],
  },
  {
    label: 'child with consenting parents',
    applicationType: 'CBG Child',
    submittedOn: '2022-02-14',
    people: [
      { relationship: 'applicant', givenNames: 'Sione', familyName: 'Fifita', dateOfBirth: '2015-06-01' },
      { relationship: 'consenting-parent', ...DEMO_PARENT, email: 'losaline@example.org', appliedAtSameTime: true },
      {
        relationship: 'secondary-consent-giver',
        givenNames: 'Tevita',
        familyName: 'Fifita',
        dateOfBirth: '1982-02-02',
      },
    ],
  },
  {
    label: 'child who turns 14 during processing',
    applicationType: 'CBG Child',
    submittedOn: '2025-10-01',
    people: [
      { relationship: 'applicant', givenNames: 'Ngaio', familyName: 'Te Kani', dateOfBirth: '2011-12-01' },
      {
        relationship: 'consenting-parent',
        givenNames: 'Hine',
        familyName: 'Te Kani',
        dateOfBirth: '1980-05-05',
        email: 'hine@example.org',
      },
    ],
  },
  {
    label: 'before 30 July 2020',
    applicationType: 'CBG Adult',
    submittedOn: '2020-03-02',
    people: [adult({ givenNames: 'Zoë', familyName: 'Müller', dateOfBirth: '1970-07-07' }, 'zoe@example.org')],
  },
];

/** A records port that answers "service down" for the demo's outage applicant and passes everyone else on. */
function withDemoOutage(port: ImmigrationRecordsPort): ImmigrationRecordsPort {
  return {
    fetch: (applicant, applicationDate) =>
      applicant.familyName === DEMO_OUTAGE_FAMILY_NAME
        ? Promise.resolve({ status: 'unavailable', reason: 'Identity search service is down' })
        : port.fetch(applicant, applicationDate),
  };
}

export interface DemoCasework {
  officers: { email: string; fullName: string; roles: readonly string[] }[];
  password: string;
  applications: { reference: string; label: string }[];
  /** The preparing officer, when this run seeded the demo (absent when it was seeded before). */
  preparer?: Actor;
}

export interface DemoOptions {
  /**
   * The eligible adult's AMS photo (JPEG), made by the edge that starts the demo from a public-domain portrait
   * (src/adapters/face/synthetic-faces.ts `demoAmsPhoto`); without it the 1:1 record reads "No image returned".
   */
  amsPhoto?: Uint8Array;
}

export async function seedDemoCasework(services: Services, options: DemoOptions = {}): Promise<DemoCasework> {
  const casework = services.casework;
  casework.useRecordsPort(withDemoOutage(services.records.caseworkPort()));
  const result: DemoCasework = {
    officers: DEMO_OFFICERS.map(({ email, fullName, roles }) => ({ email, fullName, roles })),
    password: DEMO_OFFICER_PASSWORD,
    applications: [],
  };
  const ids = new Map<string, string>();
  for (const officer of DEMO_OFFICERS) {
    try {
      const created = await casework.officers.create({
        email: officer.email,
        fullName: officer.fullName,
        roles: [...officer.roles],
        password: DEMO_OFFICER_PASSWORD,
      });
      ids.set(officer.key, created.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'OFFICER_EXISTS') return result; // seeded before
      throw error;
    }
  }
  const preparer: Actor = { officerId: ids.get('preparer') ?? '', roles: ['case-officer'] };
  await services.records.load(demoRecords(options.amsPhoto));

  for (const demo of APPLICATIONS) {
    const application = await casework.applications.create(preparer, { applicationType: demo.applicationType });
    for (const person of demo.people) await casework.applications.addPerson(preparer, application.reference, person);
    await casework.applications.submit(preparer, application.reference, { paid: true, submittedOn: demo.submittedOn });
    result.applications.push({ reference: application.reference, label: demo.label });
  }
  await seedDemoWork(services, preparer, result.applications);
  return { ...result, preparer };
}

/**
 * Work in progress, so every queue shows a row: the preparing officer has picked up the eligible adult's
 * application and prepared "Identity is unique" (it waits in the validating officer's queue), and the No match
 * applicant's "Identity is bound" is escalated to the ID Proofing Experts Group (G1 column 6: escalate).
 */
async function seedDemoWork(
  services: Services,
  preparer: Actor,
  applications: { reference: string; label: string }[],
): Promise<void> {
  const casework = services.casework;
  const ref = (label: string) => applications.find((a) => a.label === label)?.reference ?? '';
  const adult = await casework.allocation.pickUp(preparer, ref('adult, 1:1 match, eligible'));
  const unique = (await casework.tasks.forApplication(preparer, adult.reference)).find(
    (t) => t.kind === 'identity-is-unique',
  );
  if (unique)
    await casework.tasks.command(preparer, unique.id, {
      action: 'prepare',
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: 'INZ Results: 1:1 match found, one AMS record.',
    });
  const noMatch = await casework.applications.get(preparer, ref('no match'));
  const person = noMatch.people[0];
  if (person) {
    // The escalation's template reads the evidence on file: the application photo is the one image held (G1 col 6).
    await casework.applications.uploadDocument(preparer, noMatch.reference, {
      kind: 'passport-style-image',
      personId: person.id,
      fileName: 'Passport_Photo.png',
      content: demoApplicationPhoto(),
    });
    await casework.escalations.raise(preparer, {
      applicationRef: noMatch.reference,
      personId: person.id,
      task: 'identity-is-bound',
      gridColumn: 6,
      evidence: { amsPhoto: false, overseasPassportImage: false, applicationPhoto: true, livenessTest: false },
      optionsTried: [],
      caseSummary: 'No AMS record and no passport image; only the application photo is held.',
      recommendation: 'Ask for the original passport and an identity confirmation appointment.',
    });
  }
}

/** The lines that tell a person how to sign in to the demo console. */
export function demoSignInLines(demo: DemoCasework): string[] {
  return [
    `console sign-ins (password ${demo.password}):`,
    ...demo.officers.map((o) => `  ${o.email.padEnd(24)} ${o.roles.join(', ')}`),
  ];
}
