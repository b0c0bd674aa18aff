/**
 * Keeps the anonymized timelines of watched cases in step with the cases: a case whose owner
 * consented (cases.share_timeline = 1) has its timeline rebuilt from the statuses the tracker saw
 * whenever a check records events; a case whose consent was withdrawn, or that was removed, loses it.
 *
 * The hook runs inside the tracker's transaction (like the notification outbox), so a committed
 * event and the timeline it implies are never out of step. Consent changes made outside a check
 * (web edit, `ceac case edit --no-share`, `ceac case remove`) are caught by `syncWatchedTimeline`
 * where the web app can call it at once, and by `reconcileWatchedTimelines`, which the long-running
 * processes run at start and every minute.
 */
import type { Kysely } from 'kysely';

import { locationByCode } from '../knowledge/locations.js';
import type { State } from '../knowledge/types.js';
import { STATES } from '../knowledge/types.js';
import { normaliseVisaClass } from '../knowledge/visa-classes.js';
import type { CaseContext } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import type { EventRow } from '../store/tables/cases.js';
import { type Timeline, validateTimeline, waitDays } from '../timelines/model.js';
import { removeWatchedTimeline, watchedKey } from '../timelines/repository.js';
import { type SeenStatus, type WatchedCase, watchedTimeline } from '../timelines/watched.js';
import type { OnEvents } from './tracker.js';

export type SyncResult = 'inserted' | 'updated' | 'unchanged' | 'removed' | 'none';

/**
 * The tracker's own identifier of a case, from which the stored key is hashed: the row id with its
 * creation time (so a reused id never inherits an old timeline). Nothing personal goes in.
 */
export function caseTimelineKey(c: { id: number; created_at: number }): string {
  return `case:${c.id}:${c.created_at}`;
}

/** YYYY-MM-DD of an instant as seen at the post (CEAC dates are the post's dates); UTC when unknown. */
export function localDate(at: number, location: string | null): string {
  const timeZone = (location && locationByCode(location)?.timeZone) || 'UTC';
  const format = dayFormat(timeZone);
  return format ? format.format(at) : new Date(at).toISOString().slice(0, 10);
}

// Building an Intl.DateTimeFormat costs far more than using one (it was most of the CPU of rendering a case page
// with a long history): one per time zone, kept. Null for a zone this runtime does not know.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat | null>();
function dayFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = DAY_FORMATS.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = null;
    }
    DAY_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * One spelling per visa class, as the pooled timelines use it: the case form accepts "B1-B2" and
 * "b1/b2", hand entries "B1/B2"; both must land in the same group.
 */
export function canonicalVisaClass(text: string | null | undefined): string | null {
  if (!text) return null;
  return normaliseVisaClass(text) ?? text.toUpperCase().replace(/\s+/g, '');
}

const isState = (s: string): s is State => (STATES as readonly string[]).includes(s);

/**
 * The day a status began. We first saw it on `seen`, but CEAC's "Case Last Updated" shown with it is
 * when the case last moved: when that is earlier (a case added while already refused, or a change
 * made between two checks), it is the better date — as long as it is not before the status we saw
 * previously, which it cannot have replaced before it was shown to us.
 */
export function statusBegan(seen: string, caseLastUpdated: string | null, previousBegan: string | undefined): string {
  if (!caseLastUpdated || !/^\d{4}-\d{2}-\d{2}$/.test(caseLastUpdated) || caseLastUpdated >= seen) return seen;
  if (previousBegan !== undefined && caseLastUpdated < previousBegan) return seen;
  return caseLastUpdated;
}

/** What `watchedTimeline` needs of one case, read from the store; null when the case does not exist. */
export async function watchedCaseOf(
  db: Kysely<Database>,
  caseId: number,
): Promise<{ key: string; share: boolean; watched: WatchedCase } | null> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'created_at', 'share_timeline', 'location', 'context_json', 'last_success_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const observations = await db
    .selectFrom('observations')
    .select(['state', 'case_last_updated', 'first_seen_at', 'last_seen_at'])
    .where('case_id', '=', caseId)
    .orderBy('first_seen_at')
    .orderBy('id')
    .execute();
  const context = JSON.parse(row.context_json) as CaseContext;
  const history: SeenStatus[] = [];
  let lastSeen = 0;
  for (const o of observations) {
    if (!isState(o.state)) continue;
    const seen = localDate(Number(o.first_seen_at), row.location);
    history.push({
      date: statusBegan(seen, o.case_last_updated, history.at(-1)?.date),
      state: o.state,
      caseLastUpdated: o.case_last_updated,
    });
    lastSeen = Math.max(lastSeen, Number(o.last_seen_at));
  }
  const lastChecked = row.last_success_at ?? (lastSeen || row.created_at);
  return {
    key: caseTimelineKey(row),
    share: row.share_timeline === 1,
    watched: {
      visaClass: canonicalVisaClass(context.visaClass),
      entry: context.entry ?? null,
      route: context.route ?? null,
      post: row.location,
      slip: context.slip ?? null,
      history,
      lastChecked: localDate(Number(lastChecked), row.location),
    },
  };
}

