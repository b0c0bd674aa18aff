import { describe, expect, it } from 'vitest';

import { statusTextFor } from '../knowledge/statuses.js';
import { matchKnownText } from './match.js';

const LONG = statusTextFor('refused_221g')!.text!;

describe('matchKnownText', () => {
  it('finds the text inside other words and reports where it is', () => {
    const input = `my status: ${LONG} any idea?`;
    const m = matchKnownText(input)!;
    expect(m).toMatchObject({
      variant: 'refused_221g',
      state: 'refused',
      fromStart: true,
      errors: 0,
      coverage: 1,
      alsoFits: [],
    });
    expect(input.slice(m.start, m.end)).toBe(LONG.slice(0, -1)); // up to the last word, without the final period
  });

  it('names both texts when the words fit both', () => {
    const m = matchKnownText('A U.S. consular officer has adjudicated and refused your visa application.')!;
    expect(m.variant).toBe('refused');
    expect(m.alsoFits.sort()).toEqual(['refused_221g', 'refused_letter']);
    expect(m.known).toBeNull();
  });

  it('answers unknown when the words fit texts of different states', () => {
    const m = matchKnownText('Please follow any instructions provided by the consular officer')!;
    expect(m.state).toBe('unknown');
    expect(m.alsoFits.sort()).toEqual(['administrative_processing', 'refused_221g']);
  });

  it('forgives a few typos and counts them', () => {
    const m = matchKnownText(LONG.replace('adjudicated', 'adjudicatted').replace('processing time', 'procesing time'))!;
    expect(m.variant).toBe('refused_221g');
    expect(m.errors).toBe(2);
  });

  it('does not take a handful of common words for a text', () => {
    expect(matchKnownText('For more information, please visit')).toBeNull();
    expect(matchKnownText('your visa application')).toBeNull();
    expect(matchKnownText('')).toBeNull();
  });

  it('accepts a last word cut in the middle', () => {
    const m = matchKnownText('A U.S. consular officer has adjudicated and refused your visa application. Please fol')!;
    expect(m.variant).toBe('refused_221g');
  });
});
