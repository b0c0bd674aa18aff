import type { Config } from '../config.js';
import { type CaseRepository, createCaseRepository } from './cases.js';
import { openStore, type Store } from './db.js';
import { migrateToLatest } from './migrate.js';
import { loadSealer, type Sealer } from './seal.js';

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
    return { store, sealer, cases: createCaseRepository(store, sealer), migrated, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
