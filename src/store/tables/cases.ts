import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Watched cases and what the tracker learns about them. Times are epoch ms; JSON is text; booleans 0/1.
 * Personal data (passport, surname) is sealed (src/store/seal.ts); the case number is stored plain
 * because every check needs it, and is masked in logs.
 */
export interface CasesTable {
  id: Generated<number>;
  /** The web user who owns the case; null = the local CLI user. No foreign key: users come later. */
  owner_id: number | null;
  label: string | null;
  group_name: string | null;
  app_type: 'NIV' | 'IV';
  /** CEAC location code (NIV), e.g. 'BMB'; null for IV cases. */
  location: string | null;
  case_number: string;
  passport_sealed: string | null;
  surname_sealed: string | null;
  /** keyedHash(app|case number): refuses a duplicate per owner, and lets pooled data count a case once. */
  identity_hash: string;
  /** CaseContext as JSON: route, visa class, entry, slip colour, officer said, passport kept/returned. */
  context_json: Generated<string>;
  /** Consent to add this case's anonymized timeline to the pooled statistics. */
  share_timeline: Generated<number>;
  /** 0 when the tracker has stopped (e.g. 14 days after Issued) or the user paused the case. */
  watching: Generated<number>;
  /** When the next check is due; null when not scheduled. Indexed: due cases are picked through it. */
  next_check_at: number | null;
  /** Why the next check is at that time, for `case show`: a code of tracker/schedule-reason.ts (e.g. "business_hours"); older rows hold an English sentence. */
  schedule_reason: string | null;
  /** Consecutive failed checks. */
  failures: Generated<number>;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_outcome: string | null;
  /** Start of the current run of failures; null while checks succeed. */
  failing_since: number | null;
  /** 1 once `check_failing` was recorded for the current run of failures (so it is recorded once). */
  failing_reported: Generated<number>;
  /** When CEAC said it has no case with these details (not found, invalid number); automatic checks stop until an edit. */
  details_rejected_at: number | null;
  /** Current decoded state and since when (first seen). */
  state: string | null;
  variant: string | null;
  state_since: number | null;
  last_observation_id: number | null;
  created_at: number;
  updated_at: number;
}

/**
 * Distinct states as seen: one row per run of identical observations (a flap back to an earlier
 * state is a new row, so the history reads as it happened).
 */
export interface ObservationsTable {
  id: Generated<number>;
  case_id: number;
  status: string | null;
  state: string;
  variant: string;
  case_created: string | null;
  case_last_updated: string | null;
  post: string | null;
  message: string | null;
  /** Hash of what the page showed; equal hashes mean the page did not change. */
  content_hash: string;
  first_seen_at: number;
  last_seen_at: number;
  seen_count: Generated<number>;
}

export type EventKind =
  | 'first_seen'
  | 'status_changed'
  | 'text_changed'
  | 'last_updated_changed'
  | 'check_failing'
  | 'check_recovered'
  /** A deadline of the case is near (knowledge/deadlines.ts); detail_json holds the sentence and its source. */
  | 'reminder'
  /** Many cases of this case's post and visa class cleared on one day (stats/waves.ts); detail_json as above. */
  | 'clearance_wave';

export interface EventsTable {
  id: Generated<number>;
  case_id: number;
  kind: EventKind;
  at: number;
  /** Observation JSON before and after (null where there is none, e.g. first_seen's from, health events). */
  from_json: string | null;
  to_json: string | null;
  /** The decoder's Interpretation of the new observation, with the previous state as context. */
  interpretation_json: string | null;
  /** For health events: what failed (outcome kind and message), as JSON. */
  detail_json: string | null;
  observation_id: number | null;
  /** Unique: makes event writes idempotent (a retried check never writes an event twice). */
  dedupe_key: string;
  created_at: number;
}

export interface CheckAttemptsTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  /** CheckOutcome kind: ok, captcha_rejected, case_not_found, blocked, timeout, ... */
  outcome: string;
  duration_ms: number;
  requests: number;
  /** The outcome's message for failures (no personal data); null for ok. */
  error: string | null;
  /** A page whose layout we did not recognise, sealed (it may name the applicant), kept for diagnosis. */
  body_sealed: string | null;
  observation_id: number | null;
}

/** Shared request budget for one site: the earliest time the next request may start, across workers. */
export interface RequestBudgetTable {
  site: string;
  next_at: number;
}

export interface CaseTables {
  cases: CasesTable;
  observations: ObservationsTable;
  events: EventsTable;
  check_attempts: CheckAttemptsTable;
  request_budget: RequestBudgetTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type ObservationRow = Selectable<ObservationsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type CheckAttemptRow = Selectable<CheckAttemptsTable>;
