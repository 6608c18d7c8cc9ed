import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';

forEachDatabase((kind) => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase(kind);
  });
  after(async () => {
    await database.dispose();
  });

  test('migrations create the tables and applying them again changes nothing', async () => {
    await migrateToLatest(database.db, database.schema);
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const name of ['accounts', 'verifications', 'verification_tokens', 'rule_sets'])
      assert.ok(names.includes(name), name);
  });

  test("a verification's state is kept as the JSON text it was written as, compressed with lz4 where the server has it", async () => {
    const { rows } = await sql<{ type: string; compression: string }>`
      select format_type(atttypid, atttypmod) as type, attcompression as compression
        from pg_attribute where attrelid = 'verifications'::regclass and attname = 'state'`.execute(database.db);
    assert.equal(rows[0]?.type, 'json');
    // PGlite is built without lz4 and keeps the default compression.
    assert.equal(rows[0]?.compression, kind === 'postgres' ? 'l' : '');
  });

  test('a failed transaction leaves nothing written', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('accounts')
          .values({ account_id: 'half', password_hash: 'x', enabled_sources: '[]' })
          .execute();
        throw new Error('boom');
      }),
      /boom/,
    );
    const row = await database.db
      .selectFrom('accounts')
      .where('account_id', '=', 'half')
      .selectAll()
      .executeTakeFirst();
    assert.equal(row, undefined);
  });

  test('dates come back as YYYY-MM-DD strings and counts as numbers', async () => {
    const { sql } = await import('kysely');
    const result = await sql<{
      d: string;
      n: number;
    }>`select date '2020-11-18' as d, count(*) as n from accounts`.execute(database.db);
    assert.deepEqual(result.rows[0], { d: '2020-11-18', n: 0 });
  });

  test('a statement marked PREPARED gives the same rows each time, and on the server stays prepared on its connection', async () => {
    const { sql } = await import('kysely');
    const { PREPARED } = await import('../../../src/app/ports/database.ts');
    const marked = (n: number) => sql<{ n: number }>`select ${n}::int + 1 as n ${sql.raw(PREPARED)}`;
    await database.db.transaction().execute(async (tx) => {
      for (const n of [1, 2, 3]) assert.deepEqual((await marked(n).execute(tx)).rows, [{ n: n + 1 }]);
      if (kind !== 'postgres') return;
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx);
      assert.deepEqual(
        prepared.rows.map((r) => r.statement),
        [`select $1::int + 1 as n ${PREPARED}`],
      );
    });
  });
});

test('two processes starting together on one server schema migrate it once', async () => {
  const { openDatabase } = await import('../../../src/adapters/db/database.ts');
  const { SERVER_URL, uniqueSchema } = await import('../../support/databases.ts');
  const pg = (await import('pg')).default;
  const schema = uniqueSchema('race');
  const [a, b] = await Promise.all([
    openDatabase({ url: SERVER_URL, schema }),
    openDatabase({ url: SERVER_URL, schema }),
  ]);
  try {
    const { sql } = await import('kysely');
    const rows = await sql<{ name: string }>`select name from pono_migrations order by name`.execute(a.db);
    assert.ok(rows.rows.length >= 4);
    assert.equal(new Set(rows.rows.map((r) => r.name)).size, rows.rows.length);
  } finally {
    await a.close();
    await b.close();
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  }
});
