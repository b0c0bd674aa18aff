/**
 * The CEAC answer from its labels: the status view's spans and the form's error spans, read by any
 * reader that can give the text of an element by id (the one-pass scanner, cheerio, or a browser's
 * DOM in the extension). No HTML parser here, so the browser extension bundles this without one.
 */
import type { Observation } from '../knowledge/types.js';
import { parseCeacDate } from './dates.js';
import { cleanText, splitPostSentence, squash } from './text.js';

export type PageParse =
  | { kind: 'status'; observation: Observation; applicationName: string | null }
  | { kind: 'error'; error: 'captcha_rejected' | 'not_found' | 'invalid_id'; message: string }
  /** The status form came back with no result and no error. */
  | { kind: 'form' }
  /** Not a CEAC answer we know; `reason` says what it looked like, for diagnosis. */
  | { kind: 'unrecognised'; reason?: string };

/** The id prefix of the status view's labels (inside the UpdatePanel `ctl00_ContentPlaceHolder1_UpdatePanel1`). */
export const VIEW = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
export const VIEW_FIELDS = ['lblStatus', 'lblMessage', 'lblCaseNo', 'lblSubmitDate', 'lblStatusDate', 'lblAppName'];
export const ERROR_IDS = ['ctl00_ContentPlaceHolder1_lblError', 'ctl00_ContentPlaceHolder1_ValidationSummary1'];
export const UPDATE_PANEL_ID = 'ctl00_ContentPlaceHolder1_UpdatePanel1';

/** The raw text of the first element with an id (null: none; undefined: the reader is not sure). */
export type TextOf = (id: string) => string | null | undefined;

/** The PageParse from what a reader found; null when the reader was not sure of something it needed. */
export function readParse(textOf: TextOf, formPresent: () => boolean): PageParse | null {
  // Set inside `text` (a closure), which TypeScript's narrowing does not see: the checks below are real.
  /* eslint-disable @typescript-eslint/no-unnecessary-condition */
  let unsure = false;
  const text = (id: string): string | null => {
    const raw = textOf(id);
    if (raw === undefined) {
      unsure = true;
      return null;
    }
    if (raw === null) return null;
    const t = squash(cleanText(raw));
    return t === '' ? null : t;
  };

  const status = text(`${VIEW}lblStatus`);
  if (unsure) return null;
  if (status) {
    const rawMessage = text(`${VIEW}lblMessage`);
    const caseNumber = text(`${VIEW}lblCaseNo`);
    const created = text(`${VIEW}lblSubmitDate`);
    const updated = text(`${VIEW}lblStatusDate`);
    const applicationName = text(`${VIEW}lblAppName`);
    if (unsure) return null;
    const split = rawMessage ? splitPostSentence(rawMessage) : { message: null, post: null };
    const observation: Observation = {
      status,
      caseNumber: caseNumber ? caseNumber.replace(/\s+/g, '').toUpperCase() : null,
      caseCreated: dateOf(created),
      caseLastUpdated: dateOf(updated),
      post: split.post,
      message: split.message === '' ? null : split.message,
    };
    return { kind: 'status', observation, applicationName };
  }

  for (const id of ERROR_IDS) {
    const message = text(id);
    if (unsure) return null;
    if (!message) continue;
    const error = classifyError(message);
    if (error) return { kind: 'error', error, message };
    return { kind: 'unrecognised', reason: `the page shows an error we do not know: "${message.slice(0, 200)}"` };
  }

  if (formPresent()) return { kind: 'form' };
  return { kind: 'unrecognised', reason: 'the page has CEAC element ids but no status, error or form' };
  /* eslint-enable @typescript-eslint/no-unnecessary-condition */
}

function dateOf(value: string | null): string | null {
  return value ? parseCeacDate(value) : null;
}

/** The three errors of the status form, by their wording. */
export function classifyError(message: string): 'captcha_rejected' | 'not_found' | 'invalid_id' | null {
  const m = message.toLowerCase();
  if (m.includes('code entered does not match') || m.includes('captcha')) return 'captcha_rejected';
  if (m.includes('did not return any data') || m.includes('no data')) return 'not_found';
  if (
    m.includes('invalid application id') ||
    m.includes('invalid case number') ||
    m.includes('application id or case number')
  )
    return 'invalid_id';
  return null;
}
