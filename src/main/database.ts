import { resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import { openDatabase, type Database } from '../adapters/db/database.ts';
import type { Logger } from '../adapters/log/logger.ts';

/** Opens the database the configuration names: the PostgreSQL server of DATABASE_URL, else PGlite in PONO_DATA_DIR. */
export function openConfiguredDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) {
    logger.info({ schema: config.DATABASE_SCHEMA }, 'using the PostgreSQL server of DATABASE_URL');
    return openDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
  }
  const dataDir = resolve(config.PONO_DATA_DIR);
  logger.info({ dataDir }, 'using the embedded database (PGlite)');
  return openDatabase({ dataDir });
}
