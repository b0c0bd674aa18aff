import { inspect } from 'node:util';

import { type MigrationResultSet, Migrator } from 'kysely';

import { AppError } from '../errors.js';
import type { Store } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

export class MigrationError extends AppError {
  override name = 'MigrationError';
  override readonly code = 'migration';
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const message = result.error instanceof Error ? result.error.message : inspect(result.error);
    // No failed migration means the database itself could not be reached or read.
    throw new MigrationError(
      failed
        ? `migration ${failed} failed on ${store.location}: ${message}`
        : `cannot open the database ${store.location}: ${message}${store.dialect === 'postgres' ? ' (check DATABASE_URL and that PostgreSQL is running)' : ''}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
