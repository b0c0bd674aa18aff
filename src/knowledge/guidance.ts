/**
 * What each status and text means for the applicant, in plain words, with the official guidance it
 * rests on. The decoder starts from these and sharpens them with what the applicant knows (route,
 * slip, what the officer said, passport, dates). Written for a first-time applicant who is worried:
 * short sentences, no jargon without an explanation.
 *
 * The words live in the message catalogues (src/i18n/catalogs/en.ts, keys `guidance.<variant>.*`), one per
 * language; this module says which messages make up each answer, how final it is and what it rests on.
 */
import { type MessageKey, type Msg, msg } from '../i18n/catalog.js';
import { en } from '../i18n/catalogs/en.js';
import type { Finality } from './types.js';

/** The official guidance the answers rest on; each is a message (`source.<name>`). */
export const SOURCE_NAMES = [
  'change2020',
  'adminProcessing',
  'sixtyDays',
  'wait180',
  'twelveMonths',
  'ceacStatuses',
  'dropboxEnd',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export const SOURCES: Readonly<Record<SourceName, Msg>> = Object.fromEntries(
  SOURCE_NAMES.map((name) => [name, msg(`source.${name}`)]),
) as Record<SourceName, Msg>;

export interface Guidance {
  headline: Msg;
  meaning: Msg;
  nextSteps: Msg[];
  watchFor: Msg[];
  finality: Finality;
  confidence: number;
  sources: Msg[];
}

interface Rating {
  finality: Finality;
  confidence: number;
  sources: SourceName[];
}

/** Keyed by variant (the state id for states with a single text). */
const RATINGS: Readonly<Record<string, Rating>> = {
  no_status: { finality: 'in_progress', confidence: 0.95, sources: ['ceacStatuses'] },
  application_received: { finality: 'in_progress', confidence: 0.95, sources: ['ceacStatuses'] },
  administrative_processing: {
    finality: 'in_progress',
    confidence: 0.9,
    sources: ['adminProcessing', 'sixtyDays', 'wait180', 'twelveMonths'],
  },
  refused_221g: {
    finality: 'in_progress',
    confidence: 0.9,
    sources: ['change2020', 'adminProcessing', 'sixtyDays', 'wait180', 'twelveMonths'],
  },
  refused_letter: { finality: 'uncertain', confidence: 0.5, sources: ['ceacStatuses', 'adminProcessing'] },
  refused_letter_legacy: { finality: 'uncertain', confidence: 0.5, sources: ['ceacStatuses', 'adminProcessing'] },
  refused: { finality: 'uncertain', confidence: 0.4, sources: ['change2020', 'ceacStatuses'] },
  approved: { finality: 'in_progress', confidence: 0.85, sources: ['ceacStatuses'] },
  issued: { finality: 'final_positive', confidence: 0.95, sources: ['ceacStatuses'] },
  issued_iv: { finality: 'final_positive', confidence: 0.95, sources: ['ceacStatuses'] },
  at_nvc: { finality: 'in_progress', confidence: 0.9, sources: ['ceacStatuses'] },
  in_transit: { finality: 'in_progress', confidence: 0.9, sources: ['ceacStatuses'] },
  ready: { finality: 'in_progress', confidence: 0.9, sources: ['ceacStatuses'] },
  transfer_in_progress: { finality: 'in_progress', confidence: 0.85, sources: ['ceacStatuses'] },
  unknown: { finality: 'uncertain', confidence: 0, sources: ['ceacStatuses'] },
};

const KEYS = Object.keys(en) as MessageKey[];

/** The catalogue's numbered items for a variant (`guidance.<variant>.next.1`, `.next.2`, …), in order. */
function numbered(variant: string, list: 'next' | 'watch'): Msg[] {
  const prefix = `guidance.${variant}.${list}.`;
  return KEYS.filter((key) => key.startsWith(prefix))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map((key) => msg(key));
}

export const GUIDANCE: Readonly<Record<string, Guidance>> = Object.fromEntries(
  Object.entries(RATINGS).map(([variant, rating]) => [
    variant,
    {
      headline: msg(`guidance.${variant}.headline` as MessageKey),
      meaning: msg(`guidance.${variant}.meaning` as MessageKey),
      nextSteps: numbered(variant, 'next'),
      watchFor: numbered(variant, 'watch'),
      finality: rating.finality,
      confidence: rating.confidence,
      sources: rating.sources.map((name) => SOURCES[name]),
    },
  ]),
);
