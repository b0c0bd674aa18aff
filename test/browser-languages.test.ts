import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { explain } from '../src/decode/explain.js';
import { type Language, loadTranslator, type Translator } from '../src/i18n/index.js';
import { STATUS_TEXTS } from '../src/knowledge/statuses.js';
import { upsertTimelines } from '../src/timelines/repository.js';
import { axeProblems } from './axe-harness.js';
import { CHROMIUM, launchBrowser, OUTPUT, PHONE } from './browser-harness.js';
import { webFixture } from './web-harness.js';
import { groupTimelines } from './web-stats-fixtures.js';

/**
 * The explain answer and the waiting times in Chinese and Spanish, in Chromium on a phone: the decoder's answer in
 * the page's language with CEAC's own English text verbatim beside it, the translated figures and charts, nothing
 * wider than the screen, and no serious or critical axe-core violation. Screenshots land in test-output/.
 */
const LONG_221G = STATUS_TEXTS.find((s) => s.variant === 'refused_221g')!.text!;
const PASTE = `Refused\nCase Created: 14-Oct-2025\nCase Last Updated: 21-Oct-2025\n${LONG_221G}`;
const NOW = Date.UTC(2026, 0, 20, 6, 0);

let browser: Browser;
let fx: Awaited<ReturnType<typeof webFixture>>;
let server: ReturnType<typeof serve>;
let url: string;

beforeAll(async () => {
  fx = await webFixture({ now: () => NOW });
  await upsertTimelines(
    fx.store.db,
    groupTimelines({ visaClass: 'F1', post: 'BEJ', entry: 'new', route: 'interview', n: 80 }, 1),
  );
  server = serve({ fetch: fx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (CHROMIUM) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await fx?.close();
});

/** A phone whose browser asks for `locale` first (Accept-Language). */
async function phone(locale: string): Promise<{ page: Page; problems: string[] }> {
  // axe is injected as a script of its own; the app's CSP (rightly) forbids that.
  const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Nothing wider than the screen: the page never scrolls sideways (tables scroll inside their own box). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    // What sticks out, to say which element is at fault when the page is too wide.
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 8);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });

const LANGUAGES: { language: Language; locale: string }[] = [
  { language: 'zh-CN', locale: 'zh-CN' },
  { language: 'es', locale: 'es-MX' },
];

describe.skipIf(!CHROMIUM)('the pages in Chinese and Spanish on a phone', { timeout: 90_000 }, () => {
  for (const { language, locale } of LANGUAGES) {
    it(`${language}: explains the long 221(g) text, CEAC’s English beside the answer`, async () => {
      const t: Translator = await loadTranslator(language);
      const { page, problems } = await phone(locale);
      await page.goto(`${url}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await page.getByLabel(new RegExp(`^${t.text('web.explain.form.text')}`)).fill(PASTE);
      await page.getByText(t.text('web.explain.context.summary')).click();
      await page.getByLabel(new RegExp(`^${t.text('web.explain.form.visa')}`)).fill('F1');
      await page.getByLabel(new RegExp(`^${t.text('web.explain.form.post')}`)).fill('BEJ');
      await page.getByRole('button', { name: t.text('web.explain.form.submit') }).click();
      await page.waitForSelector('#answer');

      // The decoder's answer, in this language: the same words `ceac explain --lang` gives.
      const expected = explain(PASTE, {}, t).interpretation;
      const answer = page.locator('#answer');
      await expect.poll(() => answer.locator('#answer-h').innerText()).toBe(expected.headline);
      const text = await answer.innerText();
      expect(text).toContain(expected.meaning);
      expect(text).toContain(t.text('web.explain.answer.nextSteps'));
      expect(text).not.toContain('What to do now');
      // CEAC's own text, verbatim in English, marked as English, with the note that it is the one that counts.
      const quoted = answer.locator('blockquote.ceac-text[lang="en"]');
      expect(await quoted.isVisible()).toBe(true);
      expect((await quoted.innerText()).replace(/\s+/g, ' ')).toBe(LONG_221G.replace(/\s+/g, ' '));
      expect(await answer.getByText(t.text('web.explain.answer.ceacEnglish')).isVisible()).toBe(true);
      expect(await answer.locator('.badge[lang="en"]').innerText()).toBe('Refused');
      // How long similar cases waited, in this language.
      expect(await page.locator('#how-long').innerText()).toContain(t.text('web.howLong.seeWaitingTimes'));

      const { scrollWidth, clientWidth, wide } = await overflow(page);
      expect(scrollWidth, wide.join(' ')).toBeLessThanOrEqual(clientWidth);
      await page.screenshot({ path: `${OUTPUT}/lang-${language}-explain-phone.png`, fullPage: true });
      expect(await axeProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`${language}: the waiting times, words and charts in this language`, async () => {
      const t: Translator = await loadTranslator(language);
      const { page, problems } = await phone(locale);
      await page.goto(`${url}/stats?visa=F1&post=BEJ&entry=new`);
      const main = await page.locator('main').innerText();
      expect(await page.locator('h1').innerText()).toBe(t.text('web.layout.waiting'));
      expect(main).toContain(t.text('web.stats.reading.title'));
      expect(main).toContain(t.text('web.stats.curve.title'));
      expect(main).not.toContain('What the figures say');
      // The charts' own words (axis, legend) are translated too: the two curves, and the clearances by day.
      const curves = page.locator('svg[aria-labelledby^="survival"], svg[aria-labelledby^="incidence"]');
      expect(await curves.count()).toBe(2);
      expect(await page.getByRole('img').count()).toBe(3);
      expect(await page.locator('svg text').evaluateAll((els) => els.map((e) => e.textContent))).toContain(
        t.text('web.chart.daysAxis'),
      );
      const { scrollWidth, clientWidth, wide } = await overflow(page);
      expect(scrollWidth, wide.join(' ')).toBeLessThanOrEqual(clientWidth);
      await page.screenshot({ path: `${OUTPUT}/lang-${language}-stats-phone.png`, fullPage: true });
      expect(await axeProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('switches language with the switcher’s link, without JavaScript, and stays in it', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/stats`);
    await page.getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(`${url}/stats`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.goto(`${url}/`);
    expect(await page.locator('h1').innerText()).toBe((await loadTranslator('es')).text('web.explain.title'));
    await context.close();
  });
});
