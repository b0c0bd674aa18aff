/**
 * Things applicants see outside CEAC that people read meaning into: the colour of the 221(g) slip
 * and the passport-delivery messages of the visa appointment service. None of them is a decision;
 * each hint says how sure anyone can be.
 */
import type { SlipColor } from './types.js';

export interface Hint {
  /** What people commonly say it means. */
  meaning: string;
  /** Why this is only a hint. */
  caveat: string;
  certain: false;
  source: string;
}

const SLIP_CAVEAT =
  'There is no official colour code: posts use different colours, so read what is written on the slip, not its colour.';
const SLIP_SOURCE = 'docs/ceac-statuses.md, "221(g) slips" (applicant reports; no official source)';

export const SLIP_HINTS: Readonly<Record<SlipColor, Hint>> = {
  white: {
    meaning: 'commonly used for general administrative processing or a request for documents',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
  pink: {
    meaning: 'commonly reported for further checks (security or background screening)',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
  yellow: {
    meaning: 'commonly reported when the officer needs more time to review the documents',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
  blue: {
    meaning: 'commonly reported when additional documents are requested',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
  green: {
    meaning: 'claims about green slips conflict; nobody knows a consistent meaning',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
  other: {
    meaning: 'no common reading exists for this colour',
    caveat: SLIP_CAVEAT,
    certain: false,
    source: SLIP_SOURCE,
  },
};

export interface PassportMessage extends Hint {
  id: string;
  /** Lower-case phrases, any of which identifies the message in a paste. */
  phrases: readonly string[];
}

export const PASSPORT_MESSAGES: readonly PassportMessage[] = [
  {
    id: 'received_for_delivery',
    phrases: ['passport has been received from the consular section', 'currently being processed for delivery'],
    meaning:
      'The post has handed your passport to the delivery service. It is on its way to the pickup point or courier. ' +
      'If CEAC still says Refused, the passport usually comes back with a 221(g) slip rather than a visa.',
    caveat: 'The message says where the passport is, not whether a visa is inside it.',
    certain: false,
    source: 'docs/ceac-statuses.md, "Passport delivery" (applicant reports)',
  },
  {
    id: 'origination_scan',
    phrases: ['origination scan'],
    meaning: 'The passport has left the post but has not yet reached the pickup point.',
    caveat: 'Courier tracking wording varies by country and changes over time.',
    certain: false,
    source: 'docs/ceac-statuses.md, "Passport delivery" (ustraveldocs/Aramex tracking)',
  },
  {
    id: 'ready_for_pickup',
    phrases: ['ready for pick up', 'ready for pickup', 'ready for collection'],
    meaning:
      'The passport is at the pickup point: collect it (usually within 15 days) and look for a visa or a 221(g) slip inside.',
    caveat: 'Pickup deadlines differ by post; check the tracking site for yours.',
    certain: false,
    source: 'docs/ceac-statuses.md, "Passport delivery" (ustraveldocs/Aramex tracking)',
  },
];

/** The passport-delivery message a text contains, if any. */
export function findPassportMessage(text: string): PassportMessage | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return PASSPORT_MESSAGES.find((m) => m.phrases.some((p) => lower.includes(p)));
}
