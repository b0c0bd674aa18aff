/**
 * The learned schedule's memory: every detected change's interval in `change_intervals`, and the
 * change-time model fitted from them (change-times.ts), refreshed from the database every few minutes
 * so that it survives restarts and sees what other workers learned.
 *
 * The tracker calls `learn` once per check, inside the check's transaction: when the check saw a new
 * answer after an earlier one, the change lies between the last successful check (which saw the old
 * answer) and this one, and that interval is stored. It returns the post's density for the schedule.
 */

import type { Kysely, Transaction } from 'kysely';

import { locationByCode } from '../knowledge/locations.js';
import type { Database } from '../store/schema.js';
import { type ChangeInterval, type ChangeTimeModel, estimateChangeTimes, type PostEstimate } from './change-times.js';
import { type ChangeTimesSummary, summarizeChangeTimes } from './change-times-summary.js';

export interface LearnInput {
  location: string | null;
  timeZone: string;
  /** The check's time. */
  at: number;
  /** The last successful check before this one (it saw the previous answer); null when none. */
  previousSuccessAt: number | null;
  /** This check saw an answer different from the previous one (a new observation). */
  changed: boolean;
}

export interface ChangeTimeLearner {
  /** Records a detected change (when there is one) and returns the post's change-time density. */
  learn(trx: Transaction<Database> | Kysely<Database>, input: LearnInput): Promise<Float64Array>;
  /** The post's estimate as it stands (for `ceac case show` and the case page). */
  estimate(db: Kysely<Database>, location: string | null, timeZone: string): Promise<PostEstimate>;
}

export interface LearnerOptions {
  /** How long a fitted model is used before the intervals are read again. Default 10 minutes. */
  refreshMs?: number;
  /** The most recent intervals to fit on (older ones are kept but not read). Default 50,000. */
  maxIntervals?: number;
  now?: () => number;
}

export function createChangeTimeLearner(options: LearnerOptions = {}): ChangeTimeLearner {
  const refreshMs = options.refreshMs ?? 10 * 60_000;
  const maxIntervals = options.maxIntervals ?? 50_000;
  const now = options.now ?? Date.now;
  let model: ChangeTimeModel | null = null;
  let fittedAt = -Infinity;

  async function current(db: Kysely<Database> | Transaction<Database>): Promise<ChangeTimeModel> {
    const t = now();
    if (model && t - fittedAt < refreshMs) return model;
    const rows = await db
      .selectFrom('change_intervals')
      .select(['location', 'time_zone', 'from_at', 'to_at'])
      .orderBy('id', 'desc')
      .limit(maxIntervals)
      .execute();
    const intervals: ChangeInterval[] = rows.map((r) => ({
      post: r.location,
      timeZone: r.time_zone,
      from: Number(r.from_at),
      to: Number(r.to_at),
    }));
    model = estimateChangeTimes(intervals, { at: t });
    fittedAt = t;
    return model;
  }

  return {
    async learn(trx, input) {
      if (input.changed && input.previousSuccessAt !== null && input.previousSuccessAt < input.at) {
        await trx
          .insertInto('change_intervals')
          .values({
            location: input.location,
            time_zone: input.timeZone,
            from_at: input.previousSuccessAt,
            to_at: input.at,
            created_at: input.at,
          })
          .execute();
        if (refreshMs === 0) model = null;
      }
      return (await current(trx)).forPost(input.location, input.timeZone).density;
    },
    async estimate(db, location, timeZone) {
      return (await current(db)).forPost(location, timeZone);
    },
  };
}

/** "How sure is the schedule" for a case at `location` (a CEAC code; null for IV cases at NVC). */
export async function scheduleConfidence(
  db: Kysely<Database>,
  location: string | null,
  learner: ChangeTimeLearner = createChangeTimeLearner(),
): Promise<ChangeTimesSummary> {
  const loc = location ? locationByCode(location) : undefined;
  const timeZone = loc?.timeZone ?? 'America/New_York';
  const place = loc ? (loc.displayName.split(',')[0] ?? loc.displayName) : 'New York';
  return summarizeChangeTimes(await learner.estimate(db, loc ? loc.code : null, timeZone), place);
}
