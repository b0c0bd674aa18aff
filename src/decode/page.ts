/**
 * Reads what CEAC sends back for a status check: a whole HTML page (a saved page, or the form) or
 * the MS-AJAX UpdatePanel delta that the form's asynchronous POST returns
 * (/work/shared/knowledge/ceac-protocol.md). Pure: a string in, a PageParse out.
 */
import { createRequire } from 'node:module';

import type * as CheerioModule from 'cheerio/slim';

import type { Observation } from '../knowledge/types.js';
import { parseCeacDate } from './dates.js';
import { scanPage } from './page-scan.js';
import { cleanText, splitPostSentence, squash } from './text.js';

export type PageParse =
  | { kind: 'status'; observation: Observation; applicationName: string | null }
  | { kind: 'error'; error: 'captcha_rejected' | 'not_found' | 'invalid_id'; message: string }
  /** The status form came back with no result and no error. */
  | { kind: 'form' }
  /** Not a CEAC answer we know; `reason` says what it looked like, for diagnosis. */
  | { kind: 'unrecognised'; reason?: string };

const VIEW = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
const ERROR_IDS = ['ctl00_ContentPlaceHolder1_lblError', 'ctl00_ContentPlaceHolder1_ValidationSummary1'];
const FORM_MARKERS = ['Visa_Case_Number', 'btnSubmit', 'defaultcaptcha'];

type CheerioSlim = typeof CheerioModule;
let cheerio: CheerioSlim | undefined;
/**
 * cheerio is loaded on first use (synchronously, through require): `ceac explain` on a paste never
 * pays for it, and callers keep a synchronous API. The slim build (htmlparser2) is lenient with the
 * markup of ASP.NET pages and loads faster than the parse5 one.
 */
function loadCheerio(): CheerioSlim {
  cheerio ??= createRequire(import.meta.url)('cheerio/slim') as CheerioSlim;
  return cheerio;
}

/** A delta begins "1|#||4|…": records of length|type|id|content|. */
export function isAjaxDelta(body: string): boolean {
  return /^\s*\d+\|[^|]*\|[^|]*\|/.test(body.slice(0, 64));
}

export interface DeltaRecord {
  type: string;
  id: string;
  content: string;
}

/**
 * Splits an UpdatePanel delta into its records, honouring each record's declared length (content
 * may contain "|"). Returns null when the body does not follow the format.
 */
export function parseAjaxDelta(body: string): DeltaRecord[] | null {
  const records: DeltaRecord[] = [];
  let i = body.length - body.trimStart().length;
  const stop = body.trimEnd().length;
  while (i < stop) {
    const bar1 = body.indexOf('|', i);
    if (bar1 < 0) return null;
    const lengthText = body.slice(i, bar1);
    if (!/^\d{1,9}$/.test(lengthText)) return null;
    const length = Number(lengthText);
    const bar2 = body.indexOf('|', bar1 + 1);
    if (bar2 < 0) return null;
    const bar3 = body.indexOf('|', bar2 + 1);
    if (bar3 < 0) return null;
    const start = bar3 + 1;
    const end = start + length;
    if (end > body.length || body[end] !== '|') return null;
    records.push({ type: body.slice(bar1 + 1, bar2), id: body.slice(bar2 + 1, bar3), content: body.slice(start, end) });
    i = end + 1;
  }
  return records;
}

const BLOCKED = /sorry, you have been blocked|attention required! \| cloudflare|performing security verification/i;

/**
 * Parses a CEAC answer: the status, one of the three errors the form shows, the bare form, or
 * "unrecognised" (a maintenance page, a block page, a changed layout, or something else entirely).
 */
