/**
 * The figures of one group, in the shape the CLI and the API print: counts, median and quartiles
 * with intervals, survival at fixed days, the curve, competing outcomes, and honest warnings.
 */
import { AppError } from '../errors.js';
import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { aalenJohansen, type CumulativeIncidence } from './aalen-johansen.js';
import type { CiType } from './confidence.js';
import { kaplanMeier, survivalAt, type SurvivalCurve } from './kaplan-meier.js';
import { timeQuantiles } from './quantiles.js';
import type { EventTable } from './table.js';

/** Groups smaller than this are never shown (too few to be honest, and too few to be anonymous). */
export const MIN_GROUP = 5;
export const SURVIVAL_DAYS = [30, 60, 90, 180] as const;

export interface Interval {
  days: number | null;
  low: number | null;
  high: number | null;
}
export interface Probability {
  survival: number | null;
  low: number | null;
  high: number | null;
}
export interface CurvePoint {
  t: number;
  survival: number;
  low: number | null;
  high: number | null;
  nRisk: number;
  events: number;
  censored: number;
}
export interface OutcomeShare {
  p: number;
  low: number | null;
  high: number | null;
}

export interface StatsReport {
  n: number;
  events: number;
  censored: number;
  issued: number;
  refused: number;
  median: Interval;
  quartiles: { '25': Interval; '75': Interval };
  survivalAt: Record<string, Probability>;
  curve: CurvePoint[];
  /** Cumulative incidence (Aalen–Johansen) of each outcome by the same days as survivalAt. */
  outcomesBy: Record<string, { issued: OutcomeShare; refused: OutcomeShare } | null>;
  ciType: CiType;
  level: number;
  /** The caveats in English words (as they always were), and as codes with their numbers for any language. */
  warnings: string[];
  caveats: ReportCaveat[];
}

export class GroupTooSmallError extends AppError {
  override name = 'GroupTooSmallError';
  override readonly code = 'group_too_small';
  /** What is wrong, for the reader's language (the message is the same in English). */
  readonly words: Msg;
  constructor(readonly n: number) {
    const words = msg('stats.groupTooSmall', { n, min: MIN_GROUP });
    super(english(words));
    this.words = words;
  }
}

/** JSON has no NaN: unknown figures are null. */
export function orNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function buildReport(table: EventTable, options: { ciType?: CiType; level?: number } = {}): StatsReport {
  if (table.n < MIN_GROUP) throw new GroupTooSmallError(table.n);
  const curve = kaplanMeier(table, options);
  const incidence = aalenJohansen(table, options);
  let events = 0;
  let issued = 0;
  let refused = 0;
  for (let k = 0; k < table.time.length; k++) {
    events += table.nEvent[k]!;
    issued += table.nIssued[k]!;
    refused += table.nRefused[k]!;
  }
  const censored = table.n - events;
  const [q1, median, q3] = timeQuantiles(curve, [0.25, 0.5, 0.75]);
  const interval = (q: { time: number; lower: number; upper: number }): Interval => ({
    days: orNull(q.time),
    low: orNull(q.lower),
    high: orNull(q.upper),
  });
  const survival: Record<string, Probability> = {};
  const outcomesBy: StatsReport['outcomesBy'] = {};
  for (const day of SURVIVAL_DAYS) {
    const s = survivalAt(curve, day);
    survival[day] = { survival: orNull(s.value), low: orNull(s.lower), high: orNull(s.upper) };
    outcomesBy[day] = incidenceAt(incidence, day);
  }
  return {
    n: table.n,
    events,
    censored,
    issued,
    refused,
    median: interval(median!),
    quartiles: { '25': interval(q1!), '75': interval(q3!) },
    survivalAt: survival,
    curve: curvePoints(curve),
    outcomesBy,
    ciType: curve.ciType,
    level: curve.level,
    ...reportWarnings(table, curve, censored, refused),
  };
}

export function curvePoints(curve: SurvivalCurve): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let k = 0; k < curve.time.length; k++) {
    points.push({
      t: curve.time[k]!,
      survival: curve.survival[k]!,
      low: orNull(curve.lower[k]!),
      high: orNull(curve.upper[k]!),
      nRisk: curve.nRisk[k]!,
      events: curve.nEvent[k]!,
      censored: curve.nCensor[k]!,
    });
  }
  return points;
}

function incidenceAt(ci: CumulativeIncidence, day: number) {
  let at = -1;
  for (let k = 0; k < ci.time.length && ci.time[k]! <= day; k++) at = k;
  const last = ci.time.length - 1;
  if (last < 0 || (day > ci.time[last]! && ci.pending[last]! > 0)) return null;
  if (at < 0) return { issued: { p: 0, low: null, high: null }, refused: { p: 0, low: null, high: null } };
  return {
    issued: { p: ci.issued[at]!, low: orNull(ci.issuedLower[at]!), high: orNull(ci.issuedUpper[at]!) },
    refused: { p: ci.refused[at]!, low: orNull(ci.refusedLower[at]!), high: orNull(ci.refusedUpper[at]!) },
  };
}

/** What may be wrong with a group's figures, as facts a shell puts into its own words (the web translates them). */
export type ReportCaveat =
  | { kind: 'only_finished' }
  | { kind: 'few_pending'; censored: number; n: number }
  | { kind: 'no_refusals' }
  | { kind: 'median_not_reached' }
  | { kind: 'small_group'; n: number };

/** The caveats of a group: n cases, `censored` still pending, `refused` refused, the curve's last value. */
export function reportCaveats(n: number, censored: number, refused: number, lastSurvival: number | undefined) {
  const caveats: ReportCaveat[] = [];
  if (censored === 0) caveats.push({ kind: 'only_finished' });
  else if (censored / n < 0.05) caveats.push({ kind: 'few_pending', censored, n });
  if (refused === 0 && n > 0) caveats.push({ kind: 'no_refusals' });
  if (lastSurvival !== undefined && lastSurvival > 0.5) caveats.push({ kind: 'median_not_reached' });
  if (n < 30) caveats.push({ kind: 'small_group', n });
  return caveats;
}

function reportWarnings(table: EventTable, curve: SurvivalCurve, censored: number, refused: number) {
  const caveats = reportCaveats(table.n, censored, refused, curve.survival.at(-1));
  return { warnings: caveats.map((c) => english(caveatWords(c))), caveats };
}

/** A caveat as a message for the reader's language. */
export function caveatWords(c: ReportCaveat): Msg {
  switch (c.kind) {
    case 'only_finished':
      return msg('stats.caveat.only_finished');
    case 'few_pending':
      return msg('stats.caveat.few_pending', {
        censored: String(c.censored),
        n: String(c.n),
        percent: ((c.censored / c.n) * 100).toFixed(1),
      });
    case 'no_refusals':
      return msg('stats.caveat.no_refusals');
    case 'median_not_reached':
      return msg('stats.caveat.median_not_reached');
    case 'small_group':
      return msg('stats.caveat.small_group', { n: String(c.n) });
  }
}
