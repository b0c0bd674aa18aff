import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { addChannel } from '../src/notify/index.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { ensureBuilt, insertCase, recordEvents } from './notify-fixtures.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './notify-receivers.js';

if (!TEST_DATABASE_URL) console.warn('notify-crash: PostgreSQL run skipped: TEST_DATABASE_URL is not set');

/**
 * A dispatcher process killed with SIGKILL in the middle of a delivery, then a new one started:
 * nothing is lost and no receiver acknowledges any notification twice. The one notification in
 * flight at the kill reaches its receiver again (at-least-once) with the same Idempotency-Key or
 * Message-ID, which is how a receiver drops it; a receiver never acknowledged its first copy.
 */
const CHILD = fileURLToPath(new URL('./notify-crash-child.mjs', import.meta.url));
const TG = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms';
const CASES = 12;
const LEASE_MS = 1500;

function run(
  mode: 'start' | 'drain',
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [CHILD, mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, output: () => out };
}

/** Waits for `p`, failing with `what` (and what the child printed) after a generous bound. */
async function within<T>(what: () => string, p: Promise<T>, timeoutMs = 90_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what()}`)), timeoutMs)),
  );
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const DIALECTS = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !TEST_DATABASE_URL },
];
const TARGETS = ['webhook', 'mail'] as const;

describe.each(DIALECTS)('a dispatcher killed mid-delivery on $name', ({ name, skip }) => {
  let store: TestStore | undefined;
  let dir: string | undefined;
  let http: HttpReceiver | undefined;
  let smtp: SmtpReceiver | undefined;

  beforeAll(() => {
    if (!skip) ensureBuilt();
  }, 180_000);
  afterEach(async () => {
    await http?.close();
    await smtp?.stop();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip).each(TARGETS)(
    'while a %s delivery is in flight: nothing lost, nothing acknowledged twice',
    async (target) => {
      const key = randomBytes(32);
      const sealer = createSealer(key);
      dir = mkdtempSync(join(tmpdir(), 'notify-crash-'));
      store = name === 'sqlite' ? await openTestSqlite(join(dir, 'db.sqlite')) : await openTestPostgres();
      http = await startHttpReceiver(() => ({ status: 200, body: '{"ok":true}' }));
      smtp = await startSmtpReceiver();

      const opts = { allowPrivateTargets: true };
      await addChannel(
        store.db,
        sealer,
        null,
        `json://127.0.0.1:${http.port}/hook?secret=0123456789abcdef`,
        { name: 'hook' },
        opts,
      );
      await addChannel(store.db, sealer, null, `ntfy://127.0.0.1:${http.port}/visa`, { name: 'ntfy' }, opts);
      await addChannel(store.db, sealer, null, `tgram://${TG}/77?api=${http.url}/tg`, { name: 'tg' }, opts);
      await addChannel(
        store.db,
        sealer,
        null,
        `mailto://127.0.0.1:${smtp.port}/?to=a@example.com`,
        { name: 'mail' },
        opts,
      );
      for (let i = 0; i < CASES; i++) {
        const caseId = await insertCase(store.db, sealer, null, `case-${i}`);
        await recordEvents(store.db, caseId, ['status_changed']);
      }
      const expected = CASES * 4;

      const env = {
        NOTIFY_KEY_HEX: key.toString('hex'),
        NOTIFY_LEASE_MS: String(LEASE_MS),
        ...(store.url ? { NOTIFY_DB_URL: store.url } : { NOTIFY_DB_FILE: join(dir, 'db.sqlite') }),
      };
      const acked = () =>
        http!.hits.filter((h) => h.acknowledged).length + smtp!.mails.filter((m) => m.acknowledged).length;
      // Once a good part is delivered, the receiver holds the next message of the chosen kind without
      // answering; the child (one send at a time) is then waiting for that answer and nothing else.
      // It is killed and has exited before the held connection is dropped, so the message in flight
      // is never acknowledged, however slow the machine is.
      const hold: { arrived: Promise<unknown>; drop(): void } =
        target === 'mail'
          ? smtp.holdNext(() => acked() >= expected / 4)
          : http.holdNext((h) => h.path === '/hook' && acked() >= expected / 4);
      const first = run('start', env);
      await within(() => `a held ${target} delivery (child output: ${first.output()})`, hold.arrived);
      first.child.kill('SIGKILL');
      expect(await within(() => 'the killed child to exit', first.done)).toBeNull();
      hold.drop();
      const ackedAtKill = acked();
      expect(ackedAtKill).toBeLessThan(expected);

      // The claimed rows are still 'sending' under the dead process's lease.
      const stuck = await store.db
        .selectFrom('notify_deliveries')
        .select('id')
        .where('status', '=', 'sending')
        .execute();
      expect(stuck.length).toBeGreaterThan(0);

      const second = run('drain', env);
      expect(await within(() => `the drain (output: ${second.output()})`, second.done), second.output()).toBe(0);

      const rows = await store.db.selectFrom('notify_deliveries').select(['status']).execute();
      expect(rows).toHaveLength(expected);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);

      // What each receiver acknowledged: every (case, channel) exactly once.
      const ackedKeys = [
        ...http.hits
          .filter((h) => h.acknowledged && h.path === '/hook')
          .map((h) => `hook ${String(h.headers['idempotency-key'])}`),
        ...http.hits
          .filter((h) => h.acknowledged && h.path === '/')
          .map((h) => `ntfy ${(JSON.parse(h.body) as { title: string }).title}`),
        ...http.hits
          .filter((h) => h.acknowledged && h.path.startsWith('/tg/'))
          .map((h) => `tg ${(JSON.parse(h.body) as { text: string }).text.split('\n')[0]}`),
        ...smtp.mails.filter((m) => m.acknowledged).map((m) => `mail ${m.messageId}`),
      ];
      expect(ackedKeys).toHaveLength(expected);
      expect(new Set(ackedKeys).size).toBe(expected);

      // The copy that was in flight at the kill arrived again, under the same key.
      const unacked = [...http.hits.filter((h) => !h.acknowledged), ...smtp.mails.filter((m) => !m.acknowledged)];
      expect(unacked).toHaveLength(1);
      if (target === 'mail') {
        const lost = smtp.mails.find((m) => !m.acknowledged)!;
        expect(smtp.mails.filter((m) => m.messageId === lost.messageId && m.acknowledged)).toHaveLength(1);
      } else {
        const lost = http.hits.find((h) => !h.acknowledged)!;
        const again = http.hits.filter(
          (h) => h.acknowledged && h.headers['idempotency-key'] === lost.headers['idempotency-key'],
        );
        expect(again).toHaveLength(1);
        expect(again[0]!.body).toBe(lost.body);
      }
    },
    240_000,
  );
});
