/**
 * Turns message descriptors into words. ICU MessageFormat through FormatJS's `intl-messageformat` (chosen over
 * i18next, which needs a plugin for ICU plural/select and brings its own resource model, and typesafe-i18n, which
 * has its own syntax and a code generator): it is the reference ICU implementation for JavaScript, uses the
 * platform's Intl for plural rules and numbers, and is small. Only the catalogue of the language in use is loaded.
 */
import { IntlMessageFormat } from 'intl-messageformat';

import type { Catalog, MessageKey, MessageValue, Msg } from './catalog.js';
import { en } from './catalogs/en.js';
import type { Language } from './languages.js';

export interface Translator {
  readonly language: Language;
  /** The words of a message in this language. */
  (message: Msg): string;
  /** Shorthand for a key with values. */
  text(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string;
}

export function createTranslator(language: Language, catalog: Catalog): Translator {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const translate = (message: Msg): string => {
    const source = catalog[message.key];
    // Most messages have no arguments: no need to parse them.
    if (!message.values && !source.includes('{')) return source.replace(/''/g, "'");
    let format = compiled.get(message.key);
    if (!format) {
      format = new IntlMessageFormat(source, language);
      compiled.set(message.key, format);
    }
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(message.values ?? {}))
      values[name] = typeof value === 'object' ? translate(value) : value;
    return String(format.format(values));
  };
  return Object.assign(translate, {
    language,
    text: (key: MessageKey, values?: Readonly<Record<string, MessageValue>>) => translate({ key, values }),
  });
}

/** English: always loaded, since JSON output and the API speak it. */
export const english: Translator = createTranslator('en', en);

/** Loads the catalogue of one language (and only that one). */
export async function loadCatalog(language: Language): Promise<Catalog> {
  switch (language) {
    case 'en':
      return en;
    case 'zh-CN':
      return (await import('./catalogs/zh-CN.js')).zhCN;
    case 'es':
      return (await import('./catalogs/es.js')).es;
  }
}

// One translator per language for the process: it keeps the ICU messages it has compiled, so a server does not
// parse them again on every request of a zh-CN or es reader.
const loaded = new Map<Language, Promise<Translator>>();

export function loadTranslator(language: Language): Promise<Translator> {
  if (language === 'en') return Promise.resolve(english);
  let translator = loaded.get(language);
  if (!translator) {
    translator = loadCatalog(language).then((catalog) => createTranslator(language, catalog));
    // A failed load (a missing file) is not kept: the next call tries again.
    translator.catch(() => loaded.delete(language));
    loaded.set(language, translator);
  }
  return translator;
}
