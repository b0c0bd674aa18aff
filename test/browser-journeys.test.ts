import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM, launchBrowser, PHONE, screenshots, type Stack, startStack } from './browser-harness.js';

const REFUSED_221G =
  'Refused\nCase Created: 14-Oct-2026\nCase Last Updated: 21-Oct-2026\n' +
  'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. ' +
  'If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing. ' +
  'You will receive another adjudication once such processing is complete. Please be advised that the processing time varies and that you will be contacted if additional information is needed.';

// The dropbox 221(g) case of the simulator's demo set: Refused (221g) now, Administrative Processing in 2 hours.
const DBX = { caseNumber: 'AA00DBX221', location: 'Mumbai', passport: 'Z4810023', surname: 'RAGHAVAN' };

let browser: Browser;
beforeAll(async () => {
  if (CHROMIUM) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  // Any CSP violation or script error would show up here and fail the journey.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}
const problemsOf = (page: Page) => (page as Page & { problems: string[] }).problems;

/** Form controls a screen reader could not name: every visible input needs a label (or aria-label). */
async function unlabelled(page: Page): Promise<string[]> {
  return page.$$eval('input:not([type=hidden]), select, textarea', (els) =>
    els
      .filter(
        (el) =>
          !(
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby')
          ),
      )
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

async function signUpAndAdd(page: Page, stack: Stack, email: string): Promise<number> {
  await page.goto(`${stack.url}/signup`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('link', { name: 'Add a case' }).click();
  expect(await unlabelled(page)).toEqual([]);
  await page.getByLabel(/Embassy or consulate/).fill(DBX.location);
  await page.getByLabel(/Case number/).fill(DBX.caseNumber);
  await page.getByLabel(/Passport number/).fill(DBX.passport);
  await page.getByLabel(/Surname/).fill(DBX.surname);
  await page.getByLabel(/Name for this case/).fill('My H-1B');
  await page.getByLabel('Dropbox (no interview)').check();
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.waitForURL(/\/cases\/\d+/);
  return Number(/\/cases\/(\d+)/.exec(page.url())![1]);
}

describe.skipIf(!CHROMIUM)('browser journeys (Chromium, simulator, in-process tracker)', { timeout: 90_000 }, () => {
  it('paste and explain, with no account', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    try {
      const page = await newPage();
      await page.goto(stack.url);
      await page.getByLabel(/Your status/).fill(REFUSED_221G);
      await page.getByText('Tell us more').click();
      await page.getByLabel('Dropbox (no interview)').check();
      await page.getByRole('button', { name: 'Explain' }).click();
      const answer = page.locator('#result .answer');
      await answer.waitFor();
      expect(await answer.locator('.headline').textContent()).toMatch(/221\(g\)|administrative processing/i);
      expect(await answer.textContent()).toContain('What to do now');
      await screenshots(page, 'explain');
      expect(await unlabelled(page)).toEqual([]);
      // Dark mode follows the system setting.
      await page.emulateMedia({ colorScheme: 'dark' });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).not.toBe('rgb(247, 247, 244)');
      await screenshots(page, 'explain-dark');
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('sign up, add a case, see its first status; the simulator advances and the open page updates by itself', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    try {
      const page = await newPage();
      const id = await signUpAndAdd(page, stack, 'journey@example.com');
      // The first check runs as the case is added; the live region fills in without a reload.
      const live = page.locator('#live');
      const badge = page.locator('#live .answer .badge');
      await expect
        .poll(async () => ((await badge.count()) ? badge.textContent() : ''), { timeout: 30_000 })
        .toBe('Refused');
      await screenshots(page, 'case-first-status');
      const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      stack.sim.advance(3 * 3600);
      await stack.checker.check(id);
      await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('Administrative Processing');
      // Same document: it was updated in place, not reloaded.
      expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
      expect(await live.locator('.timeline li').count()).toBeGreaterThanOrEqual(2);
      await screenshots(page, 'case-live-update');
      await page.goto(`${stack.url}/cases`);
      expect(await page.locator('.cases').textContent()).toContain('My H-1B');
      await screenshots(page, 'my-cases');
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('check now with a captcha typed by the person (answer read from the simulator)', async () => {
    const stack = await startStack({ automaticCaptcha: false });
    try {
      const page = await newPage();
      const id = await signUpAndAdd(page, stack, 'typist@example.com');
      await expect(page.locator('#live').textContent()).resolves.toContain('Not checked yet');
      await page.getByRole('button', { name: 'Check now' }).click();
      await page.waitForURL(/\/captcha\//);
      const img = page.locator('.captcha img');
      // The picture really loaded (through our server) and is the simulator's 200×50 captcha.
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      await screenshots(page, 'captcha');
      // A wrong answer gets a new picture and says so.
      await page.getByLabel(/^Code/).fill('WRONG1');
      await page.getByRole('button', { name: 'Check my case' }).click();
      await page.waitForURL(/\/captcha\//);
      expect(await page.locator('.alert').textContent()).toContain('did not accept');
      await page.getByLabel(/^Code/).fill(await stack.currentCaptchaAnswer());
      await page.getByRole('button', { name: 'Check my case' }).click();
      await page.waitForURL(new RegExp(`/cases/${id}\\?`));
      expect(await page.locator('#live .answer .badge').textContent()).toBe('Refused');
      expect(await page.locator('.alert').first().textContent()).toContain('Checked just now');
      await screenshots(page, 'check-now-typed');
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('add a webhook channel, send a test, and receive the change when the case moves', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    const bodies: string[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    try {
      const page = await newPage();
      const id = await signUpAndAdd(page, stack, 'hooked@example.com');
      const badge = page.locator('#live .answer .badge');
      try {
        await expect
          .poll(async () => ((await badge.count()) ? badge.textContent() : ''), { timeout: 30_000 })
          .toBe('Refused');
      } catch (err) {
        console.log(
          'DEBUG attempts',
          JSON.stringify(await stack.fixture.store.db.selectFrom('check_attempts').selectAll().execute()),
        );
        console.log(
          'DEBUG events',
          JSON.stringify(await stack.fixture.store.db.selectFrom('events').select(['kind', 'at']).execute()),
        );
        console.log('DEBUG logs', stack.fixture.logLines.join(''));
        console.log('DEBUG live', await page.locator('#live').innerHTML());
        throw err;
      }
      await page.getByRole('link', { name: 'Notifications' }).click();
      await page.getByLabel('Webhook URL').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
      await page.getByLabel(/^Name/).fill('my webhook');
      await page.getByRole('button', { name: 'Add channel' }).click();
      await page.locator('.alert', { hasText: 'Added: “my webhook”' }).waitFor();
      await page.getByRole('button', { name: 'Send test to my webhook' }).click();
      await page.locator('.alert', { hasText: 'Test message sent' }).waitFor();
      expect(bodies).toHaveLength(1);
      await screenshots(page, 'notifications');
      expect(await unlabelled(page)).toEqual([]);
      await page.goto(`${stack.url}/account`);
      expect(await unlabelled(page)).toEqual([]);
      await screenshots(page, 'account');
      await page.goto(`${stack.url}/cases/${id}`);
      stack.sim.advance(3 * 3600);
      await stack.checker.check(id);
      const changed = () => bodies.find((b) => b.includes('"status_changed"'));
      await expect.poll(changed, { timeout: 30_000 }).toBeTruthy();
      const delivered = changed()!;
      expect(delivered).toContain('Administrative Processing');
      // Personal data never travels in a notification.
      expect(delivered).not.toContain('Z4810023');
      expect(delivered).not.toContain('RAGHAVAN');
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
      await stack.close();
    }
  });
});
