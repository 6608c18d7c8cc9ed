// While `pono serve` holds the embedded database's folder, the CLI's database commands are run by that server
// (over pono.sock in the folder); once it stops, they open the folder themselves again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cliArgs, ponoCli, type CliFailure } from '../support/cli.ts';

const run = promisify(execFile);

test(
  'the CLI talks to the server that holds the data folder, then to the folder once it stops',
  { timeout: 180_000, skip: process.platform === 'win32' },
  async () => {
    const home = mkdtempSync(join(tmpdir(), 'pono-running-'));
    const dataDir = join(home, 'data');
    const env: NodeJS.ProcessEnv = { ...process.env, PONO_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' };
    delete env.DATABASE_URL;
    delete env.PONO_DEMO;
    const pono = ponoCli(env);
    const server = spawn(process.execPath, ['bin/pono.js', 'serve'], { env, stdio: 'ignore' });
    try {
      const socket = join(dataDir, 'pono.sock');
      for (let i = 0; i < 600 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(existsSync(socket), 'the server listens on pono.sock');
      assert.equal(statSync(socket).mode & 0o777, 0o600, 'only the folder owner may use it');

      const created = await pono(
        ...cliArgs(['account', 'create'], { id: 'acme', password: 's3cret-for-acme', sources: 'registry' }),
      );
      assert.equal(created.stdout, 'account acme: stub mode off, 1 sources enabled, face comparison optional\n');
      await pono('account', 'create', '--id', 'trial', '--password', 'a-trial-password', '--stub');
      const john = { account: 'trial', givenName: 'John', surname: 'Smith', dob: '1980-01-01' };
      const verified = await pono(
        ...cliArgs(['verify'], { ...john, password: 'a-trial-password', middleName: `TWO${'P'.repeat(28)}` }),
      );
      assert.match(verified.stdout, /^verification [A-Za-z0-9]{9}: VERIFIED$/m);
      await assert.rejects(pono(...cliArgs(['verify'], { ...john, password: 'wrong' })), (error: CliFailure) => {
        assert.equal(error.code, 1);
        assert.equal(error.stderr, 'pono: Invalid account or password\n');
        return true;
      });
      const loaded = await pono('registry', 'load', '--account', 'acme', 'examples/registry-customers.csv');
      assert.match(loaded.stdout, /^loaded \d+ records into registry of acme\n$/);
      const mere = {
        email: 'mere@example.org',
        name: 'Mere Tane',
        roles: 'case-officer',
        password: 'a-long-password-1',
      };
      const officer = await pono(...cliArgs(['officer', 'create'], mere));
      assert.equal(officer.stdout, 'officer mere@example.org created (case-officer)\n');
      assert.match((await pono('officer', 'list')).stdout, /^mere@example\.org\s+Mere Tane/m);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    assert.ok(!existsSync(join(dataDir, 'pono.sock')), 'the socket goes with the server');
    assert.ok(!existsSync(join(dataDir, 'pono.lock')), 'and so does the lock');
    // With the server stopped, the CLI opens the folder itself and finds what the server stored.
    assert.match((await pono('officer', 'list')).stdout, /^mere@example\.org\s+Mere Tane/m);
    rmSync(home, { recursive: true, force: true });
  },
);

test(
  'pono serve on a port in use says so in one line, exits 1 and lets the data folder go',
  { timeout: 120_000 },
  async () => {
    const home = mkdtempSync(join(tmpdir(), 'pono-port-'));
    const dataDir = join(home, 'data');
    const taken = createServer();
    taken.listen(0);
    await once(taken, 'listening');
    const address = taken.address();
    assert.ok(address !== null && typeof address === 'object');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PONO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PORT: String(address.port),
    };
    delete env.DATABASE_URL;
    delete env.PONO_DEMO;
    try {
      await assert.rejects(
        run(process.execPath, ['bin/pono.js', 'serve'], { env, timeout: 90_000 }),
        (error: CliFailure) => {
          assert.equal(error.code, 1);
          const lines = error.stderr.split('\n').filter((l) => l.startsWith('pono:'));
          assert.deepEqual(lines, [`pono: the port ${address.port} is already in use (another pono, or set PORT)`]);
          assert.doesNotMatch(error.stderr, /\n\s+at /, 'no stack trace');
          return true;
        },
      );
    } finally {
      taken.close();
    }
    assert.ok(!existsSync(join(dataDir, 'pono.lock')), 'the lock is let go');
    assert.ok(!existsSync(join(dataDir, 'pono.sock')), 'and the socket');
    rmSync(home, { recursive: true, force: true });
  },
);
