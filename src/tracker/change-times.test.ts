import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../random.js';
import {
  assumedDensity,
  busiestHours,
  type ChangeInterval,
  coverage,
  estimateChangeTimes,
  hourOfWeek,
  turnbull,
  uniform,
  utcOffsetMinutes,
  WEEK_BINS,
} from './change-times.js';

const H = 3_600_000;
// Monday 2026-11-23 00:00 in Belgrade (UTC+1) = Sunday 23:00 UTC.
const MON_BELGRADE = Date.UTC(2026, 10, 22, 23, 0);
const BLG = 'Europe/Belgrade';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
const daily = (d: ArrayLike<number>) => {
  const out = new Array<number>(24).fill(0);
  for (let b = 0; b < WEEK_BINS; b++) out[b % 24] = (out[b % 24] ?? 0) + (d[b] ?? 0);
  return out;
};
const totalVariation = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return s / 2;
};

describe('hour of the week on the post clock', () => {
  it('counts from Monday 00:00 local, not UTC', () => {
    expect(hourOfWeek(MON_BELGRADE, BLG)).toBe(0);
    expect(hourOfWeek(MON_BELGRADE + (2 * 24 + 10.5) * H, BLG)).toBeCloseTo(58.5, 9); // Wednesday 10:30
    expect(hourOfWeek(MON_BELGRADE, 'UTC')).toBe(167); // still Sunday 23:00 in UTC
    expect(utcOffsetMinutes(MON_BELGRADE, 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-240); // summer time
  });

  it('splits an interval over the hours it covers, wrapping from Sunday night into Monday', () => {
    const wed1030 = MON_BELGRADE + (2 * 24 + 10.5) * H;
    expect(coverage(wed1030, wed1030 + 1.75 * H, BLG)).toEqual({ bins: [58, 59, 60], hours: [0.5, 1, 0.25] });
    const sun2330 = MON_BELGRADE + (6 * 24 + 23.5) * H;
    expect(coverage(sun2330, sun2330 + H, BLG)).toEqual({ bins: [167, 0], hours: [0.5, 0.5] });
    expect(coverage(sun2330, sun2330 + WEEK_BINS * H, BLG)).toBeNull(); // a whole week says nothing
    expect(coverage(sun2330, sun2330 - H, BLG)).toBeNull(); // backwards: not an interval
  });
});

describe("Turnbull's estimator, by hand", () => {
  const one = (bin: number) => ({ bins: [bin], hours: [1] });

  it('gives all the mass to the bin that every interval shares', () => {
    // L = (p0 + p1)·p1 is largest at p1 = 1.
    const p = turnbull([{ bins: [0, 1], hours: [1, 1] }, one(1)], uniform(), 0);
    expect(p[1]).toBeGreaterThan(0.999);
    expect(sum(p)).toBeCloseTo(1, 9);
  });

  it('splits an ambiguous interval between two exact ones evenly', () => {
    // L = p0·(p0 + p1)·p1 with p0 + p1 = 1: largest at p0 = p1 = ½.
    const p = turnbull([one(0), { bins: [0, 1], hours: [1, 1] }, one(1)], uniform(), 0);
    expect(p[0]).toBeCloseTo(0.5, 6);
    expect(p[1]).toBeCloseTo(0.5, 6);
  });

  it('weighs a bin by the hours of it an interval covers', () => {
    // One interval covering ¾ h of bin 0 and ¼ h of bin 1, with one exact change in each:
    // L = p0·p1·(¾p0 + ¼p1) on p0 + p1 = 1, i.e. p0(1 − p0)(¼ + ½p0); dL/dp0 = ¼ + ½p0 − 1.5p0² = 0.
    const p = turnbull([one(0), one(1), { bins: [0, 1], hours: [0.75, 0.25] }], uniform(), 0);
    const p0 = p[0] ?? 0;
    expect(p0 + (p[1] ?? 0)).toBeCloseTo(1, 9);
    expect(p0).toBeCloseTo((1 + (0.75 * p0) / (0.75 * p0 + 0.25 * (1 - p0))) / 3, 6); // a fixed point
    expect(p0).toBeCloseTo((0.5 + Math.sqrt(1.75)) / 3, 6); // ≈ 0.6076
  });

  it('shrinks towards the prior mean with pseudo-count k: (count + k·m) / (n + k)', () => {
    const p = turnbull([one(5)], uniform(), 1);
    expect(p[5]).toBeCloseTo((1 + 1 / WEEK_BINS) / 2, 12);
    expect(p[6]).toBeCloseTo(1 / WEEK_BINS / 2, 12);
    expect(turnbull([], assumedDensity(), 20)).toEqual(assumedDensity());
  });
});

/** Changes drawn from `weights` (24 local hours, weekdays given), seen by checks at random gaps (mean `gapH`). */
function simulate(
  rand: () => number,
  n: number,
  timeZone: string,
  post: string,
  weights: number[],
  weekdays: number[],
  gapH: number,
  clockZone = timeZone,
): ChangeInterval[] {
  const total = sum(weights);
  const out: ChangeInterval[] = [];
  const base = Date.UTC(2026, 0, 5); // a Monday, UTC
  while (out.length < n) {
    const day = Math.floor(rand() * 7 * 20);
    let u = rand() * total;
    let hour = 0;
    while (u > (weights[hour] ?? 0)) u -= weights[hour++] ?? 0;
    if (!weekdays.includes((((day % 7) + 7) % 7) + 1)) continue;
    const localMs = base + day * 24 * H + (hour + rand()) * H;
    const t = localMs - utcOffsetMinutes(localMs, clockZone) * 60_000;
    // Checks at exponential gaps around t: the last before and the first after.
    const from = t - -Math.log(1 - rand()) * gapH * H;
    const to = t + -Math.log(1 - rand()) * gapH * H;
    out.push({ post, timeZone, from, to });
  }
  return out;
}

describe("Turnbull's estimator on simulated data with a known density", () => {
  const hours = (a: number, b: number, inside = 4, outside = 1) =>
    Array.from({ length: 24 }, (_, h) => (h >= a && h < b ? inside : outside));

  it("recovers a post's local-time profile from censored intervals (total variation < 0.08)", () => {
    const weights = hours(14, 18, 6, 0.5);
    const data = simulate(mulberry32(1), 3000, 'Asia/Shanghai', 'BEJ', weights, [1, 2, 3, 4, 5, 6, 7], 1.5);
    const est = estimateChangeTimes(data, { kPost: 1, kRegion: 1, kInstance: 1 }).forPost('BEJ', 'Asia/Shanghai');
    const truth = weights.map((w) => w / sum(weights));
    expect(est.n).toBe(3000);
    expect(totalVariation(daily(est.density), truth)).toBeLessThan(0.08);
    // And the naive reading (each change at the end of its interval) is clearly worse: censoring matters.
    const naive = new Array<number>(24).fill(0);
    for (const d of data) naive[Math.floor(hourOfWeek(d.to, d.timeZone)) % 24]! += 1 / data.length;
    expect(totalVariation(naive, truth)).toBeGreaterThan(totalVariation(daily(est.density), truth) + 0.03);
  });

  it('finds one clock for the world (Washington hours) and gives it to a post that has seen nothing', () => {
    const rand = mulberry32(2);
    const weights = hours(9, 17, 1, 0);
    const zones: [string, string][] = [
      ['BMB', 'Asia/Kolkata'],
      ['BLG', 'Europe/Belgrade'],
      ['LND', 'Europe/London'],
      ['SYD', 'Australia/Sydney'],
      ['MEX', 'America/Mexico_City'],
    ];
    const data = zones.flatMap(([post, tz]) =>
      simulate(rand, 300, tz, post, weights, [1, 2, 3, 4, 5], 0.75, 'America/New_York'),
    );
    const model = estimateChangeTimes(data, { at: Date.UTC(2026, 0, 20) });
    expect(model.instance.localShare).toBeLessThan(0.25);
    // Tokyo never saw a change; its density should still sit at 09:00–17:00 New York = 23:00–07:00 Tokyo.
    const tokyo = model.forPost('TKY', 'Asia/Tokyo');
    expect(tokyo.n).toBe(0);
    const b = busiestHours(tokyo.density, 0.8);
    expect(b.hours).toBeLessThanOrEqual(10);
    expect([22, 23, 0]).toContain(b.start);
  });

  it('leans on the parents while a post has few changes, and on its own data once it has many', () => {
    const rand = mulberry32(3);
    // The instance: business hours everywhere in Europe; one post changes only overnight.
    const others = simulate(rand, 800, 'Europe/Paris', 'PRS', hours(9, 17, 1, 0), [1, 2, 3, 4, 5], 0.5);
    const night = (n: number) =>
      simulate(mulberry32(4), n, 'Europe/Belgrade', 'BLG', hours(1, 5, 1, 0), [1, 2, 3, 4, 5], 0.5);
    const nightShare = (d: ArrayLike<number>) =>
      daily(d)
        .slice(1, 5)
        .reduce((s, x) => s + x, 0);
    const few = estimateChangeTimes([...others, ...night(3)]).forPost('BLG', 'Europe/Belgrade');
    const many = estimateChangeTimes([...others, ...night(200)]).forPost('BLG', 'Europe/Belgrade');
    expect(few.n).toBe(3);
    expect(nightShare(few.density)).toBeLessThan(0.25);
    expect(nightShare(many.density)).toBeGreaterThan(0.8);
  });

  it('with nothing learned, is today’s business-hours assumption blended with uniform', () => {
    const d = estimateChangeTimes([]).forPost('BLG', 'Europe/Belgrade').density;
    expect(sum(d)).toBeCloseTo(1, 9);
    expect(d[2 * 24 + 10]! / d[2 * 24 + 3]!).toBeGreaterThan(2.5); // Wednesday 10:00 over 03:00
    expect(d[2 * 24 + 3]!).toBeGreaterThan(0.5 / WEEK_BINS - 1e-9); // the uniform half keeps nights alive
  });
});

describe('the busiest hours, for "checks concentrate on 14:00–18:00"', () => {
  it('finds the shortest circular run of hours that holds the share', () => {
    const d = new Float64Array(WEEK_BINS);
    for (let day = 0; day < 7; day++) for (const h of [14, 15, 16, 17]) d[day * 24 + h] = 0.2 / 7;
    d[3] = 0.2;
    expect(busiestHours(d, 0.8)).toEqual({ start: 14, hours: 4, share: expect.closeTo(0.8, 9) as number });
    const wrap = new Float64Array(WEEK_BINS);
    wrap[23] = 0.5;
    wrap[24] = 0.5;
    expect(busiestHours(wrap, 0.8)).toMatchObject({ start: 23, hours: 2 });
  });
});
