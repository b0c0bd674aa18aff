import { Hono } from 'hono';

import type { AppEnv } from './context.js';
import { pageLanguage, t } from './language.js';
import { localDateTime } from './local-time.js';
import { Layout } from './pages/layout.js';
import { frame } from './routes/forms.js';

/**
 * The demo's own webhook receiver: the demo account's webhook channel points here, so that a
 * newcomer sees notifications land without setting up e-mail or a phone app. Demo mode only.
 */
export interface InboxItem {
  at: number;
  kind: string;
  label: string | null;
  from: string | null;
  to: string | null;
  headline: string | null;
  /** A reminder's or a wave notice's sentence. */
  notice: string | null;
}

export class DemoInbox {
  readonly items: InboxItem[] = [];

  add(body: unknown, at: number): void {
    const events = extractEvents(body);
    for (const e of events) this.items.unshift({ at, ...e });
    this.items.splice(200);
  }
}

function extractEvents(body: unknown): Omit<InboxItem, 'at'>[] {
  const b = body as { type?: string; event?: unknown; events?: unknown[] };
  const list = b.type === 'digest' ? (b.events ?? []) : b.event ? [b.event] : [];
  return list.map((raw) => {
    const e = raw as {
      kind?: string;
      case?: { label?: string | null };
      from?: { status?: string | null } | null;
      to?: { status?: string | null } | null;
      interpretation?: { headline?: string } | null;
      notice?: { text?: string } | null;
    };
    return {
      kind: e.kind ?? 'test',
      label: e.case?.label ?? null,
      from: e.from?.status ?? null,
      to: e.to?.status ?? null,
      headline: e.interpretation?.headline ?? null,
      notice: e.notice?.text ?? null,
    };
  });
}

export function demoInboxRoutes(inbox: DemoInbox, now: () => number = Date.now) {
  const app = new Hono<AppEnv>();
  // The dispatcher posts here like any webhook receiver (no session, no CSRF: it is an API endpoint).
  app.post('/api/demo/inbox', async (c) => {
    const body = await c.req.json<unknown>().catch(() => ({ type: 'test' }));
    inbox.add(body, now());
    return c.json({ ok: true });
  });
  app.get('/demo/inbox', (c) => {
    // The notifications' own words are the webhook's (English, like the API); the page around them is translated.
    const sent = pageLanguage(c) === 'en' ? undefined : 'en';
    return c.html(
      <Layout {...frame(c, t('cases.demo.title'), 'notifications')}>
        <h1>{t('cases.demo.title')}</h1>
        <p class="lead">{t('cases.demo.lead')}</p>
        {inbox.items.length === 0 ? (
          <p class="muted">{t('cases.demo.empty')}</p>
        ) : (
          <ol class="timeline" reversed aria-live="polite">
            {inbox.items.map((i) => (
              <li class={i.kind === 'status_changed' || i.kind === 'first_seen' ? 'status' : ''}>
                <time datetime={new Date(i.at).toISOString()}>{localDateTime(i.at)}</time>
                <strong>
                  {i.label ?? t('cases.demo.test')}: <span lang={sent}>{i.kind.replace(/_/g, ' ')}</span>
                  {i.to ? <span lang="en">{` — ${i.from ? `${i.from} → ` : ''}${i.to}`}</span> : null}
                </strong>
                {i.headline ? (
                  <p class="small" lang={sent}>
                    {i.headline}
                  </p>
                ) : null}
                {i.notice ? (
                  <p class="small" lang={sent}>
                    {i.notice}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Layout>,
    );
  });
  return app;
}
