/**
 * A recorded headline in the reader's language. Events store their interpretation in English (the record and the
 * API speak it); every headline the decoder writes is one catalogue message without values, so a stored headline
 * that is word for word one of them is that message, and any language can say it. A headline that is none of them
 * (an older decoder's words) has no faithful translation: the caller shows it as stored, in English.
 */
import type { Msg } from '../i18n/catalog.js';
import { en } from '../i18n/catalogs/en.js';
import { english } from '../i18n/translator.js';

const HEADLINE_KEY = /^(?:guidance\.[a-z0-9_]+|ctx\.[A-Za-z0-9_]+|read\.passportOnly|page\.[A-Za-z0-9_]+)\.headline$/;

let byEnglish: Map<string, Msg> | undefined;

function headlines(): Map<string, Msg> {
  if (!byEnglish) {
    byEnglish = new Map();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (!HEADLINE_KEY.test(key)) continue;
      const m: Msg = { key };
      byEnglish.set(english(m), m);
    }
  }
  return byEnglish;
}

/** The message a stored English headline says, or undefined when it is not one the decoder writes now. */
export function headlineWords(stored: string): Msg | undefined {
  return headlines().get(stored);
}
