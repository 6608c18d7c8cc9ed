import {
  Kysely,
  PostgresDialect,
  sql,
  CompiledQuery,
  type KyselyConfig,
  type PostgresPool,
  type PostgresCursor,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { PREPARED, type Db, type Tx } from '../../app/ports/database.ts';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { PgliteSerialPool } from './pglite-pool.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from '../../app/ports/database-schema.ts';
import { migrateToLatest } from './migrate.ts';

export type { Db, Tx };

/** Runs raw SQL for libraries (pg-boss) that bring their own statements. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  readonly schema: string;
  readonly executeSql: ExecuteSql;
  /** Connections open, in use, and borrowers waiting for one (metrics). */
  poolStats(): { connections: number; busy: number; waiting: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; absent for the embedded PGlite. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string;
  /** The schema pono's tables live in (the server only); created when missing. */
  schema?: string;
  /** Called with every query's SQL and parameters (tests that examine the plans of the lists). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

function queryLog(onQuery: DatabaseOptions['onQuery']): KyselyConfig['log'] {
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  };
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = queryLog(options.onQuery);
  const database = options.url
    ? await openServer(options.url, options.schema ?? 'public', log)
    : await openEmbedded(options.dataDir, log);
  await migrateToLatest(database.db, database.schema);
  return database;
}

async function openServer(url: string, schema: string, log: KyselyConfig['log']): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    await setup.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two processes creating it at once: PostgreSQL lets one of them fail on the catalogue's unique index.
    if (!['23505', '42P06'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await setup.end();
  }
  // Connections stay open once made (at most 10): no idle timer is set and cleared around every statement, and
  // the first requests after a lull do not wait for new connections.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    idleTimeoutMillis: 0,
    types,
    options: `-c search_path="${schema}",public`,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing(pool) }), ...(log ? { log } : {}) });
  return {
    kind: 'postgres',
    db,
    schema,
    poolStats: () => ({
      connections: pool.totalCount,
      busy: pool.totalCount - pool.idleCount,
      waiting: pool.waitingCount,
    }),
    executeSql: async (text, values) => {
      const result = await pool.query(text, values);
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
    close: () => db.destroy(),
  };
}

/** A cursor pg runs itself (Kysely's cursor for pg is pg-cursor, a Submittable). */
function isSubmittable<T>(cursor: PostgresCursor<T>): cursor is PostgresCursor<T> & pg.Submittable {
  return 'submit' in cursor && typeof cursor.submit === 'function';
}

/**
 * The pool as Kysely sees it, with the statements marked PREPARED sent as named statements: pg parses each one
 * once per connection, and PostgreSQL reuses its plan.
 */
function preparing(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // pono never streams, but Kysely's PostgresPoolClient type requires the cursor overload, so it stays (passed through).
    function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(statement: string | PostgresCursor<unknown>, parameters: ReadonlyArray<unknown> = []): unknown {
      if (typeof statement !== 'string') {
        if (!isSubmittable(statement)) throw new TypeError('a cursor that pg cannot run');
        return client.query(statement);
      }
      if (!statement.endsWith(PREPARED)) return client.query(statement, [...parameters]);
      return new Promise((resolve, reject) => {
        client.query(
          new PreparedQuery(statementName(statement), statement, [...parameters], (error, result) => {
            if (error) reject(error);
            else resolve(result);
          }),
        );
      });
    }
    return { query, release: (destroy) => client.release(destroy) };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      const wrapped = clients.get(client) ?? wrap(client);
      clients.set(client, wrapped);
      return wrapped;
    },
    end: () => pool.end(),
  };
}

const statementNames = new Map<string, string>();
/** A prepared statement's name on a connection: its text's digest, so that two texts never share one. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `pono_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A named (prepared) statement as pg's own query object, made from its text and values. Handed a config object
 * ({ name, text, values }) instead, pg copies it through its property descriptors before running it: about 1.5 µs
 * against 0.08, on every registration.
 */
class PreparedQuery extends pg.Query {
  declare name: string;
  constructor(
    name: string,
    text: string,
    values: unknown[],
    callback: (error: Error | undefined, result: pg.ResultBuilder) => void,
  ) {
    super(text, values, callback);
    this.name = name;
  }
}

async function openEmbedded(dataDir: string | undefined, log: KyselyConfig['log']): Promise<Database> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  const parsers = {
    [DATE_OID]: (v: string) => v,
    [INT8_OID]: (v: string) => Number(v),
    [NUMERIC_OID]: (v: string) => Number(v),
  };
  const pglite = dataDir ? new PGlite(dataDir, { parsers }) : new PGlite({ parsers });
  await pglite.waitReady;
  const pool = new PgliteSerialPool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return {
    kind: 'pglite',
    db,
    schema: 'public',
    poolStats: () => pool.stats,
    executeSql: (text, values) =>
      pool.exclusive(async () => {
        if (!values || values.length === 0) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }),
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/** An ExecuteSql that runs inside the given transaction, so a job is enqueued atomically with the change. */
export function executeSqlIn(tx: Tx): ExecuteSql {
  return async (text, values) => {
    const result = await tx.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: [...result.rows] };
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
