/**
 * Observation (+ what the applicant knows) -> Interpretation. The state comes from the status word,
 * or from the text when the word is missing; the variant from the text; the plain-language answer
 * from the knowledge base, sharpened by the context (see context.ts).
 */
import { GUIDANCE } from '../knowledge/guidance.js';
import { findPassportMessage } from '../knowledge/hints.js';
import { stateForStatusWord, STATUS_WORDS } from '../knowledge/statuses.js';
import type { ApplicationType, DecodeContext, Interpretation, Observation, State } from '../knowledge/types.js';
import { applyContext, type Draft } from './context.js';
import { matchKnownText, type TextMatch } from './match.js';

const wordOf = (s: State) => (s === 'unknown' ? 'unknown' : STATUS_WORDS[s]);
const quote = (s: string, max = 80) => `"${s.length > max ? `${s.slice(0, max)}…` : s}"`;

export function interpret(observation: Observation, context: DecodeContext = {}): Interpretation {
  const notes: string[] = [];
  const word = observation.status?.trim() || null;
  const wordState = word ? stateForStatusWord(word) : undefined;
  if (word && !wordState) notes.push(`The status ${quote(word, 40)} is not a CEAC status we know.`);

  const match = observation.message ? matchKnownText(observation.message) : null;
  const textState = match && match.state !== 'unknown' ? match.state : undefined;
  const state: State = wordState ?? textState ?? 'unknown';

  const variant = variantOf(state, match, context.applicationType ?? applicationTypeOf(observation.caseNumber));
  if (wordState && textState && textState !== wordState) {
    notes.push(
      `The paragraph is the ${wordOf(textState)} text, but the status says ${word}; this answer follows the status.`,
    );
  }
  if (match && match.state === 'unknown') {
    notes.push(
      `The paragraph fits more than one status (${match.alsoFits.join(', ')}); the status word would tell them apart.`,
    );
  }
  const passportMessage = observation.message && !match ? findPassportMessage(observation.message) : undefined;
  if (observation.message && !match && !passportMessage) {
    notes.push(
      state === 'unknown'
        ? `No CEAC status word or known CEAC text was found in ${quote(observation.message)}.`
        : `The paragraph ${quote(observation.message, 60)} is not a CEAC text we know; this answer rests on the status word alone.`,
    );
  }
  if (!word && !observation.message) notes.push('There was no status word and no paragraph to decode.');

  const base = GUIDANCE[variant] ?? GUIDANCE[state]!;
  const draft: Draft = {
    state,
    variant,
    finality: base.finality,
    confidence: base.confidence,
    headline: base.headline,
    meaning: [base.meaning],
    nextSteps: [...base.nextSteps],
    watchFor: [...base.watchFor],
    sources: [...base.sources],
    notes,
  };

  if (match && state !== 'unknown' && match.state === state) describeMatch(draft, match);
  if (passportMessage) {
    draft.meaning.push(`The passport-delivery message you included says: ${passportMessage.meaning}`);
    notes.push(`Passport message: ${passportMessage.caveat}`);
    draft.sources.push(passportMessage.source);
    if (state === 'unknown') {
      draft.headline = 'A passport-delivery message, not a CEAC status';
      draft.nextSteps = [
        'Check the CEAC status page too: the delivery message tells where the passport is, not what the decision was.',
      ];
    }
  }

  applyContext(draft, observation, context);

  return {
    state: draft.state,
    variant: draft.variant,
    finality: draft.finality,
    confidence: Math.round(Math.min(1, Math.max(0, draft.confidence)) * 100) / 100,
    headline: draft.headline,
    meaning: draft.meaning.join(' '),
    nextSteps: dedupe(draft.nextSteps),
    watchFor: dedupe(draft.watchFor),
    sources: dedupe(draft.sources),
    notes: dedupe(draft.notes),
  };
}

/**
 * For refused exactly one of the refused variants; for other states the text's variant when it
 * agrees, and for an immigrant case shown as Issued without its text, the immigrant-visa wording.
 */
function variantOf(state: State, match: TextMatch | null, type: ApplicationType | undefined): string {
  if (state === 'refused') return match?.state === 'refused' ? match.variant : 'refused';
  if (state !== 'unknown' && match?.known?.state === state) return match.known.variant;
  if (state === 'issued' && !match && type === 'IV') return 'issued_iv';
  return state;
}

/** NIV application IDs start "AA"; IV case numbers are a post code and 10 digits; DV ones a year and a region. */
export function applicationTypeOf(caseNumber: string | null): ApplicationType | undefined {
  if (!caseNumber) return undefined;
  if (/^AA[0-9A-Z]{8}$/.test(caseNumber)) return 'NIV';
  if (/^[A-Z]{3}\d{10}$/.test(caseNumber) || /^\d{4}[A-Z]{2}\d{1,10}$/.test(caseNumber)) return 'IV';
  return undefined;
}

/** Says how much of the text was seen, and lowers confidence for a fragment. */
function describeMatch(draft: Draft, match: TextMatch): void {
  if (match.alsoFits.length > 1 && match.state === 'refused') {
    draft.notes.push(
      'The paragraph stops before the words that tell the 221(g) text ("Please follow any instructions…") from the letter text ("Please see the letter…"); paste the whole paragraph to tell them apart.',
    );
    return;
  }
  if (match.alsoFits.length > 1) {
    draft.notes.push(`The paragraph fits several ${wordOf(match.state)} texts (${match.alsoFits.join(', ')}).`);
    return;
  }
  if (!match.fromStart) {
    draft.confidence *= 0.85;
    draft.notes.push('Only a fragment from the middle of the CEAC text was recognised.');
  } else if (match.coverage < 0.98) {
    draft.notes.push(
      `The paragraph was cut short; it was recognised from its first ${Math.round(match.coverage * 100)}%.`,
    );
  }
  if (match.errors > 0) {
    draft.notes.push(
      `The paragraph differs from CEAC's wording in ${match.errors} place${match.errors > 1 ? 's' : ''} (typos or edits); it was still recognised.`,
    );
  }
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}
