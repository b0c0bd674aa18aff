import { type CiType, confidenceInterval, zFor } from './confidence.js';
import type { EventTable } from './table.js';

export interface EstimateOptions {
  ciType?: CiType;
  /** Confidence level of the intervals, 0.95 by default (as R). */
  level?: number;
}

/** A Kaplan–Meier curve: one entry per distinct time (event or censoring), as R's `survfit`. */
export interface SurvivalCurve {
  readonly time: Float64Array;
  readonly nRisk: Int32Array;
  readonly nEvent: Int32Array;
  readonly nCensor: Int32Array;
  readonly survival: Float64Array;
  /** Greenwood standard error of -log S(t) (R's `std.err`); NaN once S reaches 0. */
  readonly stdErr: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly ciType: CiType;
  readonly level: number;
  readonly n: number;
}

/** Kaplan–Meier with Greenwood variance and R's interval types. O(distinct times). */
export function kaplanMeier(table: EventTable, options: EstimateOptions = {}): SurvivalCurve {
  const ciType = options.ciType ?? 'log';
  const level = options.level ?? 0.95;
  const z = zFor(level);
  const size = table.time.length;
  const nRisk = new Int32Array(size);
  const survival = new Float64Array(size);
  const stdErr = new Float64Array(size);
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  let atRisk = table.n;
  let s = 1;
  let greenwood = 0;
  for (let k = 0; k < size; k++) {
    const d = table.nEvent[k]!;
    nRisk[k] = atRisk;
    if (d > 0) {
      s *= (atRisk - d) / atRisk;
      greenwood += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
    }
    survival[k] = s;
    const se = Number.isFinite(greenwood) ? Math.sqrt(greenwood) : NaN;
    stdErr[k] = se;
    const ci = confidenceInterval(s, se, ciType, z, true);
    lower[k] = ci.lower;
    upper[k] = ci.upper;
    atRisk -= d + table.nCensor[k]!;
  }
  return {
    time: table.time,
    nRisk,
    nEvent: table.nEvent,
    nCensor: table.nCensor,
    survival,
    stdErr,
    lower,
    upper,
    ciType,
    level,
    n: table.n,
  };
}

export interface PointWithInterval {
  value: number;
  lower: number;
  upper: number;
}

/**
 * S(t) with its interval: the value of the step function at t. Past the last observed time the
 * curve is unknown (NaN), unless it already reached 0.
 */
export function survivalAt(curve: SurvivalCurve, t: number): PointWithInterval {
  const size = curve.time.length;
  if (size === 0) return { value: NaN, lower: NaN, upper: NaN };
  const last = size - 1;
  if (t > curve.time[last]! && curve.survival[last]! > 0) return { value: NaN, lower: NaN, upper: NaN };
  // Binary search for the last time <= t.
  let lo = 0;
  let hi = size - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (curve.time[mid]! <= t) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at < 0) {
    const ci = confidenceInterval(1, 0, curve.ciType, zFor(curve.level), true);
    return { value: 1, ...ci };
  }
  return { value: curve.survival[at]!, lower: curve.lower[at]!, upper: curve.upper[at]! };
}
