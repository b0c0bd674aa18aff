import { randomBytes } from 'node:crypto';

import { openStore, type Store } from './db.js';
import { migrateToLatest } from './migrate.js';

/**
 * A throw-away PostgreSQL database: created on the server of `serverUrl`, migrated, and dropped (with
 * its connections) on close. For tests and benchmarks that must not see each other's rows on a
 * shared server; it is in the build because the benchmarks run against dist/ (test support such as
 * store/testing.ts is not).
 */
export interface ScratchStore extends Store {
  /** The connection URL of the throw-away database (for child processes). */
  url: string;
}

export async function openScratchPostgres(
  serverUrl: string,
  options: { migrate?: boolean; poolSize?: number; prefix?: string } = {},
): Promise<ScratchStore> {
  const pg = await import('pg');
  const name = `${options.prefix ?? 'ceac_scratch'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.default.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 5 });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    url: url.toString(),
    async close() {
      await store.close();
      const drop = new pg.default.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
