import { describe, expect, it } from 'vitest';

import { english } from '../i18n/translator.js';
import { findPassportMessage, PASSPORT_MESSAGES, SLIP_HINTS } from './hints.js';

describe('221(g) slip hints', () => {
  it('covers every colour and never claims certainty', () => {
    expect(Object.keys(SLIP_HINTS).sort()).toEqual(['blue', 'green', 'other', 'pink', 'white', 'yellow']);
    for (const hint of Object.values(SLIP_HINTS)) {
      expect(hint.certain).toBe(false);
      expect(english(hint.caveat)).toMatch(/no official colour code/);
    }
    expect(english(SLIP_HINTS.green.meaning)).toMatch(/conflict/);
  });
});

describe('passport-delivery messages', () => {
  it.each([
    [
      'Passport has been received from the consular section and is currently being processed for delivery.',
      'received_for_delivery',
    ],
    ['Status: ORIGINATION SCAN - Mumbai', 'origination_scan'],
    ['Your passport is Ready for  pick up at the VAC', 'ready_for_pickup'],
  ])('%j is %s', (text, id) => {
    expect(findPassportMessage(text)?.id).toBe(id);
  });

  it('ignores text without a delivery message, and every message is a hint', () => {
    expect(findPassportMessage('Refused')).toBeUndefined();
    for (const m of PASSPORT_MESSAGES) expect(m.certain).toBe(false);
  });
});
