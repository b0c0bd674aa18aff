import { describe, expect, it } from 'vitest';

import {
  CHECKS_PER_DAY,
  DAY,
  HOUR,
  localClock,
  MINUTE,
  nextCheck,
  periodAt,
  type ScheduleInput,
  untilNextBusinessStart,
} from './schedule.js';

// Wednesday 2026-11-25 10:00 in Belgrade (UTC+1 in November) = 09:00 UTC.
const WED_10_BELGRADE = Date.UTC(2026, 10, 25, 9, 0);
const TZ = 'Europe/Belgrade';
const base: ScheduleInput = {
  now: WED_10_BELGRADE,
  state: 'administrative_processing',
  stateSince: WED_10_BELGRADE - 3 * DAY,
  timeZone: TZ,
  failures: 0,
  budget: { requestIntervalMs: 0, requestsPerCheck: 3, watchedCases: 1 },
  random: () => 0.5,
};

describe('local clock of the post', () => {
  it('reads weekday and minute in the post time zone, not UTC', () => {
    expect(localClock(WED_10_BELGRADE, TZ)).toEqual({ weekday: 3, minute: 600 });
    expect(localClock(WED_10_BELGRADE, 'Asia/Kolkata')).toEqual({ weekday: 3, minute: 14 * 60 + 30 });
    expect(periodAt(WED_10_BELGRADE, TZ)).toBe('business');
    expect(periodAt(WED_10_BELGRADE, 'America/Los_Angeles')).toBe('quiet'); // 01:00 there
    expect(periodAt(Date.UTC(2026, 10, 28, 9), TZ)).toBe('quiet'); // Saturday
  });

  it('finds the next business morning across the weekend', () => {
    const fri20 = Date.UTC(2026, 10, 27, 19, 0); // Friday 20:00 Belgrade
    expect(untilNextBusinessStart(fri20, TZ)).toBe((4 + 24 + 24 + 8) * HOUR); // Monday 08:00
    const wed07 = Date.UTC(2026, 10, 25, 6, 0);
    expect(untilNextBusinessStart(wed07, TZ)).toBe(HOUR);
  });
});

describe('nextCheck', () => {
  it('checks a never-seen case at once', () => {
    expect(nextCheck({ ...base, state: null, stateSince: null })).toEqual({ at: base.now, reason: 'never_checked' });
  });

  it('checks often in business hours, less in the evening, and at the next morning at night', () => {
    const business = nextCheck(base);
    const evening = nextCheck({ ...base, now: Date.UTC(2026, 10, 25, 18, 0) }); // 19:00 local
    const night = nextCheck({ ...base, now: Date.UTC(2026, 10, 25, 23, 0) }); // 00:00 local Thursday
    expect(business.at! - base.now).toBe(20 * MINUTE);
    expect(evening.at! - Date.UTC(2026, 10, 25, 18, 0)).toBeGreaterThanOrEqual(40 * MINUTE);
    // Thursday 08:00 local = 07:00 UTC, plus up to 10 minutes of spread.
    expect(night.at! - Date.UTC(2026, 10, 26, 7, 0)).toBeGreaterThanOrEqual(0);
    expect(night.at! - Date.UTC(2026, 10, 26, 7, 0)).toBeLessThanOrEqual(10 * MINUTE);
    expect(night.reason).toBe('next_morning');
  });

  it('looks more often at Approved (Issued is near) and less at long-stable states', () => {
    const approved = nextCheck({ ...base, state: 'approved' }).at! - base.now;
    const young = nextCheck(base).at! - base.now;
    const old = nextCheck({ ...base, stateSince: base.now - 200 * DAY }).at! - base.now;
    expect(approved).toBeLessThan(young);
    expect(old).toBeGreaterThan(young);
  });

  it('keeps only a daily heartbeat on Issued and stops after 14 days unless asked', () => {
    const issued = nextCheck({ ...base, state: 'issued', stateSince: base.now - DAY });
    expect(issued.at! - base.now).toBe(DAY);
    expect(nextCheck({ ...base, state: 'issued', stateSince: base.now - 15 * DAY }).at).toBeNull();
    expect(
      nextCheck({ ...base, state: 'issued', stateSince: base.now - 15 * DAY, keepWatchingFinal: true }).at,
    ).not.toBeNull();
  });

  it('backs off exponentially after failures, longer when CEAC blocks us', () => {
    const one = nextCheck({ ...base, failures: 1, lastFailure: 'timeout' }).at! - base.now;
    const three = nextCheck({ ...base, failures: 3, lastFailure: 'timeout' }).at! - base.now;
    const many = nextCheck({ ...base, failures: 30, lastFailure: 'timeout' }).at! - base.now;
    const blocked = nextCheck({ ...base, failures: 1, lastFailure: 'blocked' }).at! - base.now;
    expect(three).toBe(one * 4);
    expect(many).toBe(2 * HOUR);
    expect(blocked).toBeGreaterThan(one * 10);
  });

  it('never schedules more checks than the site budget allows for all cases', () => {
    // 2,000 cases × 3 requests × 2 s = 12,000 s between checks of one case.
    const d = nextCheck({ ...base, budget: { requestIntervalMs: 2000, requestsPerCheck: 3, watchedCases: 2000 } });
    expect(d.at! - base.now).toBe(12_000_000);
    expect(d.reason).toMatch(/\+budget$/);
  });

  it('spreads checks with ±10% jitter', () => {
    const lo = nextCheck({ ...base, random: () => 0 }).at! - base.now;
    const hi = nextCheck({ ...base, random: () => 0.999999 }).at! - base.now;
    expect(lo).toBe(18 * MINUTE);
    expect(hi).toBeGreaterThan(21.9 * MINUTE);
    expect(hi).toBeLessThanOrEqual(22 * MINUTE);
  });
});

