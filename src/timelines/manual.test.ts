import { describe, expect, it } from 'vitest';

import { ManualTimelineError, parseManualTimeline } from './manual.js';
import { validateTimeline } from './model.js';

describe('hand-entered timelines', () => {
  it('accepts a form as typed (blanks are unknown, codes upper-cased) and gives each entry its own key', () => {
    const form = {
      visaClass: 'f1',
      entry: 'renewal',
      route: '',
      post: 'bej',
      startDate: '2026-01-05',
      outcome: 'pending',
      outcomeDate: '2026-02-01',
      note: ' <b>hi</b> ',
    };
    const t = parseManualTimeline(form);
    expect(t).toMatchObject({
      source: 'manual',
      visaClass: 'F1',
      post: 'BEJ',
      route: null,
      entry: 'renewal',
      events: [],
      note: ' <b>hi</b> ',
    });
    expect(() => validateTimeline(t)).not.toThrow();
    expect(parseManualTimeline(form).sourceKey).not.toBe(t.sourceKey);
  });

  it('names every problem in words a person can act on', () => {
    try {
      parseManualTimeline({
        visaClass: 'student',
        post: 'Beijing',
        startDate: '2026-02-30',
        outcome: 'maybe',
        outcomeDate: '2026-01-01',
        events: [{ date: '2026-01-01', kind: 'party' }],
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ManualTimelineError);
      const fields = (err as ManualTimelineError).problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['visaClass', 'post', 'startDate', 'outcome', 'events.0.kind']));
      expect((err as Error).message).toMatch(/post: post must be a CEAC location code such as BEJ/);
    }
    expect(() =>
      parseManualTimeline({ startDate: '2026-02-01', outcome: 'issued', outcomeDate: '2026-01-01' }),
    ).toThrow(/outcomeDate: the outcome date is before the start date/);
  });
});
