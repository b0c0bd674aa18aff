import { describe, expect, it } from 'vitest';

import { english, loadTranslator } from '../i18n/translator.js';
import { nextCheck } from './schedule.js';
import { SCHEDULE_REASONS, scheduleReasonMessage, stretched } from './schedule-reason.js';

describe('the schedule reason, stored as a code and worded by the reader', () => {
  it('words every code in English as the sentences stored before, and in Chinese', async () => {
    const zh = await loadTranslator('zh-CN');
    for (const code of SCHEDULE_REASONS) {
      const m = scheduleReasonMessage(code);
      expect(typeof m).not.toBe('string');
      if (typeof m === 'string') continue;
      expect(english(m)).toMatch(/[a-z]/);
      expect(zh(m)).not.toBe(english(m));
    }
    const m = scheduleReasonMessage('business_hours');
    if (typeof m === 'string') throw new Error('not a message');
    expect(english(m)).toBe('business hours at the post');
    expect(zh(m)).toBe('使领馆的工作时间');
  });

  it('words a budget-stretched reason with both parts', async () => {
    const zh = await loadTranslator('zh-CN');
    const m = scheduleReasonMessage(stretched('evening'));
    if (typeof m === 'string') throw new Error('not a message');
    expect(english(m)).toBe('evening at the post (stretched to fit the site budget)');
    expect(zh(m)).toBe('使领馆当地的晚上（为不超出网站的查询额度而延后）');
  });

  it('reads the English sentences of older rows, and shows text it does not know as is', async () => {
    const zh = await loadTranslator('zh-CN');
    const legacy = scheduleReasonMessage('night or weekend at the post: heartbeat (stretched to fit the site budget)');
    if (typeof legacy === 'string') throw new Error('not a message');
    expect(zh(legacy)).toBe('使领馆当地的夜间或周末：偶尔查询一次（为不超出网站的查询额度而延后）');
    expect(scheduleReasonMessage('something a later version wrote')).toBe('something a later version wrote');
  });

  it('is what the policy returns', () => {
    const d = nextCheck({
      now: Date.UTC(2026, 10, 25, 12),
      state: null,
      stateSince: null,
      timeZone: 'UTC',
      failures: 0,
      budget: { requestIntervalMs: 1000, requestsPerCheck: 3, watchedCases: 1 },
      random: () => 0.5,
    });
    expect(scheduleReasonMessage(d.reason)).toEqual({ key: 'track.schedule.never_checked' });
  });
});
