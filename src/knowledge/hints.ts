/**
 * Things applicants see outside CEAC that people read meaning into: the colour of the 221(g) slip
 * and the passport-delivery messages of the visa appointment service. None of them is a decision;
 * each hint says how sure anyone can be.
 */
import { type Msg, msg } from '../i18n/catalog.js';
import type { SlipColor } from './types.js';

export interface Hint {
  /** What people commonly say it means. */
  meaning: Msg;
  /** Why this is only a hint. */
  caveat: Msg;
  certain: false;
  source: Msg;
}

const SLIP_CAVEAT = msg('hint.slip.caveat');
const SLIP_SOURCE = msg('hint.slip.source');

const slip = (colour: SlipColor): Hint => ({
  meaning: msg(`hint.slip.${colour}`),
  caveat: SLIP_CAVEAT,
  certain: false,
  source: SLIP_SOURCE,
});

export const SLIP_HINTS: Readonly<Record<SlipColor, Hint>> = {
  white: slip('white'),
  pink: slip('pink'),
  yellow: slip('yellow'),
  blue: slip('blue'),
  green: slip('green'),
  other: slip('other'),
};

export interface PassportMessage extends Hint {
  id: 'received_for_delivery' | 'origination_scan' | 'ready_for_pickup';
  /** Lower-case phrases, any of which identifies the message in a paste. */
  phrases: readonly string[];
}

const passport = (id: PassportMessage['id'], phrases: readonly string[]): PassportMessage => ({
  id,
  phrases,
  meaning: msg(`hint.passport.${id}.meaning`),
  caveat: msg(`hint.passport.${id}.caveat`),
  certain: false,
  source: msg(`hint.passport.${id}.source`),
});

export const PASSPORT_MESSAGES: readonly PassportMessage[] = [
  passport('received_for_delivery', [
    'passport has been received from the consular section',
    'currently being processed for delivery',
  ]),
  passport('origination_scan', ['origination scan']),
  passport('ready_for_pickup', ['ready for pick up', 'ready for pickup', 'ready for collection']),
];

/** The passport-delivery message a text contains, if any. */
export function findPassportMessage(text: string): PassportMessage | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return PASSPORT_MESSAGES.find((m) => m.phrases.some((p) => lower.includes(p)));
}
