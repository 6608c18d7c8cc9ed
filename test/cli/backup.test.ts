// `pono backup` / `pono restore` of the embedded database folder: a backup taken from a stopped server's
// folder restores into a new folder that a server then serves with the same data; a running server's folder
// is refused in one line, and so are a non-empty target, a file that is not a backup and a database server.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pono-backup-'));
after(() => rmSync(work, { recursive: true, force: true }));

const envFor = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  PONO_DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  ...extra,
});

async function pono(
  dataDir: string,
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin/pono.js'), ...args], {
      env: envFor(dataDir, extra),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

async function withServer<T>(dataDir: string, body: (base: string) => Promise<T>): Promise<T> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [join(root, 'bin/pono.js'), 'serve'], {
    env: envFor(dataDir, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        if (i > 600) throw new Error('the server did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await body(base);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

test(
  'a backup of a stopped server restores into a new folder that serves the same verifications',
  { timeout: 300_000 },
  async () => {
    const original = join(work, 'original');
    const restored = join(work, 'restored');
    const file = join(work, 'pono-backup.tar.gz');
    assert.equal((await pono(original, ['demo'])).code, 0);
    const verified = await pono(original, [
      'verify',
      '--account',
      'demo',
      '--password',
      'demo',
      '--given-name',
      'Hemi',
      '--middle-name',
      `TWO${'P'.repeat(28)}`,
      '--surname',
      'Backup',
      '--dob',
      '1980-01-01',
    ]);
    const id = /^verification ([A-Za-z0-9]+): VERIFIED$/m.exec(verified.stdout)?.[1];
    assert.ok(id, `a verification was made: ${verified.stdout}${verified.stderr}`);

    await withServer(original, async () => {
      const refused = await pono(original, ['backup', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /^pono: the embedded database in .* is in use .* stop it first/m);
      assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(existsSync(file), false, 'no backup file is left behind');
    });

    const backedUp = await pono(original, ['backup', file]);
    assert.equal(backedUp.code, 0, backedUp.stderr);
    assert.match(backedUp.stdout, /^backed up to .*pono-backup\.tar\.gz \(\d+ KB\)$/m);

    const restoring = await pono(restored, ['restore', file]);
    assert.equal(restoring.code, 0, restoring.stderr);
    const again = await pono(restored, ['restore', file]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /is not empty: restore into an empty or new folder/);

    await withServer(restored, async (base) => {
      const response = await fetch(`${base}/api/v1/verifications/${id}`, {
        headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
      });
      assert.equal(response.status, 200, 'the restored folder serves the verification made before the backup');
      assert.match(await response.text(), /"overallVerificationStatus":"VERIFIED"/);
    });
  },
);

test('restore refuses a file that is not a backup, and leaves no folder behind', { timeout: 120_000 }, async () => {
  const junk = join(work, 'junk.tar.gz');
  writeFileSync(junk, 'not a backup at all');
  const target = join(work, 'from-junk');
  const result = await pono(target, ['restore', junk]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^pono: the file is not a pono backup/m);
  assert.equal(existsSync(target), false);
  const missing = await pono(target, ['restore', join(work, 'absent.tar.gz')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^pono: cannot read .*absent\.tar\.gz$/m);
});

test("on a PostgreSQL server, backup names the server's own tool instead", async () => {
  const result = await pono(join(work, 'unused'), ['backup', join(work, 'x.tar.gz')], {
    DATABASE_URL: 'postgres://127.0.0.1:5432/test',
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /pg_dump --schema=/);
});
