import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { addChannel, createDispatcher } from '../src/notify/index.js';
import { openConfiguredStore } from '../src/store/open.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { insertCase, recordEvents } from './notify-fixtures.js';

// Issue 12, item 6: a wrong CEAC_WATCH_SECRET must never start on an existing database, and data
// sealed with another key is never turned into failed deliveries.
if (!TEST_DATABASE_URL) console.warn('security-key: PostgreSQL runs skipped: TEST_DATABASE_URL is not set');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const DIALECTS = [
  { name: 'SQLite', postgres: false },
  ...(TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : []),
];

describe.each(DIALECTS)('the key check on $name', { timeout: 60_000 }, ({ postgres }) => {
  it('opens with the key the data was sealed with and refuses any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-check-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let url: string | undefined;
    if (postgres) {
      const holder = await openTestPostgres({ migrate: false });
      cleanups.push(() => holder.close());
      url = holder.url;
    }
    const config = (secret: string) =>
      loadConfig({
        CEAC_WATCH_DATA: dir,
        CEAC_WATCH_CONFIG: join(dir, 'none.json'),
        CEAC_WATCH_SECRET: secret,
        ...(url && { DATABASE_URL: url }),
      });
    const first = await openConfiguredStore(config('the first secret, long enough'));
    await first.cases.add({ app: 'NIV', location: 'BMB', caseNumber: 'AA00KEYS01', passport: 'P1', surname: 'Rao' });
    await first.close();
    await expect(openConfiguredStore(config('a different secret, long enough'))).rejects.toThrow(
      /CEAC_WATCH_SECRET does not open the data/,
    );
    const again = await openConfiguredStore(config('the first secret, long enough'));
    expect(await again.cases.list()).toHaveLength(1);
    await again.close();
  });

  it('keeps deliveries pending, not failed, when their channel cannot be unsealed with this key', async () => {
    const store: TestStore = postgres ? await openTestPostgres() : await openTestSqlite();
    cleanups.push(() => store.close());
    const right = createSealer(randomBytes(32));
    const wrong = createSealer(randomBytes(32));
    await addChannel(
      store.db,
      right,
      null,
      'json://127.0.0.1:9/hook',
      { events: ['status_changed'] },
      {
        allowPrivateTargets: true,
      },
    );
    const caseId = await insertCase(store.db, right);
    await recordEvents(store.db, caseId, ['status_changed']);
    const dispatcher = createDispatcher({
      store,
      sealer: wrong,
      logger: createLogger({ level: 'silent' }),
      allowPrivateTargets: true,
    });
    cleanups.push(() => dispatcher.stop());
    const summary = await dispatcher.runDue();
    expect(summary.failed).toBe(0);
    const rows = await store.db.selectFrom('notify_deliveries').selectAll().execute();
    expect(rows.map((r) => r.status)).toEqual(['pending']);
    expect(rows[0]!.attempts).toBe(0);
  });
});
