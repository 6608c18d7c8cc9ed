import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';

class InRepoMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Applies every migration kept in the repository that the database has not seen yet. */
export async function migrateToLatest<T>(db: Kysely<T>, schema = 'public'): Promise<void> {
  const migrator = new Migrator({ db, provider: new InRepoMigrations(), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error instanceof Error ? error.message : error)}`);
  }
}
