import { Hono } from 'hono';

import type { GroupFilter } from '../../stats/cache.js';
import { pickEncoding } from '../compress.js';
import type { AppEnv } from '../context.js';
import { EncodedPages } from '../encoded-pages.js';
import { t } from '../language.js';
import { CSRF_PLACEHOLDER } from '../page-cache.js';
import { RecentClearances } from '../pages/recent-clearances.js';
import { StatsPage } from '../pages/stats.js';
import { recentClearancesSourceFor } from '../recent-clearances.js';
import { parseStatsFilter } from '../stats-filter.js';
import { filterLabel, statsServiceFor } from '../waiting-times.js';
import { frame } from './forms.js';

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
    // Visitors who are not signed in share one page: its bytes, compressed once, serve them all.
    if (!c.var.user) {
      const encoding = pickEncoding(c.req.header('Accept-Encoding'));
      const bytes = await anonymous.get(key, encoding, async () =>
        String(await ((await render(CSRF_PLACEHOLDER)).toString() as Promise<string> | string)),
      );
      if (bytes)
        return c.body(bytes, 200, {
          'Content-Type': 'text/html; charset=UTF-8',
          ...(encoding && { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' }),
        });
    }
    return c.html(await pages.get(`${key}:${c.var.user ? 'user' : 'anonymous'}`, c.var.csrf, render));
  });
  return app;
}
