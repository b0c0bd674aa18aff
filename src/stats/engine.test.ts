import { readFileSync } from 'node:fs';

import * as cheerio from 'cheerio';
import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { english, loadTranslator } from '../i18n/translator.js';
import { aalenJohansen } from './aalen-johansen.js';
import { type CaseFacts, caseFactsOf, GroupStatsCache } from './cache.js';
import { incidenceChart, incidencePoints, survivalChart } from './charts.js';
import { kaplanMeier } from './kaplan-meier.js';
import { monthlyTable } from './monthly.js';
import { fallbackGroups, type GroupKey, NotEnoughDataError, predictFromTable, predictWithFallback } from './predict.js';
import { buildReport, caveatWords, GroupTooSmallError } from './report.js';
import { DayCounts, type EventTable, InvalidDurationError, tabulate } from './table.js';

const reference = JSON.parse(readFileSync(new URL('./reference/survival-reference.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, { time: number[]; cause: number[] }>;
  conditional: Record<
    string,
    {
      horizon: number[];
      surv: (number | null)[];
      lower: (number | null)[];
      upper: (number | null)[];
      median: (number | null)[];
    }
  >;
};
const f1 = reference.datasets.f1!;

function plain(t: EventTable) {
  return {
    time: [...t.time],
    nEvent: [...t.nEvent],
    nIssued: [...t.nIssued],
    nRefused: [...t.nRefused],
    nCensor: [...t.nCensor],
    n: t.n,
  };
}

describe('event table', () => {
  it('counts whole days and sorts fractional times to the same table', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 2 })), { maxLength: 200 }),
        (cases) => {
          const days = cases.map((c) => c[0]);
          const cause = cases.map((c) => c[1]);
          const counted = tabulate(days, cause);
          // The same data shifted by a fraction goes through the sorting path.
          const sorted = tabulate(
            days.map((d) => d + 0.5),
            cause,
          );
          expect(plain(sorted).time).toEqual(plain(counted).time.map((t) => t + 0.5));
          expect({ ...plain(sorted), time: [] }).toEqual({ ...plain(counted), time: [] });
        },
      ),
    );
  });

  it('kept counts give the same table as a fresh tabulation, through adds and removals', () => {
    const counts = new DayCounts(4);
    f1.time.forEach((t, i) => counts.add(t, f1.cause[i] as 0 | 1 | 2));
    counts.add(1000, 1);
    counts.remove(1000, 1);
    expect(plain(counts.table())).toEqual(plain(tabulate(f1.time, f1.cause)));
    expect(() => counts.remove(5000, 0)).toThrow(/no case with a wait of 5000 days/);
  });

  it('rejects negative, non-finite and unknown outcomes with the position named', () => {
    expect(() => tabulate([1, -2], [1, 1])).toThrow(InvalidDurationError);
    expect(() => tabulate([1, -2], [1, 1])).toThrow(/duration #2 is -2/);
    expect(() => tabulate([1, NaN], [1, 1])).toThrow(/duration #2/);
    expect(() => tabulate([1], [3])).toThrow(/outcome #1 is 3/);
    expect(() => tabulate([1, 2], [1])).toThrow(/2 durations but 1 outcomes/);
  });
});

describe('group report', () => {
  it('never shows a group smaller than 5', () => {
    expect(() => buildReport(tabulate([1, 2, 3, 4], [1, 1, 0, 1]))).toThrow(GroupTooSmallError);
    expect(() => buildReport(tabulate([1, 2, 3, 4], [1, 1, 0, 1]))).toThrow(/only 4 cases match/);
    expect(() => buildReport(tabulate([1], [1]))).toThrow(
      'only 1 case matches: groups smaller than 5 are not shown; widen the filters',
    );
    expect(buildReport(tabulate([1, 2, 3, 4, 5], [1, 1, 0, 1, 2])).n).toBe(5);
  });

  it('has one curve point per distinct time, counts that add up, and the median of the curve', () => {
    const r = buildReport(tabulate(f1.time, f1.cause));
    expect(r.curve.map((p) => p.t)).toEqual([...new Set(f1.time)].sort((a, b) => a - b));
    expect(r.n).toBe(252);
    expect(r.events + r.censored).toBe(252);
    expect(r.issued).toBe(145);
    expect(r.refused).toBe(2);
    expect(r.curve.reduce((s, p) => s + p.events + p.censored, 0)).toBe(252);
    // The median is the first time the curve is at or below one half.
    const first = r.curve.find((p) => p.survival <= 0.5)!;
    expect(r.median.days).toBe(first.t);
    expect(r.median.low!).toBeLessThanOrEqual(r.median.days!);
    expect(r.median.high!).toBeGreaterThanOrEqual(r.median.days!);
    expect(Object.keys(r.survivalAt)).toEqual(['30', '60', '90', '180']);
    // Nobody in this export was followed 180 days: unknown, not extrapolated.
    expect(Math.max(...f1.time)).toBeLessThan(180);
    expect(r.survivalAt['180']).toEqual({ survival: null, low: null, high: null });
    expect(r.warnings.some((w) => w.startsWith('only finished'))).toBe(false);
    // Aalen–Johansen: issued + refused + pending = 1 at every time.
    const ci = aalenJohansen(tabulate(f1.time, f1.cause));
    for (let k = 0; k < ci.time.length; k++) expect(ci.issued[k]! + ci.refused[k]! + ci.pending[k]!).toBeCloseTo(1, 12);
    expect(r.outcomesBy['90']!.refused.p).toBeGreaterThan(0);
  });

  it('names the bias of a group with no or almost no pending cases', () => {
    const finished = buildReport(tabulate([3, 5, 8, 13, 21, 34], [1, 1, 1, 1, 1, 1]));
    expect(finished.warnings[0]).toMatch(/^only finished cases/);
    const days = Array.from({ length: 100 }, (_, i) => i + 1);
    const almost = buildReport(
      tabulate(
        days,
        days.map((d) => (d === 50 ? 0 : 1)),
      ),
    );
    expect(almost.warnings[0]).toMatch(/^only 1 of 100 cases \(1\.0%\) are still pending/);
  });
});

describe('prediction for an open case', () => {
  it('equals one minus R’s conditional survival, intervals flipped', () => {
    const ref = reference.conditional.f1_waited_30!;
    const p = predictFromTable(tabulate(f1.time, f1.cause), 30)!;
    ref.horizon.forEach((h, i) => {
      expect(p.within[h]!.p).toBeCloseTo(1 - ref.surv[i]!, 12);
      expect(p.within[h]!.low).toBeCloseTo(1 - ref.upper[i]!, 12);
      expect(p.within[h]!.high).toBeCloseTo(1 - ref.lower[i]!, 12);
    });
    expect(p.medianRemaining.days).toBe(ref.median[0]);
  });

  it('falls back from post + class + entry to broader groups, and says so', async () => {
    // BEJ renewals: 3 cases; BEJ F1: 8; every F1: 30.
    const data: { post: string; entry: 'new' | 'renewal'; days: number; cause: number }[] = [];
    for (let i = 0; i < 3; i++) data.push({ post: 'BEJ', entry: 'renewal', days: 40 + i, cause: 1 });
    for (let i = 0; i < 5; i++) data.push({ post: 'BEJ', entry: 'new', days: 20 + 10 * i, cause: i % 2 });
    for (let i = 0; i < 22; i++) data.push({ post: 'SHG', entry: 'renewal', days: 10 + 3 * i, cause: 1 });
    const load = (g: GroupKey) => {
      const rows = data.filter((d) => (!g.post || d.post === g.post) && (!g.entry || d.entry === g.entry));
      return tabulate(
        rows.map((r) => r.days),
        rows.map((r) => r.cause),
      );
    };
    expect(fallbackGroups({ visaClass: 'F1', post: 'BEJ', entry: 'renewal' }).map((g) => [g.post, g.entry])).toEqual([
      ['BEJ', 'renewal'],
      ['BEJ', undefined],
      [undefined, 'renewal'],
      [undefined, undefined],
    ]);
    const p = await predictWithFallback(load, { visaClass: 'F1', post: 'BEJ', entry: 'renewal', waited: 15 });
    expect(p.group).toEqual({ visaClass: 'F1', post: 'BEJ' });
    expect(p.groupLabel).toBe('F1 at BEJ');
    expect(p.comparable).toBe(8);
    expect(p.notes[0]).toMatch(/^F1 at BEJ \(renewal\): only 3 comparable cases still pending after 15 days/);
    // After 60 days only SHG renewals remain (22 cases, 10..73 days: 5 beyond 60).
    const late = await predictWithFallback(load, { visaClass: 'F1', post: 'BEJ', entry: 'renewal', waited: 60 });
    expect(late.groupLabel).toBe('F1 at every post (renewal)');
    expect(late.comparable).toBe(5);
    await expect(predictWithFallback(load, { visaClass: 'F1', post: 'BEJ', waited: 65 })).rejects.toThrow(
      NotEnoughDataError,
    );
  });
});

describe('monthly table', () => {
  it('counts each month, hides months under 5 cases, and takes the median from the KM curve', () => {
    const rows = [
      ...[5, 10, 15, 20, 25, 30].map((d, i) => ({
        month: '2026-01',
        days: d,
        outcome: i === 5 ? ('pending' as const) : ('cleared' as const),
      })),
      { month: '2026-01', days: 12, outcome: 'refused' as const },
      ...[1, 2, 3].map((d) => ({ month: '2026-02', days: d, outcome: 'cleared' as const })),
    ];
    const t = monthlyTable(rows);
    expect(t.hiddenMonths).toBe(1);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ month: '2026-01', n: 7, cleared: 5, refused: 1, pending: 1 });
    // 7 at risk: events at 5, 10, 12, 15 leave S = 3/7 < 0.5 at day 15.
    expect(t.rows[0]!.median.days).toBe(15);
  });
});

