import { describe, expect, it } from 'vitest';

import { forumLine, postCity } from './forum-line.js';

describe('forum line', () => {
  it('writes the timeline the way people post it, one label per status', () => {
    expect(
      forumLine({
        interviewDate: '2025-10-02',
        steps: [
          { state: 'refused', variant: 'refused_221g', date: '2025-10-02' },
          { state: 'refused', variant: 'refused_221g', date: '2025-10-20' },
          { state: 'administrative_processing', variant: 'administrative_processing', date: '2025-10-28' },
          { state: 'issued', variant: 'issued', date: '2025-11-14' },
        ],
        post: 'Mumbai',
        visaClass: 'F1',
      }),
    ).toBe(
      'Interview: 2025-10-02 · Refused (221g): 2025-10-02 · Administrative Processing: 2025-10-28 · Issued: 2025-11-14 · Post: Mumbai · F1',
    );
  });

  it('tells the short refusal text apart and leaves out what is not known', () => {
    expect(forumLine({ steps: [{ state: 'refused', variant: 'refused_letter', date: '2026-01-05' }] })).toBe(
      'Refused (letter): 2026-01-05',
    );
  });

  it('reduces a post name to its city', () => {
    expect(postCity('U.S. Consulate General Mumbai')).toBe('Mumbai');
    expect(postCity('U.S. Embassy New Delhi')).toBe('New Delhi');
    expect(postCity('Vancouver')).toBe('Vancouver');
  });
});
