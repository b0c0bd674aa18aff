/**
 * A recorded reading in the page's language. The tracker stores each interpretation in English (the record and the
 * API speak it); a page in another language decodes the same observation again with the context the tracker had
 * then, and uses the translation only when the English of that decoding is word for word the stored English: what
 * the reader sees is then the same answer, never a different one. When the context cannot be rebuilt (an edit of
 * the case's details since, an older decoder), the stored English is shown, marked as English.
 */
import { interpret } from '../decode/interpret.js';
import type { Translator } from '../i18n/translator.js';
import { english } from '../i18n/translator.js';
import type { DecodeContext, Interpretation, Observation } from '../knowledge/types.js';
import type { CaseView } from '../store/cases.js';

export interface ReadingWords {
  interpretation: Interpretation;
  /** The language the words are in: the page's, or English when no faithful translation was found. */
  language: Translator['language'];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const same = (a: Interpretation, b: Interpretation) =>
  a.state === b.state &&
  a.variant === b.variant &&
  a.finality === b.finality &&
  a.confidence === b.confidence &&
  a.headline === b.headline &&
  a.meaning === b.meaning &&
  a.nextSteps.join('\n') === b.nextSteps.join('\n') &&
  a.watchFor.join('\n') === b.watchFor.join('\n') &&
  a.notes.join('\n') === b.notes.join('\n');

/**
 * The stored interpretation of a reading, in `t`'s language when a faithful translation exists.
 * `from` is the observation before this one (none on the first check); `sinceCandidates` the days a status may have
 * begun (the first-seen days of the case's observations), newest first.
 */
export function readingWords(
  t: Translator,
  kase: CaseView,
  reading: { observation: Observation; interpretation: Interpretation; at: number; from: Observation | null },
  sinceCandidates: readonly number[],
): ReadingWords {
  const stored = reading.interpretation;
  if (t.language === 'en') return { interpretation: stored, language: 'en' };
  const ctx = kase.context;
  const base: DecodeContext = {
    applicationType: kase.app,
    today: isoDay(reading.at),
    ...(ctx.route && { route: ctx.route }),
    ...(ctx.slip && { slip: ctx.slip }),
    ...(ctx.officer && { officer: ctx.officer }),
    ...(ctx.passport && { passport: ctx.passport }),
  };
  const candidates: DecodeContext[] = [];
  const previous = reading.from?.status ?? undefined;
  if (previous) {
    const days = [...new Set(sinceCandidates.filter((ms) => ms <= reading.at).map(isoDay))];
    for (const since of days.slice(0, 60)) candidates.push({ ...base, previous, since });
    candidates.push({ ...base, previous });
  } else candidates.push(base);
  for (const context of candidates) {
    if (same(interpret(reading.observation, context, english), stored))
      return { interpretation: interpret(reading.observation, context, t), language: t.language };
  }
  return { interpretation: stored, language: 'en' };
}
