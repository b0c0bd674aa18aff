import type { SurvivalCurve } from './kaplan-meier.js';

/** R's default tolerance for "the curve sits exactly on the probability": sqrt(.Machine$double.eps). */
const TOLERANCE = Math.sqrt(2.220446049250313e-16);

export interface TimeQuantile {
  /** Fraction of cases decided by this time (0.5 = the median wait). */
  p: number;
  time: number;
  lower: number;
  upper: number;
}

/**
 * Quantiles of the waiting time with their confidence limits, by the rules of R's
 * `quantile.survfit`: the first time the curve drops to 1 - p, the midpoint of a flat stretch that
 * sits exactly on 1 - p, and the limits read the same way off the confidence curves. NaN where the
 * curve (or its limit) never gets that low.
 */
export function timeQuantiles(curve: SurvivalCurve, probs: readonly number[] = [0.25, 0.5, 0.75]): TimeQuantile[] {
  const size = curve.time.length;
  const x = new Float64Array(size + 1);
  x.set(curve.time, 1);
  const cdf = (s: Float64Array): Float64Array => {
    const y = new Float64Array(size + 1);
    for (let k = 0; k < size; k++) y[k + 1] = 1 - s[k]!;
    return y;
  };
  const yEst = cdf(curve.survival);
  const yLow = cdf(curve.lower);
  const yHigh = cdf(curve.upper);
  return probs.map((p) => ({
    p,
    time: findQuantile(x, yEst, p),
    lower: findQuantile(x, yLow, p),
    upper: findQuantile(x, yHigh, p),
  }));
}

/** survival:::findq for one probability; y is a distribution function that may hold NaN. */
function findQuantile(x: Float64Array, y: Float64Array, p: number): number {
  let maxY = -Infinity;
  for (const v of y) if (v > maxY) maxY = v;
  if (maxY < p) return NaN;
  const xmax = x[x.length - 1]!;
  // Keep the first point of each distinct level (R's `duplicated`, NaN equal to NaN).
  const ux: number[] = [];
  const uy: number[] = [];
  const seen = new Set<number>();
  let seenNaN = false;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (Number.isNaN(v)) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    ux.push(x[k]!);
    uy.push(v);
  }
  const i1 = firstAtOrAbove(uy, TOLERANCE, p);
  const i2 = firstAtOrAbove(uy, -TOLERANCE, p);
  if (p === 0) return ux[0]!;
  const lastY = uy[uy.length - 1]!;
  if (!Number.isNaN(lastY) && Math.abs(p - lastY) < TOLERANCE) {
    return i1 < 0 ? NaN : (ux[i1]! + xmax) / 2;
  }
  if (i1 < 0 || i2 < 0) return NaN;
  return (ux[i1]! + ux[i2]!) / 2;
}

/**
 * What R's approx(y + shift, seq_along(y), p, method = "constant", f = 1) selects: the point whose
 * shifted level is the smallest one at or above p (levels need not be monotone for the confidence
 * curves), or -1 when p lies outside the levels' range.
 */
function firstAtOrAbove(levels: number[], shift: number, p: number): number {
  let best = -1;
  let bestLevel = Infinity;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < levels.length; k++) {
    const v = levels[k]!;
    if (Number.isNaN(v)) continue;
    const shifted = v + shift;
    if (shifted < min) min = shifted;
    if (shifted > max) max = shifted;
    if (shifted >= p && shifted < bestLevel) {
      bestLevel = shifted;
      best = k;
    }
  }
  if (p < min || p > max) return -1;
  return best;
}
