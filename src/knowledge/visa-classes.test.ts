import { describe, expect, it } from 'vitest';

import { normaliseVisaClass, visaClassOrAsWritten } from './visa-classes.js';

describe('normaliseVisaClass', () => {
  it.each([
    ['F1', 'F1'],
    ['F-1', 'F1'],
    ['f-1', 'F1'],
    [' H-1B ', 'H1B'],
    ['h1b', 'H1B'],
    ['J-1', 'J1'],
    ['B1/B2', 'B1/B2'],
    ['B-1/B-2', 'B1/B2'],
    ['B1B2', 'B1/B2'],
    ['B1 B2', 'B1/B2'],
    ['L-1A', 'L1A'],
    ['O-1', 'O1'],
    ['IR5', 'IR5'],
    ['CR-1', 'CR1'],
    ['K-1', 'K1'],
    ['F‐1', 'F1'],
  ])('%s is %s', (input, expected) => {
    expect(normaliseVisaClass(input)).toBe(expected);
  });

  it.each(['', '   ', 'student visa', '12345', 'F1; DROP TABLE', 'ABC1'])('rejects %j', (input) => {
    expect(normaliseVisaClass(input)).toBeNull();
  });

  it('keeps unrecognised free text as written, trimmed', () => {
    expect(visaClassOrAsWritten(' student visa ')).toBe('student visa');
    expect(visaClassOrAsWritten('h-1b')).toBe('H1B');
  });
});
