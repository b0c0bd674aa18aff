import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { axeProblems } from './axe-harness.js';
import { CHROMIUM, launchBrowser, OUTPUT, PHONE, startStack } from './browser-harness.js';

/**
 * The case page in Chinese on a phone (issue 16), in real Chromium: every word of ours in Chinese, CEAC's status in
 * English beside it, nothing wider than the screen, and no serious accessibility problem. A screenshot is saved
 * under test-output/ for a person to look at.
 */

let browser: Browser | undefined;
beforeAll(async () => {
  if (CHROMIUM) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Elements whose right edge passes the screen's (what makes a phone page scroll sideways). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5)
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(box.right)}px`);
    }
    return out;
  });
}

describe.skipIf(!CHROMIUM)('the case page in Chinese on a phone (Chromium)', { timeout: 120_000 }, () => {
  it('adds a case through the Chinese form and reads its status in Chinese, within the screen, axe-clean', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    const ctx = await browser!.newContext({ viewport: PHONE, bypassCSP: true, locale: 'zh-CN' });
    try {
      const page = await ctx.newPage();
      // The browser asks for Chinese: the pages answer in it without a choice being made.
      await page.goto(`${stack.url}/signup`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await page.fill('input[name=email]', 'zh-phone@example.com');
      await page.fill('input[name=password]', 'a long enough password');
      await page.locator('form[action="/signup"] button[type=submit]').click();
      await page.waitForURL(/\/cases/);

      await page.goto(`${stack.url}/cases/new`);
      expect(await overflowing(page)).toEqual([]);
      await page.getByLabel(/^使领馆/).fill('Mumbai');
      await page.getByLabel(/^案件编号/).fill('AA00DBX221');
      await page.getByLabel(/^护照号码/).fill('Z4810023');
      await page.getByLabel(/^姓氏/).fill('RAGHAVAN');
      await page.getByLabel('面谈', { exact: true }).check();
      await page.getByLabel(/^面谈或递交日期/).fill('2026-03-02');
      await page.getByLabel(/^签证官怎么说/).selectOption('221g');
      await page.getByLabel(/^221\(g\) 单上的日期/).fill('2026-03-04');
      await page.getByRole('button', { name: '添加案件' }).click();
      await page.waitForURL(/\/cases\/\d+/);
      const id = Number(/\/cases\/(\d+)/.exec(page.url())![1]);
      await stack.checker.check(id);
      await page.goto(`${stack.url}/cases/${id}`);
      await page.locator('#answer-h').waitFor();

      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.locator('#answer-h').innerText()).toContain('行政审查');
      // CEAC's word, as CEAC shows it, marked as English.
      expect(await page.locator('#history-h + ol strong span[lang="en"]').first().innerText()).toBe('Refused');
      expect(await page.locator('#checks-h').innerText()).toBe('查询');
      expect(await page.locator('#ahead-h').innerText()).toBe('接下来的日期');
      expect(await page.locator('.deadlines').innerText()).toContain('221(g) 单上的日期');

      await page.screenshot({ path: `${OUTPUT}/case-page-zh-CN-phone.png`, fullPage: true });
      expect(await overflowing(page)).toEqual([]);
      expect(await axeProblems(page)).toEqual([]);
    } finally {
      await ctx.close();
      await stack.close();
    }
  });
});
