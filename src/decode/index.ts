/**
 * The decoder's public API: any CEAC status (paste, saved page, AJAX delta, live answer) into an
 * Observation, and an Observation (+ context) into a plain-language Interpretation.
 */
export { parseCeacDate } from './dates.js';
export { explain, explainPage, explainPaste, looksLikeHtml } from './explain.js';
export { applicationTypeOf, interpret } from './interpret.js';
export { matchKnownText, type TextMatch } from './match.js';
export {
  classifyError,
  type DeltaRecord,
  isAjaxDelta,
  type PageParse,
  parseAjaxDelta,
  parseCeacResponse,
} from './page.js';
export { MAX_PASTE_CHARS, parsePaste, parsePasteDetailed, type PasteParse } from './paste.js';
export { type Paint, renderExplanation, type Style, VARIANT_LABELS, wrap } from './render.js';