export function parseCeacResponse(body: string, options: ParseOptions = {}): PageParse {
  let html = body;
  if (isAjaxDelta(body)) {
    const records = parseAjaxDelta(body);
    if (records) {
      const failure = records.find((r) => r.type === 'error');
      if (failure)
        return {
          kind: 'unrecognised',
          reason: `the server answered with an error (${squash(failure.content).slice(0, 120)})`,
        };
      const redirect = records.find((r) => r.type === 'pageRedirect');
      if (redirect)
        return {
          kind: 'unrecognised',
          reason: `the server redirected to ${squash(tryDecodeUri(redirect.content)).slice(0, 200)}`,
        };
      html = records
        .filter((r) => r.type === 'updatePanel')
        .map((r) => r.content)
        .join('\n');
    }
    // A delta whose lengths do not add up is still mostly HTML: read it as such.
  }

  if (BLOCKED.test(html.slice(0, 20_000)))
    return { kind: 'unrecognised', reason: 'a Cloudflare block or challenge page' };
  const hasStatus = html.includes(`${VIEW}lblStatus`);
  const hasError = ERROR_IDS.some((id) => html.includes(id));
  const hasForm = FORM_MARKERS.some((m) => html.includes(m));
  // Most junk stops here without paying for an HTML parser.
  if (!hasStatus && !hasError && !hasForm)
    return { kind: 'unrecognised', reason: 'no CEAC status, error or form in the page' };

  if (options.reader !== 'cheerio') {
    const scan = scanPage(html, SCANNED_IDS);
    if (scan) {
      const fast = readParse(
        (id) => scan.text(id),
        () => scan.formPresent,
      );
      if (fast) return fast;
    }
  }
  return readParse(...cheerioReader(html))!;
}

export interface ParseOptions {
  /**
   * 'auto' (default): the one-pass scanner, and cheerio for the pages it cannot read with
   * certainty; 'cheerio': always cheerio (the reference the scanner is tested against).
   */
  reader?: 'auto' | 'cheerio';
}

const VIEW_FIELDS = ['lblStatus', 'lblMessage', 'lblCaseNo', 'lblSubmitDate', 'lblStatusDate', 'lblAppName'];
const SCANNED_IDS = [...VIEW_FIELDS.map((f) => VIEW + f), ...ERROR_IDS];

/** The raw text of the first element with an id (null: none; undefined: the reader is not sure). */
type TextOf = (id: string) => string | null | undefined;

function cheerioReader(html: string): [TextOf, () => boolean] {
  const $ = loadCheerio().load(html);
  const textOf = (id: string): string | null => {
    const el = $(`[id="${id}"]`).first();
    return el.length === 0 ? null : el.text();
  };
  const formPresent = () =>
    $(
      '[name="ctl00$ContentPlaceHolder1$Visa_Case_Number"], [id="ctl00_ContentPlaceHolder1_Visa_Case_Number"], [id="ctl00_ContentPlaceHolder1_btnSubmit"], img.LBD_CaptchaImage',
    ).length > 0;
  return [textOf, formPresent];
}

/** The PageParse from what a reader found; null when the reader was not sure of something it needed. */
function readParse(textOf: TextOf, formPresent: () => boolean): PageParse | null {
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
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by text() above, which TypeScript does not see
  if (unsure) return null;
  if (status) {
    const rawMessage = text(`${VIEW}lblMessage`);
    const caseNumber = text(`${VIEW}lblCaseNo`);
    const created = text(`${VIEW}lblSubmitDate`);
    const updated = text(`${VIEW}lblStatusDate`);
    const applicationName = text(`${VIEW}lblAppName`);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by text() above, which TypeScript does not see
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
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by text() above, which TypeScript does not see
    if (unsure) return null;
    if (!message) continue;
    const error = classifyError(message);
    if (error) return { kind: 'error', error, message };
    return { kind: 'unrecognised', reason: `the page shows an error we do not know: "${message.slice(0, 200)}"` };
  }

  if (formPresent()) return { kind: 'form' };
  return { kind: 'unrecognised', reason: 'the page has CEAC element ids but no status, error or form' };
}

function dateOf(value: string | null): string | null {
  return value ? parseCeacDate(value) : null;
}

function tryDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
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
