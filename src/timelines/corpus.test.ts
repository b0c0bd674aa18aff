import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { type CorpusPost, scoreCorpus } from './corpus.js';

const posts = JSON.parse(
  readFileSync(new URL('./fixtures/corpus/posts.json', import.meta.url), 'utf8'),
) as CorpusPost[];

describe('the free-text development corpus', () => {
  it('has at least 80 annotated posts', () => {
    expect(posts.length).toBeGreaterThanOrEqual(80);
    expect(posts.every((p) => p.events.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(p.posted))).toBe(true);
  });

  it('stays above its floors: recall and precision 0.97 (measured 1.000 and 0.997; goal 0.90 and 0.95)', () => {
    // The held-out set (heldout.json) is scored by `npm run bench` only, never here, so that no one tunes on it.
    const s = scoreCorpus(posts);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('reads the miss kinds of issue 15', () => {
    const score = (text: string, events: CorpusPost['events']) => scoreCorpus([{ posted: '2025-12-01', text, events }]);
    // A misspelled status; "dropped his documents"; several dates of one update; a slip dated by the next sentence.
    const s = scoreCorpus([
      {
        posted: '2025-12-01',
        text: 'My husband dropped his documents on 3rd November. Administrative possessing since 12th November.',
        events: [
          { date: '2025-11-03', kind: 'submitted' },
          { date: '2025-11-12', kind: 'status', status: 'administrative_processing' },
        ],
      },
      {
        posted: '2025-12-01',
        text: 'Refused on Sep 3. The case was updated twice, on Sep 4 and Sep 18.',
        events: [
          { date: '2025-09-03', kind: 'status', status: 'refused' },
          { date: '2025-09-04', kind: 'last_updated' },
          { date: '2025-09-18', kind: 'last_updated' },
        ],
      },
      {
        posted: '2025-12-01',
        text: 'The officer gave me a 221g slip at the interview. That was on July 7 in Delhi. Status AP July 21.',
        events: [
          { date: '2025-07-07', kind: 'slip_221g' },
          { date: '2025-07-07', kind: 'interview' },
          { date: '2025-07-21', kind: 'status', status: 'administrative_processing' },
        ],
      },
    ]);
    expect(s.misses).toEqual([]);
    // A status with no date gets none, not a neighbour's.
    const undated = score('Interview Oct 8 at Beijing, 221g. Status is AP now, not sure since when. Issued Nov 26.', [
      { date: '2025-10-08', kind: 'interview' },
      { date: '2025-10-08', kind: 'slip_221g' },
      { date: '2025-11-26', kind: 'status', status: 'issued' },
    ]);
    expect(undated.misses).toEqual([]);
  });
});
