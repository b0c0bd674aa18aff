/**
 * What the /stats "recent clearances" view shows, from the pooled timelines: the clearances of the last 7 days for
 * the filter's post and visa class, grouped by (post, class) with each one's wait and day; a summary of them; and
 * the daily clearances of the last 90 days with the wave days among them. Waves are detected across every group at
 * once (the false-alarm control counts every group tested on a day), then the filter's are kept.
 *
 * Privacy: a (post, class) group with fewer than MIN_GROUP clearances in the week is counted, never listed; the
 * summary's waits and the daily chart need MIN_GROUP clearances too. Nothing here names a case: a row is a day
 * and a number of days waited.
 */
import type { Kysely } from 'kysely';

import { visaClassOrAsWritten } from '../knowledge/visa-classes.js';
import { loadClearances } from '../notify/clearance-waves.js';
import type { GroupFilter } from '../stats/cache.js';
import { type Clearance, detectWaves, recentClearances, type Wave } from '../stats/waves.js';
import type { Database } from '../store/schema.js';
import { addDays } from '../timelines/model.js';
import { MIN_GROUP } from './waiting-times.js';

/** Days in "this week" (today and the 6 before) and in the chart. */
export const WEEK_DAYS = 7;
export const CHART_DAYS = 90;
/** The detector's trailing window, plus one day: clearances loaded before the chart's first day. */
const HISTORY_DAYS = 61;

export interface RecentRow {
  date: string;
  waitDays: number;
  /** This (post, class) group had a wave that day. */
  wave: boolean;
}

export interface RecentGroupView {
  post: string;
  visaClass: string;
  count: number;
  /** Newest first; on one day, shortest wait first. */
  rows: RecentRow[];
}

export interface RecentClearancesView {
  /** The week, YYYY-MM-DD inclusive. */
  from: string;
  to: string;
  post: string | null;
  visaClass: string | null;
  /** Clearances of the filter in the week (listed or not). */
  total: number;
  /** Shortest, longest and median wait of those; null when fewer than MIN_GROUP. */
  waits: { min: number; max: number; median: number } | null;
  groups: RecentGroupView[];
  /** Clearances in the week not listed: their (post, class) group is under MIN_GROUP, or its post or class unknown. */
  unlisted: number;
  chart: {
    from: string;
    to: string;
    counts: Map<string, number>;
    total: number;
    /** The busiest day (earliest of the busiest); null when nothing cleared. */
    busiest: { date: string; count: number } | null;
  };
  /** Waves of the filter's groups in the chart's 90 days, oldest first. */
  waves: Wave[];
}

/** Plain code-unit order: right for YYYY-MM-DD, and far cheaper than localeCompare over thousands of rows. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The median of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The filter's class as the timelines store it (the same mapping as the waiting-time figures' filter). */
const filterClass = (visaClass: string) => visaClassOrAsWritten(visaClass).toUpperCase();

/** Whether a clearance or a wave is of the filter's post and class (each when given). */
function matcher(f: GroupFilter): (g: { post: string | null; visaClass: string | null }) => boolean {
  const post = f.post ?? null;
  // Mapped once, not per clearance: a busy week holds tens of thousands.
  const visaClass = f.visaClass ? filterClass(f.visaClass) : null;
  return (g) => (post === null || g.post === post) && (visaClass === null || g.visaClass === visaClass);
}

/** The view from clearances already loaded (`all`: every group, from HISTORY_DAYS before the chart). Pure. */
export function buildRecentView(
  all: readonly Clearance[],
  allWaves: readonly Wave[],
  filter: GroupFilter,
  today: string,
): RecentClearancesView {
  const from = addDays(today, -(WEEK_DAYS - 1));
  const chartFrom = addDays(today, -(CHART_DAYS - 1));
  const inFilter = matcher(filter);
  const mine = all.filter((c) => c.date <= today && inFilter(c));
  const week = mine.filter((c) => c.date >= from);
  const waits = week.map((c) => c.waitDays).sort((a, b) => a - b);
  const waves = allWaves.filter((w) => w.date >= chartFrom && w.date <= today && inFilter(w));
  const recent = recentClearances(week, waves, from, today, MIN_GROUP);
  // One pass over the week for every listed group's rows (the unfiltered view lists dozens of groups).
  const rowsOf = new Map<string, Clearance[]>();
  for (const c of week) {
    const key = `${c.post ?? ''}\u0000${c.visaClass ?? ''}`;
    const list = rowsOf.get(key);
    if (list) list.push(c);
    else rowsOf.set(key, [c]);
  }
  const groups: RecentGroupView[] = recent.groups.map((g) => {
    const waveDays = new Set(g.waveDates);
    const rows = (rowsOf.get(`${g.post ?? ''}\u0000${g.visaClass ?? ''}`) ?? [])
      .map((c) => ({ date: c.date, waitDays: c.waitDays, wave: waveDays.has(c.date) }))
      .sort((a, b) => compare(b.date, a.date) || a.waitDays - b.waitDays);
    return { post: g.post ?? '', visaClass: g.visaClass ?? '', count: g.count, rows };
  });
  const counts = new Map<string, number>();
  for (const c of mine) if (c.date >= chartFrom) counts.set(c.date, (counts.get(c.date) ?? 0) + 1);
  let busiest: { date: string; count: number } | null = null;
  for (const [date, count] of [...counts].sort(([a], [b]) => compare(a, b)))
    if (!busiest || count > busiest.count) busiest = { date, count };
  return {
    from,
    to: today,
    post: filter.post ?? null,
    visaClass: filter.visaClass ? filterClass(filter.visaClass) : null,
    total: week.length,
    waits: waits.length >= MIN_GROUP ? { min: waits[0]!, max: waits[waits.length - 1]!, median: median(waits) } : null,
    groups,
    unlisted: week.length - groups.reduce((n, g) => n + g.count, 0),
    chart: { from: chartFrom, to: today, counts, total: [...counts.values()].reduce((a, b) => a + b, 0), busiest },
    waves,
  };
}

/**
 * Clearances and waves of every group up to `today`, loaded once per `generation` of the pooled figures (the
 * waiting-time figures' own: it changes when a shared timeline changes, or after a minute) and per day.
 */
export class RecentClearancesSource {
  private key = '';
  private data: Promise<{ clearances: Clearance[]; waves: Wave[] }> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async view(filter: GroupFilter, today: string, generation: number): Promise<RecentClearancesView> {
    const key = `${String(generation)}|${today}`;
    if (!this.data || this.key !== key) {
      this.key = key;
      const loading = this.load(today);
      this.data = loading;
      // A failed load is not kept.
      loading.catch(() => {
        if (this.data === loading) this.data = null;
      });
    }
    const { clearances, waves } = await this.data;
    return buildRecentView(clearances, waves, filter, today);
  }

  private async load(today: string): Promise<{ clearances: Clearance[]; waves: Wave[] }> {
    const chartFrom = addDays(today, -(CHART_DAYS - 1));
    const clearances = (await loadClearances(this.db, addDays(chartFrom, -HISTORY_DAYS))).filter(
      (c) => c.date <= today,
    );
    return { clearances, waves: detectWaves(clearances, { from: chartFrom, to: today }) };
  }
}

const sources = new WeakMap<Kysely<Database>, RecentClearancesSource>();

/** The one source of a database in this process. */
export function recentClearancesSourceFor(db: Kysely<Database>): RecentClearancesSource {
  let s = sources.get(db);
  if (!s) {
    s = new RecentClearancesSource(db);
    sources.set(db, s);
  }
  return s;
}
