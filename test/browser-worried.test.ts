import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { axeProblems } from './axe-harness.js';
import { launchBrowser, OUTPUT, PHONE, type Stack, startStack } from './browser-harness.js';

/**
 * The web app as a worried applicant meets it (issue 13): the answer and the expected wait in the
 * first screen, honest check states, no false promises, and no serious accessibility problem, on a
 * phone and a desktop, light and dark, with and without JavaScript.
 */
const REFUSED_221G =
  'Refused\nCase Created: 14-Oct-2026\nCase Last Updated: 21-Oct-2026\n' +
  'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. ' +
  'If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing. ' +
  'You will receive another adjudication once such processing is complete. Please be advised that the processing time varies and that you will be contacted if additional information is needed.';
const DBX = { caseNumber: 'AA00DBX221', location: 'Mumbai', passport: 'Z4810023', surname: 'RAGHAVAN' };
const OUTCOME_CODES =
  /case_not_found|invalid_case_number|captcha_rejected|http_error|layout_changed|wrong_case|\bblocked\b|challenge/;
const PHONE_DESKTOP = [
  ['phone', PHONE],
  ['desktop', { width: 1366, height: 900 }],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function context(o: { js?: boolean; dark?: boolean; size?: { width: number; height: number } } = {}) {
  return browser.newContext({
    viewport: o.size ?? PHONE,
    javaScriptEnabled: o.js ?? true,
    colorScheme: o.dark ? 'dark' : 'light',
    // axe is injected as a script of its own; the app's CSP (rightly) forbids that.
    bypassCSP: true,
  });
}

/** Whether the element's box ends within the first screen. */
async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= height;
}

async function signUp(page: Page, stack: Stack, email: string) {
  await page.goto(`${stack.url}/signup`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/cases/);
}

