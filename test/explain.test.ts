/**
 * Table-driven: every text of the knowledge base, in every input form people use (whole block, block
 * without the status word, paragraph only, status word only, saved page, AJAX delta), with the
 * variations seen in real pastes. Each case states the state and variant a correct decoder gives.
 */
import { describe, expect, it } from 'vitest';

import { explain, explainPage, parsePaste } from '../src/decode/index.js';
import { STATUS_TEXTS, type StatusText } from '../src/knowledge/statuses.js';

const WITH_TEXT = STATUS_TEXTS.filter((t): t is StatusText & { text: string } => t.text !== null);

/** The variant a decoder must report for this text: the text's own id (refused_* and issued_iv included). */
const expectedVariant = (t: StatusText) => t.variant;

const V = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
function statusFragment(status: string, message: string, post = 'U.S. Embassy London'): string {
  return (
    `<div id="${V}pnlStatus"><span id="${V}lblAppName">NONIMMIGRANT VISA APPLICATION</span>` +
    `<span id="${V}lblCaseNo">AA0020AKAX</span><span id="${V}lblSubmitDate">28-Jul-2022</span>` +
    `<span id="${V}lblStatusDate">05-Aug-2022</span><div class="status"><span id="${V}lblStatus">${status}</span></div>` +
    `<span id="${V}lblMessage">${message}<br /><br />For more information, please visit <a href="#">${post}</a>.</span></div>`
  );
}
const delta = (html: string) =>
  `1|#||4|${html.length}|updatePanel|ctl00_ContentPlaceHolder1_UpdatePanel1|${html}|0|hiddenField|__EVENTTARGET||`;
const page = (html: string) =>
  `<!DOCTYPE html><html><head><title>CEAC - Visa Status Check</title></head><body><form>${html}</form></body></html>`;

/** Variations of how a paragraph arrives in a paste. */
const VARIATIONS: Record<string, (text: string) => string> = {
  verbatim: (t) => t,
  'upper case': (t) => t.toUpperCase(),
  'lower case': (t) => t.toLowerCase(),
  'two spaces after sentences': (t) => t.replace(/\. /g, '.  '),
  'line breaks every 9 words': (t) =>
    t
      .split(' ')
      .map((w, i) => (i > 0 && i % 9 === 0 ? `\n${w}` : w))
      .join(' '),
  'no-break spaces and tabs': (t) =>
    t.replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\u00a0' : i % 5 === 0 ? '\t' : ' ')),
  'curly quotes and a trailing ellipsis': (t) => `\u201c${t}\u201d \u2026`,
  'CRLF line endings': (t) => t.replace(/\. /g, '.\r\n'),
  'a typo': (t) => t.replace(/application/, 'aplication'),
};

const BLOCK = (
  status: string | null,
  text: string,
  options: { order?: 'normal' | 'shuffled'; masked?: boolean } = {},
) => {
  const caseLine = `Application ID or Case Number: ${options.masked ? '***********' : 'AA0020AKAX'}`;
  const lines = [
    'U.S. Department of State',
    caseLine,
    'Case Created: 28-Jul-2022',
    'Case Last Updated: 05-Aug-2022',
    '',
  ];
  if (status) lines.push(status);
  lines.push(text, 'For more information, please visit U.S. Consulate General Vancouver.');
  if (options.order === 'shuffled')
    return [
      lines[5] ?? '',
      'Case Last Updated:',
      '05-Aug-2022',
      text,
      caseLine,
      'Case Created:\t28-Jul-2022',
      'For more information, please visit U.S. Consulate General Vancouver.',
    ].join('\n');
  return lines.join('\n');
};

