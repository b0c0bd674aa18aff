import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { StatsPage } from '../pages/stats.js';
import { filterLabel, statsServiceFor } from '../waiting-times.js';
import { parseStatsFilter } from '../stats-filter.js';
import { frame } from './forms.js';

/** `/stats`: waiting-time figures of the pooled timelines, filtered by GET parameters; no account needed. */
export function statsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const parsed = parseStatsFilter(c.req.query());
    const f = frame(c, 'Waiting times', 'stats');
    if (!parsed.ok) return c.html(<StatsPage frame={f} values={parsed.values} errors={parsed.errors} label="" view={null} />, 400);
    const { pages, store } = c.var.services;
    const stats = statsServiceFor(store);
    // The page differs only by the filter, the figures' generation and whether someone is signed in.
    const key = `stats:${stats.fresh()}:${c.var.user ? 1 : 0}:${JSON.stringify(parsed.values)}`;
    const html = await pages.get(key, c.var.csrf, async (csrf) => {
      const view = await stats.view(parsed.filter, parsed.ciType);
      return <StatsPage frame={{ ...f, csrf }} values={parsed.values} errors={{}} label={filterLabel(parsed.filter)} view={view} />;
    });
    return c.html(html);
  });
  return app;
}
