import { describe, expect, it } from 'vitest';

import { english, loadTranslator } from '../i18n/translator.js';
import { STATUS_TEXTS } from '../knowledge/statuses.js';
import type { DecodeContext, Observation } from '../knowledge/types.js';
import { headlineWords } from './headline-words.js';
import { interpret } from './interpret.js';

describe('a stored English headline, in the reader language', () => {
  it('is, for every known status text and context, the headline the decoder writes in that language', async () => {
    const zh = await loadTranslator('zh-CN');
    const contexts: DecodeContext[] = [
      {},
      { route: 'dropbox' },
      { officer: '221g' },
      { officer: 'refused' },
      { slip: 'white' },
      { previous: 'Approved' },
    ];
    let checked = 0;
    for (const t of STATUS_TEXTS)
      for (const context of contexts) {
        const observation: Observation = {
          status: t.status,
          caseNumber: null,
          caseCreated: null,
          caseLastUpdated: null,
          post: null,
          message: t.text ?? null,
        };
        const stored = interpret(observation, context, english).headline;
        const words = headlineWords(stored);
        expect(words, stored).toBeDefined();
        expect(zh(words!)).toBe(interpret(observation, context, zh).headline);
        checked++;
      }
    expect(checked).toBeGreaterThan(20);
  });

  it('is nothing for words the decoder does not write', () => {
    expect(headlineWords('An older decoder said this')).toBeUndefined();
  });
});
