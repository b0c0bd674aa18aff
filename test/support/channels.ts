import { afterAll, beforeAll, expect, it } from 'vitest';

import { createGuardedHttp, type GuardedHttp } from '../../src/notify/ssrf.js';
import type { ChannelDefinition, Notification, SendContext } from '../../src/notify/types.js';
import { type HttpReceiver, startHttpReceiver } from '../notify-receivers.js';

/**
 * What the channel tests send: notifications whose words a careless channel would break (markup,
 * quotes, ampersands, non-ASCII, a line break), and a send context over the real guarded fetch.
 */
export const TRICKY_TITLE = 'Mum (****5432): Refused → Administrative Processing & "221(g)" <b>';
export const TRICKY_TEXT = 'Line one <script>alert(1)</script>\nZweite Zeile: Größe ✓ 审理中 "quoted" & done';

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    idempotencyKey: 'ceac-watch-event-42',
    title: TRICKY_TITLE,
    text: TRICKY_TEXT,
    html: '<p><strong>Refused → Administrative Processing &amp; &quot;221(g)&quot; &lt;b&gt;</strong></p>',
    payload: { version: 1, type: 'test', message: TRICKY_TEXT },
    link: 'https://watch.example.org/cases/7',
    priority: 'high',
    tags: ['passport_control'],
    ...overrides,
  };
}

/** A send context on the real SSRF-guarded pool; `allowPrivateTargets` so that loopback receivers are reachable. */
export function sendContext(options: { allowPrivateTargets?: boolean; timeoutMs?: number } = {}): {
  ctx: SendContext;
  http: GuardedHttp;
} {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const allowPrivateTargets = options.allowPrivateTargets ?? true;
  const http = createGuardedHttp({ allowPrivateTargets, timeoutMs });
  return {
    http,
    ctx: {
      fetch: http.fetch,
      dispatcher: http.agent,
      allowPrivateTargets,
      mailFrom: 'ceac-watch <watch@example.org>',
      timeoutMs,
    },
  };
}

/** A loopback port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Rows of URL → config: each parses to its config, stores and masks as given, and reads back from its stored form. */
export function parsesAll<C>(
  channel: ChannelDefinition<C>,
  rows: readonly { url: string; config: C; stored: string; masked: string }[],
): void {
  it.each(rows)('$url', ({ url, config, stored, masked }) => {
    const parsed = channel.parse(url);
    expect(parsed).toEqual({ ok: true, config });
    if (!parsed.ok) return;
    expect(channel.serialize(parsed.config)).toBe(stored);
    expect(channel.mask(parsed.config)).toBe(masked);
    expect(channel.parse(stored)).toEqual({ ok: true, config });
  });
}

/** Rows of bad URL → the errors it gives, field by field; none of `secrets` is ever repeated back. */
export function refusesAll(
  channel: ChannelDefinition,
  rows: readonly { url: string; errors: readonly { field: string; message: RegExp }[] }[],
  secrets: readonly string[],
): void {
  it.each(rows)('refuses $url', ({ url, errors }) => {
    const parsed = channel.parse(url);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(errors.map((e) => e.field));
    parsed.errors.forEach((e, i) => expect(e.message).toMatch(errors[i]!.message));
    for (const secret of secrets) expect(JSON.stringify(parsed.errors)).not.toContain(secret);
  });
}

/** For one describe block: a loopback HTTP receiver and a send context that reaches it, closed after the block. */
export function httpRig(): { readonly receiver: HttpReceiver; ctx: SendContext } {
  let receiver: HttpReceiver | undefined;
  const { ctx, http } = sendContext();
  beforeAll(async () => {
    receiver = await startHttpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await http.close();
  });
  return {
    get receiver() {
      if (!receiver) throw new Error('httpRig: the receiver starts in beforeAll');
      return receiver;
    },
    ctx,
  };
}
