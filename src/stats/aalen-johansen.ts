import { type CiType, confidenceInterval, zFor } from './confidence.js';
import type { EstimateOptions } from './kaplan-meier.js';
import type { EventTable } from './table.js';

/**
 * Competing outcomes: the probability of having been issued/cleared, refused, or still pending at
 * each time (Aalen–Johansen), with the infinitesimal-jackknife standard errors and intervals that
 * R's `survfit(Surv(time, factor(status)) ~ 1)` reports.
 */
export interface CumulativeIncidence {
  readonly time: Float64Array;
  readonly nRisk: Int32Array;
  readonly nIssued: Int32Array;
  readonly nRefused: Int32Array;
  readonly nCensor: Int32Array;
  readonly pending: Float64Array;
  readonly issued: Float64Array;
  readonly refused: Float64Array;
  readonly sePending: Float64Array;
  readonly seIssued: Float64Array;
  readonly seRefused: Float64Array;
  readonly issuedLower: Float64Array;
  readonly issuedUpper: Float64Array;
  readonly refusedLower: Float64Array;
  readonly refusedUpper: Float64Array;
  readonly ciType: CiType;
  readonly level: number;
  readonly n: number;
}

/**
 * Every case starts pending (state 0) and may move once, to issued (1) or refused (2). The
 * influence of case i on p(t) follows U_i(t) = U_i(t-) H(t) + p(t-) dH_i(t). Cases still at risk
 * share one influence vector, and cases that left evolve linearly afterwards, so the sum of squared
 * influences is carried as one shared vector plus the second moments of those who left: O(times).
 */
export function aalenJohansen(table: EventTable, options: EstimateOptions = {}): CumulativeIncidence {
  const ciType = options.ciType ?? 'log';
  const level = options.level ?? 0.95;
  const z = zFor(level);
  const size = table.time.length;
  const out = {
    nRisk: new Int32Array(size),
    pending: new Float64Array(size),
    issued: new Float64Array(size),
    refused: new Float64Array(size),
    sePending: new Float64Array(size),
    seIssued: new Float64Array(size),
    seRefused: new Float64Array(size),
    issuedLower: new Float64Array(size),
    issuedUpper: new Float64Array(size),
    refusedLower: new Float64Array(size),
    refusedUpper: new Float64Array(size),
  };
  let n = table.n;
  let p0 = 1;
  let p1 = 0;
  let p2 = 0;
  // Influence shared by every case still at risk.
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  // Second moments of the influences of cases that already left: s00, s01, s02, s11, s12, s22.
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  for (let k = 0; k < size; k++) {
    const d1 = table.nIssued[k]!;
    const d2 = table.nRefused[k]!;
    const c = table.nCensor[k]!;
    const d = d1 + d2;
    out.nRisk[k] = n;
    if (d > 0) {
      const h1 = d1 / n;
      const h2 = d2 / n;
      const h = d / n;
      // Those who left earlier: u' = M u with u0' = (1-h)u0, u1' = u1 + h1 u0, u2' = u2 + h2 u0.
      const t00 = (1 - h) * (1 - h) * s00;
      const t01 = (1 - h) * (s01 + h1 * s00);
      const t02 = (1 - h) * (s02 + h2 * s00);
      const t11 = s11 + 2 * h1 * s01 + h1 * h1 * s00;
      const t12 = s12 + h1 * s02 + h2 * s01 + h1 * h2 * s00;
      const t22 = s22 + 2 * h2 * s02 + h2 * h2 * s00;
      s00 = t00;
      s01 = t01;
      s02 = t02;
      s11 = t11;
      s12 = t12;
      s22 = t22;
      // Shared part of every at-risk case's new influence, then the part of its own outcome.
      const b0 = a0 * (1 - h) + (p0 * h) / n;
      const b1 = a1 + a0 * h1 - (p0 * h1) / n;
      const b2 = a2 + a0 * h2 - (p0 * h2) / n;
      const jump = p0 / n;
      if (d1 > 0) addMoments(d1, b0 - jump, b1 + jump, b2);
      if (d2 > 0) addMoments(d2, b0 - jump, b1, b2 + jump);
      a0 = b0;
      a1 = b1;
      a2 = b2;
      const q0 = p0;
      p0 = q0 * (1 - h);
      p1 += q0 * h1;
      p2 += q0 * h2;
    }
    if (c > 0) addMoments(c, a0, a1, a2);
    const stay = n - d - c;
    const v0 = s00 + stay * a0 * a0;
    const v1 = s11 + stay * a1 * a1;
    const v2 = s22 + stay * a2 * a2;
    out.pending[k] = p0;
    out.issued[k] = p1;
    out.refused[k] = p2;
    out.sePending[k] = Math.sqrt(v0);
    out.seIssued[k] = Math.sqrt(v1);
    out.seRefused[k] = Math.sqrt(v2);
    const ci1 = confidenceInterval(p1, out.seIssued[k]!, ciType, z, false);
    const ci2 = confidenceInterval(p2, out.seRefused[k]!, ciType, z, false);
    out.issuedLower[k] = ci1.lower;
    out.issuedUpper[k] = ci1.upper;
    out.refusedLower[k] = ci2.lower;
    out.refusedUpper[k] = ci2.upper;
    n = stay;
  }
  return {
    time: table.time,
    nIssued: table.nIssued,
    nRefused: table.nRefused,
    nCensor: table.nCensor,
    ...out,
    ciType,
    level,
    n: table.n,
  };

  function addMoments(count: number, u0: number, u1: number, u2: number): void {
    s00 += count * u0 * u0;
    s01 += count * u0 * u1;
    s02 += count * u0 * u2;
    s11 += count * u1 * u1;
    s12 += count * u1 * u2;
    s22 += count * u2 * u2;
  }
}
