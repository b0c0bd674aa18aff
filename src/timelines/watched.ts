/**
 * The anonymized timeline of a watched case, from the statuses the tracker saw: what
 * `upsertWatchedTimeline` stores for a case whose owner consented to share it. Pure.
 */
import type { Route, SlipColor, State } from '../knowledge/types.js';
import { type Entry, isIsoDate, type Timeline, type TimelineEvent } from './model.js';

export interface SeenStatus {
  /** YYYY-MM-DD the status was first seen (or CEAC's "Case Last Updated" date, if earlier known). */
  date: string;
  state: State;
  /** CEAC's "Case Last Updated" shown with it. */
  caseLastUpdated?: string | null;
}

export interface WatchedCase {
  visaClass: string | null;
  entry: Entry | null;
  route: Route | null;
  /** CEAC location code. */
  post: string | null;
  slip?: SlipColor | null;
  /** Every status seen, oldest first. */
  history: readonly SeenStatus[];
  /** YYYY-MM-DD of the last successful check: a pending case is known pending until then. */
  lastChecked: string;
}

const STARTS: readonly State[] = ['refused', 'administrative_processing'];

/**
 * The wait starts the first time the case shows Refused or Administrative Processing and ends
 * when it shows Issued; until then it is pending as of the last check. Null while the case has
 * not entered a wait (nothing to time yet).
 */
export function watchedTimeline(c: WatchedCase): Omit<Timeline, 'source' | 'sourceKey'> | null {
  if (!isIsoDate(c.lastChecked)) throw new RangeError(`lastChecked "${c.lastChecked}" is not YYYY-MM-DD`);
  const start = c.history.find((h) => STARTS.includes(h.state));
  if (!start) return null;
  const events: TimelineEvent[] = [];
  let previous: SeenStatus | undefined;
  for (const h of c.history) {
    if (!previous || previous.state !== h.state) events.push({ date: h.date, kind: 'status', status: h.state });
    else if (h.caseLastUpdated && h.caseLastUpdated !== previous.caseLastUpdated && isIsoDate(h.caseLastUpdated)) {
      events.push({ date: h.caseLastUpdated, kind: 'last_updated' });
    }
    previous = h;
  }
  if (c.slip) events.push({ date: start.date, kind: 'slip_221g', color: c.slip });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const issued = c.history.find((h) => h.state === 'issued' && h.date >= start.date);
  const pendingUntil = c.lastChecked > start.date ? c.lastChecked : start.date;
  return {
    visaClass: c.visaClass,
    entry: c.entry,
    route: c.route,
    post: c.post,
    startDate: start.date,
    outcome: issued ? 'issued' : 'pending',
    outcomeDate: issued ? issued.date : pendingUntil,
    events,
  };
}
