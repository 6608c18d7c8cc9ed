import type { Migration } from 'kysely';
import * as m001 from './001-verification.ts';
import * as m002 from './002-casework.ts';

/** Every migration, by name; names sort in the order they are applied. */
export const migrations: Record<string, Migration> = {
  '001-verification': m001,
  '002-casework': m002,
};