async function addCase(
  page: Page,
  stack: Stack,
  passport = DBX.passport,
  extra: { visa?: string; date?: string } = {},
) {
  await page.goto(`${stack.url}/cases/new`);
  await page.getByLabel(/Embassy or consulate/).fill(DBX.location);
  await page.getByLabel(/Case number/).fill(DBX.caseNumber);
  await page.getByLabel(/Passport number/).fill(passport);
  await page.getByLabel(/Surname/).fill(DBX.surname);
  await page.getByLabel('Dropbox (no interview)').check();
  if (extra.visa) await page.getByLabel(/Visa class/).fill(extra.visa);
  if (extra.date) await page.getByLabel(/Interview or dropbox date/).fill(extra.date);
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.waitForURL(/\/cases\/\d+/);
  return Number(/\/cases\/(\d+)/.exec(page.url())![1]);
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('the web app as a worried applicant uses it (Chromium)', { timeout: 180_000 }, () => {
  it('explain: the answer comes into view with the focus on it, with and without script, and says how long', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    try {
      for (const js of [true, false]) {
        for (const [label, size] of PHONE_DESKTOP) {
          const ctx = await context({ js, size });
          const page = await ctx.newPage();
          await page.goto(stack.url);
          expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
          await page.getByLabel(/Your status/).fill(REFUSED_221G);
          await page.getByText('Tell us more for a sharper answer').click();
          await page.getByLabel(/Visa class/).fill('H-1B');
          await page.getByLabel(/Embassy or consulate/).fill('Mumbai');
          await page.getByRole('button', { name: 'Explain' }).click();
          await page.locator('#answer h2').waitFor();
          // Focus (autofocus, or the script) and the scroll that comes with it land after the first paint.
          await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer');
          await expect
            .poll(() => inFirstScreen(page, '#answer .headline'), { message: `${label} js=${js}` })
            .toBe(true);
          expect(await inFirstScreen(page, '#how-long'), `${label} js=${js}`).toBe(true);
          const how = await page.locator('#how-long').innerText();
          expect(how).toMatch(/similar cases|Of H1B/);
          expect(await page.locator('#how-long a').getAttribute('href')).toBe('/stats?visa=H1B&post=BMB');
          // Plain words about how sure we are, once per step.
          expect(await bodyText(page)).toMatch(/We are \d+% sure this is a step on the way/);
          if (label === 'phone' && js) await page.screenshot({ path: `${OUTPUT}/worried-explain-phone.png` });
          // An empty paste: the mistake gets the focus.
          await page.goto(stack.url);
          await page.getByRole('button', { name: 'Explain' }).click();
          await page.locator('#text-error').waitFor();
          await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('text');
          await ctx.close();
        }
      }
    } finally {
      await stack.close();
    }
  });

  it('case page: status and the expected wait in the first screen, waits counted from the drop-off, sections in order', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    try {
      const ctx = await context();
      const page = await ctx.newPage();
      await signUp(page, stack, 'worried@example.com');
      await addCase(page, stack, DBX.passport, { visa: 'H-1B', date: '2026-10-14' });
      // The first (automatic) check lands; reload until the status shows.
      await expect
        .poll(async () => (await page.reload(), await page.locator('#answer').count()), { timeout: 20_000 })
        .toBe(1);
      expect(await inFirstScreen(page, '#answer .badge')).toBe(true);
      expect(await inFirstScreen(page, '#how-long')).toBe(true);
      const how = await page.locator('#how-long').innerText();
      expect(how).toMatch(/counted from your drop-off \(14 Oct 2026\)/);
      expect(how).toMatch(/Not enough similar cases|decided by/);
      // The visa class was stored as one spelling.
      expect(await page.locator('section[aria-labelledby=details-h] dl.facts').innerText()).toContain('H1B');
      // No channel yet: said on the page.
      expect(await page.locator('#no-channel').innerText()).toContain('no notification channel');
      // The order: status, checks, history, people like you, details.
      const headings = await page.locator('main h2').allInnerTexts();
      const order = ['Checks', 'History', 'People like you', 'Details'].map((h) => headings.indexOf(h));
      expect(
        order.every((v, i) => v >= 0 && (i === 0 || v > order[i - 1]!)),
        headings.join(' | '),
      ).toBe(true);
      await page.screenshot({ path: `${OUTPUT}/worried-case-phone.png` });
      // Phone nav on one line, sign out in the header (not under the footer).
      const tops = await page.locator('nav.main a').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      expect(new Set(tops.map((t) => Math.round(t))).size).toBe(1);
      const nav = await page.locator('nav.main').evaluate((n) => ({ scroll: n.scrollWidth, client: n.clientWidth }));
      expect(nav.scroll).toBeLessThanOrEqual(nav.client);
      expect(await page.locator('header form.signout button').innerText()).toBe('Sign out');
      expect(await page.locator('footer').getByText('Sign out').count()).toBe(0);
      expect(await bodyText(page)).not.toMatch(OUTCOME_CODES);
      await ctx.close();
    } finally {
      await stack.close();
    }
  });

  it('CEAC finding no case: says so with an Edit link, stops automatic checks until the details change', async () => {
    const stack = await startStack({ automaticCaptcha: true });
    try {
      const ctx = await context();
      const page = await ctx.newPage();
      await signUp(page, stack, 'typo@example.com');
      const id = await addCase(page, stack, 'X9999999');
      await expect
        .poll(async () => (await page.reload(), await page.locator('#details-rejected').count()), { timeout: 20_000 })
        .toBe(1);
      const text = await bodyText(page);
      expect(text).toContain('CEAC found no case with these details');
      expect(text).not.toMatch(OUTCOME_CODES);
      expect(text).not.toContain('We will try again');
      expect(text).not.toContain('Checks have failed');
      const row = () =>
        stack.fixture.store.db
          .selectFrom('cases')
          .select(['next_check_at', 'details_rejected_at', 'watching'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      expect(await row()).toMatchObject({ next_check_at: null, watching: 1 });
      expect((await row()).details_rejected_at).not.toBeNull();
      // The tracker's due pick does not see it.
      const due = await stack.checker.background!.claimDue(10);
      expect(due).not.toContain(id);
      await page.locator('#details-rejected').getByRole('link', { name: 'Edit the details' }).click();
      await page.getByLabel(/Passport number/).fill(DBX.passport);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/saved=1/);
      const after = await row();
      expect(after.details_rejected_at).toBeNull();
      expect(after.next_check_at).not.toBeNull();
      await ctx.close();
    } finally {
      await stack.close();
    }
  });

  it('without an automatic solver: no promises, Check now never hangs, a cancelled captcha is not a failure', async () => {
    const stack = await startStack({ automaticCaptcha: false });
    try {
      for (const js of [false, true]) {
        const ctx = await context({ js });
        const page = await ctx.newPage();
        await signUp(page, stack, `manual-${js}@example.com`);
        await addCase(page, stack);
        const text = await bodyText(page);
        expect(text).not.toMatch(/on its way|updates by itself|next check in/);
        expect(text).toContain('Press Check now');
        await page.getByRole('button', { name: 'Check now' }).click();
        await page.waitForURL(/\/captcha\//);
        const first = page.url();
        // Back, and press again: the same captcha comes back at once.
        await page.goBack();
        await page.getByRole('button', { name: 'Check now' }).click();
        await page.waitForURL(/\/captcha\//);
        expect(page.url()).toBe(first);
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.waitForURL(/cancelled=1/);
        const after = await bodyText(page);
        expect(after).toContain('Check cancelled');
        expect(after).not.toContain('Checks have failed');
        expect(after).not.toContain('failed');
        expect(after).not.toMatch(OUTCOME_CODES);
        await ctx.close();
      }
      const rows = await stack.fixture.store.db.selectFrom('check_attempts').selectAll().execute();
      expect(rows).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it(
    'every page: standards mode, compressed, and no serious or critical axe-core violation, light and dark',
    { timeout: 480_000 },
    async () => {
      const stack = await startStack({ automaticCaptcha: false });
      try {
        const res = await fetch(`${stack.url}/stats`, { headers: { 'Accept-Encoding': 'br, gzip' } });
        expect(res.headers.get('content-encoding')).toBe('br');
        const setup = await context();
        const p0 = await setup.newPage();
        await signUp(p0, stack, 'axe@example.com');
        const id = await addCase(p0, stack, DBX.passport, { visa: 'F1' });
        const cookies = await setup.cookies();
        await setup.close();
        const pages = [
          '/',
          '/stats',
          '/stats?visa=F-1',
          `/cases`,
          `/cases/${id}`,
          `/cases/${id}/edit`,
          '/cases/new',
          '/notifications',
          '/account',
          '/timelines/new',
          '/nothing-here',
        ];
        const problems: string[] = [];
        // Both themes and both sizes: every page in each of the four.
        for (const [dark, [label, size]] of [
          [false, PHONE_DESKTOP[0]],
          [false, PHONE_DESKTOP[1]],
          [true, PHONE_DESKTOP[1]],
          [true, PHONE_DESKTOP[0]],
        ] as const) {
          {
            const ctx: BrowserContext = await context({ dark, size });
            await ctx.addCookies(cookies);
            const page = await ctx.newPage();
            for (const path of pages) {
              await page.goto(`${stack.url}${path}`);
              expect(await page.evaluate(() => document.compatMode), path).toBe('CSS1Compat');
              for (const p of await axeProblems(page))
                problems.push(`${label} ${dark ? 'dark' : 'light'} ${path}: ${p}`);
            }
            // The explain answer and the captcha page too.
            await page.goto(stack.url);
            await page.getByLabel(/Your status/).fill(REFUSED_221G);
            await page.getByRole('button', { name: 'Explain' }).click();
            await page.locator('#answer').waitFor();
            for (const p of await axeProblems(page)) problems.push(`${label} ${dark ? 'dark' : 'light'} explain: ${p}`);
            await page.goto(`${stack.url}/cases/${id}`);
            await page.getByRole('button', { name: 'Check now' }).click();
            await page.waitForURL(/\/captcha\//);
            for (const p of await axeProblems(page)) problems.push(`${label} ${dark ? 'dark' : 'light'} captcha: ${p}`);
            await page.getByRole('button', { name: 'Cancel' }).click();
            await ctx.close();
            // And the pages of someone not signed in.
            const anon = await context({ dark, size });
            const visitor = await anon.newPage();
            for (const path of [
              '/signup',
              '/signin',
              '/reset',
              '/reset/not-a-token',
              '/signed-out',
              '/stats?visa=F1',
            ]) {
              await visitor.goto(`${stack.url}${path}`);
              expect(await visitor.evaluate(() => document.compatMode), path).toBe('CSS1Compat');
              for (const p of await axeProblems(visitor))
                problems.push(`${label} ${dark ? 'dark' : 'light'} anonymous ${path}: ${p}`);
            }
            await anon.close();
          }
        }
        expect(problems).toEqual([]);
      } finally {
        await stack.close();
      }
    },
  );
});
