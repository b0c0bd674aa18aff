import type { Generated } from 'kysely';

/** Anonymized timelines pooled for statistics (see src/timelines/model.ts). */
export interface TimelinesTable {
  id: Generated<number>;
  /** 'watched' | 'manual' | 'checkee' | 'text' */
  source: string;
  /** Unique within a source: a hash or opaque id, never a case number or a name. */
  source_key: string;
  visa_class: string | null;
  /** 'new' | 'renewal' */
  entry: string | null;
  /** 'dropbox' | 'interview' */
  route: string | null;
  /** CEAC location code, or the post name as the source gave it. */
  post: string | null;
  /** YYYY-MM-DD */
  start_date: string;
  /** YYYY-MM, for month filters and the monthly table. */
  start_month: string;
  /** 'issued' | 'cleared' | 'refused' | 'pending' */
  outcome: string;
  /** Decision date, or the last date known pending. YYYY-MM-DD. */
  outcome_date: string;
  /** Days from start_date to outcome_date. */
  wait_days: number;
  /** JSON array of TimelineEvent. */
  events_json: string;
  /** Free text written for sharing; shown escaped. */
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface TimelineTables {
  timelines: TimelinesTable;
}
