/**
 * Reads CEAC's answer from the page's DOM by the labels' ids (the same reading the server's parser
 * does on HTML, src/decode/labels.ts), then decodes it with the shared decoder. Never writes to the form.
 */
import { interpret } from '../../src/decode/interpret.js';
import { type PageParse, readParse } from '../../src/decode/labels.js';
import type { Translator } from '../../src/i18n/translator.js';
import type { ApplicationType, Interpretation, Observation } from '../../src/knowledge/types.js';

const FORM_SELECTOR =
  '[name="ctl00$ContentPlaceHolder1$Visa_Case_Number"], #ctl00_ContentPlaceHolder1_btnSubmit, img.LBD_CaptchaImage';

export function readPage(doc: Document): PageParse {
  const parsed = readParse(
    (id) => doc.getElementById(id)?.textContent ?? null,
    () => doc.querySelector(FORM_SELECTOR) !== null,
  );
  // A DOM reader is never unsure; null only if that contract changes.
  return parsed ?? { kind: 'unrecognised' };
}

export interface Answer {
  observation: Observation;
  interpretation: Interpretation;
}

/** The answer in `t`'s language; CEAC's own words stay as the page shows them. */
export function decodeAnswer(parsed: Extract<PageParse, { kind: 'status' }>, today: string, t: Translator): Answer {
  const name = parsed.applicationName ?? '';
  const applicationType: ApplicationType | undefined = /nonimmigrant/i.test(name)
    ? 'NIV'
    : /immigrant/i.test(name)
      ? 'IV'
      : undefined;
  const interpretation = interpret(parsed.observation, { today, ...(applicationType && { applicationType }) }, t);
  return { observation: parsed.observation, interpretation };
}
