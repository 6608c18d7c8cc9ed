// Backup and restore of the embedded database folder. PGlite writes its folder from one process only, so a
// backup takes the folder's lock: while `pono serve` holds it the backup is refused (stop the server first).
// The copy is PGlite's own dump of the data directory (a gzipped tar), taken after a checkpoint, so it is
// consistent; restoring loads it into a folder that must be empty or absent.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, lockDataDir } from './data-dir-lock.ts';

export { BackupError };

/** The embedded database of `dataDir` as a gzipped tar. */
export async function dumpDataDir(dataDir: string): Promise<Buffer> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${dataDir}`);
  const unlock = lockDataDir(dataDir);
  try {
    const pglite = new PGlite(dataDir);
    await pglite.waitReady;
    try {
      await pglite.exec('checkpoint');
      const dump = await pglite.dumpDataDir('gzip');
      return Buffer.from(await dump.arrayBuffer());
    } finally {
      await pglite.close();
    }
  } finally {
    unlock();
  }
}

/** Loads a backup made by dumpDataDir into `dataDir`, which must be empty or absent. */
export async function restoreDataDir(dataDir: string, backup: Buffer): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(
      `${dataDir} is not empty: restore into an empty or new folder, then point PONO_DATA_DIR at it`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const pglite = new PGlite(dataDir, { loadDataDir: new Blob([new Uint8Array(backup)]) });
    try {
      await pglite.waitReady;
      await pglite.query('select 1');
    } finally {
      await pglite.close();
    }
  } catch (error) {
    unlock();
    rmSync(dataDir, { recursive: true, force: true });
    throw new BackupError(`the file is not a pono backup (${(error as Error).message.split('\n')[0] ?? 'unreadable'})`);
  }
  unlock();
  // A lock copied with the folder names a process of the machine it was taken on.
  rmSync(join(dataDir, 'pono.lock'), { force: true });
}
