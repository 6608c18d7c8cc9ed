// What the process around the use cases needs of the database it was built over (metrics, health, shutdown).
// The use cases' own SQL goes through the Kysely handle their stores receive (Db, Tx), typed by the tables in
// database-schema.ts; the database adapter (src/adapters/db) opens it and migrates the tables to that shape.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './database-schema.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  /** Connections open, in use, and borrowers waiting for one (metrics). */
  poolStats(): { connections: number; busy: number; waiting: number };
  close(): Promise<void>;
}

/**
 * A statement whose SQL ends with this comment is kept prepared on each connection to a PostgreSQL server:
 * parsed and planned once, then only bound and run (for the statement every registration sends, where planning
 * cost more than running it). Only for a statement whose plan is the same whatever its values.
 */
export const PREPARED = '/* prepared */';
