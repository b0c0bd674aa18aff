import { mkdirSync } from 'node:fs';

import type { BrowserContext, Page, Response } from 'playwright-core';

import { sniffImageType } from '../captcha/image.js';
import { type CaptchaSolver, CaptchaSolverError } from '../captcha/solver.js';
import { parseCeacResponse } from '../decode/page.js';
import { msg } from '../i18n/catalog.js';
import { notAForm, readAnswer } from './answer.js';
import { type RequestBudget, unlimitedBudget } from './budget.js';
import type { CheckProgress } from './client.js';
import { CAPTCHA_ID } from './form.js';
import type { CheckOutcome } from './outcome.js';
import type { CaseQuery } from './query.js';
import { startCheck } from './tally.js';

export interface BrowserClientOptions {
  baseUrl: string;
  solver: CaptchaSolver;
  /** The Chromium or Chrome program (findBrowser). */
  executablePath: string;
  /** A persistent profile, so that a clearance cookie is kept between checks and runs. */
  profileDir: string;
  userAgent?: string;
  budget?: RequestBudget;
  /** Deadline of each page load and answer (default 20 s). */
  timeoutMs?: number;
  /** How long to wait for a challenge to clear and the captcha to show (default 35 s). */
  challengeWaitMs?: number;
  maxCaptchaTries?: number;
  onProgress?: (p: CheckProgress) => void;
}

const FIELD = (name: string) => `[name="ctl00$ContentPlaceHolder1$${name}"]`;
const CAPTCHA_IMAGE = `#${CAPTCHA_ID}_CaptchaImage`;

/**
 * The same check through a real browser (system Chromium driven by playwright-core): the page's
 * own scripts run, so Cloudflare's JavaScript challenge is passed and its clearance kept in the
 * profile. Same flow (form, captcha, submit), same typed outcomes as the HTTP client.
 */
export class BrowserCeacClient {
  private readonly base: string;
  private readonly budget: RequestBudget;
  private readonly timeoutMs: number;
  private readonly challengeWaitMs: number;
  private readonly maxCaptchaTries: number;
  private readonly onProgress: (p: CheckProgress) => void;
  private context: Promise<BrowserContext> | null = null;

  constructor(private readonly opts: BrowserClientOptions) {
    this.base = new URL(opts.baseUrl).toString().replace(/\/+$/, '');
    this.budget = opts.budget ?? unlimitedBudget;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.challengeWaitMs = opts.challengeWaitMs ?? 35_000;
    this.maxCaptchaTries = Math.max(1, opts.maxCaptchaTries ?? 5);
    this.onProgress = opts.onProgress ?? (() => undefined);
  }

  private open(): Promise<BrowserContext> {
    this.context ??= (async () => {
      const { chromium } = await import('playwright-core');
      mkdirSync(this.opts.profileDir, { recursive: true, mode: 0o700 });
      return chromium.launchPersistentContext(this.opts.profileDir, {
        executablePath: this.opts.executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-blink-features=AutomationControlled'],
        ...(this.opts.userAgent && { userAgent: this.opts.userAgent }),
      });
    })();
    return this.context;
  }

  async close(): Promise<void> {
    const context = this.context;
    this.context = null;
    if (context) await (await context.catch(() => null))?.close();
  }

