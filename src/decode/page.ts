/**
 * Reads what CEAC sends back for a status check: a whole HTML page (a saved page, or the form) or
 * the MS-AJAX UpdatePanel delta that the form's asynchronous POST returns
 * (docs/ceac-protocol.md). Pure: a string in, a PageParse out.
 */
import { createRequire } from 'node:module';

import type * as CheerioModule from 'cheerio/slim';

import { ERROR_IDS, type PageParse, readParse, type TextOf, VIEW, VIEW_FIELDS } from './labels.js';
import { scanPage } from './page-scan.js';
import { squash } from './text.js';

// The label reading moved to labels.ts (no HTML parser there, so the browser extension can bundle it).
export { classifyError, type PageParse } from './labels.js';

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

const SCANNED_IDS = [...VIEW_FIELDS.map((f) => VIEW + f), ...ERROR_IDS];

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

function tryDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
