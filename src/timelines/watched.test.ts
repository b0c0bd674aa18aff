import { describe, expect, it } from 'vitest';

import { waitDays } from './model.js';
import { type WatchedCase, watchedTimeline } from './watched.js';

const base: WatchedCase = {
  visaClass: 'F1',
  entry: 'renewal',
  route: 'dropbox',
  post: 'BEJ',
  slip: 'white',
  lastChecked: '2026-03-01',
  history: [
    { date: '2026-01-02', state: 'application_received', caseLastUpdated: '2026-01-02' },
    { date: '2026-01-09', state: 'refused', caseLastUpdated: '2026-01-09' },
    { date: '2026-01-20', state: 'refused', caseLastUpdated: '2026-01-19' },
    { date: '2026-02-03', state: 'administrative_processing', caseLastUpdated: '2026-02-03' },
  ],
};

describe('timeline of a watched case', () => {
  it('starts at the first Refused, stays pending as of the last check, and keeps the moves of Case Last Updated', () => {
    const t = watchedTimeline(base)!;
    expect(t).toMatchObject({ startDate: '2026-01-09', outcome: 'pending', outcomeDate: '2026-03-01', post: 'BEJ' });
    expect(waitDays(t)).toBe(51);
    expect(t.events).toEqual([
      { date: '2026-01-02', kind: 'status', status: 'application_received' },
      { date: '2026-01-09', kind: 'status', status: 'refused' },
      { date: '2026-01-09', kind: 'slip_221g', color: 'white' },
      { date: '2026-01-19', kind: 'last_updated' },
      { date: '2026-02-03', kind: 'status', status: 'administrative_processing' },
    ]);
  });

  it('ends at Issued, and gives nothing for a case that never entered a wait', () => {
    const done = watchedTimeline({ ...base, history: [...base.history, { date: '2026-02-20', state: 'issued' }] })!;
    expect(done).toMatchObject({ outcome: 'issued', outcomeDate: '2026-02-20' });
    expect(waitDays(done)).toBe(42);
    expect(watchedTimeline({ ...base, history: [{ date: '2026-01-02', state: 'issued' }] })).toBeNull();
    expect(() => watchedTimeline({ ...base, lastChecked: 'yesterday' })).toThrow(/lastChecked/);
  });
});
