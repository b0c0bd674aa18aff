import { describe, expect, it } from 'vitest';

import type { Clearance, Wave } from '../stats/waves.js';
import { buildRecentView, median } from './recent-clearances.js';

const c = (date: string, post: string | null, visaClass: string | null, waitDays: number): Clearance => ({
  date,
  post,
  visaClass,
  waitDays,
});
const wave = (date: string, post: string | null, visaClass: string | null): Wave => ({
  date,
  post,
  visaClass,
  count: 5,
  expected: 1,
  pValue: 0.0001,
  minWait: 30,
  maxWait: 60,
});

describe('buildRecentView', () => {
  const today = '2026-01-20';
  const all = [
    ...[10, 20, 30, 40, 50].map((w, i) => c(`2026-01-${String(14 + i)}`, 'BEJ', 'F1', w)),
    c('2026-01-13', 'BEJ', 'F1', 99), // the day before the week
    c('2026-01-21', 'BEJ', 'F1', 99), // after today
    c('2026-01-20', 'BEJ', 'J1', 7), // a group of one: counted, not listed
    c('2026-01-19', null, 'F1', 8), // no post: counted for "every post", never listed
  ];

  it('keeps the week of the filter, lists only groups of 5 or more, and sums up every clearance of the week', () => {
    const v = buildRecentView(all, [], { post: 'BEJ', visaClass: 'f-1' }, today);
    expect(v.from).toBe('2026-01-14');
    expect(v.visaClass).toBe('F1');
    expect(v.total).toBe(5);
    expect(v.waits).toEqual({ min: 10, max: 50, median: 30 });
    expect(v.groups.map((g) => [g.post, g.visaClass, g.count])).toEqual([['BEJ', 'F1', 5]]);
    expect(v.groups[0]!.rows.map((r) => r.date)).toEqual([
      '2026-01-18',
      '2026-01-17',
      '2026-01-16',
      '2026-01-15',
      '2026-01-14',
    ]);
    const every = buildRecentView(all, [], {}, today);
    expect(every.total).toBe(7);
    expect(every.unlisted).toBe(2);
    expect(every.waits).toEqual({ min: 7, max: 50, median: 20 });
  });

  it("marks a row on its own group's wave day only, and keeps the waves of the filter", () => {
    const waves = [wave('2026-01-16', 'BEJ', 'F1'), wave('2026-01-17', 'BEJ', null), wave('2025-09-01', 'BEJ', 'F1')];
    const v = buildRecentView(all, waves, { post: 'BEJ', visaClass: 'F1' }, today);
    expect(v.groups[0]!.rows.filter((r) => r.wave).map((r) => r.date)).toEqual(['2026-01-16']);
    // The post's wave is not the pair's; the September one is older than the chart's 90 days.
    expect(v.waves.map((w) => w.date)).toEqual(['2026-01-16']);
    expect(buildRecentView(all, waves, { post: 'BEJ' }, today).waves.map((w) => w.date)).toEqual([
      '2026-01-16',
      '2026-01-17',
    ]);
  });

  it('says "none" and "too few" apart: no waits for fewer than 5, nothing at all for an empty week', () => {
    const few = buildRecentView(all, [], { post: 'BEJ', visaClass: 'J1' }, today);
    expect([few.total, few.waits, few.groups.length]).toEqual([1, null, 0]);
    const none = buildRecentView(all, [], { post: 'MEX' }, today);
    expect([none.total, none.chart.total, none.chart.busiest]).toEqual([0, 0, null]);
  });

  it('finds the median of an odd and an even count', () => {
    expect(median([1, 3, 9])).toBe(3);
    expect(median([1, 3, 9, 10])).toBe(6);
  });
});
