/**
 * One entry point for every input form: a paste, a status word, a saved CEAC page or an AJAX delta.
 */
import type { DecodeContext, ExplainResult, Observation } from '../knowledge/types.js';
import { interpret } from './interpret.js';
import { isAjaxDelta, type PageParse, parseCeacResponse } from './page.js';
import { MAX_PASTE_CHARS, parsePasteDetailed } from './paste.js';

const EMPTY: Observation = {
  status: null,
  caseNumber: null,
  caseCreated: null,
  caseLastUpdated: null,
  post: null,
  message: null,
};

/** Looks like markup rather than text someone copied from the rendered page. */
export function looksLikeHtml(input: string): boolean {
  const head = input.slice(0, 4096);
  return isAjaxDelta(head) || /<(?:!doctype|html|head|body|form|div|span|table|p)[\s>/]/i.test(head);
}

/** Decodes any input; HTML and AJAX deltas are read as CEAC pages, everything else as a paste. */
export function explain(input: string, context: DecodeContext = {}): ExplainResult {
  return looksLikeHtml(input) ? explainPage(input, context) : explainPaste(input, context);
}

export function explainPaste(input: string, context: DecodeContext = {}): ExplainResult {
  const { observation, statusFromText, truncated } = parsePasteDetailed(input);
  const interpretation = interpret(observation, context);
  if (statusFromText)
    interpretation.notes.unshift(
      `The status word was not in the paste; "${observation.status}" is the status that goes with this text.`,
    );
  if (truncated)
    interpretation.notes.push(
      `The input was longer than ${MAX_PASTE_CHARS.toLocaleString('en')} characters; only its beginning was read.`,
    );
  return { observation, interpretation };
}

/** Decodes a saved CEAC page or delta; a page that is not a status says what it is instead. */
export function explainPage(html: string, context: DecodeContext = {}): ExplainResult {
  const page = parseCeacResponse(html);
  if (page.kind === 'status')
    return { observation: page.observation, interpretation: interpret(page.observation, context) };
  if (page.kind === 'unrecognised') {
    // Markup from somewhere else (an e-mail, a forum post) may still hold a pasted status.
    const fromText = explainPaste(textOfMarkup(html), context);
    if (fromText.interpretation.state !== 'unknown') {
      fromText.interpretation.notes.push('This is not a CEAC page; the status was read from its text.');
      return fromText;
    }
  }
  const interpretation = interpret(EMPTY, context);
  const about = pageWithoutStatus(page);
  interpretation.headline = about.headline;
  interpretation.meaning = about.meaning;
  interpretation.nextSteps = [about.nextStep];
  interpretation.notes = [];
  return { observation: { ...EMPTY }, interpretation };
}

/** What a page without a status is, in words: never a status, never a decision about the case. */
function pageWithoutStatus(page: Exclude<PageParse, { kind: 'status' }>): {
  headline: string;
  meaning: string;
  nextStep: string;
} {
  switch (page.kind) {
    case 'error': {
      const why: Record<typeof page.error, { headline: string; nextStep: string }> = {
        captcha_rejected: {
          headline: 'No status: CEAC rejected the captcha code',
          nextStep: 'Check again and type the captcha code exactly as shown (letters and digits).',
        },
        not_found: {
          headline: 'No status: CEAC found no case with these details',
          nextStep:
            'Check the application ID or case number, the location, the passport number and the first 5 letters of the surname.',
        },
        invalid_id: {
          headline: 'No status: CEAC says the application ID or case number is invalid',
          nextStep:
            'Check the number: an NIV application ID looks like AA0020AKAX; an IV case number like LMA2020656002.',
        },
      };
      return {
        ...why[page.error],
        meaning: `The page shows CEAC's message "${page.message}". This is about the check itself, not about your case.`,
      };
    }
    case 'form':
      return {
        headline: 'No status: this is the empty CEAC status form',
        meaning: 'The page holds the form to check a status, but no result.',
        nextStep: 'Save the page after the status is shown, or paste the status text instead.',
      };
    case 'unrecognised':
      return {
        headline: 'Not recognised: this is not a CEAC status page',
        meaning: `We could not find a CEAC status in this page${page.reason ? ` (${page.reason})` : ''}. Nothing here is a decision about your case.`,
        nextStep: 'Save the CEAC page while it shows your status (or paste the status text) and try again.',
      };
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Visible text of markup, roughly: scripts dropped, tags become spaces or line breaks, a few entities decoded. */
function textOfMarkup(html: string): string {
  return withoutScripts(html)
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? ' ');
}

/** Drops <script> and <style> elements with plain index searches (a regex here could go quadratic). */
function withoutScripts(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    const s1 = lower.indexOf('<script', at);
    const s2 = lower.indexOf('<style', at);
    const start = s1 < 0 ? s2 : s2 < 0 ? s1 : Math.min(s1, s2);
    if (start < 0) return out + html.slice(at);
    const close = start === s1 ? '</script' : '</style';
    const end = lower.indexOf(close, start);
    out += html.slice(at, start) + ' ';
    if (end < 0) return out;
    const gt = lower.indexOf('>', end);
    at = gt < 0 ? html.length : gt + 1;
  }
}
