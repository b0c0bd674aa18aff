// Every word of the explain answer comes from a catalogue: a pseudo-localised catalogue (each message wrapped in
// ⟦…⟧) is run over many inputs and contexts, and nothing may be left outside the brackets but the person's own data
// and CEAC's own text. Then the CLI in Chinese and Spanish, with CEAC's English text beside the translation.
import { describe, expect, it } from 'vitest';

import { explain } from '../src/decode/explain.js';
import { renderExplanation } from '../src/decode/render.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { en } from '../src/i18n/catalogs/en.js';
import { createTranslator } from '../src/i18n/translator.js';
import { STATUS_TEXTS } from '../src/knowledge/statuses.js';
import type { DecodeContext } from '../src/knowledge/types.js';
import { ceac, rememberEnv } from './support/cli.js';

const pseudo = createTranslator(
  'en',
  Object.fromEntries(Object.entries(en).map(([key, text]) => [key, `⟦${text}⟧`])) as Record<MessageKey, string>,
);

const CONTEXTS: DecodeContext[] = [
  {},
  { route: 'dropbox', since: '2025-01-02', today: '2025-03-20', passport: 'returned' },
  { route: 'dropbox', since: '2025-01-02', today: '2025-01-30' },
  { route: 'interview', officer: 'refused', slip: 'pink', previous: 'Approved' },
  { officer: '221g', slip: 'white', since: '2024-01-01', today: '2025-01-20' },
  { officer: 'approved', passport: 'kept', previous: 'Administrative Processing' },
  { officer: 'none', since: '2025-01-01', today: '2025-06-01', previous: 'nonsense status' },
  { since: 'not a date', previous: 'Issued' },
  { since: '2025-01-01', today: '2025-01-20', passport: 'returned' },
];

function inputs(): string[] {
  const out = STATUS_TEXTS.flatMap(({ status, text }) =>
    text === null
      ? [status]
      : [
          `${status}\nCase Number: 2023EU0012345\nCase Created: 01-Jan-2025\nCase Last Updated: 15-Feb-2025\n${text}`,
          text.slice(0, Math.floor(text.length * 0.6)),
        ],
  );
  out.push(
    'Refused',
    'Approved',
    'No Status',
    'Issued',
    'Pending', // not a CEAC word
    'hello world', // nothing at all
    'Refused\nsomething CEAC never wrote',
    'Your passport is ready for pick up at the VAC',
    '<html><body><span id="ctl00_ContentPlaceHolder1_lblError">Your search did not return any data.</span></body></html>',
  );
  return out;
}

/** The output with every bracketed message and every piece of the person's data or CEAC's text taken out. */
function leftover(output: string, data: string[]): string {
  // Messages nest (a message's argument may be another message): take the innermost out first.
  let rest = output;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  const words = data
    .flatMap((d) => d.split(/\s+/))
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const w of words) rest = rest.split(w).join(' ');
  return rest.replace(/[\s\-()"“”'’.,:;%0-9…/]+/g, '');
}

describe('pseudo-localisation of the explain answer', () => {
  it('leaves no word outside a catalogue message, for every status, text and context', () => {
    let checked = 0;
    for (const input of inputs()) {
      for (const context of CONTEXTS) {
        const result = explain(input, context, pseudo);
        const { observation: o } = result;
        const data = [o.status, o.caseNumber, o.caseCreated, o.caseLastUpdated, o.post, o.message, input].filter(
          (v): v is string => typeof v === 'string',
        );
        const text = renderExplanation(result, { t: pseudo, width: 120 });
        expect(leftover(text, data), `${input.slice(0, 40)} ${JSON.stringify(context)}\n${text}`).toBe('');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

const LONG_221G = STATUS_TEXTS.find((t) => t.variant === 'refused_221g')?.text ?? '';

describe('ceac explain --lang', () => {
  it('zh-CN: the long 221(g) text gets the Chinese answer, with CEAC’s English text beside it', async () => {
    const run = await ceac('explain', '--lang', 'zh-CN', `Refused ${LONG_221G}`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Refused（221\(g\) 行政审查）：不是最终拒签/);
    expect(run.out).toContain('这是什么意思');
    expect(run.out).toContain('CEAC 原文（英文');
    expect(run.out.replace(/\s+/g, ' ')).toContain(LONG_221G.replace(/\s+/g, ' '));
    expect(run.out).not.toContain('What it means');
  });

  it('es: the same answer in Spanish', async () => {
    const run = await ceac(
      'explain',
      '--lang',
      'es',
      '--since',
      '2025-01-01',
      '--today',
      '2025-01-02',
      `Refused ${LONG_221G}`,
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Refused \(procesamiento administrativo 221\(g\)\): no es una negativa definitiva/);
    expect(run.out.replace(/\s+/g, ' ')).toContain('Ha pasado 1 día;');
    expect(run.out).toContain('Texto de CEAC (en inglés');
  });

  it('takes the language from LC_ALL / LANG when there is no flag, and English for a language it does not speak', async () => {
    const restore = rememberEnv(['LC_ALL', 'LC_MESSAGES', 'LANG']);
    try {
      delete process.env.LC_ALL;
      delete process.env.LC_MESSAGES;
      process.env.LANG = 'es_MX.UTF-8';
      expect((await ceac('explain', 'Issued')).out).toMatch(/^Issued \(expedida\)/);
      process.env.LANG = 'fr_FR.UTF-8';
      expect((await ceac('explain', 'Issued')).out).toMatch(/^Issued: your visa has been approved and printed/);
    } finally {
      restore();
    }
  });

  it('keeps JSON in English with stable ids, whatever the language', async () => {
    const run = await ceac('explain', '--lang', 'zh-CN', '--json', 'Refused');
    const interpretation = run.json().interpretation as { state: string; headline: string };
    expect(interpretation.state).toBe('refused');
    expect(interpretation.headline).toMatch(/^Refused: cannot tell yet/);
  });

  it('refuses a language it does not speak with exit 2 and the accepted values', async () => {
    const run = await ceac('explain', '--lang', 'fr', 'Refused');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--lang fr is not a language ceac-watch speaks; use one of en, zh-CN, es');
  });
});
