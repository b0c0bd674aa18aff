/**
 * How sure the learned schedule is, in one sentence for `ceac case show` and the case page. Pure.
 * Every number in the sentence is computed here from the estimate, so that the words stay true.
 */

import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { allocateChecks } from './allocation.js';
import { busiestHours, type PostEstimate, WEEK_BINS } from './change-times.js';
import { CHECKS_PER_DAY } from './schedule.js';

/** A post's own changes before its sentence speaks of its own hours (below: "still learning"). */
export const MIN_POST_CHANGES = 10;

export interface ChangeTimesSummary {
  learning: boolean;
  /** Changes seen at this post, and across the instance. */
  n: number;
  instanceN: number;
  /** Local hours "HH:00" (end exclusive) where the post's estimated changes concentrate. */
  from: string;
  to: string;
  /** Estimated share of the post's changes in that window, and share of its checks there. */
  changeShare: number;
  checkShare: number;
  /** The clock the hours are in, e.g. "Beijing". */
  place: string;
  /** The sentence in English (logs, JSON), and as a message for the reader's language. */
  text: string;
  words: Msg;
}

const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
const pct = (x: number) => `${String(Math.round(x * 100))}%`;

/** `place` names the clock, e.g. "Beijing" (read as "Beijing time"). */
export function summarizeChangeTimes(est: PostEstimate, place: string): ChangeTimesSummary {
  const window = busiestHours(est.density, 0.8);
  const rates = allocateChecks(est.density, CHECKS_PER_DAY.active * 7);
  let inside = 0;
  let total = 0;
  for (let b = 0; b < WEEK_BINS; b++) {
    const r = rates[b] ?? 0;
    total += r;
    if (
      (b % 24) - window.start >= 0
        ? (b % 24) - window.start < window.hours
        : (b % 24) + 24 - window.start < window.hours
    )
      inside += r;
  }
  const checkShare = total > 0 ? inside / total : 0;
  const from = hh(window.start);
  const to = hh(window.start + window.hours);
  const learning = est.n < MIN_POST_CHANGES;
  const words = learning
    ? msg('track.learned.learning', { n: String(est.n), count: est.instanceN })
    : msg('track.learned.learned', {
        from,
        to,
        place,
        checkShare: pct(checkShare),
        changeShare: pct(window.share),
        n: String(est.n),
      });
  const text = english(words);
  return {
    learning,
    n: est.n,
    instanceN: est.instanceN,
    from,
    to,
    changeShare: window.share,
    checkShare,
    place,
    text,
    words,
  };
}
