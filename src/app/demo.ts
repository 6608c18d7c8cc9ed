import type { Services } from './services.ts';
import type { CurrentStatus, RegisterInput } from './verification.ts';
import { seedDemoCasework, type DemoCasework, type DemoOptions } from './demo-casework.ts';

export const DEMO_ACCOUNT = { accountId: 'demo', password: 'demo' } as const;

const SAMPLES: RegisterInput[] = [
  {
    verificationId: 'demo-verified',
    person: {
      givenName: 'Aroha',
      middleNames: 'TWOPPPPPPPPPPPPPPPPPPPPPPPPPPPP',
      surname: 'Ngata',
      dob: { day: 12, month: 3, year: 1986 },
      currentResidentialAddress: {
        streetNumber: '1',
        streetName: 'George',
        streetType: 'ST',
        suburb: 'Sydney',
        state: 'NSW',
        postcode: '2000',
        country: 'AU',
      },
    },
  },
  {
    verificationId: 'demo-in-progress',
    person: {
      givenName: 'James',
      middleNames: 'TWOFFFFFFFFFFFFFFFFFFFFFFFFFFFF',
      surname: 'Citizen',
      dob: { day: 1, month: 1, year: 1980 },
      currentResidentialAddress: {
        streetNumber: '10',
        streetName: 'Collins',
        streetType: 'ST',
        suburb: 'Melbourne',
        state: 'VIC',
        postcode: '3000',
        country: 'AU',
      },
    },
  },
  {
    verificationId: 'demo-watchlist',
    person: {
      givenName: 'Mei',
      middleNames: 'TWOFPPPPFFFFFFFFFFFFFFFFFFFFF',
      surname: 'Chen',
      dob: { day: 30, month: 6, year: 1975 },
      currentResidentialAddress: {
        streetNumber: '5',
        streetName: 'Queen',
        streetType: 'ST',
        suburb: 'Brisbane',
        state: 'QLD',
        postcode: '4000',
        country: 'AU',
      },
    },
  },
];

/** The whole demo: the verification account and the casework (officers of each role, records, applications). */
export async function seedDemo(
  services: Services,
  options: DemoOptions = {},
): Promise<{ accountId: string; verifications: CurrentStatus[]; casework: DemoCasework }> {
  return { ...(await seedDemoAccount(services)), casework: await seedDemoCasework(services, options) };
}

/** Creates the demo account (demo / demo, stub mode, every source) and a few sample verifications; safe to run twice. */
export async function seedDemoAccount(
  services: Services,
): Promise<{ accountId: string; verifications: CurrentStatus[] }> {
  await services.accounts.create({ ...DEMO_ACCOUNT, stubMode: true, country: 'AU' });
  const verifications: CurrentStatus[] = [];
  for (const sample of SAMPLES) {
    try {
      verifications.push(await services.verifications.register(DEMO_ACCOUNT, sample));
    } catch (error) {
      if (!(error instanceof Error && /already in use/.test(error.message))) throw error;
      verifications.push(await services.verifications.get(DEMO_ACCOUNT, sample.verificationId ?? ''));
    }
  }
  return { accountId: DEMO_ACCOUNT.accountId, verifications };
}
