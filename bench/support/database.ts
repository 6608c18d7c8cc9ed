/**
 * A schema of its own on the PostgreSQL server (DATABASE_URL, or the tests' server) for one bench run, migrated
 * and with the bench accounts: `bench-3` (stub mode, three background sources) and `bench-full` (stub mode,
 * every source, as the demo account). `drop()` removes it. `benchDataDir`: the same accounts in an embedded
 * PGlite data folder.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The bench accounts in a database that is open (and closed afterwards). */
async function createBenchAccounts(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const services = await createServices(database, createLogger('silent'), { jobs: false, analysisInProcess: true });
  await services.accounts.create({
    ...ACCOUNTS.three,
    enabledSources: [...ACCOUNTS.three.enabledSources],
    stubMode: true,
  });
  await services.accounts.create({ ...ACCOUNTS.full, stubMode: true });
  await services.close();
}

/** An embedded PGlite data folder with the bench accounts; `env` points `pono serve` at it. */
export async function benchDataDir(prefix: string): Promise<{ env: Record<string, string>; drop(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  await createBenchAccounts(await openDatabase({ dataDir }));
  return { env: { PONO_DATA_DIR: dataDir }, drop: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function benchSchema(prefix: string): Promise<BenchSchema> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  await createBenchAccounts(await openDatabase({ url: SERVER, schema }));
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