describe.each(WITH_TEXT.map((t) => [t.variant, t] as const))('%s', (_name, known) => {
  const state = known.state;
  const variant = expectedVariant(known);

  it.each(Object.entries(VARIATIONS))('paragraph only, %s', (_v, vary) => {
    const r = explain(vary(known.text));
    expect(r.interpretation.state).toBe(state);
    expect(r.interpretation.variant).toBe(variant);
    expect(r.observation.status).toBe(known.status);
  });

  it.each(Object.entries(VARIATIONS))('whole block with the status word, %s', (_v, vary) => {
    const r = explain(BLOCK(known.status, vary(known.text)));
    expect(r.observation).toMatchObject({
      status: known.status,
      caseNumber: 'AA0020AKAX',
      caseCreated: '2022-07-28',
      caseLastUpdated: '2022-08-05',
      post: 'U.S. Consulate General Vancouver',
    });
    expect(r.interpretation).toMatchObject({ state, variant });
  });

  it('whole block without the status word, masked case number', () => {
    const r = explain(BLOCK(null, known.text, { masked: true }));
    expect(r.observation).toMatchObject({
      status: known.status,
      caseNumber: null,
      caseCreated: '2022-07-28',
      post: 'U.S. Consulate General Vancouver',
    });
    expect(r.interpretation).toMatchObject({ state, variant });
    expect(r.interpretation.notes.join(' ')).toMatch(/status word was not in the paste/);
  });

  it('labels out of order, values on their own lines, tab separators', () => {
    const r = explain(BLOCK(known.status, known.text, { order: 'shuffled' }));
    expect(r.observation).toMatchObject({
      caseNumber: 'AA0020AKAX',
      caseCreated: '2022-07-28',
      caseLastUpdated: '2022-08-05',
    });
    expect(r.interpretation).toMatchObject({ state, variant });
  });

  it('everything on one line', () => {
    const r = explain(
      `Case Created: 28-Jul-2022 Case Last Updated: 05-Aug-2022 ${known.status} ${known.text} For more information, please visit U.S. Embassy New Delhi.`,
    );
    expect(r.observation).toMatchObject({
      status: known.status,
      caseCreated: '2022-07-28',
      caseLastUpdated: '2022-08-05',
      post: 'U.S. Embassy New Delhi',
    });
    expect(r.interpretation).toMatchObject({ state, variant });
  });

  it("with the person's own lines around it", () => {
    const r = explain(
      `Hi all, my status changed today!!\n\n${known.status}\n${known.text}\n\nDoes anyone know what this means? Thanks`,
    );
    expect(r.interpretation).toMatchObject({ state, variant });
    expect(r.observation.message).not.toMatch(/Hi all|Thanks/);
  });

  it('the message keeps the text and loses the post sentence', () => {
    const r = explain(BLOCK(known.status, known.text));
    expect(r.observation.message?.replace(/\s+/g, ' ')).toBe(known.text);
  });

  it.each([
    ['saved page', (html: string) => page(html)],
    ['AJAX delta', (html: string) => delta(html)],
  ])('%s', (_form, wrapIn) => {
    const body = wrapIn(statusFragment(known.status, known.text.replace(/\. /g, '.  ')));
    for (const r of [explain(body), explainPage(body)]) {
      expect(r.observation).toMatchObject({
        status: known.status,
        caseNumber: 'AA0020AKAX',
        caseCreated: '2022-07-28',
        post: 'U.S. Embassy London',
      });
      expect(r.observation.message).toBe(known.text);
      expect(r.interpretation).toMatchObject({ state, variant });
    }
  });
});

describe('status word only', () => {
  it.each(STATUS_TEXTS.map((t) => [t.status, t.state] as const))('%s', (word, state) => {
    for (const form of [word, word.toUpperCase(), `  ${word.toLowerCase()}  \n`, `Status: ${word}`]) {
      const r = explain(form);
      expect(r.observation.status).toBe(word);
      expect(r.observation.message).toBeNull();
      expect(r.interpretation.state).toBe(state);
      // Without a text nothing finer than the state can be known.
      expect(r.interpretation.variant).toBe(state);
    }
  });

  it('"Refused" alone is uncertain, never final', () => {
    expect(explain('Refused').interpretation).toMatchObject({ variant: 'refused', finality: 'uncertain' });
  });
});

describe('texts cut short', () => {
  const LONG = STATUS_TEXTS.find((t) => t.variant === 'refused_221g')!.text!;
  const SHORT = STATUS_TEXTS.find((t) => t.variant === 'refused_letter')!.text!;

  it('recognises the 221(g) text after its first distinguishing sentence', () => {
    const cut =
      'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer.';
    expect(LONG.startsWith(cut)).toBe(true);
    expect(explain(cut).interpretation).toMatchObject({
      state: 'refused',
      variant: 'refused_221g',
      finality: 'in_progress',
    });
  });

  it('recognises the letter text after its distinguishing sentence', () => {
    expect(explain(SHORT).interpretation.variant).toBe('refused_letter');
  });

  it('cannot tell 221(g) from letter on the shared first sentence alone', () => {
    const r = explain('Refused\nA U.S. consular officer has adjudicated and refused your visa application.');
    expect(r.interpretation).toMatchObject({ state: 'refused', variant: 'refused', finality: 'uncertain' });
    expect(r.interpretation.notes.join(' ')).toMatch(/Please follow any instructions/);
  });

  it.each([
    'Please be advised that ……..',
    'Please be advised that the processing time varies and',
    'You will receive another adjudica',
    'your case will remain refused while undergoing such processing. You will',
  ])('recognises the 221(g) text cut at %j', (ending) => {
    const idx = LONG.toLowerCase().indexOf(
      ending
        .toLowerCase()
        .replace(/ ?…+\.*$/, '')
        .slice(0, 20),
    );
    const cut = LONG.slice(0, idx) + ending;
    const r = explain(`Refused\n${cut}`);
    expect(r.interpretation.variant).toBe('refused_221g');
    expect(r.interpretation.notes.join(' ')).toMatch(/cut short/);
  });

  it('reads a fragment from the middle with lower confidence', () => {
    const r = explain('your case will remain refused while undergoing such processing');
    expect(r.interpretation.variant).toBe('refused_221g');
    expect(r.interpretation.confidence).toBeLessThan(0.9);
    expect(r.interpretation.notes.join(' ')).toMatch(/fragment/);
  });
});

