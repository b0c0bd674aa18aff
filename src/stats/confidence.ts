/**
 * Confidence intervals for a probability from its standard error, exactly as R's
 * `survival:::survfit_confint` computes them (NaN where R gives NA).
 */
export type CiType = 'log' | 'log-log' | 'plain';
export const CI_TYPES: readonly CiType[] = ['log', 'log-log', 'plain'];

/** Two-sided normal quantiles for the confidence levels we offer (qnorm(1 - (1 - level) / 2)). */
const Z: Record<string, number> = {
  '0.8': 1.2815515655446004,
  '0.9': 1.6448536269514722,
  '0.95': 1.959963984540054,
  '0.99': 2.5758293035489004,
};

export function zFor(level: number): number {
  const z = Z[String(level)];
  if (z === undefined)
    throw new RangeError(`confidence level ${level} is not offered: use one of ${Object.keys(Z).join(', ')}`);
  return z;
}

/**
 * @param p the estimate
 * @param se its standard error; of log(p) when `logScale`, else of p itself
 */
export function confidenceInterval(
  p: number,
  se: number,
  type: CiType,
  z: number,
  logScale: boolean,
): { lower: number; upper: number } {
  const s = logScale ? se : se === 0 ? 0 : se / p;
  switch (type) {
    case 'plain': {
      const half = s * p * z;
      return { lower: nanMax(p - half, 0), upper: nanMin(p + half, 1) };
    }
    case 'log': {
      if (p === 0) return { lower: NaN, upper: NaN };
      const half = z * s;
      return { lower: Math.exp(Math.log(p) - half), upper: nanMin(Math.exp(Math.log(p) + half), 1) };
    }
    case 'log-log': {
      if (p === 0 || p === 1) return { lower: NaN, upper: NaN };
      const half = (z * s) / Math.log(p);
      const ll = Math.log(-Math.log(p));
      return { lower: Math.exp(-Math.exp(ll - half)), upper: Math.exp(-Math.exp(ll + half)) };
    }
  }
}

// R's pmin/pmax keep NA; Math.min/max already return NaN for NaN, spelled out for the reader.
function nanMin(a: number, b: number): number {
  return Number.isNaN(a) ? NaN : Math.min(a, b);
}
function nanMax(a: number, b: number): number {
  return Number.isNaN(a) ? NaN : Math.max(a, b);
}