  async check(query: CaseQuery): Promise<CheckOutcome> {
    const started = startCheck(query, this.timeoutMs);
    if (started.refused) return started.refused;
    const { tally, query: q } = started;
    let page: Page;
    try {
      page = await (await this.open()).newPage();
    } catch (e) {
      this.context = null;
      return tally.finish({
        kind: 'http_error',
        status: 0,
        words: msg('ceac.outcome.browserFailed', {
          path: this.opts.executablePath,
          why: (e as Error).message.split('\n')[0] ?? '',
        }),
      });
    }
    const origin = new URL(this.base).origin;
    let lastImage: Response | null = null;
    page.on('response', (r) => {
      if (/botdetectcaptcha\.ashx\?get=image/i.test(r.url())) lastImage = r;
    });
    await page.route('**/*', async (route) => {
      if (new URL(route.request().url()).origin === origin) {
        await this.budget.acquire();
        tally.requests++;
      }
      await route.continue();
    });
    try {
      const formUrl = `${this.base}/ceacstattracker/status.aspx?App=${q.app}`;
      let onForm = false;
      for (;;) {
        tally.attempts++;
        if (!onForm) {
          this.onProgress({ step: 'form', attempt: tally.attempts });
          try {
            await page.goto(formUrl, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs });
          } catch {
            return tally.finish({ kind: 'timeout' });
          }
        }
        // A challenge page clears itself (its script sets the cookie and reloads): wait for the form.
        this.onProgress({ step: 'captcha', attempt: tally.attempts });
        const shown = await page
          .waitForFunction(
            (sel) => {
              const img = document.querySelector<HTMLImageElement>(sel);
              return Boolean(img?.complete && img.naturalWidth > 0);
            },
            CAPTCHA_IMAGE,
            { timeout: this.challengeWaitMs, polling: 200 },
          )
          .then(
            () => true,
            () => false,
          );
        if (!shown) return tally.finish(notAForm(await page.content().catch(() => '')));
        const image = lastImage as Response | null;
        const bytes = image ? await image.body().catch(() => null) : null;
        if (!bytes) return tally.finish({ kind: 'layout_changed', body: await page.content() });
        const mime = sniffImageType(bytes) ?? image?.headers()['content-type'] ?? 'image/png';

        this.onProgress({ step: 'solve', attempt: tally.attempts });
        let answer: string;
        try {
          answer = await this.opts.solver.solve(bytes, { attempt: tally.attempts, mime });
        } catch (err) {
          const solver = this.opts.solver.name;
          return tally.finish({
            kind: 'captcha_rejected',
            words:
              err instanceof CaptchaSolverError
                ? msg('ceac.outcome.solverFailed', { solver, why: err.message })
                : msg('ceac.outcome.solverCrashed', { solver, why: (err as Error).message }),
          });
        }

        this.onProgress({ step: 'submit', attempt: tally.attempts });
        if (q.app === 'NIV') await page.selectOption(FIELD('Location_Dropdown'), q.location ?? '');
        await page.fill(FIELD('Visa_Case_Number'), q.id);
        await page.fill(FIELD('Passport_Number'), q.passport ?? '');
        await page.fill(FIELD('Surname'), q.surname ?? '');
        await page.fill(FIELD('Captcha'), answer);
        lastImage = null;
        // Clear what an earlier answer showed, so that only the new answer is read.
        await page.evaluate(() => {
          const error = document.getElementById('ctl00_ContentPlaceHolder1_lblError');
          if (error) error.textContent = '';
          document.getElementById('ctl00_ContentPlaceHolder1_ucApplicationStatusView_pnlStatus')?.remove();
        });
        await page.click(FIELD('btnSubmit'), { noWaitAfter: true });
        const body = await this.waitForAnswer(page);
        if (body === null) return tally.finish({ kind: 'timeout' });
        const result = readAnswer(body, q);
        if (result.kind === 'captcha_rejected' && tally.attempts < this.maxCaptchaTries) {
          // The answer page carries a fresh form and captcha: the next try starts there.
          this.onProgress({ step: 'retry', attempt: tally.attempts, reason: 'captcha not accepted' });
          onForm = true;
          continue;
        }
        if (result.kind === 'captcha_rejected') return tally.captchaGaveUp(result, tally.attempts);
        return tally.finish(result);
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  /** The page once it shows an answer (a status, an error or something not CEAC's), or null. */
  private async waitForAnswer(page: Page): Promise<string | null> {
    const deadline = Date.now() + this.timeoutMs;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150));
      // Content is unreadable for a moment while the page navigates.
      const html = await page.content().catch(() => null);
      if (html === null) continue;
      const parsed = parseCeacResponse(html);
      if (parsed.kind === 'status' || parsed.kind === 'error') return html;
      if (
        parsed.kind === 'unrecognised' &&
        (await page.evaluate(() => document.readyState).catch(() => '')) !== 'loading'
      )
        return html;
    }
    return null;
  }
}
