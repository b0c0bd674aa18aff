import type { Generated } from 'kysely';

/**
 * What the schedule has learned about when CEAC changes cases (src/tracker/change-times.ts): one row per
 * detected change, the interval it is known to lie in. No case id, no case number: a post and two times.
 */
export interface ChangeIntervalsTable {
  id: Generated<number>;
  /** CEAC location code of the post; null for IV cases (NVC). */
  location: string | null;
  /** IANA time zone the post was on when the change was seen. */
  time_zone: string;
  /** The last check that saw the old answer. */
  from_at: number;
  /** The first check that saw the new one. */
  to_at: number;
  created_at: number;
}

export interface ScheduleTables {
  change_intervals: ChangeIntervalsTable;
}
