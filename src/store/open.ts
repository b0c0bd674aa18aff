import { join } from 'node:path';

import type { Config } from '../config.js';
import { type CaseRepository, createCaseRepository } from './cases.js';
import { openStore, type Store } from './db.js';
import { checkSealingKey } from './key-check.js';
import { migrateToLatest } from './migrate.js';
import { KEY_FILE_NAME, loadSealer, type Sealer } from './seal.js';

/**
 * Everything a command needs to work with the configured database: the store (migrated to the
 * latest schema, as on every start), the sealer, and the case repository.
 */
export interface OpenedStore {
  store: Store;
  sealer: Sealer;
  cases: CaseRepository;
  /** Migrations applied by this start (empty when the schema was current). */
  migrated: string[];
  close(): Promise<void>;
}

export async function openConfiguredStore(config: Config, options: { poolSize?: number } = {}): Promise<OpenedStore> {
  const sealer = await loadSealer(config);
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.CEAC_WATCH_DATA,
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  try {
    const migrated = await migrateToLatest(store);
    await checkSealingKey(store, sealer, keySourceOf(config));
    return { store, sealer, cases: createCaseRepository(store, sealer), migrated, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** Where the key came from, for the one-line refusal when it does not open the data. */
export function keySourceOf(config: Pick<Config, 'CEAC_WATCH_SECRET' | 'CEAC_WATCH_DATA'>): string {
  return config.CEAC_WATCH_SECRET ? 'CEAC_WATCH_SECRET' : `the key file ${join(config.CEAC_WATCH_DATA, KEY_FILE_NAME)}`;
}
