/**
 * The two pairs of eyes a case needs, created in a test's services: a case officer who prepares and a validating
 * officer who validates. `prefix` keeps their emails apart from other officers of the same test.
 */
import type { Services } from '../../src/app/services.ts';
import type { Actor } from '../../src/app/casework/actor.ts';

export async function officerPair(services: Services, prefix: string): Promise<{ co: Actor; vo: Actor }> {
  const officers = services.casework.officers;
  const a = await officers.create({
    email: `${prefix}-co@dia.example`,
    fullName: 'CO',
    roles: ['case-officer'],
    password: 'password password',
  });
  const b = await officers.create({
    email: `${prefix}-vo@dia.example`,
    fullName: 'VO',
    roles: ['validating-officer'],
    password: 'password password',
  });
  return { co: { officerId: a.id, roles: a.roles }, vo: { officerId: b.id, roles: b.roles } };
}