/**
 * Stores a watched case's timeline under its hashed key, replacing the previous one. One statement
 * (insert … on conflict update), so that it can run inside the tracker's transaction: the
 * repository's `upsertWatchedTimeline` opens a transaction of its own, which Kysely cannot nest.
 */
export async function storeWatchedTimeline(
  db: Kysely<Database>,
  caseKey: string,
  t: Omit<Timeline, 'source' | 'sourceKey'>,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const full: Timeline = { ...t, source: 'watched', sourceKey: watchedKey(caseKey) };
  validateTimeline(full);
  const fields = {
    // Normalised here too, as upsertTimelines does: a caller may pass a class as the owner wrote it.
    visa_class: full.visaClass === null ? null : canonicalVisaClass(full.visaClass),
    entry: full.entry,
    route: full.route,
    post: full.post,
    start_date: full.startDate,
    start_month: full.startDate.slice(0, 7),
    outcome: full.outcome,
    outcome_date: full.outcomeDate,
    wait_days: waitDays(full),
    events_json: JSON.stringify(full.events),
    note: null,
  };
  const old = await db
    .selectFrom('timelines')
    .selectAll()
    .where('source', '=', 'watched')
    .where('source_key', '=', full.sourceKey)
    .executeTakeFirst();
  if (old && (Object.keys(fields) as (keyof typeof fields)[]).every((k) => old[k] === fields[k])) return 'unchanged';
  const now = Date.now();
  await db
    .insertInto('timelines')
    .values({ source: 'watched', source_key: full.sourceKey, ...fields, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['source', 'source_key']).doUpdateSet({ ...fields, updated_at: now }))
    .execute();
  return old ? 'updated' : 'inserted';
}

/**
 * Brings one case's shared timeline in step with the case: stored (or replaced) when the owner
 * consents and the case has entered a wait; removed otherwise. A case that no longer exists cannot
 * be found by id: `reconcileWatchedTimelines` removes its timeline.
 */
export async function syncWatchedTimeline(db: Kysely<Database>, caseId: number): Promise<SyncResult> {
  const c = await watchedCaseOf(db, caseId);
  if (!c) return 'none';
  const timeline = c.share ? watchedTimeline(c.watched) : null;
  if (!timeline) return (await removeWatchedTimeline(db, c.key)) ? 'removed' : 'none';
  return storeWatchedTimeline(db, c.key, timeline);
}

export interface TimelineSyncOptions {
  /** The hook this one composes with (e.g. the notification outbox); it runs first. */
  next?: OnEvents | undefined;
  /** Told when a shared timeline changed (e.g. to drop cached statistics). */
  onChange?: (() => void) | undefined;
}

/** The tracker's `onEvents` hook that keeps shared timelines in step, composed with another hook. */
export function withTimelineSync(options: TimelineSyncOptions = {}): OnEvents {
  return async (trx, events: EventRow[]) => {
    if (options.next) await options.next(trx, events);
    let changed = false;
    for (const caseId of new Set(events.map((e) => e.case_id))) {
      const r = await syncWatchedTimeline(trx, caseId);
      if (r !== 'unchanged' && r !== 'none') changed = true;
    }
    if (changed) options.onChange?.();
  };
}

export interface ReconcileReport {
  /** Timelines of removed or no-longer-consenting cases, deleted. */
  removed: number;
  /** Consenting cases whose timeline was missing or out of date, stored. */
  stored: number;
}

const CHUNK = 400;

/**
 * Makes the stored watched timelines match the cases as they are now: drops those whose case is
 * gone or whose owner withdrew consent, and builds those of consenting cases that have none yet
 * (consent given after the last check). `full` also rebuilds every consenting case's timeline
 * (after edits of its visa class, post or entry).
 */
export async function reconcileWatchedTimelines(
  db: Kysely<Database>,
  options: { full?: boolean } = {},
): Promise<ReconcileReport> {
  const consenting = await db
    .selectFrom('cases')
    .select(['id', 'created_at'])
    .where('share_timeline', '=', 1)
    .execute();
  const wanted = new Map(consenting.map((c) => [watchedKey(caseTimelineKey(c)), c.id]));
  const stored = await db.selectFrom('timelines').select('source_key').where('source', '=', 'watched').execute();
  const storedKeys = new Set(stored.map((s) => s.source_key));
  const orphans = [...storedKeys].filter((k) => !wanted.has(k));
  let removed = 0;
  for (let i = 0; i < orphans.length; i += CHUNK) {
    const r = await db
      .deleteFrom('timelines')
      .where('source', '=', 'watched')
      .where('source_key', 'in', orphans.slice(i, i + CHUNK))
      .executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  let storedCount = 0;
  for (const [key, id] of wanted) {
    if (!options.full && storedKeys.has(key)) continue;
    const r = await syncWatchedTimeline(db, id);
    if (r === 'inserted' || r === 'updated') storedCount++;
  }
  return { removed, stored: storedCount };
}
