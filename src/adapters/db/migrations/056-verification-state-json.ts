import { sql, type Kysely } from 'kysely';
import * as stateCompressedWithLz4 from './041-verification-state-lz4.ts';

/**
 * A verification's state is written whole and read whole, never queried inside: `json` keeps it as the text it
 * was given (checked, not parsed into a tree with sorted keys), which costs PostgreSQL about a quarter of what
 * `jsonb` costs per registration (a 2.6 KB state: 6 µs to check against 23 µs to convert; bench register), and
 * reading it back needs no conversion either. Changing the type forgets the column's compression, so migration
 * 041's lz4 is set again (where the PostgreSQL has it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table verifications alter column state type json using state::json`.execute(db);
  await stateCompressedWithLz4.up(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table verifications alter column state type jsonb using state::jsonb`.execute(db);
  await stateCompressedWithLz4.up(db);
}
