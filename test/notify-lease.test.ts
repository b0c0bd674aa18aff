import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { addChannel, createDispatcher } from '../src/notify/index.js';
import { openStore, type Store } from '../src/store/db.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL } from '../src/store/testing.js';
import { insertCase, recordEvents } from './notify-fixtures.js';
import { type HttpReceiver, startHttpReceiver } from './notify-receivers.js';

/**
 * Leases against slow sends: a dispatcher whose send takes longer than its lease (a receiver that
 * holds the request) keeps the lease alive, so a second dispatcher finds nothing to claim; and a
 * dispatcher whose lease did lapse (the other one's clock is far ahead, as after a long stall)
 * does not send the rows it no longer holds. Both dispatchers share a test clock, so "longer than
 * the lease" is exact; the tests wait on conditions (the renewal showing in the database), never
 * on sleeps.
 */
if (!TEST_DATABASE_URL) console.warn('notify-lease: PostgreSQL run skipped: TEST_DATABASE_URL is not set');

const LEASE_MS = 1000;
const T0 = Date.UTC(2026, 0, 5, 12, 0);
const DIALECTS = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !TEST_DATABASE_URL },
];

async function until(what: string, test: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(DIALECTS)('notification leases on $name', ({ name, skip }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  /** Two connections to one database (two dispatcher processes), a webhook channel with three due rows. */
  async function setup() {
    const sealer = createSealer(randomBytes(32));
    let main: Store & { url?: string | null };
    let other: Store;
    if (name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'notify-lease-'));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      main = await openTestSqlite(join(dir, 'db.sqlite'));
      other = await openStore({ sqliteFile: join(dir, 'db.sqlite') });
    } else {
      const pg = await openTestPostgres();
      main = pg;
      other = await openStore({ databaseUrl: pg.url!, poolSize: 3 });
    }
    cleanup.push(() => main.close());
    cleanup.push(() => other.close());
    const http: HttpReceiver = await startHttpReceiver();
    cleanup.push(() => http.close());
    await addChannel(
      main.db,
      sealer,
      null,
      `json://127.0.0.1:${http.port}/slow?secret=0123456789abcdef`,
      { name: 'slow' },
      { allowPrivateTargets: true },
    );
    for (let i = 0; i < 3; i++)
      await recordEvents(main.db, await insertCase(main.db, sealer, null, `case-${i}`), ['status_changed'], {
        now: T0,
      });
    const clock = { now: T0 };
    const dispatcher = (store: Store, now: () => number) => {
      const d = createDispatcher({
        store,
        sealer,
        now,
        allowPrivateTargets: true,
        leaseMs: LEASE_MS,
        backoff: { baseMs: 60_000, capMs: 60_000 },
      });
      cleanup.push(() => d.stop());
      return d;
    };
    const leases = async () =>
      (
        await main.db.selectFrom('notify_deliveries').select(['id', 'status', 'lease_until']).orderBy('id').execute()
      ).map((r) => ({
        status: r.status,
        leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
      }));
    const keys = () => http.hits.map((h) => String(h.headers['idempotency-key']));
    return { main, other, http, clock, dispatcher, leases, keys };
  }

  it.skipIf(skip)(
    'a send slower than the lease keeps it: a second dispatcher claims nothing, each row is sent once',
    async () => {
      const { main, other, http, clock, dispatcher, leases, keys } = await setup();
      const a = dispatcher(main, () => clock.now);
      const b = dispatcher(other, () => clock.now);
      const hold = http.holdNext(() => true);
      const aRun = a.runDue();
      await hold.arrived;
      // A's first send is held; the other two rows wait behind it. Let the clock run well past the
      // lease taken at T0, a step at a time, and each time wait for A's renewal to reach the database.
      for (const step of [1, 2, 3]) {
        clock.now = T0 + step * 0.9 * LEASE_MS;
        const target = clock.now + LEASE_MS;
        await until(`the lease renewed to ${target}`, async () =>
          (await leases()).every((l) => l.status === 'sending' && (l.leaseUntil ?? 0) >= target),
        );
        // Now past every lease A ever took before this step: without renewal B would take all three.
        const bRun = await b.runDue();
        expect(bRun).toEqual({ sent: 0, retried: 0, failed: 0, held: 0 });
        expect(http.hits).toHaveLength(1);
      }
      hold.release();
      expect(await aRun).toEqual({ sent: 3, retried: 0, failed: 0, held: 0 });
      expect(keys()).toHaveLength(3);
      expect(new Set(keys()).size).toBe(3);
      expect(http.hits.every((h) => h.acknowledged)).toBe(true);
      expect((await leases()).map((l) => l.status)).toEqual(['sent', 'sent', 'sent']);
    },
    120_000,
  );

  it.skipIf(skip)(
    'a dispatcher whose lease lapsed does not send the rows another one took over',
    async () => {
      const { main, other, http, clock, dispatcher, leases, keys } = await setup();
      const a = dispatcher(main, () => clock.now);
      // B's clock is far ahead: to B every lease A holds has lapsed, as if A had stalled that long.
      const b = dispatcher(other, () => clock.now + 100 * LEASE_MS);
      const hold = http.holdNext(() => true);
      const aRun = a.runDue();
      const held = await hold.arrived;
      expect(await b.runDue()).toEqual({ sent: 3, retried: 0, failed: 0, held: 0 });
      // A's clock catches up too: by its own clock its lease has lapsed, as after a long stall.
      clock.now = T0 + 100 * LEASE_MS;
      hold.release();
      // A finishes the send it had started (that one copy is the documented at-least-once window) but
      // sends neither of the two rows B took over.
      expect((await aRun).sent).toBe(1);
      expect(keys()).toHaveLength(4);
      expect(new Set(keys()).size).toBe(3);
      expect(keys().filter((k) => k === held.headers['idempotency-key'])).toHaveLength(2);
      expect((await leases()).map((l) => l.status)).toEqual(['sent', 'sent', 'sent']);
    },
    120_000,
  );
});
