/**
 * Estimates kept warm per group: each group's per-day counts are loaded once, then updated as
 * timelines arrive or change, so a fresh estimate after an insert costs a pass over the days (a few
 * thousand) instead of a query and a pass over every case.
 */
import type { CiType } from './confidence.js';
import { buildReport, type StatsReport } from './report.js';
import { type Cause, DayCounts, type EventTable } from './table.js';

/** What a group filter looks at (the same fields as the timelines repository's filter). */
export interface GroupFilter {
  visaClass?: string | undefined;
  post?: string | undefined;
  entry?: 'new' | 'renewal' | undefined;
  route?: 'dropbox' | 'interview' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One case as the groups see it. */
export interface CaseFacts {
  visaClass: string | null;
  post: string | null;
  entry: 'new' | 'renewal' | null;
  route: 'dropbox' | 'interview' | null;
  /** YYYY-MM */
  startMonth: string;
  days: number;
  cause: Cause;
}

export function matchesGroup(f: GroupFilter, c: CaseFacts): boolean {
  return (
    (!f.visaClass || c.visaClass === f.visaClass.toUpperCase()) &&
    (!f.post || c.post === f.post) &&
    (!f.entry || c.entry === f.entry) &&
    (!f.route || c.route === f.route) &&
    (!f.from || c.startMonth >= f.from) &&
    (!f.to || c.startMonth <= f.to)
  );
}

export function groupKey(f: GroupFilter): string {
  return JSON.stringify([
    f.visaClass?.toUpperCase() ?? null,
    f.post ?? null,
    f.entry ?? null,
    f.route ?? null,
    f.from ?? null,
    f.to ?? null,
  ]);
}

export type DurationLoader = (filter: GroupFilter) => Promise<{ days: ArrayLike<number>; cause: ArrayLike<number> }>;

export class GroupStatsCache {
  private readonly groups = new Map<string, { filter: GroupFilter; counts: DayCounts }>();
  private readonly reports = new Map<string, StatsReport>();

  constructor(
    private readonly load: DurationLoader,
    /** Groups kept at most; the least recently used goes first. */
    private readonly capacity = 256,
  ) {}

  /** The group's table, loading it on first use. */
  async table(filter: GroupFilter): Promise<EventTable> {
    return (await this.entry(filter)).counts.table();
  }

  /** The group's report (cached until the group changes). */
  async report(filter: GroupFilter, ciType: CiType = 'log'): Promise<StatsReport> {
    const key = `${groupKey(filter)}|${ciType}`;
    const entry = await this.entry(filter);
    const hit = this.reports.get(key);
    if (hit) return hit;
    const report = buildReport(entry.counts.table(), { ciType });
    this.reports.set(key, report);
    return report;
  }

  /** A new case: every cached group it belongs to counts it. */
  added(c: CaseFacts): void {
    this.touch(c, (counts) => counts.add(c.days, c.cause));
  }

  /** A case withdrawn (consent taken back). */
  removed(c: CaseFacts): void {
    this.touch(c, (counts) => counts.remove(c.days, c.cause));
  }

  /** A case that changed (a pending case decided, or known pending for longer). */
  replaced(before: CaseFacts, after: CaseFacts): void {
    this.removed(before);
    this.added(after);
  }

  clear(): void {
    this.groups.clear();
    this.reports.clear();
  }

  private touch(c: CaseFacts, change: (counts: DayCounts) => void): void {
    for (const [key, g] of this.groups) {
      if (!matchesGroup(g.filter, c)) continue;
      change(g.counts);
      for (const r of [...this.reports.keys()]) if (r.startsWith(`${key}|`)) this.reports.delete(r);
    }
  }

  private async entry(filter: GroupFilter): Promise<{ filter: GroupFilter; counts: DayCounts }> {
    const key = groupKey(filter);
    const hit = this.groups.get(key);
    if (hit) {
      this.groups.delete(key);
      this.groups.set(key, hit);
      return hit;
    }
    const { days, cause } = await this.load(filter);
    const counts = new DayCounts();
    for (let i = 0; i < days.length; i++) counts.add(days[i]!, cause[i]! as Cause);
    // Another caller may have loaded it meanwhile; keep the first.
    const raced = this.groups.get(key);
    if (raced) return raced;
    const fresh = { filter, counts };
    this.groups.set(key, fresh);
    if (this.groups.size > this.capacity) {
      const oldest = this.groups.keys().next().value!;
      this.groups.delete(oldest);
      for (const r of [...this.reports.keys()]) if (r.startsWith(`${oldest}|`)) this.reports.delete(r);
    }
    return fresh;
  }
}

/** The facts of a stored timeline that group membership and the estimate need. */
export function caseFactsOf(t: {
  visaClass: string | null;
  post: string | null;
  entry: 'new' | 'renewal' | null;
  route: 'dropbox' | 'interview' | null;
  startDate: string;
  outcomeDate: string;
  outcome: 'issued' | 'cleared' | 'refused' | 'pending';
}): CaseFacts {
  const days = Math.round(
    (Date.parse(`${t.outcomeDate}T00:00:00Z`) - Date.parse(`${t.startDate}T00:00:00Z`)) / 86_400_000,
  );
  return {
    visaClass: t.visaClass,
    post: t.post,
    entry: t.entry,
    route: t.route,
    startMonth: t.startDate.slice(0, 7),
    days,
    cause: t.outcome === 'pending' ? 0 : t.outcome === 'refused' ? 2 : 1,
  };
}
