import { describe, expect, it } from 'vitest';

import { InputError, isRequired, requiredField } from './errors.js';

describe('requiredField', () => {
  it('is told by what it is, not by its words', () => {
    const needed = requiredField('passport', 'an NIV case needs it (CEAC asks for it)');
    expect(needed).toEqual({ field: 'passport', problem: 'an NIV case needs it (CEAC asks for it)' });
    expect(isRequired(needed)).toBe(true);
    expect(isRequired(new InputError([needed]).fields[0]!)).toBe(true);
    // The same words from elsewhere are not the signal.
    expect(isRequired({ field: 'passport', problem: 'an NIV case needs it (CEAC asks for it)' })).toBe(false);
  });
});
