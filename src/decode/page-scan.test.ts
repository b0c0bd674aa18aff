/**
 * The one-pass scanner must give exactly what cheerio gives: on every fixture, on every page the
 * simulator serves (each status text, each form error, each fault page), and on fast-check variations
 * of them that add entities, markup, comments and odd attributes where the scanner has to be careful.
 */
import { readdirSync, readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { STATUS_TEXTS } from '../knowledge/statuses.js';
import {
  ajaxDelta,
  blockedPage,
  CHANGED_LAYOUT_PAGE,
  CHANGED_LAYOUT_PANEL,
  ERROR_TEXTS,
  escapeHtml,
  formPage,
  formPanel,
  type FormState,
  MAINTENANCE_PAGE,
  SERVER_ERROR_PAGE,
  type StatusPanel,
  statusPanel,
  VIEWSTATE_ERROR_PAGE,
} from '../simulator/pages.js';
import { parseCeacResponse } from './page.js';
import { decodeTextEntities, scanPage } from './page-scan.js';

const VIEW = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
const IDS = ['lblStatus', 'lblMessage', 'lblCaseNo', 'lblSubmitDate', 'lblStatusDate', 'lblAppName']
  .map((f) => VIEW + f)
  .concat(['ctl00_ContentPlaceHolder1_lblError', 'ctl00_ContentPlaceHolder1_ValidationSummary1']);

const fixtureDir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => /\.(txt|html)$/.test(f))
  .map((f) => [f, readFileSync(new URL(f, fixtureDir), 'utf8')] as const);

const form = (app: 'NIV' | 'IV'): FormState => ({
  app,
  viewState: 'dDwtMTA4NzU2OTk2Nzs7Pg==',
  eventValidation: 'wEWAgKp',
  vcid: '0123456789abcdef0123456789abcdef',
});
const hidden = { __VIEWSTATE: 'dDwtMTA4NzU2OTk2Nzs7Pg==', __EVENTVALIDATION: 'wEWAgKp' };

/** The POST answer with a status, built as src/simulator/server.ts builds it. */
const statusDelta = (app: 'NIV' | 'IV', s: StatusPanel) => ajaxDelta(formPanel(form(app)) + statusPanel(s), hidden);
const panelOf = (t: (typeof STATUS_TEXTS)[number], app: 'NIV' | 'IV'): StatusPanel => ({
  applicationName: app === 'NIV' ? 'NONIMMIGRANT VISA APPLICATION' : 'IMMIGRANT VISA APPLICATION',
  caseNumber: app === 'NIV' ? 'AA00ABCD12' : 'BMB2024123456',
  created: '14-Oct-2025',
  updated: '01-Nov-2025',
  status: t.status,
  message: t.text ?? '',
});

const simulatorStatusPages = STATUS_TEXTS.flatMap((t) =>
  t.applicationTypes.map((app) => [`${app} ${t.variant}`, statusDelta(app, panelOf(t, app))] as const),
);
const simulatorErrorPages = (Object.keys(ERROR_TEXTS) as (keyof typeof ERROR_TEXTS)[]).map(
  (e) =>
    [`error ${e}`, ajaxDelta(formPanel(form('NIV'), ERROR_TEXTS[e]), { __VIEWSTATE: hidden.__VIEWSTATE })] as const,
);
const simulatorOtherPages = [
  ['form NIV', formPage(form('NIV'))],
  ['form IV', formPage(form('IV'))],
  ['maintenance', MAINTENANCE_PAGE],
  ['blocked', blockedPage('8c2f1a-IAD')],
  ['layout changed (page)', CHANGED_LAYOUT_PAGE],
  ['layout changed (delta)', ajaxDelta(CHANGED_LAYOUT_PANEL, {})],
  ['server error', SERVER_ERROR_PAGE],
  ['viewstate error', VIEWSTATE_ERROR_PAGE],
] as const;
const allPages = [...fixtures, ...simulatorStatusPages, ...simulatorErrorPages, ...simulatorOtherPages];

const both = (body: string) => [parseCeacResponse(body), parseCeacResponse(body, { reader: 'cheerio' })] as const;

describe('the one-pass page scanner', () => {
  it.each(allPages)('reads %s exactly as cheerio does', (_name, body) => {
    const [fast, reference] = both(body);
    expect(fast).toEqual(reference);
  });

  it('reads every simulator answer itself, without falling back to cheerio', () => {
    for (const [name, body] of [
      ...simulatorStatusPages,
      ...simulatorErrorPages,
      ['form NIV', formPage(form('NIV'))] as const,
    ]) {
      const html = body.startsWith('<') ? body : body.slice(body.indexOf('<'));
      const scan = scanPage(html, IDS);
      expect(scan, name).not.toBeNull();
      for (const id of IDS) expect(scan!.text(id), `${name} ${id}`).not.toBeUndefined();
    }
  });

  it('finds what the status answer holds, entities decoded', () => {
    const body = statusDelta('NIV', {
      ...panelOf(STATUS_TEXTS[0]!, 'NIV'),
      status: 'Refused',
      applicationName: 'A & B <C> "D"',
    });
    const scan = scanPage(body, IDS)!;
    expect(scan.text(`${VIEW}lblStatus`)).toBe('Refused');
    expect(scan.text(`${VIEW}lblAppName`)).toBe('A & B <C> "D"');
    expect(scan.text('ctl00_ContentPlaceHolder1_lblError')).toBe('');
    expect(scan.text('no-such-id')).toBeNull();
    expect(scan.formPresent).toBe(true);
  });

  it('reads raw text (a script with "<" in it, CDATA) up to its own end tag, as htmlparser2 does', () => {
    const id = `${VIEW}lblStatus`;
    const page = `<script>//<![CDATA[\nif (a < b && c </d) {}\n//]]>\n</script><span id="${id}">A</span>`;
    expect(scanPage(page, IDS)?.text(id)).toBe('A');
    expect(scanPage(`<script>if (a < b) {}<span id="${id}">A</span>`, IDS)).toBeNull();
  });

  it('gives up where htmlparser2 might read the markup differently', () => {
    const id = `${VIEW}lblStatus`;
    expect(scanPage(`<span id="${id}">A<b>B</b></span>`, IDS)!.text(id)).toBeUndefined();
    expect(scanPage(`<span id="${id}">AT&T</span>`, IDS)!.text(id)).toBeUndefined();
    expect(scanPage(`<?xml version="1.0"?><span id="${id}">A</span>`, IDS)).toBeNull();
    expect(scanPage(`<![CDATA[x]]><span id="${id}">A</span>`, IDS)).toBeNull();
    expect(
      scanPage(`<span id="ctl00_ContentPlaceHolder1_&#117;cApplicationStatusView_lblStatus">A</span>`, IDS),
    ).toBeNull();
  });

  it('decodes the entities it is sure of, and only those', () => {
    expect(decodeTextEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27; &nbsp;f &#233; Q & A')).toBe(
      `a & b <c> "d" 'e' \u00a0f é Q & A`,
    );
    for (const unsure of ['&amp', '&copy;', '&#0;', '&#x80;', '&#xD800;', '&#39', '&AMP;', '&ampx;'])
      expect(decodeTextEntities(unsure), unsure).toBeUndefined();
  });
});

