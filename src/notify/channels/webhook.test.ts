import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { startHttpReceiver } from '../../../test/notify-receivers.js';
import {
  closedPort,
  httpRig,
  notification,
  parsesAll,
  refusesAll,
  sendContext,
  TRICKY_TEXT,
} from '../../../test/support/channels.js';
import { DeliveryError } from '../types.js';
import { signBody, webhookChannel, type WebhookConfig } from './webhook.js';

const SECRET = 's3cret-0123456789abcdef';

describe('webhook: URL → config', () => {
  const GOOD: { url: string; config: WebhookConfig; stored: string; masked: string }[] = [
    {
      url: `jsons://hooks.example.com/ceac?secret=${SECRET}`,
      config: { target: 'https://hooks.example.com/ceac', secret: SECRET },
      stored: `https://hooks.example.com/ceac?secret=${SECRET}`,
      masked: 'https://hooks.example.com/ceac?secret=****',
    },
    {
      // Other query parameters stay in the target; the secret is taken out wherever it stands.
      url: `json://hooks.example.com:8080/a/b?team=ops&secret=${SECRET}&x=1`,
      config: { target: 'http://hooks.example.com:8080/a/b?team=ops&x=1', secret: SECRET },
      stored: `http://hooks.example.com:8080/a/b?team=ops&x=1&secret=${SECRET}`,
      masked: 'http://hooks.example.com:8080/a/b?team=****&x=****&secret=****',
    },
    {
      url: 'https://example.com/hook',
      config: { target: 'https://example.com/hook', secret: null },
      stored: 'https://example.com/hook',
      masked: 'https://example.com/hook',
    },
    {
      url: 'http://[2001:db8::1]:9000/h',
      config: { target: 'http://[2001:db8::1]:9000/h', secret: null },
      stored: 'http://[2001:db8::1]:9000/h',
      masked: 'http://[2001:db8::1]:9000/h',
    },
  ];
  parsesAll(webhookChannel, GOOD);

  const BAD: { url: string; errors: { field: string; message: RegExp }[] }[] = [
    { url: 'hooks.example.com/ceac', errors: [{ field: 'url', message: /^not a URL; expected e\.g\. jsons:\/\// }] },
    {
      url: 'ftp://hooks.example.com/x',
      errors: [{ field: 'scheme', message: /starts with json:\/\/, jsons:\/\/.*not ftp:\/\// }],
    },
    {
      url: 'json://alice:pw@hooks.example.com/x',
      errors: [{ field: 'credentials', message: /no user:password.*\?secret=/ }],
    },
    {
      url: 'jsons://hooks.example.com/x?secret=short',
      errors: [{ field: 'secret', message: /at least 16 characters/ }],
    },
  ];
  // What was typed as a password or secret is never repeated back.
  refusesAll(webhookChannel, BAD, ['short', ':pw@']);
});

describe('webhook: event → request', () => {
  const rig = httpRig();
  const ctx = rig.ctx;

  const CASES = [
    { name: 'signed, with extra query parameters', query: `?team=ops&secret=${SECRET}`, path: '/ceac/hook?team=ops' },
    { name: 'unsigned', query: '', path: '/ceac/hook' },
  ];
  it.each(CASES)('$name', async ({ query, path }) => {
    const before = rig.receiver.hits.length;
    const parsed = webhookChannel.parse(`json://127.0.0.1:${rig.receiver.port}/ceac/hook${query}`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const message = notification({ payload: { version: 1, type: 'test', message: TRICKY_TEXT, nested: { a: [1] } } });
    await webhookChannel.send(parsed.config, message, ctx);
    const hit = rig.receiver.hits[before]!;
    expect(hit.method).toBe('POST');
    // The secret never travels in the URL: it signs the body instead.
    expect(hit.path).toBe(path);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['idempotency-key']).toBe('ceac-watch-event-42');
    expect(hit.headers['user-agent']).toBe('ceac-watch');
    // The body is the payload as JSON, byte for byte: markup and non-ASCII text untouched.
    expect(hit.body).toBe(JSON.stringify(message.payload));
    expect(JSON.parse(hit.body)).toEqual(message.payload);
    expect(hit.body).toContain('<script>alert(1)</script>');
    expect(hit.body).toContain('审理中');
    if (parsed.config.secret) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(hit.body, 'utf8').digest('hex')}`;
      expect(hit.headers['x-ceac-signature']).toBe(expected);
      expect(signBody(SECRET, hit.body)).toBe(expected);
      expect(JSON.stringify(hit.headers)).not.toContain(SECRET);
    } else {
      expect(hit.headers['x-ceac-signature']).toBeUndefined();
    }
  });

  // Each answer, and what the channel makes of it: retried or not, and the words a person reads.
  const ANSWERS: {
    status: number;
    body?: string;
    headers?: Record<string, string>;
    permanent: boolean;
    message: RegExp;
    retryAfterMs?: number;
  }[] = [
    {
      status: 404,
      body: 'no such hook',
      permanent: true,
      message: /refused .* HTTP 404: no such hook \(the target no longer exists/,
    },
    { status: 401, permanent: true, message: /HTTP 401.*check the credentials or token/ },
    {
      status: 301,
      headers: { location: 'https://elsewhere.example/' },
      permanent: true,
      message: /redirect \(HTTP 301\); redirects are not followed/,
    },
    {
      status: 503,
      body: 'busy',
      headers: { 'retry-after': '7' },
      permanent: false,
      message: /answered HTTP 503: busy; will retry/,
      retryAfterMs: 7000,
    },
    { status: 429, permanent: false, message: /HTTP 429.*will retry/ },
  ];
  it.each(ANSWERS)('HTTP $status → permanent: $permanent', async (answer) => {
    const r = await startHttpReceiver(() => ({
      status: answer.status,
      body: answer.body ?? '',
      ...(answer.headers && { headers: answer.headers }),
    }));
    try {
      const parsed = webhookChannel.parse(`json://127.0.0.1:${r.port}/h?secret=${SECRET}`);
      if (!parsed.ok) throw new Error('parse');
      const err = await webhookChannel.send(parsed.config, notification(), ctx).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DeliveryError);
      const e = err as DeliveryError;
      expect(e.permanent).toBe(answer.permanent);
      expect(e.message).toMatch(answer.message);
      expect(e.message).toContain(`the webhook at 127.0.0.1:${r.port}`);
      expect(e.message).not.toContain(SECRET);
      expect(e.retryAfterMs).toBe(answer.retryAfterMs);
      // A one-off test is not retried: its words leave out the outbox's note.
      expect(e.reason).toBe(e.message.replace(/; will retry$/, ''));
      expect(e.reason.endsWith('will retry')).toBe(false);
      // Exactly one request: the channel does not retry by itself, nor follow the redirect.
      expect(r.hits).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('a target nobody listens on is a retryable failure that names the host, not the secret', async () => {
    const port = await closedPort();
    const parsed = webhookChannel.parse(`json://127.0.0.1:${port}/h?secret=${SECRET}`);
    if (!parsed.ok) throw new Error('parse');
    const e = (await webhookChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(false);
    expect(e.message).toMatch(new RegExp(`cannot reach the webhook at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(e.message).not.toContain(SECRET);
  });

  it('refuses a loopback target unless private targets are allowed, before any request', async () => {
    const guarded = sendContext({ allowPrivateTargets: false });
    try {
      const before = rig.receiver.hits.length;
      const parsed = webhookChannel.parse(`json://127.0.0.1:${rig.receiver.port}/h`);
      if (!parsed.ok) throw new Error('parse');
      const e = (await webhookChannel
        .send(parsed.config, notification(), guarded.ctx)
        .catch((x: unknown) => x)) as DeliveryError;
      expect(e).toBeInstanceOf(DeliveryError);
      expect(e.permanent).toBe(true);
      expect(e.message).toMatch(
        /refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or link-local address/,
      );
      expect(rig.receiver.hits.length).toBe(before);
      expect(await webhookChannel.validate(parsed.config, { allowPrivateTargets: false })).toEqual([
        { field: 'host', message: expect.stringMatching(/^refused: 127\.0\.0\.1 resolves to/) as unknown },
      ]);
      expect(await webhookChannel.validate(parsed.config, { allowPrivateTargets: true })).toEqual([]);
    } finally {
      await guarded.http.close();
    }
  });
});
