/**
 * Where to spend a case's checks over the week, given when its changes happen. Pure.
 *
 * Why √f. Let f(t) be the change-time density over the week and r(t) the check rate (checks per
 * hour). A change at a uniform time inside a gap of length g between two checks waits g/2 on average;
 * where the rate is r, gaps are ≈ 1/r, so a change at t waits ≈ 1/(2·r(t)). The expected delay is
 *     D[r] = ∫ f(t) / (2 r(t)) dt,   subject to the budget  ∫ r(t) dt = B  (checks per week).
 * With a Lagrange multiplier λ: ∂/∂r [f/(2r) + λ r] = −f/(2r²) + λ = 0, so r(t) = √(f(t) / 2λ) ∝ √f(t),
 * and the budget fixes the constant: r(t) = B·√f(t) / ∫√f. (D is convex in r, so this is the minimum;
 * the minimum delay is (∫√f)² / 2B, against 168/2B for a flat schedule: by Cauchy–Schwarz never worse.)
 *
 * The floor. With a floor r ≥ c (no hour unwatched), the Karush–Kuhn–Tucker conditions give
 * r(t) = max(c, λ'·√f(t)): water-filling, with λ' set by the budget. `allocateChecks` computes exactly
 * that, on the 168 hour-of-week bins (tested against brute force in allocation.test.ts).
 *
 * Mean against tail. √f minimises the mean delay; the slowest hours then get little, and the changes
 * that do fall there (a spread-out tail) wait long, which is what a p90 sees. The floor (a share of the
 * budget spread flat over the week) bounds that wait; the power (½ minimises the mean; below ½ leans to
 * flat, above ½ concentrates more) is the other knob. The defaults were chosen with the replay bench
 * (bench/tracker.bench.mjs, README "Scheduling"): see docs/schedule.md.
 */

import { WEEK_BINS } from './change-times.js';

export interface AllocationOptions {
  /** Exponent on the density: ½ minimises the mean delay. */
  power?: number;
  /** Share of the budget guaranteed to every hour as a flat floor (0–1). */
  floorShare?: number;
}

/**
 * Measured in the replay (README "Scheduling"): with ½ the changes spread over the whole week paid
 * ~15% in p90 against fixed polling at equal requests (noise in a learned bin becomes an uneven gap);
 * 0.3 with a 30% floor keeps p90 level there and still gives 4–5× shorter medians where changes cluster.
 */
export const DEFAULT_ALLOCATION: Required<AllocationOptions> = { power: 0.3, floorShare: 0.3 };

/**
 * Checks per hour in each hour-of-week bin, summing to `checksPerWeek`: r_j = max(c, λ·f_j^power) with
 * c = floorShare·checksPerWeek/168 and λ chosen by bisection so that the budget is spent.
 */
export function allocateChecks(
  density: ArrayLike<number>,
  checksPerWeek: number,
  options: AllocationOptions = {},
): Float64Array {
  const power = options.power ?? DEFAULT_ALLOCATION.power;
  const floorShare = Math.min(1, Math.max(0, options.floorShare ?? DEFAULT_ALLOCATION.floorShare));
  const bins = density.length;
  const c = (floorShare * checksPerWeek) / bins;
  const w = new Float64Array(bins);
  let wSum = 0;
  for (let j = 0; j < bins; j++) {
    w[j] = Math.max(0, density[j] ?? 0) ** power;
    wSum += w[j] ?? 0;
  }
  const out = new Float64Array(bins);
  if (wSum <= 0 || floorShare >= 1) return out.fill(checksPerWeek / bins);
  const spent = (lambda: number) => {
    let s = 0;
    for (let j = 0; j < bins; j++) s += Math.max(c, lambda * (w[j] ?? 0));
    return s;
  };
  let lo = 0;
  let hi = checksPerWeek / wSum; // spends at least the budget (λ·Σw = B)
  while (spent(hi) < checksPerWeek) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (spent(mid) < checksPerWeek) lo = mid;
    else hi = mid;
  }
  for (let j = 0; j < bins; j++) out[j] = Math.max(c, hi * (w[j] ?? 0));
  return out;
}

/** Expected detection delay in hours, Σ_j f_j / (2 r_j) (bins of one hour). */
export function expectedDelayHours(density: ArrayLike<number>, rates: ArrayLike<number>): number {
  let d = 0;
  for (let j = 0; j < density.length; j++) {
    const f = density[j] ?? 0;
    if (f > 0) d += f / (2 * (rates[j] ?? 0));
  }
  return d;
}

/**
 * Hours from `hourOfWeek` (fractional) until `checks` checks' worth of rate has passed: the next check
 * when checks are placed evenly on the clock that runs at the rate r(t).
 */
export function hoursUntil(rates: ArrayLike<number>, hourOfWeek: number, checks = 1): number {
  let need = checks;
  let pos = hourOfWeek;
  let elapsed = 0;
  for (let guard = 0; guard < 100 * WEEK_BINS; guard++) {
    const bin = Math.floor(pos) % WEEK_BINS;
    const r = rates[bin] ?? 0;
    const span = Math.floor(pos) + 1 - pos;
    if (r * span >= need) return elapsed + need / r;
    need -= r * span;
    elapsed += span;
    pos = (Math.floor(pos) + 1) % WEEK_BINS;
  }
  return elapsed;
}
