/**
 * What the waiting-time pages show, computed from the pooled timelines and kept warm: each group's
 * per-day counts are loaded once (GroupStatsCache) and the figures, charts and monthly table of a
 * filter are kept until a shared timeline changes in this process, or for at most a minute (timelines
 * written by other processes — `ceac worker`, `ceac import` — show up within that minute).
 */
import type { Kysely } from 'kysely';

import { locationByCode } from '../knowledge/locations.js';
import { aalenJohansen } from '../stats/aalen-johansen.js';
import { type GroupFilter, groupKey, GroupStatsCache } from '../stats/cache.js';
import { type ChartWords, incidenceChart, incidencePoints, survivalChart } from '../stats/charts.js';
import type { CiType } from '../stats/confidence.js';
import { type MonthlyTable, monthlyTable } from '../stats/monthly.js';
import { type GroupKey, NotEnoughDataError, type Prediction, predictWithFallback } from '../stats/predict.js';
import { type CurvePoint, GroupTooSmallError, MIN_GROUP, type StatsReport } from '../stats/report.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { loadDurations, loadMonthly } from '../timelines/repository.js';
import { countDemoTimelines } from './demo-timelines.js';
import { pageLanguage, t } from './language.js';

export const CI_TYPES = ['log', 'log-log', 'plain'] as const satisfies readonly CiType[];

/** One row of the text fallback of the survival chart. */
export interface SurvivalRow {
  days: number;
  survival: number;
  low: number | null;
  high: number | null;
  nRisk: number;
}

export type StatsView =
  | { kind: 'too_small' }
  | {
      kind: 'ok';
      report: StatsReport;
      survivalSvg: string;
      survivalRows: SurvivalRow[];
      incidenceSvg: string;
      monthly: MonthlyTable;
    };

export interface CaseOutlook {
  prediction: Prediction;
  /** The curve of the group the prediction used, with this case's wait marked. */
  chartSvg: string;
  groupSize: number;
}

/** The share still waiting after `t` days: the step of the curve at t. */
function stepAt(curve: readonly CurvePoint[], t: number): SurvivalRow {
  let at: CurvePoint | undefined;
  let nRisk = curve[0]?.nRisk ?? 0;
  for (const p of curve) {
    if (p.t > t) {
      nRisk = p.nRisk;
      break;
    }
    at = p;
    nRisk = p.nRisk - p.events - p.censored;
  }
  return { days: t, survival: at?.survival ?? 1, low: at ? at.low : 1, high: at ? at.high : 1, nRisk };
}

export function survivalRows(curve: readonly CurvePoint[]): SurvivalRow[] {
  const last = curve.at(-1)?.t ?? 0;
  return [7, 14, 30, 60, 90, 180, 365].filter((d) => d <= Math.max(last, 7)).map((d) => stepAt(curve, d));
}

export function postLabel(code: string | null | undefined): string {
  if (!code) return t('web.stats.label.everyPost');
  const l = locationByCode(code);
  return l ? `${l.displayName} (${code})` : code;
}

/** The group the figures are for, in the page's words: "F1, Beijing, China (BEJ), renewals, started 2025-01 to now". */
export function filterLabel(f: GroupFilter): string {
  const parts = [f.visaClass ? f.visaClass.toUpperCase() : t('web.stats.label.everyVisa')];
  parts.push(f.post ? postLabel(f.post) : t('web.stats.label.everyPost'));
  if (f.entry) parts.push(t(f.entry === 'new' ? 'web.stats.label.new' : 'web.stats.label.renewal'));
  if (f.route) parts.push(t(f.route === 'dropbox' ? 'web.stats.label.dropbox' : 'web.stats.label.interview'));
  if (f.from || f.to)
    parts.push(
      t('web.stats.label.started', {
        from: f.from ?? t('web.stats.label.anyTime'),
        to: f.to ?? t('web.stats.label.now'),
      }),
    );
  return parts.join(t('web.stats.label.separator'));
}

/** "F1 at BEJ (renewal)" in the page's words: the group a prediction compares with. */
export function groupText(g: { visaClass: string; post?: string | undefined; entry?: string | undefined }): string {
  return t('web.howLong.group', { visa: g.visaClass, post: g.post ?? 'none', entry: g.entry ?? 'none' });
}

/** The words inside the charts, in the page's language. */
function chartWords(): ChartWords {
  return {
    daysAxis: t('web.chart.daysAxis'),
    stillWaiting: t('web.chart.stillWaiting'),
    shareDecided: t('web.chart.shareDecided'),
    median: (days, interval) => t('web.chart.median', { days, interval: interval || 'none' }),
    issued: t('web.chart.issued'),
    refused: t('web.chart.refused'),
  };
}

