import { join } from 'node:path';

import type { Config } from '../config.js';
import { type CaseRepository, createCaseRepository } from './cases.js';
import { openStore, type Store } from './db.js';
import { checkSealingKey } from './key-check.js';
import { migrateToLatest } from './migrate.js';
import { KEY_FILE_NAME, loadSealer, type Sealer } from './seal.js';

/** The configured database, migrated to the latest schema (as on every start), without the sealing key. */
export interface MigratedStore {
  store: Store;
  /** Migrations applied by this start (empty when the schema was current). */
  migrated: string[];
  close(): Promise<void>;
}

/**
 * Everything a command needs to work with the configured database: the store (migrated), the sealer,
 * and the case repository.
 */
export interface OpenedStore extends MigratedStore {
  sealer: Sealer;
  cases: CaseRepository;
}

/**
 * The store alone, for commands that read or write nothing sealed (timelines and their statistics):
 * no key is loaded, so none is created either (loadSealer makes a key file when there is none).
 */
export async function openMigratedStore(config: Config, options: { poolSize?: number } = {}): Promise<MigratedStore> {
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.CEAC_WATCH_DATA,
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  try {
    return { store, migrated: await migrateToLatest(store), close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}

export async function openConfiguredStore(config: Config, options: { poolSize?: number } = {}): Promise<OpenedStore> {
  const sealer = await loadSealer(config);
  const opened = await openMigratedStore(config, options);
  try {
    await checkSealingKey(opened.store, sealer, keySourceOf(config));
    return { ...opened, sealer, cases: createCaseRepository(opened.store, sealer) };
  } catch (err) {
    await opened.close();
    throw err;
  }
}

/** Where the key came from, for the one-line refusal when it does not open the data. */
export function keySourceOf(config: Pick<Config, 'CEAC_WATCH_SECRET' | 'CEAC_WATCH_DATA'>): string {
  return config.CEAC_WATCH_SECRET ? 'CEAC_WATCH_SECRET' : `the key file ${join(config.CEAC_WATCH_DATA, KEY_FILE_NAME)}`;
}
