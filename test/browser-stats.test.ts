import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { upsertTimelines } from '../src/timelines/repository.js';
import { CHROMIUM, launchBrowser, OUTPUT, PHONE, screenshots } from './browser-harness.js';
import { webFixture } from './web-harness.js';
import { groupTimelines } from './web-stats-fixtures.js';

/**
 * The waiting-time pages in Chromium on loopback: the filter form, the charts and tables on a phone
 * and a desktop (light and dark), pasting a timeline and confirming it, and "people like you" on a
 * waiting case. No CSP violation or script error may occur. Screenshots land in test-output/.
 */

const NOW = Date.UTC(2026, 0, 20, 6, 0);
const F1_NEW = groupTimelines({ visaClass: 'F1', post: 'BEJ', entry: 'new', route: 'interview', n: 80 }, 1);
const F1_RENEWAL = groupTimelines(
  { visaClass: 'F1', post: 'BEJ', entry: 'renewal', route: 'dropbox', n: 25, maxWait: 40 },
  2,
);

let browser: Browser;
let fx: Awaited<ReturnType<typeof webFixture>>;
let server: ReturnType<typeof serve>;
let url: string;

beforeAll(async () => {
  fx = await webFixture({ now: () => NOW });
  await upsertTimelines(fx.store.db, [...F1_NEW, ...F1_RENEWAL]);
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

async function newPage(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Nothing wider than the screen: the page never scrolls sideways (tables scroll inside their box). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe.skipIf(!CHROMIUM)('waiting-time pages in Chromium', { timeout: 90_000 }, () => {
  it('filters with the form and shows both charts and the tables, on a phone and a desktop', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${url}/stats`);
    await page.getByRole('link', { name: 'Waiting times' }).click();
    await page.getByLabel(/^Visa class/).fill('F1');
    await page.getByLabel(/^Embassy or consulate/).fill('Beijing');
    // The rarer filters are folded on first sight.
    await page.getByText('More filters').click();
    await page.getByLabel('New visa or renewal').selectOption('renewal');
    await page.getByRole('button', { name: 'Show waiting times' }).click();
    await page.waitForURL(/entry=renewal/);
    expect(await page.locator('main').innerText()).toContain(`${F1_RENEWAL.length} cases match`);
    // Both charts are drawn with a name a screen reader reads, and sized to the screen (the third is the calendar
    // chart of recent clearances, tested in browser-recent-clearances.test.ts).
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(3);
    const box = await charts.first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await fitsWidth(page)).toBe(true);
    await screenshots(page, 'stats-renewal');
    expect(problems).toEqual([]);
  });

  it('reads in dark mode too, and says plainly when a group is too small', async () => {
    const { page, problems } = await newPage('dark');
    await page.goto(`${url}/stats?visa=F1&post=BEJ&entry=new`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 24)');
    expect(await page.getByRole('table', { name: 'Cases by the month their wait started' }).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await screenshots(page, 'stats-dark');
    await page.goto(`${url}/stats?visa=F1&post=BEJ&from=2031-01`);
    expect(await page.getByRole('status').innerText()).toContain('Fewer than 5 cases match');
    // No curve; the calendar chart of recent clearances follows the post and class only, and may stay.
    expect(await page.locator('svg[aria-labelledby^="survival"], svg[aria-labelledby^="incidence"]').count()).toBe(0);
    await page.goto(`${url}/stats?from=2025-13`);
    await page.getByLabel(/^Wait started from/).waitFor();
    expect(await page.getByLabel(/^Wait started from/).getAttribute('aria-invalid')).toBe('true');
    await screenshots(page, 'stats-bad-filter');
    // The browser logs the 400 of the bad filter itself; nothing else may appear.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });

  it('pastes a timeline, shows what it read with confidences, and saves it once confirmed', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${url}/signup`);
    await page.getByLabel('E-mail address').fill('timeline@example.com');
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/cases/);
    await page.goto(`${url}/timelines/new`);
    await page
      .getByLabel('Your timeline', { exact: true })
      .fill(
        'F1 renewal, Beijing.\nOct 14- submitted\nOct 17- Case created\nOct 21- Refused\nOct 27- passport back with 221g (white)\nNov 01- Issued',
      );
    await page.getByLabel(/^Written on/).fill('2025-11-05');
    await page.getByRole('button', { name: 'Read my timeline' }).click();
    await page.getByRole('heading', { name: 'Check what we read, then save' }).waitFor();
    expect(await page.locator('.tl-conf').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByLabel('Date 1', { exact: true }).inputValue()).toBe('2025-10-14');
    expect(await fitsWidth(page)).toBe(true);
    await screenshots(page, 'timelines-confirm');
    await page.getByRole('button', { name: 'Save timeline' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').first().innerText()).toContain('your timeline is saved');
    expect(problems).toEqual([]);
  });

  it('shows "people like you" on a case waiting in administrative processing', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${url}/signup`);
    await page.getByLabel('E-mail address').fill('waiting@example.com');
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: 'Add a case' }).click();
    await page.getByLabel(/Embassy or consulate/).fill('Beijing');
    await page.getByLabel(/Case number/).fill('AA00WAIT01');
    await page.getByLabel(/Passport number/).fill('E99887766');
    await page.getByLabel(/Surname/).fill('LI');
    await page.getByLabel(/Visa class/).fill('F1');
    await page.getByLabel('New visa or renewal?').selectOption('new');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.waitForURL(/\/cases\/\d+/);
    const id = Number(/\/cases\/(\d+)/.exec(page.url())![1]);
    // What a check would have recorded: Administrative Processing, first seen 24 days ago.
    const since = NOW - 24 * 86_400_000;
    const obs = await fx.store.db
      .insertInto('observations')
      .values({
        case_id: id,
        status: 'Administrative Processing',
        state: 'administrative_processing',
        variant: 'administrative_processing',
        case_created: null,
        case_last_updated: null,
        post: null,
        message: null,
        content_hash: 'h',
        first_seen_at: since,
        last_seen_at: NOW,
        seen_count: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fx.store.db
      .updateTable('cases')
      .set({
        state: 'administrative_processing',
        state_since: since,
        last_observation_id: obs.id,
        last_success_at: NOW,
        updated_at: NOW + 1,
      })
      .where('id', '=', id)
      .execute();
    await page.goto(`${url}/cases/${id}`);
    const section = page.getByRole('region', { name: 'People like you' });
    expect(await section.innerText()).toContain('Your case has waited 24 days');
    expect(await section.getByRole('img').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await screenshots(page, 'case-people-like-you');
    await page.screenshot({
      path: `${OUTPUT}/case-people-like-you-section-phone.png`,
      clip: (await section.boundingBox())!,
    });
    expect(problems).toEqual([]);
  });
});