describe('the learned schedule (changeTimes given)', () => {
  // Changes only on weekdays 14:00–18:00 at the post.
  const density = new Float64Array(168);
  for (let day = 0; day < 5; day++) for (let h = 14; h < 18; h++) density[day * 24 + h] = 1 / 20;
  const learned = { ...base, changeTimes: density };

  /** Checks in one week from Monday 00:00 Belgrade, and how many fall on 14:00–18:00. */
  function week(input: ScheduleInput) {
    const monday = Date.UTC(2026, 10, 22, 23, 0);
    let t = monday;
    let checks = 0;
    let inside = 0;
    while (t < monday + 7 * DAY) {
      const d = nextCheck({ ...input, now: t });
      if (d.at === null) break;
      t = d.at;
      checks++;
      const { minute, weekday } = localClock(t, TZ);
      if (weekday <= 5 && minute >= 14 * 60 && minute < 18 * 60) inside++;
    }
    return { checks, inside };
  }

  it('spends its daily budget, most of it in the hours when changes happen, and never leaves the rest unwatched', () => {
    const w = week(learned);
    expect(w.checks).toBeGreaterThan(CHECKS_PER_DAY.active * 7 * 0.9);
    expect(w.checks).toBeLessThan(CHECKS_PER_DAY.active * 7 * 1.1);
    expect(w.inside / w.checks).toBeGreaterThan(0.5); // 20 of 168 hours
    expect(w.checks - w.inside).toBeGreaterThan(10); // the floor
    const d = nextCheck({ ...learned, now: Date.UTC(2026, 10, 25, 1, 0) }); // Wednesday 02:00 Belgrade
    expect(d.reason).toBe('learned_spread');
  });

  it('puts the state’s hazard on top: Approved gets more checks than a state held for months', () => {
    const approved = week({ ...learned, state: 'approved' });
    const old = week({ ...learned, stateSince: base.now - 200 * DAY });
    expect(approved.checks).toBeGreaterThan(2 * old.checks);
  });

  it('keeps the failure backoff and the final-state heartbeat as they were', () => {
    expect(nextCheck({ ...learned, failures: 1, lastFailure: 'network' }).reason).toBe('retry_failed');
    expect(nextCheck({ ...learned, state: 'issued', stateSince: base.now }).reason).toBe('final_heartbeat');
  });
});