describe('status word and text disagree, or nothing is known', () => {
  it('follows the status word and says so', () => {
    const issued = STATUS_TEXTS.find((t) => t.variant === 'issued')!.text!;
    const r = explain(`Approved\n${issued}`);
    expect(r.interpretation.state).toBe('approved');
    expect(r.interpretation.notes.join(' ')).toMatch(/Issued text, but the status says Approved/);
  });

  it.each(['hello', 'My visa interview is next week', '12345', 'Refusedd'])(
    '%j is unknown, with a note saying what was not recognised',
    (text) => {
      const r = explain(text);
      expect(r.interpretation.state).toBe('unknown');
      expect(r.interpretation.finality).toBe('uncertain');
      expect(r.interpretation.notes.join(' ')).toContain(text);
    },
  );

  it('an unknown status word is named in the notes', () => {
    const r = explain('Status: Pending Review');
    expect(r.interpretation.state).toBe('unknown');
    expect(r.interpretation.notes.join(' ')).toMatch(/Pending Review/);
  });

  it('a passport-delivery message is explained, not taken for a status', () => {
    const r = explain(
      'Passport has been received from the consular section and is currently being processed for delivery.',
    );
    expect(r.interpretation.state).toBe('unknown');
    expect(r.interpretation.headline).toMatch(/passport-delivery message/);
    expect(r.interpretation.meaning).toMatch(/221\(g\) slip/);
  });

  it.each([
    ['captcha', 'The code entered does not match the code displayed on the page.', /captcha/],
    ['not found', 'Your search did not return any data.', /no case/],
  ])('a CEAC %s page is never a status', (_name, message, headline) => {
    const html = `<span id="ctl00_ContentPlaceHolder1_lblError">${message}</span>`;
    const r = explain(html);
    expect(r.observation.status).toBeNull();
    expect(r.interpretation.state).toBe('unknown');
    expect(r.interpretation.headline).toMatch(headline);
  });
});

describe('post names', () => {
  const TEXT = STATUS_TEXTS.find((t) => t.variant === 'refused_221g')!.text!;
  it.each([
    ['For more information, please visit U.S. Consulate General Chennai.', 'U.S. Consulate General Chennai'],
    ['For more information, please visit U.S. Embassy New Delhi.', 'U.S. Embassy New Delhi'],
    ['for more information please visit U.S. Embassy Beijing', 'U.S. Embassy Beijing'],
    ['FOR MORE INFORMATION, PLEASE VISIT U.S. CONSULATE GENERAL MUMBAI.', 'U.S. CONSULATE GENERAL MUMBAI'],
    ['For more information, please visit\nAmerican Institute in Taiwan.', 'American Institute in Taiwan'],
    [
      'For more information, please visit U.S. Consulate General Vancouver. Any ideas?',
      'U.S. Consulate General Vancouver',
    ],
  ])('%j', (sentence, post) => {
    for (const input of [`${TEXT} ${sentence}`, `Refused\n${TEXT}\n${sentence}`]) {
      const r = explain(input);
      expect(r.observation.post).toBe(post);
      expect(r.observation.message).toBe(TEXT);
      expect(r.interpretation.variant).toBe('refused_221g');
    }
  });
});

describe('parsePaste details', () => {
  it.each([
    ['28-Jul-2022', '2022-07-28'],
    ['28-JUL-2022', '2022-07-28'],
    ['28 Jul 2022', '2022-07-28'],
    ['Jul 28, 2022', '2022-07-28'],
    ['July 28 2022', '2022-07-28'],
    ['2022-07-28', '2022-07-28'],
    ['31-Feb-2023', null],
    ['28/07/2022', null],
  ])('Case Created: %s', (value, iso) => {
    expect(parsePaste(`Case Created: ${value}\nRefused`).caseCreated).toBe(iso);
  });

  it.each([
    ['AA0020AKAX', 'AA0020AKAX'],
    ['aa0020akax', 'AA0020AKAX'],
    ['LMA2020656002', 'LMA2020656002'],
    ['2023EU0012345', '2023EU0012345'],
    ['***********', null],
    ['AA00••••AX', null],
    ['XXXXXXXXXX', null],
  ])('Application ID or Case Number: %s', (value, expected) => {
    expect(parsePaste(`Application ID or Case Number: ${value}\nIssued`).caseNumber).toBe(expected);
  });

  it('takes the post from the last "For more information" sentence, not from TRAVEL.STATE.GOV', () => {
    const o = parsePaste(
      'Refused\nFor more information, please visit TRAVEL.STATE.GOV or the website for the Embassy or Consulate at which you made your visa application.\nFor more information, please visit U.S. Consulate General Chennai.',
    );
    expect(o.post).toBe('U.S. Consulate General Chennai');
  });
});
