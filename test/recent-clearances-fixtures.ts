import type { Outcome, Timeline } from '../src/timelines/model.js';
import { addDays } from '../src/timelines/model.js';
import { seeded } from './support/random.js';

/**
 * Timelines for the recent-clearances view, around TODAY (2026-01-20):
 * - F1 at Beijing: one clearance every other day for 150 days (a steady flow that is never a wave), and a planted
 *   wave of 8 extra clearances on WAVE_DAY, 3 days ago; plus a refusal and a pending case this week (not
 *   clearances);
 * - J1 at Beijing: one clearance on each of the last 5 days (a second listed group at the post, no wave);
 * - H1B at Mumbai: 2 clearances this week (too few to list);
 * - B1/B2 at Mexico City: 6 clearances 40–80 days ago and none this week (the empty state, with a chart).
 */
export const NOW = Date.UTC(2026, 0, 20, 6, 0);
export const TODAY = '2026-01-20';
export const WAVE_DAY = '2026-01-17';
export const WAVE_SIZE = 8;

function timeline(
  key: string,
  g: { visaClass: string; post: string },
  outcomeDate: string,
  wait: number,
  outcome: Outcome = 'issued',
): Timeline {
  const startDate = addDays(outcomeDate, -wait);
  return {
    source: 'manual',
    sourceKey: key,
    visaClass: g.visaClass,
    entry: 'new',
    route: 'interview',
    post: g.post,
    startDate,
    outcome,
    outcomeDate,
    events: [{ date: startDate, kind: 'slip_221g' }],
  };
}

export function recentTimelines(): Timeline[] {
  const rnd = seeded(15);
  const wait = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: Timeline[] = [];
  const f1 = { visaClass: 'F1', post: 'BEJ' };
  for (let back = 150; back >= 0; back -= 2)
    out.push(timeline(`rc-f1-${back}`, f1, addDays(TODAY, -back), wait(20, 200)));
  for (let i = 0; i < WAVE_SIZE; i++) out.push(timeline(`rc-f1-wave-${i}`, f1, WAVE_DAY, wait(30, 90)));
  out.push(timeline('rc-f1-refused', f1, addDays(TODAY, -1), 40, 'refused'));
  out.push(timeline('rc-f1-pending', f1, addDays(TODAY, -1), 55, 'pending'));
  for (let back = 0; back < 5; back++)
    out.push(timeline(`rc-j1-${back}`, { visaClass: 'J1', post: 'BEJ' }, addDays(TODAY, -back), wait(15, 120)));
  for (let back = 1; back <= 2; back++)
    out.push(timeline(`rc-h1b-${back}`, { visaClass: 'H1B', post: 'BMB' }, addDays(TODAY, -back), wait(10, 60)));
  for (let i = 0; i < 6; i++)
    out.push(timeline(`rc-b1b2-${i}`, { visaClass: 'B1/B2', post: 'MEX' }, addDays(TODAY, -40 - i * 8), wait(20, 90)));
  return out;
}

/** What the view should list for a group this week, computed from the timelines directly. */
export function expectedWeek(
  timelines: readonly Timeline[],
  g: { visaClass?: string; post?: string },
): { date: string; wait: number }[] {
  const from = addDays(TODAY, -6);
  return timelines
    .filter(
      (t) =>
        (t.outcome === 'issued' || t.outcome === 'cleared') &&
        t.outcomeDate >= from &&
        t.outcomeDate <= TODAY &&
        (!g.visaClass || t.visaClass === g.visaClass) &&
        (!g.post || t.post === g.post),
    )
    .map((t) => ({
      date: t.outcomeDate,
      wait: Math.round((Date.parse(t.outcomeDate) - Date.parse(t.startDate)) / 86_400_000),
    }));
}
