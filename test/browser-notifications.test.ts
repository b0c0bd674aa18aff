import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { axeProblems } from './axe-harness.js';
import { CHROMIUM, launchBrowser, PHONE, screenshots, type Stack, startStack } from './browser-harness.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './notify-receivers.js';

/**
 * Setting up notifications in Chromium (issue 13): by keyboard alone, with and without script; the focus on the
 * first mistake; the time zone of the browser preselected by the script; Remove asks first; and no serious or
 * critical axe-core violation on the forms, their errors or the confirmation page, light and dark, phone and desktop.
 */
const DESKTOP = { width: 1366, height: 900 };
let browser: Browser;
beforeAll(async () => {
  if (CHROMIUM) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(o: { js?: boolean; dark?: boolean; size?: { width: number; height: number }; zone?: string }) {
  const ctx = await browser.newContext({
    viewport: o.size ?? PHONE,
    javaScriptEnabled: o.js ?? true,
    colorScheme: o.dark ? 'dark' : 'light',
    timezoneId: o.zone ?? 'UTC',
    bypassCSP: true,
  });
  return { ctx, page: await ctx.newPage() };
}

async function signUp(page: Page, stack: Stack, email: string) {
  await page.goto(`${stack.url}/signup`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/cases/);
}

/** Presses Tab until the focus is on `selector` (at most `max` times); fails if it never gets there. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe.skipIf(!CHROMIUM)('notification setup in Chromium', { timeout: 240_000 }, () => {
  let stack: Stack;
  let hook: HttpReceiver;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    stack = await startStack({ automaticCaptcha: true });
    hook = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    // A mail server configured: the page offers "E-mail me at …".
    stack.fixture.services.notify.dispatcherOptions.smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
  });
  afterAll(async () => {
    await stack?.close();
    await hook?.close();
    await smtp?.stop();
  });

  it('keyboard only, with and without script: a mistake takes the focus, then a webhook is added, tested and removed', async () => {
    for (const js of [true, false]) {
      const { ctx, page } = await newPage({ js });
      await signUp(page, stack, `keys-${js}@example.com`);
      await page.goto(`${stack.url}/notifications`);
      // Nothing filled in: the message saying where to send has the focus.
      await tabTo(page, 'form[action="/notifications"] button[type=submit]', 200);
      await page.keyboard.press('Enter');
      await page.waitForLoadState('load');
      await expect.poll(() => focusedId(page)).toBe('where-error');
      expect(await page.locator('#where-error').innerText()).toContain('Say where to send');
      // A webhook URL typed and sent with Enter.
      await tabTo(page, '#webhookUrl');
      await page.keyboard.type(`${hook.url}/kb-${js}`);
      await page.keyboard.press('Enter');
      await page.getByText(/Added: “webhook”/).waitFor();
      expect(await page.locator('.token').innerText()).toMatch(/^[\w-]{20,}$/);
      // Send test, by keyboard: the receiver gets it.
      const before = hook.hits.length;
      await tabTo(page, 'button[aria-label="Send test to webhook"]');
      await page.keyboard.press('Enter');
      await page.getByText('Test message sent.').waitFor();
      expect(hook.hits.length).toBe(before + 1);
      expect(hook.hits.at(-1)!.path).toBe(`/kb-${js}`);
      // Remove asks first; the answer removes.
      await tabTo(page, 'a[aria-label="Remove webhook"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/notifications\/\d+\/delete$/);
      expect(await page.locator('h1').innerText()).toBe('Remove webhook?');
      await tabTo(page, 'button.danger');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/notifications\?removed=1$/);
      expect(await page.getByText('Channel removed.').count()).toBe(1);
      expect(await page.getByText('No channels yet').count()).toBe(1);
      await ctx.close();
    }
  });

  it('Telegram mistakes beside their fields, the first focused; e-mail to the account address in one box', async () => {
    const { ctx, page } = await newPage({ size: DESKTOP });
    await signUp(page, stack, 'tg@example.com');
    await page.goto(`${stack.url}/notifications`);
    expect(await page.getByLabel('E-mail me at tg@example.com').count()).toBe(1);
    await page.getByLabel(/^Chat id/).fill('not a chat');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect.poll(() => focusedId(page)).toBe('tgToken');
    expect(await page.locator('#tgToken-error').innerText()).toContain('Enter the bot token');
    expect(await page.locator('#tgToken').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^Bot token/).fill('123456789:AAEabcdefghijklmnopqrstuvwxyz012345');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect.poll(() => focusedId(page)).toBe('tgChat');
    expect(await page.locator('#tgChat-error').innerText()).toContain('This is not a chat id');
    // The steps to a chat id are there, folded.
    await page.getByText('How to get a bot token and a chat id').click();
    expect(await page.getByText(/getUpdates/).isVisible()).toBe(true);
    await page.getByLabel(/^Chat id/).fill('');
    await page.getByLabel(/^Bot token/).fill('');
    await page.getByLabel('E-mail me at tg@example.com').check();
    await page.getByRole('button', { name: 'Add channel' }).click();
    await page.getByText('Added: “email”.').waitFor();
    await ctx.close();
  });

  it('time zone: the browser’s with script (and says so), the post’s or UTC without', async () => {
    let { ctx, page } = await newPage({ js: true, zone: 'Asia/Tokyo' });
    await signUp(page, stack, 'tz@example.com');
    await page.goto(`${stack.url}/notifications`);
    expect(await page.locator('#timeZone').inputValue()).toBe('Asia/Tokyo');
    expect(await page.locator('[data-tz-note="browser"]').isVisible()).toBe(true);
    expect(await page.locator('[data-tz-note="server"]').isVisible()).toBe(false);
    const cookies = await ctx.cookies();
    await ctx.close();
    ({ ctx, page } = await newPage({ js: false, zone: 'Asia/Tokyo' }));
    await ctx.addCookies(cookies);
    await page.goto(`${stack.url}/notifications`);
    expect(await page.locator('#timeZone').inputValue()).toBe('UTC');
    expect(await page.locator('#timeZone-hint').innerText()).toContain('Preselected: UTC');
    await ctx.close();
  });

  it('no serious or critical axe-core violation: forms, errors, channels and the confirmation page, light and dark, phone and desktop', async () => {
    const { ctx: setup, page: p0 } = await newPage({});
    await signUp(p0, stack, 'axe-n@example.com');
    await p0.goto(`${stack.url}/notifications`);
    await p0.getByLabel('Webhook URL').fill(`${hook.url}/axe`);
    await p0.getByRole('button', { name: 'Add channel' }).click();
    await p0.getByText(/Added: /).waitFor();
    const id = /\/notifications\/(\d+)\/delete/.exec(
      (await p0.getByRole('link', { name: /^Remove/ }).getAttribute('href'))!,
    )![1];
    const cookies = await setup.cookies();
    await setup.close();
    const problems: string[] = [];
    for (const dark of [false, true]) {
      for (const [label, size] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const { ctx, page } = await newPage({ dark, size });
        await ctx.addCookies(cookies);
        const where = `${label} ${dark ? 'dark' : 'light'}`;
        await page.goto(`${stack.url}/notifications`);
        for (const p of await axeProblems(page)) problems.push(`${where} /notifications: ${p}`);
        // Every kind of mistake on the page at once, the experts' URL open.
        await page.getByLabel(/^Bot token/).fill('nope');
        await page.getByLabel(/^Chat id/).fill('nope either');
        await page.getByLabel(/^Topic/).fill('bad topic');
        await page.getByLabel('Webhook URL').fill('ftp://x');
        await page.getByText('A channel URL (for experts)').click();
        await page.getByLabel(/^Channel URL/).fill('carrier-pigeon://home');
        await page.locator('#quietStart').fill('22:00');
        for (const box of await page.locator('input[name=events]').all()) await box.uncheck();
        await page.getByRole('button', { name: 'Add channel' }).click();
        await page.locator('#tgToken-error').waitFor();
        expect(await page.locator('p.error').count()).toBeGreaterThanOrEqual(6);
        for (const p of await axeProblems(page)) problems.push(`${where} /notifications with errors: ${p}`);
        if (!dark && label === 'phone') await screenshots(page, 'notifications-errors');
        await page.goto(`${stack.url}/notifications/${id}/delete`);
        for (const p of await axeProblems(page)) problems.push(`${where} remove ${id}: ${p}`);
        await ctx.close();
      }
    }
    expect(problems).toEqual([]);
  });
});
