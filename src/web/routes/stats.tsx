import { Hono } from 'hono';

import { pickEncoding } from '../compress.js';
import type { AppEnv } from '../context.js';
import { EncodedPages } from '../encoded-pages.js';
import { CSRF_PLACEHOLDER } from '../page-cache.js';
import { StatsPage } from '../pages/stats.js';
import { parseStatsFilter } from '../stats-filter.js';
import { filterLabel, statsServiceFor } from '../waiting-times.js';
import { frame } from './forms.js';

/** `/stats`: waiting-time figures of the pooled timelines, filtered by GET parameters; no account needed. */
export function statsRoutes() {
  const app = new Hono<AppEnv>();
  const anonymous = new EncodedPages();
  app.get('/', async (c) => {
    const parsed = parseStatsFilter(c.req.query());
    const f = frame(c, 'Waiting times', 'stats');
    if (!parsed.ok)
      return c.html(<StatsPage frame={f} values={parsed.values} errors={parsed.errors} label="" view={null} />, 400);
    const { pages, store } = c.var.services;
    const stats = statsServiceFor(store);
    // The page differs only by the language, the filter as typed, the figures' generation and whether someone is signed in.
    const key = `stats:${c.var.language}:${stats.fresh()}:${JSON.stringify(parsed.values)}`;
    const render = async (csrf: string) => {
      const [view, demoTimelines] = await Promise.all([
        stats.view(parsed.filter, parsed.ciType),
        stats.demoTimelines(),
      ]);
      return (
        <StatsPage
          frame={{ ...f, csrf }}
          values={parsed.values}
          errors={{}}
          label={filterLabel(parsed.filter)}
          view={view}
          demoTimelines={demoTimelines}
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
