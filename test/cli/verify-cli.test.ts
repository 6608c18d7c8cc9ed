import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_URL, dropServerSchema, uniqueSchema } from '../support/databases.ts';
import { cliArgs, ponoCli, type CliFailure, type CliOptions } from '../support/cli.ts';

const schema = uniqueSchema('cli');
const env = { ...process.env, DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
const pono = ponoCli(env);
const verify = (person: CliOptions) => pono(...cliArgs(['verify'], { account: 'demo', password: 'demo', ...person }));

after(async () => {
  await dropServerSchema(schema);
});

test('pono demo creates demo/demo with sample verifications, twice without harm', async () => {
  const first = await pono('demo');
  assert.match(first.stdout, /account demo \(password demo, stub mode on\)/);
  assert.match(first.stdout, /demo-verified\s+VERIFIED/);
  assert.match(first.stdout, /demo-in-progress\s+IN_PROGRESS/);
  const second = await pono('demo');
  assert.equal(second.stdout, first.stdout);
});

test('pono verify prints the result of the stub codes in the middle name', async () => {
  const john = { givenName: 'John', surname: 'Smith', dob: '1980-01-01' };
  const { stdout } = await verify({ ...john, middleName: `TWO${'P'.repeat(28)}` });
  assert.match(stdout, /^verification [A-Za-z0-9]{9}: VERIFIED$/m);
  assert.match(stdout, /aec\s+VERIFIED/);
  const failing = await verify({ ...john, middleName: 'TWOFFFF' });
  assert.match(failing.stdout, /: IN_PROGRESS$/m);
  assert.match(failing.stdout, /sources still available: .*passportdvs/);
});

test('pono verify with a wrong password or a bad date says so and exits non-zero', async () => {
  const someone = { givenName: 'J', surname: 'S', dob: '1980-01-01' };
  await assert.rejects(verify({ ...someone, password: 'nope' }), (error: CliFailure) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /Invalid account or password/);
    return true;
  });
  await assert.rejects(verify({ ...someone, dob: '1980-02-30' }), (error: CliFailure) => {
    assert.notEqual(error.code, 0);
    assert.match(error.stderr, /dob is not a real date/);
    return true;
  });
});

test('pono account create and pono registry load set up a production account', async () => {
  const weak = { id: 'weak', password: 'x', webhookUrl: 'notaurl', webhookSecret: 'short' };
  await assert.rejects(pono(...cliArgs(['account', 'create'], weak)), (error: CliFailure) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /password: the API password must be at least 12 characters/);
    assert.match(error.stderr, /webhookUrl: the webhook URL must be an http or https address/);
    assert.match(error.stderr, /webhookSecret: the webhook secret must be at least 16 characters/);
    return true;
  });
  const created = await pono(
    ...cliArgs(['account', 'create'], { id: 'bank', password: 'bank-password-1', sources: 'registry' }),
  );
  assert.match(created.stdout, /account bank: stub mode off, 1 sources enabled, face comparison optional\n/);
  // the face comparison: set when given, kept when an existing account is created again without it
  const faces = { id: 'bank', password: 'bank-password-1', sources: 'registry' };
  assert.match(
    (await pono(...cliArgs(['account', 'create'], { ...faces, faceComparison: 'required' }))).stdout,
    /face comparison required\n/,
  );
  assert.match((await pono(...cliArgs(['account', 'create'], faces))).stdout, /face comparison required\n/);
  await assert.rejects(
    pono(...cliArgs(['account', 'create'], { ...faces, faceComparison: 'sometimes' })),
    (error: CliFailure) => {
      assert.notEqual(error.code, 0);
      assert.match(error.stderr, /--face-comparison.*must be one of required, optional, off/);
      return true;
    },
  );
  const dir = await mkdtemp(join(tmpdir(), 'pono-cli-'));
  const file = join(dir, 'roll.csv');
  await writeFile(file, 'surname,given name,dob\nNgata,Aroha,1986-03-12\n');
  const loaded = await pono('registry', 'load', '--account', 'bank', file);
  assert.match(loaded.stdout, /loaded 1 records into registry of bank/);
});

test('a bad configuration value is refused at start, naming the variable', async () => {
  await assert.rejects(ponoCli({ ...env, PORT: 'eighty' })('demo'), (error: CliFailure) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /PORT="eighty"/);
    return true;
  });
});
