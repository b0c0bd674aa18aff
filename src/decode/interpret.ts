/**
 * Observation (+ what the applicant knows) -> Interpretation. The state comes from the status word,
 * or from the text when the word is missing; the variant from the text; the plain-language answer
 * from the knowledge base, sharpened by the context (see context.ts).
 */
import { type Msg, msg } from '../i18n/catalog.js';
import { english, type Translator } from '../i18n/translator.js';
import { GUIDANCE } from '../knowledge/guidance.js';
import { findPassportMessage } from '../knowledge/hints.js';
import { stateForStatusWord, STATUS_WORDS } from '../knowledge/statuses.js';
import type { ApplicationType, DecodeContext, Interpretation, Observation, State } from '../knowledge/types.js';
import { applyContext, type Draft } from './context.js';
import { matchKnownText, type TextMatch } from './match.js';

const wordOf = (s: State) => (s === 'unknown' ? 'unknown' : STATUS_WORDS[s]);
const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * Decodes one observation. The answer's words are in `t`'s language (English unless told; JSON and the API always
 * use English); CEAC's own texts and status words stay as CEAC shows them.
 */
export function interpret(
  observation: Observation,
  context: DecodeContext = {},
  t: Translator = english,
): Interpretation {
  const notes: Msg[] = [];
  const word = observation.status?.trim() || null;
  const wordState = word ? stateForStatusWord(word) : undefined;
  if (word && !wordState) notes.push(msg('read.unknownWord', { word: clip(word, 40) }));

  const match = observation.message ? matchKnownText(observation.message) : null;
  const textState = match && match.state !== 'unknown' ? match.state : undefined;
  const state: State = wordState ?? textState ?? 'unknown';

  const variant = variantOf(state, match, context.applicationType ?? applicationTypeOf(observation.caseNumber));
  if (wordState && textState && textState !== wordState) {
    notes.push(msg('read.textDisagrees', { textStatus: wordOf(textState), word: word ?? '' }));
  }
  if (match && match.state === 'unknown') {
    notes.push(msg('read.fitsSeveralStatuses', { statuses: match.alsoFits.join(', ') }));
  }
  const passportMessage = observation.message && !match ? findPassportMessage(observation.message) : undefined;
  if (observation.message && !match && !passportMessage) {
    notes.push(
      state === 'unknown'
        ? msg('read.nothingFound', { text: clip(observation.message) })
        : msg('read.unknownText', { text: clip(observation.message, 60) }),
    );
  }
  if (!word && !observation.message) notes.push(msg('read.empty'));

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
    draft.meaning.push(msg('read.passportMessage.meaning', { meaning: passportMessage.meaning }));
    notes.push(msg('read.passportMessage.note', { caveat: passportMessage.caveat }));
    draft.sources.push(passportMessage.source);
    if (state === 'unknown') {
      draft.headline = msg('read.passportOnly.headline');
      draft.nextSteps = [msg('read.passportOnly.next')];
    }
  }

  applyContext(draft, observation, context);

  return {
    state: draft.state,
    variant: draft.variant,
    finality: draft.finality,
    confidence: Math.round(Math.min(1, Math.max(0, draft.confidence)) * 100) / 100,
    headline: t(draft.headline),
    meaning: draft.meaning.map(t).join(t.language === 'zh-CN' ? '' : ' '),
    nextSteps: dedupe(draft.nextSteps.map(t)),
    watchFor: dedupe(draft.watchFor.map(t)),
    sources: dedupe(draft.sources.map(t)),
    notes: dedupe(draft.notes.map(t)),
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
    draft.notes.push(msg('read.refusedCutShort'));
    return;
  }
  if (match.alsoFits.length > 1) {
    draft.notes.push(
      msg('read.fitsSeveralTexts', { status: wordOf(match.state), variants: match.alsoFits.join(', ') }),
    );
    return;
  }
  if (!match.fromStart) {
    draft.confidence *= 0.85;
    draft.notes.push(msg('read.fragment'));
  } else if (match.coverage < 0.98) {
    draft.notes.push(msg('read.cutShort', { percent: Math.round(match.coverage * 100) }));
  }
  if (match.errors > 0) {
    draft.notes.push(msg('read.typos', { count: match.errors }));
  }
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}
