import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { aalenJohansen } from './aalen-johansen.js';
import { CI_TYPES } from './confidence.js';
import { kaplanMeier, survivalAt } from './kaplan-meier.js';
import { timeQuantiles } from './quantiles.js';
import { conditionalTable, tabulate } from './table.js';

// Values recorded from R's survival package by reference/make-reference.R (R is not needed here).
type Num = number | null;
interface KmRef {
  time: Num[];
  n_risk: Num[];
  n_event: Num[];
  n_censor: Num[];
  surv: Num[];
  std_err: Num[];
  lower: Num[];
  upper: Num[];
  quantile: Num[];
  quantile_lower: Num[];
  quantile_upper: Num[];
}
interface AjRef {
  time: Num[];
  n_risk: Num[];
  n_event_issued: Num[];
  n_event_refused: Num[];
  pending: Num[];
  issued: Num[];
  refused: Num[];
  se_pending: Num[];
  se_issued: Num[];
  se_refused: Num[];
  lower_issued: Num[];
  upper_issued: Num[];
  lower_refused: Num[];
  upper_refused: Num[];
}
interface CondRef {
  waited: Num[];
  n: Num[];
  horizon: Num[];
  surv: Num[];
  lower: Num[];
  upper: Num[];
  median: Num[];
  median_lower: Num[];
  median_upper: Num[];
}
const reference = JSON.parse(readFileSync(new URL('./reference/survival-reference.json', import.meta.url), 'utf8')) as {
  survival: string;
  datasets: Record<string, { time: number[]; cause: number[]; km: Record<string, KmRef>; aj: AjRef | null }>;
  conditional: Record<string, CondRef>;
};

/** Equal to 1e-9, with R's NA (null here) matching our NaN. */
function expectClose(actual: ArrayLike<number>, expected: Num[], what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] ?? null;
    const a = actual[i]!;
    if (e === null) expect(Number.isNaN(a), `${what}[${i}] should be NA, got ${a}`).toBe(true);
    else expect(Math.abs(a - e), `${what}[${i}]: ${a} vs R ${e}`).toBeLessThanOrEqual(1e-9);
  }
}

describe(`Kaplan–Meier against R survival ${reference.survival}`, () => {
  for (const [name, data] of Object.entries(reference.datasets)) {
    const table = tabulate(data.time, data.cause);
    for (const ciType of CI_TYPES) {
      it(`${name}, ${ciType} intervals: curve, numbers at risk, quartiles`, () => {
        const ref = data.km[ciType]!;
        const curve = kaplanMeier(table, { ciType });
        expectClose(curve.time, ref.time, 'time');
        expectClose(curve.nRisk, ref.n_risk, 'n.risk');
        expectClose(curve.nEvent, ref.n_event, 'n.event');
        expectClose(curve.nCensor, ref.n_censor, 'n.censor');
        expectClose(curve.survival, ref.surv, 'surv');
        expectClose(curve.stdErr, ref.std_err, 'std.err');
        expectClose(curve.lower, ref.lower, 'lower');
        expectClose(curve.upper, ref.upper, 'upper');
        const q = timeQuantiles(curve);
        expectClose(
          q.map((x) => x.time),
          ref.quantile,
          'quantile',
        );
        expectClose(
          q.map((x) => x.lower),
          ref.quantile_lower,
          'quantile lower',
        );
        expectClose(
          q.map((x) => x.upper),
          ref.quantile_upper,
          'quantile upper',
        );
      });
    }
    if (data.aj) {
      const aj = data.aj;
      it(`${name}: Aalen–Johansen issued vs refused`, () => {
        const ci = aalenJohansen(table);
        expectClose(ci.time, aj.time, 'time');
        expectClose(ci.nRisk, aj.n_risk, 'n.risk');
        expectClose(ci.nIssued, aj.n_event_issued, 'issued events');
        expectClose(ci.nRefused, aj.n_event_refused, 'refused events');
        expectClose(ci.pending, aj.pending, 'pstate pending');
        expectClose(ci.issued, aj.issued, 'pstate issued');
        expectClose(ci.refused, aj.refused, 'pstate refused');
        expectClose(ci.sePending, aj.se_pending, 'std.err pending');
        expectClose(ci.seIssued, aj.se_issued, 'std.err issued');
        expectClose(ci.seRefused, aj.se_refused, 'std.err refused');
        expectClose(ci.issuedLower, aj.lower_issued, 'lower issued');
        expectClose(ci.issuedUpper, aj.upper_issued, 'upper issued');
        expectClose(ci.refusedLower, aj.lower_refused, 'lower refused');
        expectClose(ci.refusedUpper, aj.upper_refused, 'upper refused');
      });
    }
  }
});

describe('conditional estimates against R (survfit over the cases still pending after w days)', () => {
  const sources: Record<string, string> = { f1: 'f1', ties: 'ties' };
  for (const [name, ref] of Object.entries(reference.conditional)) {
    it(name, () => {
      const data = reference.datasets[sources[name.split('_')[0]!]!]!;
      const waited = ref.waited[0]!;
      const table = conditionalTable(tabulate(data.time, data.cause), waited);
      expect(table.n).toBe(ref.n[0]);
      const curve = kaplanMeier(table);
      const at = ref.horizon.map((h) => survivalAt(curve, h!));
      // R's summary(extend = TRUE) carries the last value past the last observed time; we refuse to
      // extrapolate there (nobody was followed that long), so those horizons must come back unknown.
      const last = curve.time.length - 1;
      const beyond = (h: Num) => h! > curve.time[last]! && curve.survival[last]! > 0;
      const unless = (values: Num[]) => values.map((v, i) => (beyond(ref.horizon[i]!) ? null : v));
      expect(ref.horizon.some(beyond) || name !== 'ties_waited_4').toBe(true);
      expectClose(
        at.map((x) => x.value),
        unless(ref.surv),
        'surv',
      );
      expectClose(
        at.map((x) => x.lower),
        unless(ref.lower),
        'lower',
      );
      expectClose(
        at.map((x) => x.upper),
        unless(ref.upper),
        'upper',
      );
      const [median] = timeQuantiles(curve, [0.5]);
      expectClose([median!.time], ref.median, 'median');
      expectClose([median!.lower], ref.median_lower, 'median lower');
      expectClose([median!.upper], ref.median_upper, 'median upper');
    });
  }
});