describe('warm group estimates', () => {
  it('loads a group once, then follows inserts and changes without reloading', async () => {
    const facts = (days: number, cause: 0 | 1 | 2, post = 'BEJ'): CaseFacts => ({
      visaClass: 'F1',
      post,
      entry: 'new',
      route: null,
      startMonth: '2026-01',
      days,
      cause,
    });
    const store: CaseFacts[] = [10, 20, 30, 40, 50].map((d) => facts(d, 1));
    let loads = 0;
    const cache = new GroupStatsCache(async (f) => {
      loads++;
      const rows = store.filter((c) => !f.post || c.post === f.post);
      return { days: rows.map((r) => r.days), cause: rows.map((r) => r.cause) };
    });
    const before = await cache.report({ visaClass: 'F1', post: 'BEJ' });
    expect(before.n).toBe(5);
    const pending = facts(25, 0);
    store.push(pending);
    cache.added(pending);
    const other = facts(1, 1, 'SHG');
    store.push(other);
    cache.added(other);
    const after = await cache.report({ visaClass: 'F1', post: 'BEJ' });
    expect(loads).toBe(1);
    expect(after.n).toBe(6);
    const decided = facts(33, 1);
    cache.replaced(pending, decided);
    store.splice(store.indexOf(pending), 1, decided);
    const fresh = buildReport(
      tabulate(
        store.filter((c) => c.post === 'BEJ').map((c) => c.days),
        store.filter((c) => c.post === 'BEJ').map((c) => c.cause),
      ),
    );
    expect(await cache.report({ visaClass: 'F1', post: 'BEJ' })).toEqual(fresh);
    expect(
      caseFactsOf({
        visaClass: 'F1',
        post: 'BEJ',
        entry: null,
        route: null,
        startDate: '2026-01-30',
        outcomeDate: '2026-03-02',
        outcome: 'refused',
      }),
    ).toMatchObject({ days: 31, cause: 2, startMonth: '2026-01' });
  });
});

