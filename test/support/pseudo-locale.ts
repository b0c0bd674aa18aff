/**
 * A pseudo-localised catalogue: every message of the English catalogue with the letters of its own words swapped
 * for accented look-alikes ("Waiting times" → "Ŵáíţíñĝ ţíɱéš") and wrapped in ⟦…⟧, its ICU arguments, plurals and
 * selects kept as they are. A page rendered with it still reads, but any word on it made of plain ASCII letters did
 * not come from the catalogue: either data (a visa class, a date, CEAC's own English text) or a word someone forgot
 * to translate.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

import type { Catalog, MessageKey } from '../../src/i18n/catalog.js';
import { en } from '../../src/i18n/catalogs/en.js';
import type { Language } from '../../src/i18n/languages.js';
import { createTranslator, type Translator } from '../../src/i18n/translator.js';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** One look-alike for each letter of PLAIN, in the same order (each a single code point). */
const ACCENTED = 'áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'.match(/./gu) ?? [];

/** The words of a text with every ASCII letter swapped. */
export const pseudoText = (s: string): string => s.replace(/[A-Za-z]/g, (c) => ACCENTED[PLAIN.indexOf(c)] ?? c);

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((e) => {
    if (e.type === TYPE.literal) return { ...e, value: pseudoText(e.value) };
    if (e.type === TYPE.plural || e.type === TYPE.select)
      return {
        ...e,
        options: Object.fromEntries(
          Object.entries(e.options).map(([k, option]) => [k, { ...option, value: transform(option.value) }]),
        ),
      };
    if (e.type === TYPE.tag) return { ...e, children: transform(e.children) };
    return e;
  });
}

/** One message, pseudo-localised: its own words swapped, its arguments kept, the whole in ⟦…⟧. */
export function pseudoMessage(message: string): string {
  // The parser and the printer declare the same element types (and TYPE enum) in two .d.ts files: one is the other.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  return `⟦${printAST(transform(parse(message)))}⟧`;
}

export const PSEUDO_CATALOG: Catalog = Object.fromEntries(
  Object.entries(en).map(([key, message]) => [key, pseudoMessage(message)]),
) as Record<MessageKey, string>;

/** For WebAppOptions.loadTranslator: every language gets the pseudo words (Intl still follows the language). */
export const loadPseudoTranslator = (language: Language): Promise<Translator> =>
  Promise.resolve(createTranslator(language, PSEUDO_CATALOG));