export class StatsService {
  private readonly groups: GroupStatsCache;
  private readonly views = new Map<string, Promise<StatsView>>();
  private demo: Promise<number> | null = null;
  private since: number;
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { maxAgeMs?: number; now?: () => number } = {},
  ) {
    this.groups = new GroupStatsCache((filter) => loadDurations(this.db, filter));
    this.since = this.now();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Forget every cached figure (a shared timeline changed). */
  invalidate(): void {
    this.groups.clear();
    this.views.clear();
    this.demo = null;
    this.since = this.now();
    this.generation++;
  }

  /** Drops figures older than the maximum age; returns a number that changes whenever the figures may have. */
  fresh(): number {
    if (this.now() - this.since > (this.options.maxAgeMs ?? 60_000)) this.invalidate();
    return this.generation;
  }

  /** How many generated demo timelines (`npm run demo`) the pool holds; the pages say so when not 0. */
  demoTimelines(): Promise<number> {
    this.fresh();
    if (!this.demo) {
      const counting = countDemoTimelines(this.db);
      this.demo = counting;
      counting.catch(() => {
        if (this.demo === counting) this.demo = null;
      });
    }
    return this.demo;
  }

  /** The figures, charts and monthly table of one filter. */
  async view(filter: GroupFilter, ciType: CiType = 'log'): Promise<StatsView> {
    this.fresh();
    // The charts hold words: one view per language.
    const key = `${groupKey(filter)}|${ciType}|${pageLanguage()}`;
    let hit = this.views.get(key);
    if (!hit) {
      hit = this.compute(filter, ciType);
      this.views.set(key, hit);
      // A failed computation is not kept.
      hit.catch(() => this.views.delete(key));
      if (this.views.size > 512) this.views.delete(this.views.keys().next().value!);
    }
    return hit;
  }

  private async compute(filter: GroupFilter, ciType: CiType): Promise<StatsView> {
    let report: StatsReport;
    try {
      report = await this.groups.report(filter, ciType);
    } catch (err) {
      if (err instanceof GroupTooSmallError) return { kind: 'too_small' };
      throw err;
    }
    const table = await this.groups.table(filter);
    const label = filterLabel(filter);
    const survivalSvg = survivalChart(
      { curve: report.curve, median: report.median },
      {
        id: 'survival',
        width: 480,
        height: 300,
        title: t('web.chart.survival.title', { label }),
        description: t('web.chart.survival.desc', {
          n: report.n,
          level: report.level,
          median:
            report.median.days !== null
              ? t('web.chart.survival.median', { days: report.median.days })
              : t('web.chart.survival.noMedian'),
        }),
        words: chartWords(),
      },
    );
    const incidence = incidencePoints(aalenJohansen(table, { ciType }));
    const last = incidence.at(-1);
    const incidenceSvg = incidenceChart(incidence, {
      id: 'incidence',
      width: 480,
      height: 300,
      title: t('web.chart.incidence.title', { label }),
      description: last
        ? t('web.chart.incidence.desc', { n: report.n, day: last.t, issued: last.issued, refused: last.refused })
        : t('web.chart.incidence.none'),
      words: chartWords(),
    });
    const monthly = monthlyTable(await loadMonthly(this.db, filter));
    return {
      kind: 'ok',
      report,
      survivalSvg,
      survivalRows: survivalRows(report.curve),
      incidenceSvg,
      monthly,
    };
  }

  /**
   * "People like you": the prediction for a case that has waited `waited` days, from the narrowest
   * group with at least 5 comparable cases, and that group's curve with the case marked. Null when
   * no group has enough cases.
   */
  async outlook(group: GroupKey, waited: number): Promise<CaseOutlook | null> {
    this.fresh();
    const filterOf = (g: GroupKey): GroupFilter => ({ visaClass: g.visaClass, post: g.post, entry: g.entry });
    let prediction: Prediction;
    try {
      prediction = await predictWithFallback((g) => this.groups.table(filterOf(g)), { ...group, waited });
    } catch (err) {
      if (err instanceof NotEnoughDataError) return null;
      throw err;
    }
    const report = await this.groups.report(filterOf(prediction.group));
    const chartSvg = survivalChart(
      {
        curve: report.curve,
        median: report.median,
        marker: { days: waited, label: t('web.chart.like.marker', { days: waited }) },
      },
      {
        id: 'like-you',
        width: 480,
        height: 280,
        title: t('web.chart.like.title', { group: groupText(prediction.group) }),
        description: t('web.chart.like.desc', { n: report.n, days: waited }),
        words: chartWords(),
      },
    );
    return { prediction, chartSvg, groupSize: report.n };
  }
}

const services = new WeakMap<Store, StatsService>();

/** The one StatsService of a store in this process (the web routes and the tracker hook share it). */
export function statsServiceFor(store: Store): StatsService {
  let s = services.get(store);
  if (!s) {
    s = new StatsService(store.db);
    services.set(store, s);
  }
  return s;
}

export { MIN_GROUP };
