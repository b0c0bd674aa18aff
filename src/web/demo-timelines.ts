/**
 * `npm run demo`: generated waiting-time timelines, so the demo's /stats page and the case page's
 * "People like you" have something to show. Every one is stored with a source key that starts with
 * `demo:` and a note saying it is generated, and the pages say so whenever such timelines are in the
 * pool: they can never pass for what real applicants went through.
 *
 * Deterministic: the same `today` always gives the same timelines (a seeded generator), so the demo
 * looks the same on every start and tests can count on it.
 */
import type { Kysely } from 'kysely';

import type { Route, SlipColor } from '../knowledge/types.js';
import type { Database } from '../store/schema.js';
import { addDays, dayNumber, type Entry, type Timeline, type TimelineEvent } from '../timelines/model.js';
import { type UpsertReport, upsertTimelines } from '../timelines/repository.js';

export const DEMO_KEY_PREFIX = 'demo:';
export const DEMO_NOTE = 'Generated demo timeline: not a real case.';

/** One post and visa class of the demo pool, with the shape of its waits. */
interface Profile {
  post: string;
  visaClass: 'F1' | 'H1B' | 'B1/B2';
  n: number;
  /** Median days of administrative processing, and the spread of its logarithm. */
  medianDays: number;
  sigma: number;
  /** Share of decisions that are refusals. */
  refused: number;
  /** Share of applications through the dropbox (interview waiver, renewals only). */
  dropbox: number;
  /** Share of renewals among interviewed applicants. */
  renewal: number;
}

// Rough shapes of what public trackers show: long STEM checks for students in China, quicker
// clearances in India, H-1B dropbox renewals in between. Figures are made up, not measured.
const PROFILES: readonly Profile[] = [
  { post: 'BEJ', visaClass: 'F1', n: 70, medianDays: 42, sigma: 0.75, refused: 0.07, dropbox: 0, renewal: 0.15 },
  { post: 'SHG', visaClass: 'F1', n: 50, medianDays: 35, sigma: 0.8, refused: 0.08, dropbox: 0, renewal: 0.15 },
  { post: 'HYD', visaClass: 'F1', n: 40, medianDays: 18, sigma: 0.7, refused: 0.12, dropbox: 0, renewal: 0.1 },
  { post: 'BMB', visaClass: 'H1B', n: 50, medianDays: 28, sigma: 0.8, refused: 0.05, dropbox: 0.5, renewal: 0.4 },
  { post: 'MDR', visaClass: 'H1B', n: 40, medianDays: 33, sigma: 0.85, refused: 0.05, dropbox: 0.45, renewal: 0.4 },
  { post: 'HYD', visaClass: 'H1B', n: 35, medianDays: 30, sigma: 0.8, refused: 0.06, dropbox: 0.4, renewal: 0.4 },
  { post: 'HYD', visaClass: 'B1/B2', n: 45, medianDays: 21, sigma: 0.7, refused: 0.15, dropbox: 0.2, renewal: 0.3 },
  { post: 'NWD', visaClass: 'B1/B2', n: 35, medianDays: 24, sigma: 0.75, refused: 0.15, dropbox: 0.2, renewal: 0.3 },
  { post: 'LND', visaClass: 'B1/B2', n: 20, medianDays: 55, sigma: 0.7, refused: 0.2, dropbox: 0, renewal: 0.2 },
];

/** Starts fall within this many days before today. */
const SPAN_DAYS = 330;

/** mulberry32: small, fast and good enough for made-up data; seeded so runs repeat. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A log-normal wait in whole days (at least 1): most cases near the median, a long tail. */
function logNormalDays(random: () => number, median: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(1, Math.round(median * Math.exp(sigma * z)));
}

const pad = (i: number) => String(i).padStart(3, '0');

/**
 * The demo pool as of `today` (YYYY-MM-DD): several posts and visa classes, cases started over the
 * past year, decided (mostly issued, some refused) or still pending. A pending case is censored
 * where its owner last looked: most look every week or two, some gave up updating long ago.
 */
