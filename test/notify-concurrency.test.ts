import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { addChannel, createDispatcher } from '../src/notify/index.js';
import { openStore, type Store } from '../src/store/db.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { insertCase, recordEvents } from './notify-fixtures.js';
import { type HttpReceiver, startHttpReceiver } from './notify-receivers.js';

/** Several dispatchers on one database (several `ceac watch`/worker processes): each row is sent by exactly one. */
if (!TEST_DATABASE_URL) console.warn('notify-concurrency: PostgreSQL run skipped: TEST_DATABASE_URL is not set');

const DIALECTS = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !TEST_DATABASE_URL },
];

describe.each(DIALECTS)('competing dispatchers on $name', ({ name, skip }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it.skipIf(skip)(
    'four dispatchers, 200 deliveries: each sent once',
    async () => {
      const sealer = createSealer(randomBytes(32));
      let main: TestStore;
      const others: Store[] = [];
      if (name === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'notify-conc-'));
        cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
        main = await openTestSqlite(join(dir, 'db.sqlite'));
        for (let i = 0; i < 3; i++) others.push(await openStore({ sqliteFile: join(dir, 'db.sqlite') }));
      } else {
        main = await openTestPostgres();
        for (let i = 0; i < 3; i++) others.push(await openStore({ databaseUrl: main.url, poolSize: 3 }));
      }
      cleanup.push(() => main.close());
      for (const s of others) cleanup.push(() => s.close());
      const http: HttpReceiver = await startHttpReceiver(() => ({ status: 200, delayMs: 2 }));
      cleanup.push(() => http.close());

      for (let c = 0; c < 4; c++) {
        await addChannel(
          main.db,
          sealer,
          null,
          `json://127.0.0.1:${http.port}/c${c}?secret=0123456789abcdef`,
          { name: `c${c}`, events: ['status_changed'] },
          { allowPrivateTargets: true },
        );
      }
      for (let i = 0; i < 50; i++)
        await recordEvents(main.db, await insertCase(main.db, sealer, null, `case-${i}`), ['status_changed']);

      const dispatchers = [main, ...others].map((store) =>
        createDispatcher({ store, sealer, allowPrivateTargets: true, batchSize: 7, concurrency: 2 }),
      );
      const summaries = await Promise.all(dispatchers.map((d) => d.runDue()));
      await Promise.all(dispatchers.map((d) => d.stop()));

      expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(200);
      // More than one dispatcher did work (they competed), yet no key arrived twice.
      expect(summaries.filter((s) => s.sent > 0).length).toBeGreaterThan(1);
      const keys = http.hits.map((h) => `${h.path} ${String(h.headers['idempotency-key'])}`);
      expect(keys).toHaveLength(200);
      expect(new Set(keys).size).toBe(200);
      const statuses = await main.db.selectFrom('notify_deliveries').select('status').execute();
      expect(statuses.every((s) => s.status === 'sent')).toBe(true);
    },
    60_000,
  );
});
