import { createHmac, randomBytes } from 'node:crypto';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  addChannel,
  type ChannelSettings,
  createDispatcher,
  type DispatcherOptions,
  listChannels,
  listDeliveries,
  removeChannel,
  testChannel,
  WebhookPayload,
} from '../src/notify/index.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { CASE_NUMBER, insertCase, PASSPORT, recordEvents, SURNAME } from './notify-fixtures.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './notify-receivers.js';

if (!TEST_DATABASE_URL) console.warn('notify-delivery: PostgreSQL runs skipped: TEST_DATABASE_URL is not set');

const TG_TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms';
const SECRET = 'whsec_0123456789abcdef';
const sealer = createSealer(randomBytes(32));

const DIALECTS = [
  { name: 'sqlite', open: () => openTestSqlite(), skip: false },
  { name: 'postgres', open: () => openTestPostgres(), skip: !TEST_DATABASE_URL },
];

describe.each(DIALECTS)('notification delivery on $name', ({ open, skip }) => {
  let store: TestStore;
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let clock: number;
  const opts = { allowPrivateTargets: true };

  beforeAll(async () => {
    if (skip) return;
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    if (skip) return;
    await http.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    if (skip) return;
    store = await open();
    http.hits.length = 0;
    http.respond = () => ({ status: 200, body: '{"ok":true}' });
    smtp.mails.length = 0;
    clock = Date.parse('2026-11-26T15:00:00Z');
  });
  afterEach(async () => {
    if (!skip) await store.close();
  });

  const dispatcher = (extra: Partial<DispatcherOptions> = {}) =>
    createDispatcher({
      store,
      sealer,
      now: () => clock,
      allowPrivateTargets: true,
      publicUrl: 'https://watch.example.org',
      backoff: { baseMs: 1000, capMs: 60_000 },
      random: () => 0.5,
      timeoutMs: 15_000,
      ...extra,
    });
  const add = (url: string, settings: ChannelSettings = {}) =>
    addChannel(store.db, sealer, null, url, { timeZone: 'UTC', ...settings }, opts);

  it.skipIf(skip)(
    'delivers one change to a webhook, ntfy, Telegram and e-mail, with the decoded meaning and no personal data',
    async () => {
      await add(`json://127.0.0.1:${http.port}/hook?secret=${SECRET}`, { name: 'hook' });
      await add(`ntfy://127.0.0.1:${http.port}/visa-alerts`, { name: 'phone' });
      await add(`tgram://${TG_TOKEN}/4242?api=${http.url}/tg`, { name: 'telegram' });
      await add(`mailto://127.0.0.1:${smtp.port}/?to=alice@example.com&from=watch@example.org`, { name: 'mail' });
      const caseId = await insertCase(store.db, sealer);
      const [event] = await recordEvents(store.db, caseId, ['status_changed'], { now: clock });

      const d = dispatcher();
      expect(await d.runDue()).toEqual({ sent: 4, retried: 0, failed: 0, held: 0 });
      await d.stop();

      // Webhook: signed body, idempotency key, payload that matches the published schema.
      const hook = http.hits.find((h) => h.path === '/hook')!;
      expect(hook.headers['idempotency-key']).toBe(`ceac-watch-event-${event!.id}`);
      expect(hook.headers['x-ceac-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`,
      );
      const payload = WebhookPayload.parse(JSON.parse(hook.body));
      expect(payload.type).toBe('event');
      if (payload.type !== 'event') return;
      expect(payload.event.kind).toBe('status_changed');
      expect(payload.event.case.caseNumber).toBe('********5432');
      expect(payload.event.from?.status).toBe('Refused');
      expect(payload.event.to?.status).toBe('Administrative Processing');
      expect(payload.event.interpretation?.headline).toBe('Your case is in administrative processing');
      expect(payload.event.link).toBe(`https://watch.example.org/cases/${caseId}`);

      // ntfy: JSON publish to the server root, topic in the body.
      const ntfy = http.hits.find((h) => h.path === '/')!;
      const note = JSON.parse(ntfy.body) as Record<string, unknown>;
      expect(note).toMatchObject({
        topic: 'visa-alerts',
        priority: 4,
        click: `https://watch.example.org/cases/${caseId}`,
      });
      expect(note.title).toBe('Mum (********5432): Refused → Administrative Processing');

      // Telegram: sendMessage under the bot token, to the chat.
      const tg = http.hits.find((h) => h.path.startsWith('/tg/'))!;
      expect(tg.path).toBe(`/tg/bot${TG_TOKEN}/sendMessage`);
      const tgBody = JSON.parse(tg.body) as { chat_id: string; text: string };
      expect(tgBody.chat_id).toBe('4242');
      expect(tgBody.text).toContain('Next steps:\n- Wait; most cases clear within 60 days.');

      // E-mail: plain text and HTML parts, a stable Message-ID.
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to).toEqual(['alice@example.com']);
      expect(mail.messageId).toBe(`<ceac-watch-event-${event!.id}@ceac-watch>`);
      expect(mail.raw).toMatch(/Content-Type: text\/plain/);
      expect(mail.raw).toMatch(/Content-Type: text\/html/);

      for (const text of [...http.hits.map((h) => h.body + JSON.stringify(h.headers)), mail.raw]) {
        expect(text).not.toContain(CASE_NUMBER);
        expect(text).not.toContain(PASSPORT);
        expect(text).not.toContain(SURNAME);
      }
      // The status text named the case number; it went out masked.
      expect(hook.body).toContain('Your case ********5432 is being processed.');

      // Nothing more to send: a second run (a restart) sends nothing again.
      const again = dispatcher();
      expect(await again.runDue()).toEqual({ sent: 0, retried: 0, failed: 0, held: 0 });
      await again.stop();
      expect(http.hits).toHaveLength(3);
      expect(smtp.mails).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    'retries a webhook that answers 500, then delivers it once with the same idempotency key',
    async () => {
      await add(`json://127.0.0.1:${http.port}/flaky?secret=${SECRET}`);
      const caseId = await insertCase(store.db, sealer);
      await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
      http.respond = (_hit, i) => (i === 0 ? { status: 500, body: 'database is down' } : { status: 200 });

      const d = dispatcher();
      expect(await d.runDue()).toMatchObject({ sent: 0, retried: 1 });
      const [pending] = await listDeliveries(store.db, null);
      expect(pending).toMatchObject({ status: 'pending', attempts: 1, holdReason: 'retry' });
      expect(pending!.lastError).toMatch(/HTTP 500: database is down; will retry/);
      // Backoff: 1 s base, jitter fixed at 0.5 -> 750 ms. Not due before that.
      expect(pending!.nextAttemptAt).toBe(clock + 750);
      clock += 500;
      expect(await d.runDue()).toMatchObject({ sent: 0, retried: 0 });
      clock += 300;
      expect(await d.runDue()).toMatchObject({ sent: 1 });
      await d.stop();
      expect(http.hits.map((h) => h.status)).toEqual([500, 200]);
      expect(new Set(http.hits.map((h) => h.headers['idempotency-key'])).size).toBe(1);
      expect((await listDeliveries(store.db, null))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    },
  );

  it.skipIf(skip)('marks a webhook answering 410 failed at once, with the error visible on the channel', async () => {
    const { channel } = await add(`json://127.0.0.1:${http.port}/gone?secret=${SECRET}`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    http.respond = () => ({ status: 410, body: 'hook deleted' });
    const d = dispatcher();
    expect(await d.runDue()).toMatchObject({ failed: 1, retried: 0 });
    clock += 3_600_000;
    expect(await d.runDue()).toMatchObject({ sent: 0, failed: 0, retried: 0 });
    await d.stop();
    expect(http.hits).toHaveLength(1);
    const [view] = await listChannels(store.db, null);
    expect(view!.id).toBe(channel.id);
    expect(view!.deliveries).toEqual({ pending: 0, sent: 0, failed: 1 });
    expect(view!.lastError).toMatch(
      /refused the notification with HTTP 410: hook deleted \(the target no longer exists/,
    );
  });

  it.skipIf(skip)('gives up after the bounded number of tries', async () => {
    await add(`json://127.0.0.1:${http.port}/down?secret=${SECRET}`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    http.respond = () => ({ status: 503 });
    const d = dispatcher({ maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await d.runDue();
      clock += 120_000;
    }
    await d.stop();
    expect(http.hits).toHaveLength(3);
    const [row] = await listDeliveries(store.db, null);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row!.lastError).toMatch(/HTTP 503.*\(gave up after 3 tries\)/);
    // Given up: the note that it will be retried no longer holds.
    expect(row!.lastError).not.toMatch(/will retry/);
  });

  it.skipIf(skip)('keeps mail while the SMTP server is down and sends it once it is back', async () => {
    await add(`mailto://127.0.0.1:${smtp.port}/?to=alice@example.com`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed', 'text_changed'], { now: clock });
    await smtp.stop();
    const d = dispatcher();
    try {
      expect(await d.runDue()).toMatchObject({ sent: 0, retried: 1 });
      const [row] = await listDeliveries(store.db, null);
      expect(row!.lastError).toMatch(/cannot reach the mail server \(ECONNECTION|ECONNREFUSED/);
    } finally {
      await smtp.start();
    }
    clock += 2000;
    expect(await d.runDue()).toMatchObject({ sent: 1 });
    await d.stop();
    expect(smtp.mails).toHaveLength(1);
  });

  it.skipIf(skip)('fails for good on a 5xx answer to the message, without the address in the error', async () => {
    await add(`mailto://127.0.0.1:${smtp.port}/?to=alice.secret@example.com`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    smtp.rejectWith = { code: 550, message: 'mailbox <alice.secret@example.com> unavailable' };
    const d = dispatcher();
    expect(await d.runDue()).toMatchObject({ failed: 1, retried: 0 });
    await d.stop();
    const [row] = await listDeliveries(store.db, null);
    expect(row!.lastError).toMatch(/the mail server refused the message \(550\).*a\*@example\.com/);
    expect(row!.lastError).not.toContain('alice.secret');
  });

  it.skipIf(skip)('fails for good when the mail server refuses the login', async () => {
    const authed = await startSmtpReceiver({ users: { alice: 'right-password' } });
    try {
      await add(`mailto://alice:wrong-password@127.0.0.1:${authed.port}/?to=alice@example.com`);
      const caseId = await insertCase(store.db, sealer);
      await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
      const d = dispatcher();
      expect(await d.runDue()).toMatchObject({ failed: 1 });
      await d.stop();
      const [row] = await listDeliveries(store.db, null);
      expect(row!.lastError).toMatch(/refused the login.*check user and password/);
      expect(row!.lastError).not.toContain('wrong-password');
    } finally {
      await authed.stop();
    }
  });

  it.skipIf(skip)('sends each channel only the event kinds it chose, and only to its owner', async () => {
    await add(`json://127.0.0.1:${http.port}/status?secret=${SECRET}`, {
      name: 'status only',
      events: ['status_changed'],
    });
    await add(`json://127.0.0.1:${http.port}/text?secret=${SECRET}`, {
      name: 'text too',
      events: ['status_changed', 'text_changed'],
    });
    await addChannel(
      store.db,
      sealer,
      7,
      `json://127.0.0.1:${http.port}/other-user?secret=${SECRET}`,
      { events: ['text_changed', 'status_changed'] },
      opts,
    );
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['text_changed'], { now: clock });
    await recordEvents(store.db, caseId, ['last_updated_changed'], { now: clock });
    const d = dispatcher();
    await d.runDue();
    await d.stop();
    expect(http.hits.map((h) => h.path)).toEqual(['/text']);
  });

  it.skipIf(skip)('writes no outbox row when the event transaction rolls back', async () => {
    await add(`json://127.0.0.1:${http.port}/x?secret=${SECRET}`);
    const caseId = await insertCase(store.db, sealer);
    await expect(recordEvents(store.db, caseId, ['status_changed'], { now: clock, fail: true })).rejects.toThrow(
      /rolled back/,
    );
    expect(await listDeliveries(store.db, null)).toEqual([]);
  });

  it.skipIf(skip)('holds notifications during quiet hours in the person’s zone, then sends them', async () => {
    // 15:00Z is 10:00 in Toronto; quiet 09:00-11:00 there.
    await add(`json://127.0.0.1:${http.port}/quiet?secret=${SECRET}`, {
      quiet: { start: '09:00', end: '11:00' },
      timeZone: 'America/Toronto',
    });
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    const [held] = await listDeliveries(store.db, null);
    expect(held).toMatchObject({
      status: 'pending',
      holdReason: 'quiet hours',
      nextAttemptAt: Date.parse('2026-11-26T16:00:00Z'),
    });
    const d = dispatcher();
    expect(await d.runDue()).toMatchObject({ sent: 0 });
    clock = Date.parse('2026-11-26T16:00:00Z');
    expect(await d.runDue()).toMatchObject({ sent: 1 });
    await d.stop();
    expect(http.hits).toHaveLength(1);
  });

  it.skipIf(skip)('collects "Case Last Updated" changes into one daily digest', async () => {
    await add(`json://127.0.0.1:${http.port}/digest?secret=${SECRET}`, { digest: true, digestAt: '18:00' });
    const caseA = await insertCase(store.db, sealer, null, 'Mum');
    const caseB = await insertCase(store.db, sealer, null, 'Dad');
    await recordEvents(store.db, caseA, ['last_updated_changed'], { now: clock });
    await recordEvents(store.db, caseB, ['last_updated_changed', 'status_changed'], { now: clock });
    const d = dispatcher();
    // The status change goes at once (a default kind); the date-only changes wait for 18:00.
    expect(await d.runDue()).toMatchObject({ sent: 1 });
    clock = Date.parse('2026-11-26T18:00:00Z');
    expect(await d.runDue()).toMatchObject({ sent: 2 });
    await d.stop();
    expect(http.hits).toHaveLength(2);
    const digest = WebhookPayload.parse(JSON.parse(http.hits[1]!.body));
    expect(digest.type).toBe('digest');
    if (digest.type === 'digest') expect(digest.events.map((e) => e.case.label).sort()).toEqual(['Dad', 'Mum']);
    expect(http.hits[1]!.headers['idempotency-key']).toMatch(/^ceac-watch-digest-/);
  });

  it.skipIf(skip)('refuses a private target at send time when private targets are not allowed', async () => {
    await add(`json://127.0.0.1:${http.port}/inside?secret=${SECRET}`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    const d = dispatcher({ allowPrivateTargets: false });
    expect(await d.runDue()).toMatchObject({ failed: 1 });
    await d.stop();
    expect(http.hits).toHaveLength(0);
    expect((await listDeliveries(store.db, null))[0]!.lastError).toMatch(
      /refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/,
    );
  });

  it.skipIf(skip)('refuses a host name that resolves to loopback at connection time', async () => {
    await add(`json://localhost:${http.port}/inside?secret=${SECRET}`);
    const caseId = await insertCase(store.db, sealer);
    await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
    const d = dispatcher({ allowPrivateTargets: false });
    expect(await d.runDue()).toMatchObject({ failed: 1 });
    await d.stop();
    expect(http.hits).toHaveLength(0);
    expect((await listDeliveries(store.db, null))[0]!.lastError).toMatch(
      /refused: localhost resolves to (127\.0\.0\.1|::1)/,
    );
  });

  it.skipIf(skip)('seals channel URLs at rest and generates a webhook secret when none is given', async () => {
    const result = await add(`json://127.0.0.1:${http.port}/nosecret`);
    expect(result.generatedSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(result.channel.url).toBe(`http://127.0.0.1:${http.port}/nosecret?secret=****`);
    const ntfy = await add(`ntfys://bob:hunter2-pw@push.example.net/visa`);
    const rows = await store.db.selectFrom('notify_channels').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('hunter2-pw');
    expect(dump).not.toContain(result.generatedSecret!);
    expect(sealer.unseal(rows.find((r) => r.id === ntfy.channel.id)!.url_sealed)).toBe(
      'ntfys://bob:hunter2-pw@push.example.net/visa',
    );
  });

  it.skipIf(skip)(
    'rejects a duplicate channel name, bad settings, and removes a channel with its outbox rows',
    async () => {
      await add(`json://127.0.0.1:${http.port}/a?secret=${SECRET}`, { name: 'hook' });
      await expect(add(`json://127.0.0.1:${http.port}/b?secret=${SECRET}`, { name: 'hook' })).rejects.toThrow(
        /a channel named "hook" exists already/,
      );
      await expect(
        add(`json://127.0.0.1:${http.port}/b?secret=${SECRET}`, { timeZone: 'Mars/Olympus' }),
      ).rejects.toThrow(/not an IANA time zone/);
      const second = await add(`json://127.0.0.1:${http.port}/c?secret=${SECRET}`);
      expect(second.channel.name).toBe('webhook');
      const caseId = await insertCase(store.db, sealer);
      await recordEvents(store.db, caseId, ['status_changed'], { now: clock });
      expect(await listDeliveries(store.db, null)).toHaveLength(2);
      expect(await removeChannel(store.db, null, 'hook')).toBe(true);
      expect(await removeChannel(store.db, null, 'hook')).toBe(false);
      expect(await listDeliveries(store.db, null)).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    'in the background loop, wake() delivers a fresh event without waiting for the next poll',
    async () => {
      await add(`json://127.0.0.1:${http.port}/bg?secret=${SECRET}`);
      const caseId = await insertCase(store.db, sealer);
      const d = dispatcher({ now: Date.now, pollMs: 60_000 });
      d.start();
      try {
        await new Promise((r) => setTimeout(r, 100)); // the first (empty) run is over; the next poll is a minute away
        await recordEvents(store.db, caseId, ['status_changed']);
        d.wake();
        // A generous bound that is still far below the minute until the next poll.
        const end = Date.now() + 30_000;
        while (http.hits.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
        expect(http.hits).toHaveLength(1);
      } finally {
        await d.stop();
      }
    },
    60_000,
  );

  it.skipIf(skip)('sends a test message and reports a failing one', async () => {
    await add(`json://127.0.0.1:${http.port}/t?secret=${SECRET}`, { name: 't' });
    expect(await testChannel(store.db, null, 't', { store, sealer, allowPrivateTargets: true })).toEqual({
      ok: true,
      channel: 't',
    });
    expect(WebhookPayload.parse(JSON.parse(http.hits[0]!.body)).type).toBe('test');
    http.respond = () => ({ status: 401, body: 'bad token' });
    expect(await testChannel(store.db, null, 't', { store, sealer, allowPrivateTargets: true })).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringMatching(/HTTP 401: bad token \(check the credentials/),
    });
    expect(await testChannel(store.db, null, 'nope', { store, sealer, allowPrivateTargets: true })).toBeNull();
  });
});
