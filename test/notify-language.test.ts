import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { addChannel, createDispatcher, testChannel, WebhookPayload } from '../src/notify/index.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { Accounts } from '../src/web/accounts.js';
import { CASE_NUMBER, insertCase, recordEvents } from './notify-fixtures.js';
import {
  type HttpReceiver,
  mailBody,
  type SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from './notify-receivers.js';

/**
 * Notifications in the language of the account that owns the channel: through the real outbox (SQLite and
 * PostgreSQL), to a real SMTP server and a loopback webhook. CEAC's own words stay English and marked as such;
 * the webhook's machine fields stay English beside a translated `text`.
 */
if (!TEST_DATABASE_URL) console.warn('notify-language: PostgreSQL run skipped: TEST_DATABASE_URL is not set');

const DIALECTS = [
  { name: 'sqlite', open: () => openTestSqlite(), skip: false },
  { name: 'postgres', open: () => openTestPostgres(), skip: !TEST_DATABASE_URL },
];
const sealer = createSealer(randomBytes(32));
/** The status paragraph of the fixture's events, as a notification shows it (case number masked). */
const CEAC_TEXT = `Administrative Processing — Your case ${'*'.repeat(CASE_NUMBER.length - 4)}${CASE_NUMBER.slice(-4)} is being processed.`;
/** The English reading stored with the fixture's events. */
const STORED_HEADLINE = 'Your case is in administrative processing';

describe.each(DIALECTS)('notifications in the owner’s language on $name', ({ open, skip }) => {
  let store: TestStore | undefined;
  let http: HttpReceiver | undefined;
  let smtp: SmtpReceiver | undefined;
  afterEach(async () => {
    await http?.close();
    await smtp?.stop();
    await store?.close();
  });

  it.skipIf(skip)(
    'mails a zh-CN and an es account in their languages, CLI channels in English, and keeps the webhook English',
    async () => {
      store = await open();
      http = await startHttpReceiver();
      smtp = await startSmtpReceiver();
      const accounts = new Accounts(store.db, sealer);
      const li = await accounts.createUser('li@example.com', 'a long password');
      await accounts.setLanguage(li.id, 'zh-CN');
      const ana = await accounts.createUser('ana@example.com', 'a long password');
      await accounts.setLanguage(ana.id, 'es');
      const opts = { allowPrivateTargets: true };
      const mail = (to: string) => `mailto://127.0.0.1:${smtp!.port}/?to=${to}`;
      const settings = { events: ['status_changed' as const], timeZone: 'UTC' };
      await addChannel(store.db, sealer, li.id, mail('li@example.com'), settings, opts);
      await addChannel(
        store.db,
        sealer,
        li.id,
        `json://127.0.0.1:${http.port}/hook?secret=0123456789abcdef`,
        { ...settings, name: 'hook' },
        opts,
      );
      await addChannel(store.db, sealer, ana.id, mail('ana@example.com'), settings, opts);
      await addChannel(store.db, sealer, null, mail('cli@example.com'), settings, opts);
      // A CLI channel may choose its language; one owned by an account may choose another than the account's.
      await addChannel(store.db, sealer, null, mail('cli-es@example.com'), { ...settings, language: 'es' }, opts);
      await addChannel(store.db, sealer, ana.id, mail('ana-en@example.com'), { ...settings, language: 'en' }, opts);
      for (const owner of [li.id, ana.id, null])
        await recordEvents(store.db, await insertCase(store.db, sealer, owner, 'Mamá'), ['status_changed']);

      const dispatcher = createDispatcher({ store, sealer, allowPrivateTargets: true });
      expect(await dispatcher.runDue()).toMatchObject({ sent: 6, failed: 0 });
      const to = (address: string) => {
        const found = smtp!.mails.filter((m) => m.to.includes(address));
        expect(found, address).toHaveLength(1);
        const m = found[0]!;
        return {
          subject: m.subject ?? '',
          text: mailBody(m.raw, 'text/plain') ?? '',
          html: mailBody(m.raw, 'text/html') ?? '',
        };
      };

      const zh = to('li@example.com');
      expect(zh.subject).toBe('Mamá (********5432)：状态变化：Refused → Administrative Processing');
      expect(zh.text).toContain('案件：Mamá (********5432)，LND');
      expect(zh.text).toContain('行政审查');
      expect(zh.text).toContain('下一步：');
      expect(zh.text).toContain(`CEAC 显示的英文原文（以英文为准）：${CEAC_TEXT}`);
      expect(zh.text).toContain('"Case Last Updated"（最后更新日期）：2026年11月25日');
      expect(zh.text).not.toContain(STORED_HEADLINE);
      expect(zh.text).not.toContain('Next steps');
      expect(zh.html).toContain(`<q lang="en">${CEAC_TEXT}</q>`);

      const es = to('ana@example.com');
      expect(es.subject).toBe('Mamá (********5432) — Cambio de estado: Refused → Administrative Processing');
      expect(es.text).toContain('Próximos pasos:');
      expect(es.text).toContain('procesamiento administrativo');
      expect(es.text).toContain(`CEAC muestra, en inglés (el texto que vale): ${CEAC_TEXT}`);
      expect(es.text).toContain('"Case Last Updated" (última actualización): 25 nov 2026');
      expect(es.text).not.toContain(STORED_HEADLINE);

      // A channel without an account (the CLI's) speaks English, the stored reading.
      const en = to('cli@example.com');
      expect(en.subject).toBe('Mamá (********5432): Refused → Administrative Processing');
      expect(en.text).toContain(STORED_HEADLINE);
      expect(en.text).toContain(`CEAC shows, in English (the authoritative text): ${CEAC_TEXT}`);

      expect(to('cli-es@example.com').subject).toBe(
        'Mamá (********5432) — Cambio de estado: Refused → Administrative Processing',
      );
      expect(to('ana-en@example.com').subject).toBe('Mamá (********5432): Refused → Administrative Processing');

      // The webhook: stable ids and English fields, the words people read beside them.
      expect(http.hits).toHaveLength(1);
      const body = WebhookPayload.parse(JSON.parse(http.hits[0]!.body));
      if (body.type !== 'event') throw new Error(`expected an event, got ${body.type}`);
      expect(body.event.kind).toBe('status_changed');
      expect(body.event.to?.status).toBe('Administrative Processing');
      expect(body.event.interpretation).toMatchObject({
        state: 'administrative_processing',
        headline: STORED_HEADLINE,
      });
      expect(body.lang).toBe('zh-CN');
      expect(body.text).toBe(zh.text.trimEnd());

      // A test message follows the owner's language too.
      expect(await testChannel(store.db, ana.id, 'email', { store, sealer, allowPrivateTargets: true })).toMatchObject({
        ok: true,
      });
      expect(smtp.mails.at(-1)!.subject).toBe('Notificación de prueba de ceac-watch');
      await dispatcher.stop();
    },
  );
});
