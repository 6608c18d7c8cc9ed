/**
 * Storage tests run on both databases: `forEachDatabase((open) => { ... })` registers the same tests twice,
 * once on an in-memory PGlite and once on the PostgreSQL server (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test) in a schema of its own that is dropped afterwards, so runs never
 * see each other's rows.
 */
import { describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/adapters/db/database.ts';

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase extends Database {
  /** Drops the test schema (server) and closes. */
  dispose(): Promise<void>;
}

export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema from the PostgreSQL server, with the job queue's schema beside it. */
export async function dropServerSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.query(`drop schema if exists "${schema}_jobs" cascade`);
  } finally {
    await client.end();
  }
}

/** `onQuery` sees every statement sent (tests that count a use case's round trips). */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: Pick<DatabaseOptions, 'onQuery'> = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ ...options });
    return { ...database, dispose: () => database.close() };
  }
  const schema = uniqueSchema();
  const database = await openDatabase({ url: SERVER_URL, schema, ...options });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await dropServerSchema(schema);
    },
  };
}

export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Registers `body` once per database kind, inside a describe named after it. */
export function forEachDatabase(body: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) describe(`on ${kind}`, () => body(kind));
}
