/**
 * A schema of its own on the PostgreSQL server (DATABASE_URL, or the tests' server) for one bench run, migrated
 * and with the bench accounts: `bench-3` (stub mode, three background sources) and `bench-full` (stub mode,
 * every source, as the demo account). `drop()` removes it.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/adapters/db/database.ts';
import { createServices } from '../../src/main/services.ts';
import { createLogger } from '../../src/adapters/log/logger.ts';

export const SERVER =
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ACCOUNTS = {
  three: { accountId: 'bench-3', password: 'bench-password', enabledSources: ['dfat', 'aec', 'wp'] },
  full: { accountId: 'bench-full', password: 'bench-password' },
} as const;

export interface BenchSchema {
  url: string;
  schema: string;
  /** The environment that points `pono serve` at it. */
  env: Record<string, string>;
  sql(text: string): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

export async function benchSchema(prefix: string): Promise<BenchSchema> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ url: SERVER, schema });
  const services = await createServices(database, createLogger('silent'), { jobs: false, analysisInProcess: true });
  await services.accounts.create({
    ...ACCOUNTS.three,
    enabledSources: [...ACCOUNTS.three.enabledSources],
    stubMode: true,
  });
  await services.accounts.create({ ...ACCOUNTS.full, stubMode: true });
  await services.close();
  const client = new pg.Client({ connectionString: SERVER, options: `-c search_path="${schema}",public` });
  await client.connect();
  return {
    url: SERVER,
    schema,
    env: { DATABASE_URL: SERVER, DATABASE_SCHEMA: schema },
    sql: (text) => client.query(text),
    drop: async () => {
      await client.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_jobs" cascade`);
      await client.end();
    },
  };
}
