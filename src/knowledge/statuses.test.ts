import { describe, expect, it } from 'vitest';

import { stateForStatusWord, STATUS_TEXTS, STATUS_WORDS, statusTextFor } from './statuses.js';
import { STATES } from './types.js';

describe('STATUS_TEXTS', () => {
  it('has every variant the other parts rely on, each once', () => {
    const required = [
      'no_status',
      'application_received',
      'administrative_processing',
      'refused_221g',
      'refused_letter',
      'refused_letter_legacy',
      'approved',
      'issued',
      'issued_iv',
      'at_nvc',
      'in_transit',
      'ready',
      'transfer_in_progress',
    ];
    const variants = STATUS_TEXTS.map((t) => t.variant);
    expect(new Set(variants).size).toBe(variants.length);
    for (const v of required) expect(statusTextFor(v), v).toBeDefined();
  });

  it('uses known states and the status word of its state', () => {
    for (const t of STATUS_TEXTS) {
      expect(STATES).toContain(t.state);
      expect(t.status).toBe(STATUS_WORDS[t.state as keyof typeof STATUS_WORDS]);
      expect(t.source.length).toBeGreaterThan(5);
    }
  });

  it('keeps the distinguishing sentences verbatim', () => {
    expect(statusTextFor('refused_221g')?.text).toContain(
      'your case will remain refused while undergoing such processing.',
    );
    expect(statusTextFor('refused_letter')?.text).toMatch(/Please see the letter you received at the interview\.$/);
    expect(statusTextFor('refused_letter_legacy')?.text).toMatch(/^Your application was refused\./);
    expect(statusTextFor('refused_letter_legacy')?.era).toBe('pre-2020');
    expect(statusTextFor('issued')?.text).toMatch(/^Your visa is in final processing\./);
    expect(statusTextFor('approved')?.text).toBeNull();
    expect(statusTextFor('nope')).toBeUndefined();
  });

  it('marks as uncertain what no copy of CEAC confirms', () => {
    expect(statusTextFor('ready')?.certain).toBe(false);
    expect(statusTextFor('in_transit')?.certain).toBe(false);
    expect(statusTextFor('refused_221g')?.certain).toBe(true);
  });
});

describe('stateForStatusWord', () => {
  it.each([
    ['Refused', 'refused'],
    ['REFUSED', 'refused'],
    ['  administrative   processing ', 'administrative_processing'],
    ['administrative_processing', 'administrative_processing'],
    ['At NVC', 'at_nvc'],
    ['Transfer in Progress', 'transfer_in_progress'],
    ['No Status', 'no_status'],
    ['Issued.', 'issued'],
    ['Application receipt pending', 'no_status'],
  ])('%j -> %s', (word, state) => {
    expect(stateForStatusWord(word)).toBe(state);
  });

  it.each(['', 'Refusedd', 'visa', 'Unknown'])('%j is not a status word', (word) => {
    expect(stateForStatusWord(word)).toBeUndefined();
  });
});