export function demoTimelines(today: string): Timeline[] {
  const end = dayNumber(today);
  if (end === null) throw new RangeError(`today must be YYYY-MM-DD, not "${today}"`);
  const out: Timeline[] = [];
  for (const p of PROFILES) {
    const random = generator(seedOf(`${p.post}|${p.visaClass}|${today}`));
    for (let i = 0; i < p.n; i++) {
      const startAgo = Math.floor(random() * SPAN_DAYS);
      const startDate = addDays(today, -startAgo);
      const wait = logNormalDays(random, p.medianDays, p.sigma);
      const refused = random() < p.refused;
      const route: Route = random() < p.dropbox ? 'dropbox' : 'interview';
      const entry: Entry = route === 'dropbox' || random() < p.renewal ? 'renewal' : 'new';
      // When the owner last reported: recently for most, long ago for the one in eight who stopped.
      const abandoned = random() < 0.125;
      const lastSeenAgo = abandoned ? Math.max(0, startAgo - 5 - Math.floor(random() * 60)) : Math.floor(random() * 14);
      const lastSeen = Math.min(end - lastSeenAgo, end);
      const decidedOn = end - startAgo + wait;
      const decided = decidedOn <= lastSeen;
      const outcomeDate = decided
        ? addDays(startDate, wait)
        : addDays(startDate, Math.max(0, lastSeen - (end - startAgo)));
      const slip: SlipColor = p.visaClass === 'F1' && random() < 0.2 ? 'blue' : 'white';
      const events: TimelineEvent[] = [
        { date: startDate, kind: route === 'dropbox' ? 'submitted' : 'interview' },
        { date: startDate, kind: 'slip_221g', color: slip },
        { date: startDate, kind: 'status', status: 'refused' },
      ];
      const docs = 1 + Math.floor(random() * 6);
      if (docs <= wait && addDays(startDate, docs) <= outcomeDate)
        events.push({ date: addDays(startDate, docs), kind: 'documents_submitted' });
      if (decided) events.push({ date: outcomeDate, kind: 'status', status: refused ? 'refused' : 'issued' });
      out.push({
        source: 'manual',
        sourceKey: `${DEMO_KEY_PREFIX}${p.post}-${p.visaClass.replace('/', '')}-${pad(i)}`,
        visaClass: p.visaClass,
        entry,
        route,
        post: p.post,
        startDate,
        outcome: decided ? (refused ? 'refused' : 'issued') : 'pending',
        outcomeDate,
        events,
        note: DEMO_NOTE,
      });
    }
  }
  return [...out, ...demoWave(today)];
}

/** The demo's clearance wave: this many B1/B2 cases at Hyderabad, issued together the day before `today`. */
export const DEMO_WAVE = { post: 'HYD', visaClass: 'B1/B2', size: 6 } as const;

/**
 * A clearance wave in the pool, so that the demo's held case (B1/B2 at Hyderabad, in 221(g)) is told of one and
 * shows it on its page: cases that had waited 35 to 80 days, all issued yesterday. Against the group's usual
 * rate (about one decision a week) the detector calls it a wave like any other.
 */
function demoWave(today: string): Timeline[] {
  const day = addDays(today, -1);
  return Array.from({ length: DEMO_WAVE.size }, (_, i) => {
    const startDate = addDays(day, -(35 + 9 * i));
    return {
      source: 'manual',
      sourceKey: `${DEMO_KEY_PREFIX}${DEMO_WAVE.post}-B1B2-wave-${pad(i)}`,
      visaClass: DEMO_WAVE.visaClass,
      entry: 'new',
      route: 'interview',
      post: DEMO_WAVE.post,
      startDate,
      outcome: 'issued',
      outcomeDate: day,
      events: [
        { date: startDate, kind: 'interview' },
        { date: startDate, kind: 'slip_221g', color: 'white' },
        { date: startDate, kind: 'status', status: 'refused' },
        { date: day, kind: 'status', status: 'issued' },
      ],
      note: DEMO_NOTE,
    } satisfies Timeline;
  });
}

/** Stores the demo pool (again: keys are stable, so a restart on the same day adds nothing). */
export async function seedDemoTimelines(db: Kysely<Database>, today: string): Promise<UpsertReport> {
  return upsertTimelines(db, demoTimelines(today));
}

/** How many generated demo timelines the pool holds: the pages say so whenever this is not 0. */
export async function countDemoTimelines(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('timelines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_key', 'like', `${DEMO_KEY_PREFIX}%`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
