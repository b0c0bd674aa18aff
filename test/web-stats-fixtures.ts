import { mulberry32 as seeded } from '../src/random.js';
import type { Timeline } from '../src/timelines/model.js';
import { addDays, causeOf, waitDays } from '../src/timelines/model.js';

export interface GroupSpec {
  visaClass: string;
  post: string;
  entry: 'new' | 'renewal';
  route: 'dropbox' | 'interview';
  n: number;
  /** Longest wait drawn, in days. */
  maxWait?: number;
}

/**
 * Timelines of one group: waits spread over `maxWait` days, starts spread over 2025, every 6th case
 * still pending, every 9th refused, the rest issued.
 */
export function groupTimelines(
  spec: GroupSpec,
  seed: number,
  keyPrefix = `${spec.visaClass}-${spec.post}-${spec.entry}-${spec.route}`,
): Timeline[] {
  const rnd = seeded(seed);
  const out: Timeline[] = [];
  for (let i = 0; i < spec.n; i++) {
    const startDate = addDays('2025-01-06', Math.floor(rnd() * 300));
    const wait = 1 + Math.floor(rnd() * (spec.maxWait ?? 120));
    const outcome = i % 6 === 5 ? 'pending' : i % 9 === 4 ? 'refused' : 'issued';
    out.push({
      source: 'manual',
      sourceKey: `${keyPrefix}-${i}`,
      visaClass: spec.visaClass,
      entry: spec.entry,
      route: spec.route,
      post: spec.post,
      startDate,
      outcome,
      outcomeDate: addDays(startDate, wait),
      events: [{ date: startDate, kind: 'slip_221g' }],
    });
  }
  return out;
}

/** The estimate's input for a set of timelines, as the store would give it. */
export function durations(timelines: readonly Timeline[]): { days: number[]; cause: number[] } {
  return { days: timelines.map((t) => waitDays(t)), cause: timelines.map((t) => causeOf(t.outcome)) };
}