/** Pieces that make the scanner's life hard. */
const FRAGMENTS = [
  '&amp;',
  '&amp',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&nbsp;',
  '&#39;',
  '&#x27;',
  '&#233;',
  '&#0;',
  '&#128;',
  '&#x110000;',
  '&copy;',
  '&notin;',
  '&not',
  '& ',
  '&#',
  '&#x;',
  '&',
  '<',
  '>',
  '</',
  '<b>',
  '</b>',
  '<br>',
  '<br/>',
  '</span>',
  '<span>',
  '<!-- c -->',
  '<!-->',
  '<!--',
  '-->',
  '<!DOCTYPE html>',
  '<?x?>',
  '<![CDATA[z]]>',
  '<script>x</script>',
  '<script>a<b</script>',
  '<title>t</title>',
  '<textarea>',
  '"',
  "'",
  '=',
  '/',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2019',
  '\u0000',
  `<span id="${VIEW}lblStatus">Issued</span>`,
  `<span id='${VIEW}lblStatus'>Refused</span>`,
  `<span ID=${VIEW}lblStatus>Approved</span>`,
  `<span id="${VIEW}lblStatus"/>`,
  `<div id="${VIEW}lblMessage">x<p>y</p></div>`,
  `<span class="a" id="${VIEW}lblCaseNo" id="other">AA00ABCD12</span>`,
  '<span id="ctl00_ContentPlaceHolder1_lblError">Your search did not return any data.</span>',
  '<span id="ctl00_ContentPlaceHolder1_lblError">Some &amp; other error</span>',
  '<div id="ctl00_ContentPlaceHolder1_ValidationSummary1"><ul><li>Invalid Application ID or Case Number.</li></ul></div>',
  '<img class="x LBD_CaptchaImage" src="c.png">',
  '<img class=LBD_CaptchaImage>',
  '<input name="ctl00$ContentPlaceHolder1$Visa_Case_Number">',
  '<input id="ctl00_ContentPlaceHolder1_btnSubmit" type="submit">',
  '<a href="?a=1&b=2">l</a>',
  '<a title="x>y">z</a>',
  '<p data-x=a=b>',
];
const fragment = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

type Edit = { at: number; insert: string; cut: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  insert: fc.array(fragment, { maxLength: 4 }).map((a) => a.join('')),
  cut: fc.nat({ max: 6 }),
});

function applyEdits(base: string, edits: Edit[]): string {
  let s = base;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    s = s.slice(0, at) + e.insert + s.slice(at + e.cut);
  }
  return s;
}

const fieldText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fragment, { maxLength: 6 }).map((a) => a.join('')),
);

describe('the one-pass scanner against cheerio on generated pages', () => {
  it('agrees on status answers whose fields hold any text (escaped as the site escapes it)', () => {
    fc.assert(
      fc.property(
        fc.record({
          applicationName: fieldText,
          caseNumber: fieldText,
          created: fieldText,
          updated: fieldText,
          status: fieldText,
          message: fieldText,
        }),
        fc.constantFrom<'NIV' | 'IV'>('NIV', 'IV'),
        (s, app) => {
          const panel = { ...s, created: escapeHtml(s.created), updated: escapeHtml(s.updated) };
          const [fast, reference] = both(statusDelta(app, panel));
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees on status answers whose fields hold raw markup', () => {
    fc.assert(
      fc.property(fc.record({ status: fieldText, message: fieldText, caseNumber: fieldText }), (s) => {
        // Unescaped on purpose: markup, stray "<" and entities inside the spans.
        const body = ajaxDelta(
          formPanel(form('NIV')) +
            `<span id="${VIEW}lblCaseNo">${s.caseNumber}</span><span id="${VIEW}lblStatus">${s.status}</span><span id="${VIEW}lblMessage">${s.message}</span>`,
          hidden,
        );
        const [fast, reference] = both(body);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on every known page with fragments spliced in anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPages), fc.array(edit, { minLength: 1, maxLength: 5 }), ([, base], edits) => {
        const [fast, reference] = both(applyEdits(base, edits));
        expect(fast).toEqual(reference);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees on small pages made of fragments only', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const [fast, reference] = both(parts.join(''));
        expect(fast).toEqual(reference);
      }),
      { numRuns: 2000 },
    );
  });
});