describe('charts', () => {
  const report = buildReport(tabulate(f1.time, f1.cause));
  it('draws the survival curve with its band, censoring ticks, the median and a marker, accessibly', () => {
    const svg = survivalChart(
      { curve: report.curve, median: report.median, marker: { days: 45, label: 'you <45 days>' } },
      { title: 'F1 waits', description: 'Share still waiting by day & its 95% band.', id: 'km' },
    );
    const $ = cheerio.load(svg, { xml: true });
    expect($('svg').attr('role')).toBe('img');
    expect($('svg').attr('aria-labelledby')).toBe('km-title km-desc');
    expect($('title#km-title').text()).toBe('F1 waits');
    expect($('desc#km-desc').text()).toBe('Share still waiting by day & its 95% band.');
    expect($('path.curve').attr('d')).toMatch(/^M48,16/);
    expect($('path.band').attr('d')!.length).toBeGreaterThan(100);
    // Every censored time is one tick, all in one path: "M x,y v8" per tick, centred on the curve.
    expect($('line.censored')).toHaveLength(0);
    expect($('path.censored')).toHaveLength(1);
    const ticks = [
      ...$('path.censored')
        .attr('d')!
        .matchAll(/M([\d.]+),([\d.]+)v8/g),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]) + 4 }));
    expect($('path.censored').attr('d')).toMatch(/^(M[\d.]+,[\d.]+v8)+$/);
    const censored = report.curve.filter((p) => p.censored > 0);
    expect(censored.length).toBeGreaterThan(3);
    expect(ticks).toHaveLength(censored.length);
    // Same scales as the chart (default 640×320, margins 48/16/40/16, days axis made nice).
    const xs = scaleLinear()
      .domain([0, Math.max(report.curve.at(-1)!.t, 45)])
      .range([48, 624])
      .nice();
    ticks.forEach((t, i) => {
      expect(t.x).toBeCloseTo(xs(censored[i]!.t), 1);
      expect(t.y).toBeCloseTo(280 - 264 * censored[i]!.survival, 1);
    });
    expect($('g.median text').text()).toBe(
      `median ${report.median.days} days (${report.median.low}–${report.median.high})`,
    );
    expect($('g.marker text').text()).toBe('you <45 days>');
    expect(svg).toContain('you &lt;45 days&gt;');
  });

  it('draws cumulative incidence of both outcomes', () => {
    const points = incidencePoints(aalenJohansen(tabulate(f1.time, f1.cause)));
    const svg = incidenceChart(points, { title: 'Outcomes', description: 'Cleared vs refused over time.' });
    const $ = cheerio.load(svg, { xml: true });
    expect($('path.curve.issued')).toHaveLength(1);
    expect($('path.curve.refused')).toHaveLength(1);
    const last = points.at(-1)!;
    expect($('text.label.issued').text()).toBe(`cleared or issued ${Math.round(last.issued * 100)}%`);
    expect(kaplanMeier(tabulate(f1.time, f1.cause)).survival.at(-1)).toBeCloseTo(1 - last.issued - last.refused, 12);
  });
});

