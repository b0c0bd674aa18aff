/**
 * Prediction for an open case: given it has waited t days, how likely a decision is within 7, 30,
 * 60 and 90 more days, and the median remaining wait, each with an interval. The estimate is the
 * Kaplan–Meier curve of the comparable cases that were still pending after t days, timed from t.
 */
import { AppError } from '../errors.js';
import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import type { CiType } from './confidence.js';
import { kaplanMeier, survivalAt } from './kaplan-meier.js';
import { timeQuantiles } from './quantiles.js';
import { type Interval, MIN_GROUP, orNull } from './report.js';
import { conditionalTable, type EventTable } from './table.js';

export const HORIZONS = [7, 30, 60, 90] as const;

export interface GroupKey {
  visaClass: string;
  post?: string | undefined;
  entry?: 'new' | 'renewal' | undefined;
}

export interface Chance {
  p: number | null;
  low: number | null;
  high: number | null;
}

export interface Prediction {
  waited: number;
  /** The group the prediction comes from, and the narrower ones tried first. */
  group: GroupKey;
  groupLabel: string;
  tried: { group: GroupKey; label: string; comparable: number }[];
  /** Cases of the group still pending after `waited` days. */
  comparable: number;
  /** P(decision within h more days), keyed by h. Null past the longest wait observed. */
  within: Record<string, Chance>;
  medianRemaining: Interval;
  /** More days until 9 in 10 of the comparable cases were decided (null when the curve does not get there). */
  ninetyRemaining: Interval;
  ciType: CiType;
  notes: string[];
}

export class NotEnoughDataError extends AppError {
  override name = 'NotEnoughDataError';
  override readonly code = 'not_enough_data';
}

export function describeGroup(g: GroupKey): string {
  return [g.visaClass, g.post ? `at ${g.post}` : 'at every post', g.entry ? `(${g.entry})` : '']
    .filter(Boolean)
    .join(' ');
}

/** From the narrowest group to the broadest: post + class + entry, post + class, class + entry, class. */
export function fallbackGroups(g: GroupKey): GroupKey[] {
  const out: GroupKey[] = [];
  const add = (k: GroupKey) => {
    if (!out.some((o) => o.post === k.post && o.entry === k.entry)) out.push(k);
  };
  add({ visaClass: g.visaClass, post: g.post, entry: g.entry });
  add({ visaClass: g.visaClass, post: g.post });
  add({ visaClass: g.visaClass, entry: g.entry });
  add({ visaClass: g.visaClass });
  return out;
}

/** The prediction from one group's table; null when fewer than 5 comparable cases remain. */
export function predictFromTable(
  table: EventTable,
  waited: number,
  ciType: CiType = 'log',
): Omit<Prediction, 'group' | 'groupLabel' | 'tried' | 'notes'> | null {
  if (!(waited >= 0) || !Number.isFinite(waited))
    throw new RangeError(`waited must be a number of days from 0 (got ${waited})`);
  const rest = conditionalTable(table, waited);
  if (rest.n < MIN_GROUP) return null;
  const curve = kaplanMeier(rest, { ciType });
  const within: Record<string, Chance> = {};
  for (const h of HORIZONS) {
    const s = survivalAt(curve, h);
    // A decision within h is the complement of still waiting at h; the interval flips with it.
    within[h] = { p: orNull(1 - s.value), low: orNull(1 - s.upper), high: orNull(1 - s.lower) };
  }
  const [median, ninety] = timeQuantiles(curve, [0.5, 0.9]);
  return {
    waited,
    comparable: rest.n,
    within,
    medianRemaining: { days: orNull(median!.time), low: orNull(median!.lower), high: orNull(median!.upper) },
    ninetyRemaining: { days: orNull(ninety!.time), low: orNull(ninety!.lower), high: orNull(ninety!.upper) },
    ciType,
  };
}

/**
 * Tries the groups of `fallbackGroups` in order and predicts from the first with at least 5
 * comparable cases; says which one it used and why the narrower ones were passed over.
 */
export async function predictWithFallback(
  loadTable: (group: GroupKey) => Promise<EventTable> | EventTable,
  request: GroupKey & { waited: number; ciType?: CiType },
): Promise<Prediction> {
  const tried: Prediction['tried'] = [];
  for (const group of fallbackGroups(request)) {
    const table = await loadTable(group);
    const result = predictFromTable(table, request.waited, request.ciType);
    const label = describeGroup(group);
    if (!result) {
      tried.push({ group, label, comparable: conditionalTable(table, request.waited).n });
      continue;
    }
    const notes = predictionNoteWords({ tried, waited: request.waited, within: result.within }).map((m) => english(m));
    return { ...result, group, groupLabel: label, tried, notes };
  }
  const summary = tried.map((t) => `${t.label}: ${t.comparable}`).join('; ');
  throw new NotEnoughDataError(
    `not enough comparable cases to predict: fewer than ${MIN_GROUP} cases were still pending after ${request.waited} days in every group tried (${summary})`,
  );
}

/** The notes of a prediction (`Prediction.notes` in English) as messages for the reader's language. */
export function predictionNoteWords(p: Pick<Prediction, 'tried' | 'within'> & { waited: number }): Msg[] {
  const notes = p.tried.map((t) =>
    msg('stats.predict.broader', { label: t.label, comparable: t.comparable, waited: String(p.waited) }),
  );
  if (p.within['90']?.p === null) notes.push(msg('stats.predict.no90'));
  return notes;
}
