import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/config.ts';
import { BackupError } from '../adapters/db/data-dir-lock.ts';
import { jobsSchemaFor } from '../adapters/jobs/schema.ts';

function embeddedOnly(config: Config): string {
  if (config.DATABASE_URL) {
    const schema = config.DATABASE_SCHEMA;
    throw new BackupError(
      `the PostgreSQL server of DATABASE_URL is backed up with its own tools: pg_dump --schema=${schema} --schema=${jobsSchemaFor(schema)} (see docs/operations.md)`,
    );
  }
  return resolve(config.PONO_DATA_DIR);
}

/** `pono backup FILE` and `pono restore FILE` for the embedded database folder (PONO_DATA_DIR). */
export function backupCommands(program: Command, config: Config): void {
  program
    .command('backup')
    .description('copy the embedded database (PONO_DATA_DIR) to a file; the server must be stopped')
    .argument('<file>', 'the backup file to write (a gzipped tar)')
    .action(async (file: string) => {
      const { dumpDataDir } = await import('../adapters/db/backup.ts');
      const dump = await dumpDataDir(embeddedOnly(config));
      // Written beside its final name first, so an interrupted backup never looks complete.
      const partial = `${file}.partial`;
      writeFileSync(partial, dump);
      renameSync(partial, file);
      process.stdout.write(`backed up to ${file} (${Math.ceil(dump.length / 1024)} KB)\n`);
    });

  program
    .command('restore')
    .description('load a backup into PONO_DATA_DIR, which must be empty or absent')
    .argument('<file>', 'a file written by pono backup')
    .action(async (file: string) => {
      let backup: Buffer;
      try {
        backup = readFileSync(file);
      } catch {
        throw new BackupError(`cannot read ${file}`);
      }
      const dataDir = embeddedOnly(config);
      const { restoreDataDir } = await import('../adapters/db/backup.ts');
      await restoreDataDir(dataDir, backup);
      process.stdout.write(`restored into ${dataDir}\n`);
    });
}