describe('a group too small, in the reader language', () => {
  it('says the same count in Chinese', async () => {
    const zh = await loadTranslator('zh-CN');
    let words: GroupTooSmallError['words'] | undefined;
    try {
      buildReport(tabulate([1, 2, 3, 4], [1, 1, 0, 1]));
    } catch (err) {
      if (err instanceof GroupTooSmallError) words = err.words;
    }
    expect(zh(words!)).toBe('只有 4 个案例符合条件：少于 5 个案例的组不予显示；请放宽筛选条件');
  });
});

describe('the caveats of a report, in the reader language', () => {
  it('are the English warnings word for word, and say the same numbers in Chinese', async () => {
    const zh = await loadTranslator('zh-CN');
    const r = buildReport(tabulate([10, 20, 30, 40, 50, 60], [1, 1, 1, 1, 1, 1]));
    expect(r.caveats.map((c) => c.kind)).toEqual(['only_finished', 'no_refusals', 'small_group']);
    expect(r.warnings.at(-1)).toBe('a small group (6 cases): intervals are wide');
    expect(r.caveats.map((c) => english(caveatWords(c)))).toEqual(r.warnings);
    expect(zh(caveatWords(r.caveats.at(-1)!))).toBe('组很小（6 个案例）：区间很宽');
  });
});
