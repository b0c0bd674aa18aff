import type { Kysely } from 'kysely';

import { locationByCode } from '../knowledge/locations.js';
import { normaliseVisaClass, visaClassOrAsWritten } from '../knowledge/visa-classes.js';
import { type Clearance, detectWaves, type Wave, waveSentence } from '../stats/waves.js';
import { type CaseView, caseView } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import type { EventRow, NewEventRow } from '../store/tables/cases.js';
import { addDays, dayNumber } from '../timelines/model.js';
import type { Notice } from './content.js';
import { insertEventsOnce } from './outbox.js';

/**
 * Clearance waves, from the pooled timelines (imports, shared watched cases, hand entries) to the people they
 * concern. A wave found in a (post, class) group is told to the owners of that post's and class's open cases
 * (Refused or Administrative Processing); a wave of a whole post to its open cases whose own pair had none that
 * day. A wave of a class across all posts is shown on /stats but told to no one: it says little about one post.
 * Each notice is an event of kind `clearance_wave` on the case (dedupe key per case, group and day: never twice);
 * channels receive it only when they chose `clearance_wave`.
 */

/** Every clearance in the pooled timelines: a wait that ended Issued or Clear, with classes normalised. */
export async function loadClearances(db: Kysely<Database>, since?: string): Promise<Clearance[]> {
  const rows = await db
    .selectFrom('timelines')
    .select(['post', 'visa_class', 'outcome_date', 'wait_days'])
    .where('outcome', 'in', ['issued', 'cleared'])
    .$if(since !== undefined, (q) => q.where('outcome_date', '>=', since ?? ''))
    .execute();
  return rows.map((r) => ({
    date: r.outcome_date,
    post: r.post,
    visaClass: r.visa_class === null ? null : visaClassOrAsWritten(r.visa_class),
    waitDays: Number(r.wait_days),
  }));
}

/** Waves from `from` to `to`, tested against their groups' trailing 60 days (loaded from 61 days before). */
export async function wavesBetween(db: Kysely<Database>, from: string, to: string): Promise<Wave[]> {
  const clearances = await loadClearances(db, addDays(from, -61));
  return detectWaves(
    clearances.filter((c) => c.date <= to),
    { from, to },
  );
}

const OPEN = ['refused', 'administrative_processing'];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Days the case has waited by `today`: from the earliest of the interview, the 221(g) slip's date (both as the
 * owner gave them) and the first Refused / Administrative Processing we saw. The slip counts because a case
 * watched only lately began its wait long before we first saw it.
 */
async function waitedDays(db: Kysely<Database>, c: CaseView, today: string): Promise<number | null> {
  const first = await db
    .selectFrom('observations')
    .select((eb) => eb.fn.min('first_seen_at').as('at'))
    .where('case_id', '=', c.id)
    .where('state', 'in', OPEN)
    .executeTakeFirst();
  const seen = first === undefined ? null : day(Number(first.at));
  const start = [c.context.interviewDate, c.context.slipDate, seen]
    .filter((d): d is string => d !== null && d !== undefined)
    .sort()[0];
  const a = start === undefined ? null : dayNumber(start);
  const b = dayNumber(today);
  return a === null || b === null ? null : Math.max(0, b - a);
}

/** The sentence for one case and wave, the same in a notification and on the case page. */
export function noticeFor(w: Wave, waited: number | null): string {
  return waveSentence(w, w.post === null ? null : (locationByCode(w.post)?.displayName ?? w.post), waited);
}

/**
 * Detects the waves of `now`'s day and the day before (UTC; imports arrive late), and records a notice for every
 * open case they concern, queueing its deliveries. Returns the waves and the events written.
 */
export async function recordWaveNotices(
  db: Kysely<Database>,
  now = Date.now(),
): Promise<{ waves: Wave[]; events: EventRow[] }> {
  const today = day(now);
  const waves = await wavesBetween(db, addDays(today, -1), today);
  const told = waves.filter((w) => w.post !== null);
  if (told.length === 0) return { waves, events: [] };
  const cases = (
    await db
      .selectFrom('cases')
      .selectAll()
      .where('state', 'in', OPEN)
      .where(
        'location',
        'in',
        told.map((w) => w.post ?? ''),
      )
      .execute()
  ).map(caseView);
  const written: EventRow[] = [];
  for (const c of cases) {
    const cls = c.context.visaClass === undefined ? null : normaliseVisaClass(c.context.visaClass);
    const pair = told.filter((w) => w.post === c.location && w.visaClass !== null && w.visaClass === cls);
    const post = told.filter(
      (w) => w.post === c.location && w.visaClass === null && !pair.some((p) => p.date === w.date),
    );
    const mine = [...pair, ...post];
    if (mine.length === 0) continue;
    const waited = await waitedDays(db, c, today);
    const values: NewEventRow[] = mine.map((w) => {
      // The facts of the sentence are kept beside it, so that a notification can say it in the reader's language.
      const notice: Notice & {
        post: string | null;
        visaClass: string | null;
        count: number;
        minWait: number;
        maxWait: number;
        waited: number | null;
      } = {
        message: noticeFor(w, waited),
        date: w.date,
        source: null,
        post: w.post,
        visaClass: w.visaClass,
        count: w.count,
        minWait: w.minWait,
        maxWait: w.maxWait,
        waited,
      };
      return {
        case_id: c.id,
        kind: 'clearance_wave',
        at: now,
        from_json: null,
        to_json: null,
        interpretation_json: null,
        detail_json: JSON.stringify(notice),
        observation_id: null,
        dedupe_key: `wave:${c.id}:${w.post ?? ''}:${w.visaClass ?? ''}:${w.date}`,
        created_at: now,
      };
    });
    const inserted = await insertEventsOnce(db, values, now);
    written.push(...inserted);
  }
  return { waves, events: written };
}

/** The wave notices of a case from the last `days` days, newest first (what the case page shows). */
export async function recentWaveNotices(
  db: Kysely<Database>,
  caseId: number,
  now = Date.now(),
  days = 7,
): Promise<{ date: string; message: string }[]> {
  const rows = await db
    .selectFrom('events')
    .select(['detail_json', 'at'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'clearance_wave')
    .where('at', '>=', now - days * 86_400_000)
    .orderBy('at', 'desc')
    .execute();
  return rows.flatMap((r) => {
    if (r.detail_json === null) return [];
    const n = JSON.parse(r.detail_json) as Notice;
    return [{ date: n.date ?? day(Number(r.at)), message: n.message }];
  });
}
