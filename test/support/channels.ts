import { createGuardedHttp, type GuardedHttp } from '../../src/notify/ssrf.js';
import type { Notification, SendContext } from '../../src/notify/types.js';

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
