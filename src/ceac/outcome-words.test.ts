import { describe, expect, it } from 'vitest';

import { english, loadTranslator } from '../i18n/translator.js';
import { defaultMessage, defaultWords } from './outcome.js';
import { startCheck } from './tally.js';

describe('why a check ended, in words for the reader', () => {
  it('keeps the English message and words the same reason in Chinese', async () => {
    const zh = await loadTranslator('zh-CN');
    const v = { kind: 'case_not_found' } as const;
    expect(defaultMessage(v, 30_000)).toBe(
      'CEAC found no case with these details: check the ID, the location, the passport number and the surname',
    );
    expect(zh(defaultWords(v, 30_000))).toBe('CEAC 找不到与这些信息相符的案件：请核对申请号、地点、护照号和姓氏');
    expect(zh(defaultWords({ kind: 'timeout' }, 12_340))).toBe('CEAC 在 12.3 秒内没有响应');
  });

  it('lists every problem of a refused query, in English and in Chinese', async () => {
    const zh = await loadTranslator('zh-CN');
    const r = startCheck({ app: 'IV', id: 'AA0012AB34', location: 'BMB' }, 30_000);
    if (!r.refused) throw new Error('the query should be refused');
    expect(r.refused.message).toBe(
      'id: this looks like an NIV application ID (starts with AA): use the application type NIV; ' +
        'location: IV cases are checked without a location: leave it out',
    );
    expect(english(r.refused.words!)).toBe(r.refused.message);
    expect(zh(r.refused.words!)).toBe(
      'id：这看起来是 NIV 申请号（以 AA 开头）：请把申请类型设为 NIV；location：IV 案件查询不需要地点：请去掉它',
    );
  });
});
