// `pono officer …` at the server's console: create, list, reset a lost password (sessions end), deactivate and
// reactivate, each audited as the operator; and the CLI's errors are one line without a stack trace or data.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_URL, dropServerSchema, uniqueSchema } from '../support/databases.ts';
import { cliArgs, ponoCli, type CliFailure } from '../support/cli.ts';

const schema = uniqueSchema('officercli');
const env = { ...process.env, DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
const pono = ponoCli(env);
const failing = async (...args: string[]): Promise<CliFailure> => {
  try {
    await pono(...args);
  } catch (error) {
    return error as CliFailure;
  }
  return assert.fail(`pono ${args.join(' ')} succeeded`);
};

after(async () => {
  await dropServerSchema(schema);
});

test(
  'an operator creates, lists, resets, deactivates and reactivates officers; each is audited',
  { timeout: 180_000 },
  async () => {
    const ana = { email: 'Ana@DIA.example', name: 'Ana Admin', roles: 'administrator,case-officer' };
    const created = await pono(...cliArgs(['officer', 'create'], { ...ana, password: 'a long first password' }));
    assert.equal(created.stdout, 'officer ana@dia.example created (administrator, case-officer)\n');
    const listed = await pono('officer', 'list');
    assert.match(listed.stdout, /^ana@dia\.example\s+Ana Admin\s+administrator,case-officer\s+active$/m);

    const reset = await pono(
      ...cliArgs(['officer', 'reset-password'], { email: 'ana@dia.example', password: 'a brand new password' }),
    );
    assert.match(reset.stdout, /new password set for ana@dia\.example/);
    const short = await failing('officer', 'reset-password', '--email', 'ana@dia.example', '--password', 'short');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /password must be at least 12 characters/);

    await pono('officer', 'deactivate', '--email', 'ana@dia.example');
    assert.match((await pono('officer', 'list')).stdout, /ana@dia\.example.*deactivated$/m);
    await pono('officer', 'reactivate', '--email', 'ana@dia.example');
    assert.match((await pono('officer', 'list')).stdout, /ana@dia\.example.*\sactive$/m);

    const unknown = await failing('officer', 'deactivate', '--email', 'nobody@dia.example');
    assert.match(unknown.stderr, /officer with email nobody@dia\.example was not found/);
    const boss = { email: 'x@dia.example', name: 'X', roles: 'boss', password: 'a long first password' };
    const badRole = await failing(...cliArgs(['officer', 'create'], boss));
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.stderr, /roles must be one or more of/);

    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      const audit = await client.query(
        `select actor, action from "${schema}".audit_events where entity = 'officer' order by id`,
      );
      assert.deepEqual(
        audit.rows.map((r: { actor: string; action: string }) => `${r.actor} ${r.action}`),
        [
          'system officer.create',
          'operator officer.reset-password',
          'operator officer.deactivate',
          'operator officer.reactivate',
        ],
      );
    } finally {
      await client.end();
    }
  },
);

test(
  'CLI errors are one line, without a stack trace or the data involved, and exit non-zero',
  { timeout: 120_000 },
  async () => {
    const missing = await failing('registry', 'load', '--account', 'demo', '/nonexistent/customers.csv');
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'pono: no such file: /nonexistent/customers.csv\n');

    const dir = await mkdtemp(join(tmpdir(), 'pono-cli-'));
    const csv = join(dir, 'customers.csv');
    await writeFile(csv, 'surname,given name,dob,street name\nParata,Mere,1990-05-05,Queen\n');
    const noAccount = await failing('registry', 'load', '--account', 'no-such-account', csv);
    assert.equal(noAccount.stderr, 'pono: there is no account no-such-account (create it with pono account create)\n');
    assert.doesNotMatch(noAccount.stderr, /Parata|1990|Queen|\s+at\s/);
  },
);
