import { describe, expect, it } from 'vitest';

import { interpret } from '../decode/index.js';
import type { Observation } from '../knowledge/types.js';
import type { CaseRow, ObservationRow } from '../store/tables/cases.js';
import type { CheckOutcome } from './outcome.js';
import { type CheckFacts, planCheck } from './plan.js';
import { HOUR } from './schedule.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0); // a Monday morning
const row = (over: Partial<CaseRow> = {}): CaseRow => ({
  id: 7,
  owner_id: null,
  label: null,
  group_name: null,
  app_type: 'NIV',
  location: 'BMB',
  case_number: 'AA0020AKAX',
  passport_sealed: null,
  surname_sealed: null,
  identity_hash: 'h',
  context_json: '{}',
  share_timeline: 0,
  watching: 1,
  next_check_at: T0,
  schedule_reason: 'never_checked',
  failures: 0,
  last_attempt_at: null,
  last_success_at: null,
  last_outcome: null,
  failing_since: null,
  failing_reported: 0,
  state: null,
  variant: null,
  state_since: null,
  last_observation_id: null,
  created_at: T0 - HOUR,
  updated_at: T0 - HOUR,
  details_rejected_at: null,
  ...over,
});
const page: Observation = {
  status: 'Administrative Processing',
  caseNumber: 'AA0020AKAX',
  caseCreated: '2026-01-05',
  caseLastUpdated: '2026-02-27',
  post: null,
  message: 'Your case is undergoing necessary administrative processing.',
};
const ok = (o: Observation = page): CheckOutcome => ({
  kind: 'ok',
  observation: o,
  applicationName: null,
  attempts: 1,
  durationMs: 900,
  requests: 3,
  message: 'ok',
});
const failed: CheckOutcome = { kind: 'maintenance', attempts: 1, durationMs: 100, requests: 1, message: 'down' };
const facts = (over: Partial<CheckFacts>): CheckFacts => ({
  row: row(),
  previous: null,
  outcome: ok(),
  at: T0,
  interpret,
  failingAfterMs: 6 * HOUR,
  schedule: {
    timeZone: 'Asia/Kolkata',
    budget: { requestIntervalMs: 0, requestsPerCheck: 3, watchedCases: 1 },
    random: () => 0.5,
  },
  ...over,
});

describe('planCheck (plain values in, plain values out)', () => {
  it('a first sight is a new observation, a first_seen event and a scheduled case', () => {
    const plan = planCheck(facts({}));
    expect(plan.observation).toMatchObject({ kind: 'new', values: { case_id: 7, state: 'administrative_processing' } });
    expect(plan.events.map((e) => [e.kind, e.ofObservation])).toEqual([['first_seen', true]]);
    expect(plan.caseUpdate).toMatchObject({
      state: 'administrative_processing',
      state_since: T0,
      failures: 0,
      last_success_at: T0,
      watching: 1,
    });
    expect(plan.caseUpdate.next_check_at).toBe(plan.decision.at);
    expect(plan.decision.at).toBeGreaterThan(T0);
  });

  it('the same page again is counted on the same row, with no event', () => {
    const first = planCheck(facts({}));
    if (first.observation?.kind !== 'new') throw new Error('expected a new observation');
    const previous: ObservationRow = { ...first.observation.values, id: 3, seen_count: 1 };
    const plan = planCheck(
      facts({
        row: row({
          state: 'administrative_processing',
          variant: 'administrative_processing',
          state_since: T0,
          last_observation_id: 3,
        }),
        previous,
        at: T0 + HOUR,
      }),
    );
    expect(plan.observation).toEqual({ kind: 'seen_again', id: 3, seenCount: 2 });
    expect(plan.events).toEqual([]);
    expect(plan.caseUpdate.state_since).toBe(T0);
  });

  it('a failed check sees nothing, counts the failure, and reports check_failing once past the threshold', () => {
    const soon = planCheck(
      facts({ outcome: failed, row: row({ last_success_at: T0 - HOUR, last_observation_id: 3 }) }),
    );
    expect(soon.observation).toBeNull();
    expect(soon.events).toEqual([]);
    expect(soon.caseUpdate).toMatchObject({ failures: 1, last_outcome: 'maintenance' });
    expect(soon.caseUpdate).not.toHaveProperty('last_success_at');
    const late = planCheck(
      facts({ outcome: failed, row: row({ last_success_at: T0 - 7 * HOUR, last_observation_id: 3, failures: 4 }) }),
    );
    expect(late.events.map((e) => e.kind)).toEqual(['check_failing']);
    expect(late.events[0]?.ofObservation).toBe(false);
    expect(late.events[0]?.dedupe_key).toMatch(/^7:check_failing:\d+$/);
  });

  it('a case no longer watched gets no next check', () => {
    const plan = planCheck(facts({ row: row({ watching: 0 }) }));
    expect(plan.decision).toEqual({ at: null, reason: 'not_watching' });
    expect(plan.caseUpdate).toMatchObject({ next_check_at: null, watching: 0 });
  });
});
