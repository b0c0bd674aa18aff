import { openStore, type Store } from './db.js';
import { migrateToLatest } from './migrate.js';
import { openScratchPostgres } from './scratch.js';

/**
 * Test support: a fresh, migrated database per call, so that test files (and engineers) sharing one
 * PostgreSQL server never see each other's rows. PostgreSQL gets its own throw-away database, created
 * from TEST_DATABASE_URL's server and dropped on close.
 */
export interface TestStore extends Store {
  /** The connection URL of the throw-away PostgreSQL database (for child processes); undefined on SQLite. */
  url?: string;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export async function openTestSqlite(file = ':memory:'): Promise<TestStore> {
  const store = await openStore({ sqliteFile: file });
  await migrateToLatest(store);
  return store;
}

/** A new database on TEST_DATABASE_URL's server; throws when TEST_DATABASE_URL is unset. */
export async function openTestPostgres(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestStore> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  return openScratchPostgres(TEST_DATABASE_URL, { ...options, prefix: 'ceac_test' });
}
