import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir, DataDirInUseError } from '../../../src/adapters/db/data-dir-lock.ts';

test('a data folder is locked by the process that opened it, and freed on close', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pono-lock-'));
  const unlock = lockDataDir(dir);
  // A different live process holds it: pretend by writing our parent's pid.
  unlock();
  writeFileSync(join(dir, 'pono.lock'), String(process.ppid));
  assert.throws(
    () => lockDataDir(dir),
    (error: Error) => error instanceof DataDirInUseError && /in use by process/.test(error.message),
  );
  writeFileSync(join(dir, 'pono.lock'), '999999999');
  const again = lockDataDir(dir);
  assert.ok(existsSync(join(dir, 'pono.lock')), 'a lock left by a dead process is taken over');
  again();
  assert.ok(!existsSync(join(dir, 'pono.lock')));
});
