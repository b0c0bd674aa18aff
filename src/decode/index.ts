/**
 * The decoder's public API: any CEAC status (paste, saved page, AJAX delta, live answer) into an
 * Observation, and an Observation (+ context) into a plain-language Interpretation.
 */
export { parsePaste, parsePasteDetailed, MAX_PASTE_CHARS, type PasteParse } from './paste.js';
export { parseCeacResponse, parseAjaxDelta, isAjaxDelta, classifyError, type PageParse, type DeltaRecord } from './page.js';
export { interpret, applicationTypeOf } from './interpret.js';
export { explain, explainPage, explainPaste, looksLikeHtml } from './explain.js';
export { renderExplanation, wrap, VARIANT_LABELS, type Paint, type Style } from './render.js';
export { matchKnownText, type TextMatch } from './match.js';
export { parseCeacDate } from './dates.js';
