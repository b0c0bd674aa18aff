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
import { DeliveryError, type Notification } from '../types.js';
import { ntfyChannel, type NtfyConfig } from './ntfy.js';

describe('ntfy: URL → config', () => {
  const GOOD: { url: string; config: NtfyConfig; stored: string; masked: string }[] = [
    {
      url: 'ntfy://visa_alerts-2',
      config: { server: 'https://ntfy.sh', topic: 'visa_alerts-2', user: null, password: null, token: null },
      stored: 'ntfys://ntfy.sh/visa_alerts-2',
      masked: 'ntfys://ntfy.sh/visa_alerts-2',
    },
    {
      url: 'ntfys://bob:p%40ss%3Aword@push.example.net/visa',
      config: { server: 'https://push.example.net', topic: 'visa', user: 'bob', password: 'p@ss:word', token: null },
      stored: 'ntfys://bob:p%40ss%3Aword@push.example.net/visa',
      masked: 'ntfys://bob:****@push.example.net/visa',
    },
    {
      url: 'ntfy://push.local:8090/visa/?token=tk_abc123',
      config: { server: 'http://push.local:8090', topic: 'visa', user: null, password: null, token: 'tk_abc123' },
      stored: 'ntfy://push.local:8090/visa?token=tk_abc123',
      masked: 'ntfy://push.local:8090/visa?token=****',
    },
  ];
  parsesAll(ntfyChannel, GOOD);

  const BAD: { url: string; errors: { field: string; message: RegExp }[] }[] = [
    { url: 'gotify://x/y', errors: [{ field: 'scheme', message: /starts with ntfy:\/\/ or ntfys:\/\// }] },
    { url: 'ntfys://host/bad topic!', errors: [{ field: 'topic', message: /is not an ntfy topic: use 1-64 letters/ }] },
    {
      url: 'ntfy://mytopic:8080',
      errors: [{ field: 'topic', message: /give a topic \(ntfy:\/\/topic\) or a server/ }],
    },
    { url: 'ntfys://bob@host/visa', errors: [{ field: 'password', message: /user given without a password/ }] },
    {
      url: 'ntfys://bob:hunter2@host/visa?token=tk_zzz',
      errors: [{ field: 'token', message: /either user:password or \?token=, not both/ }],
    },
    { url: 'ntfys://[bad/visa', errors: [{ field: 'url', message: /not a valid ntfy URL/ }] },
  ];
  refusesAll(ntfyChannel, BAD, ['hunter2', 'tk_zzz']);
});

describe('ntfy: event → request', () => {
  const rig = httpRig();
  const ctx = rig.ctx;

  const CASES: {
    name: string;
    auth: string;
    message: Partial<Notification>;
    authorization: string | undefined;
    body: Record<string, unknown>;
  }[] = [
    {
      name: 'a status change, user and password',
      auth: 'bob:p%40ss%3Aword@',
      message: {},
      authorization: `Basic ${Buffer.from('bob:p@ss:word').toString('base64')}`,
      body: {
        topic: 'visa',
        title: TRICKY_TITLE,
        message: TRICKY_TEXT,
        tags: ['passport_control'],
        priority: 4,
        click: 'https://watch.example.org/cases/7',
      },
    },
    {
      name: 'a digest, token, no link',
      auth: '',
      message: { priority: 'low', link: null, tags: ['calendar'] },
      authorization: 'Bearer tk_abc123',
      body: { topic: 'visa', title: TRICKY_TITLE, message: TRICKY_TEXT, tags: ['calendar'], priority: 2 },
    },
    {
      name: 'default priority, no credentials',
      auth: '',
      message: { priority: 'default' },
      authorization: undefined,
      body: {
        topic: 'visa',
        title: TRICKY_TITLE,
        message: TRICKY_TEXT,
        tags: ['passport_control'],
        priority: 3,
        click: 'https://watch.example.org/cases/7',
      },
    },
  ];
  it.each(CASES)('$name', async ({ auth, message, authorization, body }) => {
    const token = authorization?.startsWith('Bearer') ? '?token=tk_abc123' : '';
    const parsed = ntfyChannel.parse(`ntfy://${auth}127.0.0.1:${rig.receiver.port}/visa${token}`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const before = rig.receiver.hits.length;
    await ntfyChannel.send(parsed.config, notification(message), ctx);
    expect(rig.receiver.hits).toHaveLength(before + 1);
    const hit = rig.receiver.hits[before]!;
    // JSON publishing: to the server root, the topic in the body (a topic path would take the body as text).
    expect(hit.method).toBe('POST');
    expect(hit.path).toBe('/');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers.authorization).toBe(authorization);
    expect(JSON.parse(hit.body)).toEqual(body);
    // No HTML reaches a push notification, and the text is not escaped either: ntfy shows it as typed.
    expect(hit.body).not.toContain('&amp;');
  });

  it('a refusal names the server and never the password', async () => {
    const r = await startHttpReceiver(() => ({ status: 403, body: '{"error":"forbidden"}' }));
    try {
      const parsed = ntfyChannel.parse(`ntfy://bob:hunter2hunter2@127.0.0.1:${r.port}/visa`);
      if (!parsed.ok) throw new Error('parse');
      const e = (await ntfyChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
      expect(e).toBeInstanceOf(DeliveryError);
      expect(e.permanent).toBe(true);
      expect(e.message).toBe(
        `the ntfy server 127.0.0.1:${r.port} refused the notification with HTTP 403: {"error":"forbidden"} (check the credentials or token in the channel URL)`,
      );
      expect(r.hits[0]!.headers.authorization).toBe(`Basic ${Buffer.from('bob:hunter2hunter2').toString('base64')}`);
    } finally {
      await r.close();
    }
  });

  it('a rate limit is retried after the time the server asks for', async () => {
    const r = await startHttpReceiver(() => ({ status: 429, body: '', headers: { 'retry-after': '30' } }));
    try {
      const parsed = ntfyChannel.parse(`ntfy://127.0.0.1:${r.port}/visa?token=tk_secret_token`);
      if (!parsed.ok) throw new Error('parse');
      const e = (await ntfyChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
      expect(e.permanent).toBe(false);
      expect(e.retryAfterMs).toBe(30_000);
      expect(e.message).not.toContain('tk_secret_token');
    } finally {
      await r.close();
    }
  });

  it('a server that is down is retried, and the token is not in the error', async () => {
    const port = await closedPort();
    const parsed = ntfyChannel.parse(`ntfy://127.0.0.1:${port}/visa?token=tk_secret_token`);
    if (!parsed.ok) throw new Error('parse');
    const e = (await ntfyChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e.permanent).toBe(false);
    expect(e.message).toMatch(new RegExp(`^cannot reach the ntfy server 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(e.message).not.toContain('tk_secret_token');
  });
});
