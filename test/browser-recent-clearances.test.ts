import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { upsertTimelines } from '../src/timelines/repository.js';
import { axeProblems } from './axe-harness.js';
import { CHROMIUM, DESKTOP, launchBrowser, OUTPUT, PHONE, screenshots } from './browser-harness.js';
import { NOW, recentTimelines, WAVE_DAY } from './recent-clearances-fixtures.js';
import { webFixture } from './web-harness.js';

/**
 * The recent-clearances view and its calendar chart in Chromium on loopback, on a phone (and a desktop), with and
 * without JavaScript, in English and Chinese: nothing wider than the screen, the tables reachable by keyboard,
 * the wave day marked and listed, and no serious or critical axe-core violation.
 */

let browser: Browser;
let fx: Awaited<ReturnType<typeof webFixture>>;
let server: ReturnType<typeof serve>;
let url: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  fx = await webFixture({ now: () => NOW });
  await upsertTimelines(fx.store.db, recentTimelines());
  server = serve({ fetch: fx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await fx?.close();
});

async function open(o: { js?: boolean; size?: { width: number; height: number }; lang?: string } = {}) {
  const context = await browser.newContext({
    viewport: o.size ?? PHONE,
    javaScriptEnabled: o.js ?? true,
    // axe is injected as a script of its own; the app's CSP (rightly) forbids that.
    bypassCSP: true,
    ...(o.lang && { locale: o.lang, extraHTTPHeaders: { 'accept-language': o.lang } }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems, close: () => context.close() };
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe.skipIf(!CHROMIUM)('recent clearances in Chromium', { timeout: 90_000 }, () => {
  for (const js of [true, false]) {
    it(`fits a phone and reaches its tables by keyboard (JavaScript ${js ? 'on, and no serious axe problem' : 'off'})`, async () => {
      const { page, problems, close } = await open({ js });
      await page.goto(`${url}/stats?post=BEJ`);
      const section = page.getByRole('region', { name: 'Recent clearances' });
      expect(await section.innerText()).toMatch(/\d+ cases cleared this week; waits \d+–\d+ days, median \d+/);
      const table = page.getByRole('table', { name: /^F1 at Beijing, China \(BEJ\)/ });
      expect(await table.isVisible()).toBe(true);
      // The caption is shown, not only read out.
      expect(await table.locator('caption').isVisible()).toBe(true);
      // Each table's scroll box takes the keyboard focus, so a wide table can be scrolled without a mouse.
      const box = page.getByRole('region', { name: /^F1 at Beijing, China \(BEJ\)/ });
      await box.focus();
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      // The chart fits the screen; its wave day is marked and said in words.
      const chart = page.getByRole('img', { name: /Cases cleared each day/ });
      const chartBox = await chart.boundingBox();
      expect(chartBox!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await page.locator(`.wave-tick[data-date="${WAVE_DAY}"]`).count()).toBe(1);
      expect(await page.getByRole('list', { name: 'Wave days' }).getByRole('listitem').first().innerText()).toContain(
        WAVE_DAY,
      );
      expect(await fitsWidth(page)).toBe(true);
      // axe needs scripts to run; without them the page is the same HTML, already checked with them.
      if (js) expect(await axeProblems(page)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await screenshots(page, `recent-clearances-js-${js ? 'on' : 'off'}`);
      // The view alone, at a size a person can read: the list, then the chart with its wave days.
      for (const [name, region] of [
        ['list', section],
        ['chart', page.getByRole('region', { name: 'Clearances by day, with wave days' })],
      ] as const)
        await region.screenshot({ path: `${OUTPUT}/recent-clearances-${name}-js-${js ? 'on' : 'off'}-phone.png` });
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('shows the empty state and speaks Chinese, on a phone, with no serious axe problem', async () => {
    const { page, problems, close } = await open({ lang: 'zh-CN' });
    await page.goto(`${url}/stats?visa=B1/B2&post=MEX`);
    const section = page.getByRole('region', { name: '近期结束审查的案件' });
    expect(await section.innerText()).toContain('本周没有案件结束审查');
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await page.goto(`${url}/stats?visa=F1&post=BEJ`);
    expect(await page.getByRole('region', { name: '近期结束审查的案件' }).innerText()).toMatch(
      /本周有 \d+ 个案件结束审查/,
    );
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('region', { name: '近期结束审查的案件' }).scrollIntoViewIfNeeded();
    await screenshots(page, 'recent-clearances-zh');
    await page
      .getByRole('region', { name: '近期结束审查的案件' })
      .screenshot({ path: `${OUTPUT}/recent-clearances-list-zh-phone.png` });
    expect(problems).toEqual([]);
    await close();
  });

  it('reads on a desktop too', async () => {
    const { page, problems, close } = await open({ size: DESKTOP });
    await page.goto(`${url}/stats`);
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
