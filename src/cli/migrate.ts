import type { Command } from 'commander';

import { loadConfig } from '../config.js';
import { openConfiguredStore } from '../store/open.js';
import { tr } from './i18n.js';
import { action, printJson } from './runtime.js';
import { storeErrors } from './shared.js';

/** `ceac migrate`: create or upgrade the schema (every other command does this on start too). */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the database schema (SQLite under CEAC_WATCH_DATA, or DATABASE_URL)')
    .option('--json', 'print {"database", "dialect", "applied"} as JSON')
    .action(
      action(async (flags: { json?: boolean }) => {
        const opened = await storeErrors(() => openConfiguredStore(loadConfig(), { poolSize: 1 }));
        try {
          const result = { database: opened.store.location, dialect: opened.store.dialect, applied: opened.migrated };
          if (flags.json) {
            printJson(result);
            return;
          }
          process.stdout.write(
            opened.migrated.length
              ? `${tr('cli.migrate.applied', { count: opened.migrated.length, database: result.database })}\n${opened.migrated.map((m) => `  ${m}`).join('\n')}\n`
              : tr('cli.migrate.upToDate', { database: result.database }) + '\n',
          );
        } finally {
          await opened.close();
        }
      }),
    );
}
