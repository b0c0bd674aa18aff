import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

import type { Catalog, MessageKey } from './catalog.js';
import { en } from './catalogs/en.js';
import { cases } from './catalogs/en/cases.js';
import { channels } from './catalogs/en/channels.js';
import { cli } from './catalogs/en/cli.js';
import { decode } from './catalogs/en/decode.js';
import { notify } from './catalogs/en/notify.js';
import { waves } from './catalogs/en/waves.js';
import { web } from './catalogs/en/web.js';
import { LANGUAGES } from './languages.js';
import { createTranslator, loadCatalog } from './translator.js';

type Element = ReturnType<typeof parse>[number];

/** The argument names a message uses, and for each plural/select the argument's kind. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]): void => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
        names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        names.add(`${e.value}:${e.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].map((n) => n.split(':')[0]!).sort();
}

const KEYS = Object.keys(en) as MessageKey[];
const AREAS = { decode, web, channels, cli, notify, waves, cases };

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  it('has exactly the English keys, none empty', async () => {
    const catalog: Catalog = await loadCatalog(language);
    expect(Object.keys(catalog).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) expect(catalog[key].trim(), key).not.toBe('');
  });

  it('uses the same arguments as English in every message, and every message parses as ICU', async () => {
    const catalog = await loadCatalog(language);
    for (const key of KEYS) expect(argumentsOf(catalog[key]), key).toEqual(argumentsOf(en[key]));
  });

  it('translates: no message is left in English where English has words to translate', async () => {
    const catalog = await loadCatalog(language);
    // Placeholders ("{basis}.", "{field}: {problem}") are not words to translate.
    const same = KEYS.filter(
      (key) => catalog[key] === en[key] && /[a-z]{4,}/.test(en[key].replace(/\{[a-zA-Z]+\}/g, '')),
    );
    expect(same).toEqual([]);
  });

  it('keeps the terms of art exactly: 221(g) and 214(b) wherever English has them', async () => {
    const catalog = await loadCatalog(language);
    for (const key of KEYS) {
      for (const term of ['221(g)', '214(b)', 'DS-160', 'DS-260'])
        if (en[key].includes(term)) expect(catalog[key], `${key} has ${term}`).toContain(term);
    }
  });

  it('formats plural and number arguments in its own language', async () => {
    const t = createTranslator(language, await loadCatalog(language));
    const one = t.text('ctx.since.within60', { days: 1 });
    const many = t.text('ctx.since.within60', { days: 12 });
    expect(one).toContain('1');
    expect(many).toContain('12');
    expect(t.text('read.inputTooLong', { limit: 1_000_000 })).toMatch(/1[ ,.\u00a0\u202f]?000[ ,.\u00a0\u202f]?000/);
  });
});

describe('the English catalogue', () => {
  it('parses as ICU, and says "1 day" but "2 days"', () => {
    for (const key of KEYS) expect(() => parse(en[key]), key).not.toThrow();
    const t = createTranslator('en', en);
    expect(t.text('ctx.since.within60', { days: 1 })).toMatch(/^It has been 1 day;/);
    expect(t.text('ctx.since.within60', { days: 2 })).toMatch(/^It has been 2 days;/);
  });

  it('keeps apostrophes as written in messages with and without arguments', () => {
    const t = createTranslator('en', en);
    expect(t.text('source.change2020')).toContain("applicants' actual cases");
    expect(t.text('page.error.meaning', { message: 'x' })).toContain("CEAC's message");
  });

  it('translates nested messages in the same language', () => {
    const t = createTranslator('en', en);
    expect(
      t.text('ctx.slip.note', {
        colour: 'pink',
        meaning: { key: 'hint.slip.pink' },
        caveat: { key: 'hint.slip.caveat' },
      }),
    ).toMatch(/^Slip colour pink: commonly reported for further checks .*\. There is no official colour code/);
  });
});

describe('the English areas', () => {
  it('share no key (a key in two areas would silently take the later one)', () => {
    const seen = new Map<string, string>();
    for (const [area, words] of Object.entries(AREAS)) {
      for (const key of Object.keys(words)) {
        expect(seen.get(key), `${key} is in ${area} and ${seen.get(key) ?? ''}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(seen.size).toBe(KEYS.length);
  });
});
