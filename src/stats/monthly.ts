/**
 * A checkee-style table by start month, made honest: the median wait of each month comes from the
 * Kaplan–Meier curve of that month's cases (pending ones censored), with its interval.
 */
import { kaplanMeier } from './kaplan-meier.js';
import { timeQuantiles } from './quantiles.js';
import { type Interval, MIN_GROUP, orNull } from './report.js';
import { tabulate } from './table.js';

export interface MonthlyInput {
  /** YYYY-MM the wait started. */
  month: string;
  days: number;
  outcome: 'issued' | 'cleared' | 'refused' | 'pending';
}

export interface MonthRow {
  month: string;
  n: number;
  cleared: number;
  refused: number;
  pending: number;
  median: Interval;
}

export interface MonthlyTable {
  rows: MonthRow[];
  /** Months left out because they hold fewer than 5 cases. */
  hiddenMonths: number;
}

export function monthlyTable(cases: readonly MonthlyInput[]): MonthlyTable {
  const byMonth = new Map<string, MonthlyInput[]>();
  for (const c of cases) {
    const list = byMonth.get(c.month);
    if (list) list.push(c);
    else byMonth.set(c.month, [c]);
  }
  const rows: MonthRow[] = [];
  let hiddenMonths = 0;
  for (const month of [...byMonth.keys()].sort()) {
    const list = byMonth.get(month)!;
    if (list.length < MIN_GROUP) {
      hiddenMonths++;
      continue;
    }
    const days = list.map((c) => c.days);
    const cause = list.map((c) => (c.outcome === 'pending' ? 0 : c.outcome === 'refused' ? 2 : 1));
    const [median] = timeQuantiles(kaplanMeier(tabulate(days, cause)), [0.5]);
    rows.push({
      month,
      n: list.length,
      cleared: cause.filter((c) => c === 1).length,
      refused: cause.filter((c) => c === 2).length,
      pending: cause.filter((c) => c === 0).length,
      median: { days: orNull(median!.time), low: orNull(median!.lower), high: orNull(median!.upper) },
    });
  }
  return { rows, hiddenMonths };
}
