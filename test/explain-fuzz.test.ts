/**
 * Whatever arrives (random text, binary junk, known texts mangled, markup with CEAC ids, broken AJAX
 * deltas, megabyte pastes), explain() answers: it never throws, its answer is always valid JSON of
 * the documented shape, and it never hangs (the test timeout bounds every run; nothing here times it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { explain } from '../src/decode/index.js';
import { STATUS_TEXTS } from '../src/knowledge/statuses.js';
import { type DecodeContext, type ExplainResult, STATES } from '../src/knowledge/types.js';

const TEXTS = STATUS_TEXTS.flatMap((t) => (t.text ? [t.text] : [])).concat(STATUS_TEXTS.map((t) => t.status));
const V = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
const FINALITIES = ['in_progress', 'final_positive', 'final_negative', 'uncertain'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkShape(r: ExplainResult): void {
  const json = JSON.stringify(r);
  expect(JSON.parse(json)).toEqual(r);
  const o = r.observation;
  expect(Object.keys(o).sort()).toEqual(['caseCreated', 'caseLastUpdated', 'caseNumber', 'message', 'post', 'status']);
  for (const v of Object.values(o)) expect(v === null || typeof v === 'string').toBe(true);
  for (const d of [o.caseCreated, o.caseLastUpdated]) if (d !== null) expect(d).toMatch(ISO);
  const i = r.interpretation;
  expect(STATES).toContain(i.state);
  expect(FINALITIES).toContain(i.finality);
  expect(typeof i.variant).toBe('string');
  expect(Number.isFinite(i.confidence) && i.confidence >= 0 && i.confidence <= 1).toBe(true);
  for (const s of [i.headline, i.meaning]) expect(typeof s === 'string' && s.length > 0).toBe(true);
  for (const list of [i.nextSteps, i.watchFor, i.sources, i.notes])
    expect(list.every((s) => typeof s === 'string')).toBe(true);
  if (i.state === 'refused')
    expect(['refused_221g', 'refused_letter', 'refused_letter_legacy', 'refused']).toContain(i.variant);
}

type Op = { kind: 'insert' | 'delete' | 'replace' | 'cut' | 'upper' | 'duplicate'; at: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'cut', 'upper', 'duplicate'),
  at: fc.nat(),
  text: fc.string({ maxLength: 12 }),
});

function mutate(text: string, ops: Op[]): string {
  let s = text;
  for (const o of ops) {
    const at = s.length === 0 ? 0 : o.at % s.length;
    switch (o.kind) {
      case 'insert':
        s = s.slice(0, at) + o.text + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + 1 + (o.text.length % 20));
        break;
      case 'replace':
        s = s.slice(0, at) + (o.text[0] ?? '') + s.slice(at + 1);
        break;
      case 'cut':
        s = s.slice(0, at);
        break;
      case 'upper':
        s = s.slice(0, at) + s.slice(at).toUpperCase();
        break;
      case 'duplicate':
        s = s.slice(0, at) + s.slice(at, at + 40) + s.slice(at);
        break;
    }
  }
  return s;
}

const mutatedKnown = fc
  .tuple(
    fc.constantFrom(...TEXTS),
    fc.array(op, { maxLength: 6 }),
    fc.constantFrom('', 'Refused\n', 'Case Created: 28-Jul-2022\n', 'Status: Issued '),
  )
  .map(([t, ops, prefix]) => prefix + mutate(t, ops));

const binaryJunk = fc
  .uint8Array({ maxLength: 2000 })
  .chain((bytes) =>
    fc.constantFrom(
      Buffer.from(bytes).toString('utf8'),
      Buffer.from(bytes).toString('latin1'),
      Buffer.from(bytes).toString('utf16le'),
    ),
  );

const markup = fc
  .tuple(
    fc.constantFrom('lblStatus', 'lblMessage', 'lblSubmitDate', 'lblCaseNo'),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(...TEXTS),
    fc.boolean(),
  )
  .map(
    ([id, junk, text, close]) =>
      `<div><span id="${V}${id}">${junk}</span><span id="${V}lblMessage">${text}${close ? '</span>' : ''}<span id="ctl00_ContentPlaceHolder1_lblError">${junk}`,
  );

const delta = fc
  .tuple(fc.nat({ max: 5000 }), fc.string({ maxLength: 300 }), fc.constantFrom(...TEXTS))
  .map(
    ([len, junk, text]) =>
      `1|#||4|${len}|updatePanel|ctl00_ContentPlaceHolder1_UpdatePanel1|<span id="${V}lblStatus">${junk}</span>${text}|${junk}`,
  );

const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 500 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 2, arbitrary: binaryJunk },
  { weight: 6, arbitrary: mutatedKnown },
  { weight: 2, arbitrary: markup },
  { weight: 2, arbitrary: delta },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'Refused',
          'Case Created:',
          ':',
          '\n',
          ' ',
          'for more information, please visit ',
          '<',
          '|',
          '1|',
          '…',
          'AA0020AKAX',
          '28-Jul-2022',
        ),
        { maxLength: 60 },
      )
      .map((a) => a.join('')),
  },
);

const context: fc.Arbitrary<DecodeContext> = fc.record(
  {
    route: fc.constantFrom('dropbox' as const, 'interview' as const),
    slip: fc.constantFrom('white' as const, 'pink' as const, 'other' as const),
    officer: fc.constantFrom('approved' as const, 'refused' as const, '221g' as const, 'none' as const),
    passport: fc.constantFrom('kept' as const, 'returned' as const),
    since: fc.constantFrom('2024-01-01', '2025-06-30', 'not a date', '2030-01-01'),
    previous: fc.string({ maxLength: 30 }),
    today: fc.constant('2025-12-01'),
  },
  { requiredKeys: [] },
);

describe('explain never fails', () => {
  it('on 10,000 random, mutated and hostile inputs, with random context', () => {
    fc.assert(
      fc.property(anyText, context, (input, ctx) => {
        checkShape(explain(input, ctx));
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  const MB = 1024 * 1024;
  const LONG = STATUS_TEXTS.find((t) => t.variant === 'refused_221g')!.text!;
  it.each([
    ['the 221(g) text repeated', () => LONG.repeat(Math.ceil(MB / LONG.length))],
    ['one word repeated', () => 'refused '.repeat(MB / 8)],
    ['one character', () => 'a'.repeat(MB)],
    ['"<" repeated', () => '<'.repeat(MB)],
    ['"<script" repeated', () => '<script'.repeat(MB / 7)],
    ['unclosed tags', () => '<div a="'.repeat(MB / 8)],
    ['the post sentence repeated', () => 'For more information, please visit '.repeat(MB / 35)],
    ['labels repeated', () => 'Case Created: Case Last Updated: '.repeat(MB / 33)],
    ['delta bars', () => '1|'.repeat(MB / 2)],
    ['newlines', () => '\n'.repeat(MB)],
    // Long runs of the characters that trailing-punctuation patterns strip: /[.:]+$/ would go quadratic here.
    ['colons, then a letter', () => ':'.repeat(MB) + 'x'],
    [
      'dots, then the start of a text',
      () => '.'.repeat(MB) + 'x A U.S. consular officer has adjudicated and refused your visa application.',
    ],
    ['spaces and colons in markup', () => '<div>' + ' :'.repeat(MB / 2) + 'x'],
    [
      'random bytes',
      () => Buffer.from(Array.from({ length: MB }, (_, i) => (i * 2654435761) >>> 24)).toString('latin1'),
    ],
    [
      'a CEAC page padded with junk',
      () => `<span id="${V}lblStatus">Refused</span><span id="${V}lblMessage">${LONG}</span>` + 'x'.repeat(MB),
    ],
  ])(
    'on a 1 MB input: %s',
    (_name, make) => {
      const input = make();
      expect(input.length).toBeGreaterThanOrEqual(MB - 64);
      checkShape(explain(input));
    },
    20_000,
  );
});
