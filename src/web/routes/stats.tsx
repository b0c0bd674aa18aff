import { Hono } from 'hono';

import type { GroupFilter } from '../../stats/cache.js';
import type { AppEnv } from '../context.js';
import { t } from '../language.js';
import { CSRF_PLACEHOLDER } from '../page-cache.js';
import { RecentClearances } from '../pages/recent-clearances.js';
import { StatsPage } from '../pages/stats.js';
import { recentClearancesSourceFor } from '../recent-clearances.js';
import { parseStatsFilter } from '../stats-filter.js';
import { filterLabel, statsServiceFor } from '../waiting-times.js';
import { frame } from './forms.js';

/**
 * Rendered /stats pages for visitors who are not signed in, kept as encoded bytes: such a page has
 * no CSRF token in it (no form posts), so the same bytes serve everyone. A page of a large group is
 * over 100 KB (two charts with hundreds of steps), and encoding it per request was most of a warm
 * request's cost. Bounded, least recently used.
 */
class EncodedPages {
  private readonly pages = new Map<string, Uint8Array>();
  private readonly encoder = new TextEncoder();
  constructor(private readonly max = 256) {}

  /** The page's bytes; null when the page holds a CSRF token after all (it is then not shared). */
  async get(key: string, render: () => Promise<string>): Promise<Uint8Array | null> {
    let bytes = this.pages.get(key);
    if (bytes) this.pages.delete(key);
    else {
      const html = await render();
      if (html.includes(CSRF_PLACEHOLDER)) return null;
      bytes = this.encoder.encode(html);
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value!);
    }
    this.pages.set(key, bytes);
    return bytes;
  }
}

/** Filters the recent-clearances view does not follow (it is by post and visa class only). */
const hasOtherFilters = (f: GroupFilter) => Boolean(f.entry ?? f.route ?? f.from ?? f.to);

/** `/stats`: waiting-time figures of the pooled timelines, filtered by GET parameters; no account needed. */
export function statsRoutes() {
  const app = new Hono<AppEnv>();
  const anonymous = new EncodedPages();
  app.get('/', async (c) => {
    const parsed = parseStatsFilter(c.req.query());
    const f = frame(c, t('web.layout.waiting'), 'stats');
    if (!parsed.ok)
      return c.html(<StatsPage frame={f} values={parsed.values} errors={parsed.errors} label="" view={null} />, 400);
    const { pages, store } = c.var.services;
    const stats = statsServiceFor(store);
    // The page differs only by the language, the filter as typed, the figures' generation and whether someone is signed in.
    const key = `stats:${c.var.language}:${stats.fresh()}:${JSON.stringify(parsed.values)}`;
    const render = async (csrf: string) => {
      const today = new Date(c.var.services.now()).toISOString().slice(0, 10);
      const [view, demoTimelines, recent] = await Promise.all([
        stats.view(parsed.filter, parsed.ciType),
        stats.demoTimelines(),
        recentClearancesSourceFor(store.db).view(parsed.filter, today, stats.fresh()),
      ]);
      return (
        <StatsPage
          frame={{ ...f, csrf }}
          values={parsed.values}
          errors={{}}
          label={filterLabel(parsed.filter)}
          view={view}
          demoTimelines={demoTimelines}
          recent={<RecentClearances view={recent} otherFilters={hasOtherFilters(parsed.filter)} />}
        />
      );
    };
    if (!c.var.user) {
      const bytes = await anonymous.get(key, async () =>
        String(await ((await render(CSRF_PLACEHOLDER)).toString() as Promise<string> | string)),
      );
      if (bytes) return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
    }
    return c.html(await pages.get(`${key}:${c.var.user ? 'user' : 'anonymous'}`, c.var.csrf, render));
  });
  return app;
}
