/**
 * One entry point for every input form: a paste, a status word, a saved CEAC page or an AJAX delta.
 */
import { type Msg, msg } from '../i18n/catalog.js';
import { english, type Translator } from '../i18n/translator.js';
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

/**
 * Decodes any input; HTML and AJAX deltas are read as CEAC pages, everything else as a paste. The answer's words
 * are in `t`'s language (English unless told).
 */
export function explain(input: string, context: DecodeContext = {}, t: Translator = english): ExplainResult {
  return looksLikeHtml(input) ? explainPage(input, context, t) : explainPaste(input, context, t);
}

export function explainPaste(input: string, context: DecodeContext = {}, t: Translator = english): ExplainResult {
  const { observation, statusFromText, truncated } = parsePasteDetailed(input);
  const interpretation = interpret(observation, context, t);
  if (statusFromText) interpretation.notes.unshift(t.text('read.statusFromText', { status: observation.status ?? '' }));
  if (truncated) interpretation.notes.push(t.text('read.inputTooLong', { limit: MAX_PASTE_CHARS }));
  return { observation, interpretation };
}

/** Decodes a saved CEAC page or delta; a page that is not a status says what it is instead. */
export function explainPage(html: string, context: DecodeContext = {}, t: Translator = english): ExplainResult {
  const page = parseCeacResponse(html);
  if (page.kind === 'status')
    return { observation: page.observation, interpretation: interpret(page.observation, context, t) };
  if (page.kind === 'unrecognised') {
    // Markup from somewhere else (an e-mail, a forum post) may still hold a pasted status.
    const fromText = explainPaste(textOfMarkup(html), context, t);
    if (fromText.interpretation.state !== 'unknown') {
      fromText.interpretation.notes.push(t.text('read.notCeacPage'));
      return fromText;
    }
  }
  const interpretation = interpret(EMPTY, context, t);
  const about = pageWithoutStatus(page);
  interpretation.headline = t(about.headline);
  interpretation.meaning = t(about.meaning);
  interpretation.nextSteps = [t(about.nextStep)];
  interpretation.notes = [];
  return { observation: { ...EMPTY }, interpretation };
}

/** What a page without a status is, in words: never a status, never a decision about the case. */
function pageWithoutStatus(page: Exclude<PageParse, { kind: 'status' }>): {
  headline: Msg;
  meaning: Msg;
  nextStep: Msg;
} {
  switch (page.kind) {
    case 'error': {
      const why: Record<typeof page.error, { headline: Msg; nextStep: Msg }> = {
        captcha_rejected: { headline: msg('page.captcha.headline'), nextStep: msg('page.captcha.next') },
        not_found: { headline: msg('page.notFound.headline'), nextStep: msg('page.notFound.next') },
        invalid_id: { headline: msg('page.invalid.headline'), nextStep: msg('page.invalid.next') },
      };
      return { ...why[page.error], meaning: msg('page.error.meaning', { message: page.message }) };
    }
    case 'form':
      return {
        headline: msg('page.form.headline'),
        meaning: msg('page.form.meaning'),
        nextStep: msg('page.form.next'),
      };
    case 'unrecognised':
      return {
        headline: msg('page.unrecognised.headline'),
        meaning: msg('page.unrecognised.meaning', { reason: page.reason ?? 'none' }),
        nextStep: msg('page.unrecognised.next'),
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
