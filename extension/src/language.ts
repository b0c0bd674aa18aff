/**
 * The panel's language: the browser's (navigator.language → en, zh-CN or es, else English). English is bundled;
 * another language's words (the decoder's answer and the panel's own) come from one file per language shipped
 * beside the scripts (i18n/<lang>.json, written by extension/build.mjs), fetched only when that language is in use.
 */
import { IntlMessageFormat } from 'intl-messageformat';

import type { Catalog } from '../../src/i18n/catalog.js';
import { en } from '../../src/i18n/catalogs/en.js';
import { type Language, matchLanguage } from '../../src/i18n/languages.js';
import { createTranslator, english, type Translator } from '../../src/i18n/translator.js';
import { type WordKey, type Words, words as englishWords } from './words/en.js';

/** What i18n/<lang>.json holds: the decoder's words (src/i18n decode area) and the panel's. */
export interface LanguagePack {
  decode: Partial<Catalog>;
  words: Words;
}

export interface PanelWords {
  language: Language;
  /** The decoder's translator. */
  t: Translator;
  /** One of the panel's own messages. */
  say: (key: WordKey, values?: Record<string, string | number>) => string;
}

export function browserLanguage(tag: string | undefined): Language {
  return matchLanguage(tag) ?? 'en';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A pack as read from i18n/<lang>.json (or whatever came back in its place). */
export function isLanguagePack(v: unknown): v is LanguagePack {
  return isRecord(v) && isRecord(v.decode) && isRecord(v.words);
}

export function panelWords(language: Language, pack: unknown): PanelWords {
  // Without its pack (it could not be read), a language falls back to English as a whole, never half.
  if (language === 'en' || !isLanguagePack(pack)) return wordsOf('en', english, englishWords);
  // A key the pack lacks (one outside the decoder's area) reads in English rather than failing.
  const catalog: Catalog = { ...en, ...pack.decode };
  return wordsOf(language, createTranslator(language, catalog), { ...englishWords, ...pack.words });
}

function wordsOf(language: Language, t: Translator, words: Words): PanelWords {
  const compiled = new Map<WordKey, IntlMessageFormat>();
  return {
    language,
    t,
    say: (key, values) => {
      let format = compiled.get(key);
      if (!format) {
        format = new IntlMessageFormat(words[key], language);
        compiled.set(key, format);
      }
      return String(format.format(values));
    },
  };
}
