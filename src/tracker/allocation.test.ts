import { describe, expect, it } from 'vitest';

import { allocateChecks, expectedDelayHours, hoursUntil } from './allocation.js';

/** Every split of `budget` over 3 bins on a grid of `step`, with each bin ≥ `floor`: the brute-force minimum. */
function bruteForce(f: number[], budget: number, floor: number, step: number): { delay: number; rates: number[] } {
  let best = { delay: Infinity, rates: [0, 0, 0] };
  for (let a = floor; a <= budget; a += step)
    for (let b = floor; a + b <= budget; b += step) {
      const c = budget - a - b;
      if (c < floor - 1e-12) continue;
      const rates = [a, b, c];
      const delay = expectedDelayHours(f, rates);
      if (delay < best.delay) best = { delay, rates };
    }
  return best;
}

describe('check allocation over the week', () => {
  it('without a floor, is B·√f / Σ√f (the Lagrange solution)', () => {
    const f = [0.64, 0.16, 0.16, 0.04];
    const r = allocateChecks(f, 18, { power: 0.5, floorShare: 0 });
    const roots = [0.8, 0.4, 0.4, 0.2];
    roots.forEach((x, i) => expect(r[i]).toBeCloseTo((18 * x) / 1.8, 6));
  });

  it('matches brute force on small cases, with and without a floor', () => {
    const cases: [number[], number, number][] = [
      [[0.7, 0.2, 0.1], 6, 0],
      [[0.9, 0.09, 0.01], 6, 0],
      [[0.9, 0.09, 0.01], 6, 0.3],
      [[0.5, 0.5, 0], 3, 0.2],
      [[1 / 3, 1 / 3, 1 / 3], 9, 0.1],
    ];
    for (const [f, budget, floorShare] of cases) {
      const r = allocateChecks(f, budget, { power: 0.5, floorShare });
      expect(r.reduce((s, x) => s + x, 0)).toBeCloseTo(budget, 6);
      const floor = (floorShare * budget) / 3;
      const brute = bruteForce(f, budget, floor, 0.005);
      const ours = expectedDelayHours(f, r);
      // Ours is the true optimum: no grid point beats it, and the best grid point is next to it.
      expect(ours).toBeLessThanOrEqual(brute.delay + 1e-9);
      expect(ours).toBeGreaterThan(brute.delay - 0.01 * brute.delay);
      brute.rates.forEach((x, i) => expect(Math.abs(x - (r[i] ?? 0))).toBeLessThan(0.05));
      r.forEach((x) => expect(x).toBeGreaterThanOrEqual(floor - 1e-9));
    }
  });

  it('is never worse than a flat schedule at the same budget (Cauchy–Schwarz)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let k = 0; k < 50; k++) {
      const raw = Array.from({ length: 168 }, () => rand() ** 4);
      const total = raw.reduce((s, x) => s + x, 0);
      const f = raw.map((x) => x / total);
      const flat = new Array<number>(168).fill(70 / 168);
      expect(expectedDelayHours(f, allocateChecks(f, 70, { power: 0.5, floorShare: 0 }))).toBeLessThanOrEqual(
        expectedDelayHours(f, flat) + 1e-12,
      );
    }
  });

  it('leans towards flat as the power drops below ½, and concentrates above it', () => {
    const f = [0.81, 0.09, 0.09, 0.01];
    const top = (power: number) => allocateChecks(f, 10, { power, floorShare: 0 })[0] ?? 0;
    expect(top(0.25)).toBeLessThan(top(0.5));
    expect(top(1)).toBeGreaterThan(top(0.5));
    expect(allocateChecks(f, 10, { power: 0 })[0]).toBeCloseTo(2.5, 9);
  });
});

describe('the next check on the rate clock', () => {
  it('is 1/r away at a steady rate, and crosses bins (and the week’s end) by the rate in each', () => {
    expect(hoursUntil([2, 2, 2], 0.25)).toBeCloseTo(0.5, 12);
    const rates = new Array<number>(168).fill(0.1);
    rates[10] = 4;
    // From 09:30 Monday: ½ h at 0.1 (0.05 checks) then 0.95 checks at 4/h = 0.2375 h.
    expect(hoursUntil(rates, 9.5)).toBeCloseTo(0.5 + 0.95 / 4, 12);
    // From Sunday 23:00 (bin 167) over the week's end into Monday.
    expect(hoursUntil(rates, 167, 0.15)).toBeCloseTo(1 + 0.05 / 0.1, 12);
  });
});
