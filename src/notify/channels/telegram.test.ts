import { describe, expect, it } from 'vitest';

import { startHttpReceiver } from '../../../test/notify-receivers.js';
import {
  closedPort,
  httpRig,
  notification,
  parsesAll,
  refusesAll,
  TRICKY_TEXT,
  TRICKY_TITLE,
} from '../../../test/support/channels.js';
import { DeliveryError } from '../types.js';
import { telegramChannel, type TelegramConfig } from './telegram.js';

const TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms';

describe('telegram: URL → config', () => {
  const GOOD: { url: string; config: TelegramConfig; stored: string; masked: string }[] = [
    {
      url: `tgram://${TOKEN}/4242`,
      config: { token: TOKEN, chats: ['4242'], api: 'https://api.telegram.org' },
      stored: `tgram://${TOKEN}/4242`,
      masked: 'tgram://123456789:****/4242',
    },
    {
      url: `tgram://${TOKEN}/-1001234567890/@visa_news/`,
      config: { token: TOKEN, chats: ['-1001234567890', '@visa_news'], api: 'https://api.telegram.org' },
      stored: `tgram://${TOKEN}/-1001234567890/@visa_news`,
      masked: 'tgram://123456789:****/-1001234567890/@visa_news',
    },
    {
      url: `tgram://${TOKEN}/7?api=http://127.0.0.1:8081/tg/`,
      config: { token: TOKEN, chats: ['7'], api: 'http://127.0.0.1:8081/tg' },
      stored: `tgram://${TOKEN}/7?api=http%3A%2F%2F127.0.0.1%3A8081%2Ftg`,
      masked: 'tgram://123456789:****/7?api=http%3A%2F%2F127.0.0.1%3A8081%2Ftg',
    },
  ];
  parsesAll(telegramChannel, GOOD);

  const BAD: { url: string; errors: { field: string; message: RegExp }[] }[] = [
    { url: 'tgram:/x', errors: [{ field: 'scheme', message: /has the form tgram:\/\/BOT_TOKEN\/CHAT_ID/ }] },
    {
      url: 'tgram://12345:short/42',
      errors: [{ field: 'token', message: /should look like 123456789:AAE… \(from @BotFather\)/ }],
    },
    { url: `tgram://${TOKEN}`, errors: [{ field: 'chat', message: /give at least one chat id/ }] },
    { url: `tgram://${TOKEN}/42/not-a-chat`, errors: [{ field: 'chat', message: /"not-a-chat" is not a chat id/ }] },
    { url: `tgram://${TOKEN}/42?api=ftp://x`, errors: [{ field: 'api', message: /api= must be an http\(s\) URL/ }] },
  ];
  refusesAll(telegramChannel, BAD, [TOKEN.split(':')[1]!, '12345:short']);
});

describe('telegram: event → request', () => {
  const rig = httpRig();
  const ctx = rig.ctx;

  it('one sendMessage per chat, plain text (no parse_mode), title and text apart by a blank line', async () => {
    const parsed = telegramChannel.parse(`tgram://${TOKEN}/4242/@visa_news?api=${rig.receiver.url}/tg`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const before = rig.receiver.hits.length;
    await telegramChannel.send(parsed.config, notification(), ctx);
    const hits = rig.receiver.hits.slice(before);
    expect(hits.map((h) => [h.method, h.path, h.headers['content-type']])).toEqual([
      ['POST', `/tg/bot${TOKEN}/sendMessage`, 'application/json'],
      ['POST', `/tg/bot${TOKEN}/sendMessage`, 'application/json'],
    ]);
    // Markup is sent as characters, not interpreted (no parse_mode), so nothing needs escaping.
    expect(hits.map((h) => JSON.parse(h.body) as unknown)).toEqual(
      ['4242', '@visa_news'].map((chat) => ({
        chat_id: chat,
        text: `${TRICKY_TITLE}\n\n${TRICKY_TEXT}`,
        disable_web_page_preview: true,
      })),
    );
  });

  it('cuts the text at Telegram’s 4096 characters', async () => {
    const parsed = telegramChannel.parse(`tgram://${TOKEN}/1?api=${rig.receiver.url}`);
    if (!parsed.ok) throw new Error('parse');
    const before = rig.receiver.hits.length;
    await telegramChannel.send(parsed.config, notification({ title: 'T', text: 'x'.repeat(5000) }), ctx);
    const sent = JSON.parse(rig.receiver.hits[before]!.body) as { text: string };
    expect(sent.text).toHaveLength(4096);
    expect(sent.text.startsWith('T\n\nxxx')).toBe(true);
  });

  const ANSWERS: {
    name: string;
    status: number;
    body: string;
    headers?: Record<string, string>;
    permanent: boolean;
    message: string;
    retryAfterMs?: number;
  }[] = [
    {
      name: 'chat not found',
      status: 400,
      body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
      permanent: true,
      message: 'Telegram refused the notification with HTTP 400: Bad Request: chat not found',
    },
    {
      name: 'a revoked token',
      status: 401,
      body: '{"ok":false,"error_code":401,"description":"Unauthorized"}',
      permanent: true,
      message:
        'Telegram refused the notification with HTTP 401: Unauthorized (check the credentials or token in the channel URL)',
    },
    {
      name: 'flood control, in the body',
      status: 429,
      body: '{"ok":false,"description":"Too Many Requests: retry after 12","parameters":{"retry_after":12}}',
      permanent: false,
      message: 'Telegram answered HTTP 429: Too Many Requests: retry after 12; will retry',
      retryAfterMs: 12_000,
    },
    {
      name: 'ok:false on HTTP 200',
      status: 200,
      body: '{"ok":false,"description":"odd"}',
      permanent: true,
      message: 'Telegram refused the notification with HTTP 200: odd',
    },
  ];
  it.each(ANSWERS)('$name', async (answer) => {
    const r = await startHttpReceiver(() => ({
      status: answer.status,
      body: answer.body,
      ...(answer.headers && { headers: answer.headers }),
    }));
    try {
      const parsed = telegramChannel.parse(`tgram://${TOKEN}/1/2?api=${r.url}`);
      if (!parsed.ok) throw new Error('parse');
      const e = (await telegramChannel
        .send(parsed.config, notification(), ctx)
        .catch((x: unknown) => x)) as DeliveryError;
      expect(e).toBeInstanceOf(DeliveryError);
      expect(e.message).toBe(answer.message);
      expect(e.permanent).toBe(answer.permanent);
      expect(e.retryAfterMs).toBe(answer.retryAfterMs);
      // The first chat's failure stops the send: the second chat is tried again on the retry.
      expect(r.hits).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('a Bot API server that is down: retried, and the token (which is in the URL) is not in the error', async () => {
    const port = await closedPort();
    const parsed = telegramChannel.parse(`tgram://${TOKEN}/1?api=http://127.0.0.1:${port}`);
    if (!parsed.ok) throw new Error('parse');
    const e = (await telegramChannel
      .send(parsed.config, notification(), ctx)
      .catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(false);
    expect(e.message).toMatch(/^cannot reach the Telegram Bot API \(ECONNREFUSED\)/);
    expect(e.message).not.toContain(TOKEN.split(':')[1]);
  });
});
