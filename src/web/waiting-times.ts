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
import { incidenceChart, incidencePoints, survivalChart } from '../stats/charts.js';
import type { CiType } from '../stats/confidence.js';
import { type MonthlyTable, monthlyTable } from '../stats/monthly.js';
import {
  describeGroup,
  type GroupKey,
  NotEnoughDataError,
  type Prediction,
  predictWithFallback,
} from '../stats/predict.js';
import { type CurvePoint, GroupTooSmallError, MIN_GROUP, type StatsReport } from '../stats/report.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { loadDurations, loadMonthly } from '../timelines/repository.js';
import { countDemoTimelines } from './demo-timelines.js';

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
      reading: string[];
    };

export interface CaseOutlook {
  prediction: Prediction;
  /** The curve of the group the prediction used, with this case's wait marked. */
  chartSvg: string;
  groupSize: number;
}

const pct = (p: number | null) => (p === null ? '?' : `${Math.round(p * 100)}%`);
const days = (d: number) => `${d} day${d === 1 ? '' : 's'}`;

/** "(we are 95% sure: between 19 and 28)", saying plainly when an end is not known yet. */
export function ciText(level: number, low: number | null, high: number | null, unit = ''): string {
  if (low === null && high === null) return '';
  const l = low === null ? 'not known' : `${low}${unit}`;
  const h = high === null ? 'not known yet' : `${high}${unit}`;
  return `(we are ${Math.round(level * 100)}% sure: between ${l} and ${h})`;
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

/** The figures in sentences a worried applicant can read. */
export function plainReading(r: StatsReport): string[] {
  const out: string[] = [];
  const decided = r.issued + r.refused;
  out.push(
    `${r.n} cases match: ${decided} were decided (${r.issued} cleared or issued, ${r.refused} refused) and ${r.censored} were still waiting when last seen.`,
  );
  const m = r.median;
  if (m.days !== null) {
    out.push(
      `Half of similar cases were decided within ${days(m.days)} ${ciText(r.level, m.low, m.high)}`.trimEnd() + '.',
    );
  } else {
    const longest = r.curve.at(-1)?.t ?? 0;
    out.push(
      `Fewer than half of these cases were decided within the longest wait seen (${days(longest)}), so the typical wait is not known yet.`,
    );
  }
  const q1 = r.quartiles['25'];
  const q3 = r.quartiles['75'];
  if (q1.days !== null && q3.days !== null) {
    out.push(`A quarter were decided within ${days(q1.days)}, and three quarters within ${days(q3.days)}.`);
  } else if (q1.days !== null) {
    out.push(`A quarter were decided within ${days(q1.days)}; when three quarters are decided is not known yet.`);
  }
  for (const d of ['30', '90']) {
    const s = r.survivalAt[d];
    if (s?.survival != null) {
      out.push(
        `After ${d} days, ${pct(s.survival)} were still waiting ${ciText(r.level, s.low === null ? null : Math.round(s.low * 100), s.high === null ? null : Math.round(s.high * 100), '%')}`.trimEnd() +
          '.',
      );
    }
  }
  const by = r.outcomesBy['90'];
  if (by) out.push(`By 90 days, ${pct(by.issued.p)} had been cleared or issued and ${pct(by.refused.p)} refused.`);
  return out;
}

export function postLabel(code: string | null | undefined): string {
  if (!code) return 'every post';
  const l = locationByCode(code);
  return l ? `${l.displayName} (${code})` : code;
}

export function filterLabel(f: GroupFilter): string {
  const parts = [f.visaClass ? f.visaClass.toUpperCase() : 'every visa class', postLabel(f.post)];
  if (f.entry) parts.push(f.entry === 'new' ? 'new visas' : 'renewals');
  if (f.route) parts.push(f.route === 'dropbox' ? 'dropbox' : 'interview');
  if (f.from || f.to) parts.push(`started ${f.from ?? 'any time'} to ${f.to ?? 'now'}`);
  return parts.join(', ');
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
    const key = `${groupKey(filter)}|${ciType}`;
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
        title: `Share of cases still waiting, by days waited: ${label}`,
        description:
          `Kaplan–Meier estimate from ${report.n} cases with its ${Math.round(report.level * 100)}% confidence band. ` +
          (report.median.days !== null
            ? `Half were decided within ${report.median.days} days.`
            : 'The median is not reached.'),
      },
    );
    const incidence = incidencePoints(aalenJohansen(table, { ciType }));
    const last = incidence.at(-1);
    const incidenceSvg = incidenceChart(incidence, {
      id: 'incidence',
      width: 480,
      height: 300,
      title: `Share cleared or issued, and share refused, by days waited: ${label}`,
      description: last
        ? `Aalen–Johansen estimate from ${report.n} cases. By day ${last.t}, ${pct(last.issued)} were cleared or issued and ${pct(last.refused)} refused.`
        : 'No decisions yet.',
    });
    const monthly = monthlyTable(await loadMonthly(this.db, filter));
    return {
      kind: 'ok',
      report,
      survivalSvg,
      survivalRows: survivalRows(report.curve),
      incidenceSvg,
      monthly,
      reading: plainReading(report),
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
      { curve: report.curve, median: report.median, marker: { days: waited, label: `you: ${days(waited)}` } },
      {
        id: 'like-you',
        width: 480,
        height: 280,
        title: `Share still waiting, by days waited: ${describeGroup(prediction.group)}`,
        description: `Kaplan–Meier estimate from ${report.n} cases; the vertical line marks this case's wait of ${days(waited)}.`,
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
