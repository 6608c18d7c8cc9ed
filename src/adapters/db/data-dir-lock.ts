import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

/** A backup or restore refused (kept apart from backup.ts, so that the CLI loads PGlite only to use it). */
export class BackupError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (other than this one) that holds the data folder, if any. */
export function dataDirOwner(dataDir: string): number | undefined {
  let owner: number;
  try {
    owner = Number(readFileSync(join(dataDir, 'pono.lock'), 'utf8'));
  } catch {
    return undefined;
  }
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner) ? owner : undefined;
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. The lock is
 * a file holding the owner's pid; a lock left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'pono.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is in use by process ${owner} (a running "pono serve"?): stop it first, or use a PostgreSQL server with DATABASE_URL`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataDirInUseError(`could not lock ${dataDir}`);
}
