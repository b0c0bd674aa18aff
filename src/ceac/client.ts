import type { Dispatcher } from 'undici';

import { sniffImageType } from '../captcha/image.js';
import { type CaptchaSolver, CaptchaSolverError } from '../captcha/solver.js';
import { isAjaxDelta } from '../decode/page.js';
import { msg } from '../i18n/catalog.js';
import { notAForm, readAnswer, type RoundResult } from './answer.js';
import { type RequestBudget, unlimitedBudget } from './budget.js';
import { CAPTCHA_ID, looksBlocked, looksChallenged, readStatusForm, type StatusForm } from './form.js';
import { createAgent, type HttpAnswer, HttpSession, TransportFailure } from './http.js';
import type { CheckOutcome } from './outcome.js';
import type { CaseQuery } from './query.js';
import { startCheck } from './tally.js';

export const DEFAULT_REQUEST_INTERVAL_MS = 2_000;

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/** Progress of one check, for a CLI spinner or a log line. Carries no personal data. */
export interface CheckProgress {
  step: 'form' | 'captcha' | 'solve' | 'submit' | 'retry';
  attempt: number;
  /** For 'retry': why. */
  reason?: string;
}

export interface CeacClientOptions {
  /** Where CEAC is: https://ceac.state.gov, or a simulator. */
  baseUrl: string;
  userAgent?: string;
  solver: CaptchaSolver;
  /**
   * Waited on before every request; none when absent. Every caller that talks to the real site
   * (CLI, tracker, web) passes one built from CEAC_REQUEST_INTERVAL_MS (default one request every
   * DEFAULT_REQUEST_INTERVAL_MS), so the budget can be shared by all clients of a process or site.
   */
  budget?: RequestBudget;
  /** Deadline of each request (default 20 s). */
  timeoutMs?: number;
  /** Captcha rounds per check (default 5). */
  maxCaptchaTries?: number;
  /** Retries after a 5xx, a timeout or a dropped connection (default 2). */
  retry5xx?: number;
  /** First backoff before such a retry, doubled each time, with ±50 % jitter (default 2 s). */
  backoffMs?: number;
  onProgress?: (p: CheckProgress) => void;
  /** A shared undici dispatcher (keep-alive pool); the client makes its own when absent. */
  dispatcher?: Dispatcher;
}

const FIELD = (name: string) => `ctl00$ContentPlaceHolder1$${name}`;
/** Fresh forms kept for the next checks, per application type; older ones are dropped. */
const MAX_WARM_FORMS = 16;
/** ASP.NET drops a session after 20 idle minutes; a kept form is used well before that. */
const WARM_FORM_TTL_MS = 10 * 60_000;

/** The fresh form of a whole-page answer, with the session it belongs to. */
interface WarmForm {
  http: HttpSession;
  form: StatusForm;
  pageUrl: string;
  keptAt: number;
}

/**
 * The CEAC status check, as the site's own page does it (docs/ceac-protocol.md): GET the form, fetch
 * and solve the captcha, POST the async postback, read the UpdatePanel delta with the decoder's
 * parser. Every way it can go wrong is a typed outcome; nothing is thrown for the site's doing.
 */
export class CeacClient {
  private readonly base: string;
  private readonly userAgent: string;
  private readonly solver: CaptchaSolver;
  private readonly budget: RequestBudget;
  private readonly timeoutMs: number;
  private readonly maxCaptchaTries: number;
  private readonly retry5xx: number;
  private readonly backoffMs: number;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly onProgress: (p: CheckProgress) => void;
  private readonly warm: Record<'NIV' | 'IV', WarmForm[]> = { NIV: [], IV: [] };

  constructor(opts: CeacClientOptions) {
    let base: URL;
    try {
      base = new URL(opts.baseUrl);
    } catch {
      throw new TypeError(`the CEAC base URL "${opts.baseUrl}" is not a URL (e.g. https://ceac.state.gov)`);
    }
    this.base = base.toString().replace(/\/+$/, '');
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.solver = opts.solver;
    this.budget = opts.budget ?? unlimitedBudget;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.maxCaptchaTries = Math.max(1, opts.maxCaptchaTries ?? 5);
    this.retry5xx = Math.max(0, opts.retry5xx ?? 2);
    this.backoffMs = Math.max(0, opts.backoffMs ?? 2_000);
    this.ownsDispatcher = !opts.dispatcher;
    this.dispatcher = opts.dispatcher ?? createAgent(this.timeoutMs);
    this.onProgress = opts.onProgress ?? (() => undefined);
  }

  /** Closes the keep-alive connections (only those of a dispatcher this client made). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  async check(query: CaseQuery): Promise<CheckOutcome> {
    const started = startCheck(query, this.timeoutMs);
    if (started.refused) return started.refused;
    const { tally, query: q } = started;

    let captchaRounds = 0;
    let transientRetries = 0;
    for (;;) {
      tally.attempts++;
      const warm = this.takeWarmForm(q.app);
      const session = warm?.http ?? new HttpSession(this.dispatcher, this.userAgent, this.timeoutMs, this.budget);
      const before = session.requests;
      let result: RoundResult;
      try {
        result = await this.round(q, session, tally.attempts, warm);
        // A kept form the site no longer honours (its session expired): one fresh round, at once.
        if (warm && (result.kind === 'http_error' || result.kind === 'layout_changed')) {
          const fresh = new HttpSession(this.dispatcher, this.userAgent, this.timeoutMs, this.budget);
          try {
            result = await this.round(q, fresh, tally.attempts, undefined);
          } finally {
            tally.requests += fresh.requests;
          }
        }
      } finally {
        tally.requests += session.requests - before;
      }
      if (result.kind === 'captcha_rejected' && !result.solverFailed) {
        captchaRounds++;
        if (captchaRounds < this.maxCaptchaTries) {
          this.onProgress({ step: 'retry', attempt: tally.attempts, reason: 'captcha not accepted' });
          continue;
        }
        return tally.captchaGaveUp(result, captchaRounds);
      }
      const transient =
        result.kind === 'timeout' || (result.kind === 'http_error' && (result.status === 0 || result.status >= 500));
      if (transient && transientRetries < this.retry5xx) {
        transientRetries++;
        const reason =
          result.kind === 'http_error' ? (result.status ? `HTTP ${result.status}` : 'connection failure') : 'timeout';
        this.onProgress({ step: 'retry', attempt: tally.attempts, reason });
        await sleep(jitter(this.backoffMs * 2 ** (transientRetries - 1)));
        continue;
      }
      return tally.finish(result);
    }
  }

  /** A kept fresh form for this application type, if one is young enough. */
  private takeWarmForm(app: 'NIV' | 'IV'): WarmForm | undefined {
    const list = this.warm[app];
    const now = Date.now();
    for (;;) {
      const w = list.pop();
      if (!w || now - w.keptAt < WARM_FORM_TTL_MS) return w;
    }
  }

  private keepWarmForm(app: 'NIV' | 'IV', w: WarmForm): void {
    const list = this.warm[app];
    list.push(w);
    if (list.length > MAX_WARM_FORMS) list.shift();
  }

  /**
   * One form -> captcha -> submit round. The form is a kept one (the fresh form of an earlier
   * whole-page answer, in its own session) or a new GET in a fresh session.
   */
  private async round(
    q: CaseQuery,
    http: HttpSession,
    attempt: number,
    warm: WarmForm | undefined,
  ): Promise<RoundResult> {
    const formUrl = warm?.pageUrl ?? `${this.base}/ceacstattracker/status.aspx?App=${q.app}`;
    let form: StatusForm;
    if (warm) {
      form = warm.form;
    } else {
      this.onProgress({ step: 'form', attempt });
      const page = await this.fetch(http, 'GET', formUrl);
      if ('kind' in page) return page;
      const html = page.body.toString('utf8');
      const read = readStatusForm(html, page.url);
      if (!read) return notAForm(html);
      form = read;
    }

    this.onProgress({ step: 'captcha', attempt });
    const image = await this.fetch(http, 'GET', form.captchaUrl, {
      accept: 'image/avif,image/webp,image/png,image/*,*/*;q=0.8',
      referer: formUrl,
    });
    if ('kind' in image) return image;
    // Any image the site serves (JPEG by default, PNG, GIF): known by its first bytes, else by its type.
    const declared = (image.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const mime = sniffImageType(image.body) ?? (declared.startsWith('image/') ? declared : null);
    if (!mime) {
      const text = image.body.toString('utf8');
      if (looksChallenged(image.headers, text)) return { kind: 'challenge' };
      if (looksBlocked(200, {}, text)) return { kind: 'blocked' };
      // No captcha image means the site is not taking checks right now (docs/ceac-protocol.md).
      return {
        kind: 'maintenance',
        words: msg('ceac.outcome.noCaptchaImage'),
      };
    }

    this.onProgress({ step: 'solve', attempt });
    let answer: string;
    try {
      answer = await this.solver.solve(image.body, { attempt, mime });
    } catch (err) {
      const words =
        err instanceof CaptchaSolverError
          ? msg('ceac.outcome.solverFailed', { solver: this.solver.name, why: err.message })
          : msg('ceac.outcome.solverCrashed', { solver: this.solver.name, why: (err as Error).message });
      return {
        kind: 'captcha_rejected',
        solverFailed: true,
        words,
      };
    }

    this.onProgress({ step: 'submit', attempt });
    const fields = new URLSearchParams();
    for (const [name, value] of Object.entries(form.hidden)) fields.set(name, value);
    fields.set(
      'ctl00$ToolkitScriptManager1',
      'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
    );
    fields.set('ctl00_ToolkitScriptManager1_HiddenField', form.hidden['ctl00_ToolkitScriptManager1_HiddenField'] ?? '');
    fields.set('__EVENTTARGET', 'ctl00$ContentPlaceHolder1$btnSubmit');
    fields.set('__EVENTARGUMENT', '');
    fields.set('__LASTFOCUS', '');
    fields.set(FIELD('Visa_Application_Type'), q.app);
    if (q.app === 'NIV') fields.set(FIELD('Location_Dropdown'), q.location ?? '');
    fields.set(FIELD('Visa_Case_Number'), q.id);
    fields.set(FIELD('Passport_Number'), q.passport ?? '');
    fields.set(FIELD('Surname'), q.surname ?? '');
    fields.set(FIELD('Captcha'), answer);
    fields.set(`LBD_BackWorkaround_${CAPTCHA_ID}`, '1');
    // A full (not async) postback, as CEACStatTracker posts it: the answer is the whole page, with
    // a fresh form and captcha of this session that the next check uses instead of a new GET.
    const origin = new URL(formUrl).origin;
    const posted = await this.fetch(http, 'POST', form.postUrl, {
      body: fields.toString(),
      'content-type': 'application/x-www-form-urlencoded',
      'cache-control': 'max-age=0',
      origin,
      referer: formUrl,
    });
    if ('kind' in posted) return posted;
    const body = posted.body.toString('utf8');
    const result = readAnswer(body, q);
    if (result.kind !== 'layout_changed' && !isAjaxDelta(body)) {
      const next = readStatusForm(body, posted.url);
      if (next) this.keepWarmForm(q.app, { http, form: next, pageUrl: posted.url, keptAt: Date.now() });
    }
    return result;
  }

  /** One request; a verdict when it failed at the HTTP level, the answer otherwise. */
  private async fetch(
    http: HttpSession,
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string> & { body?: string } = {},
  ): Promise<HttpAnswer | RoundResult> {
    const { body, ...rest } = headers;
    let answer: HttpAnswer;
    try {
      answer = await http.send(method, url, { headers: rest, body });
    } catch (err) {
      if (err instanceof TransportFailure)
        return err.reason === 'timeout' ? { kind: 'timeout' } : { kind: 'http_error', status: 0 };
      throw err;
    }
    // A 200 is judged by what it holds (form, image, answer) before anything else: real pages
    // behind Cloudflare carry its headers and scripts too.
    if (answer.status >= 400 && looksChallenged(answer.headers, answer.body.toString('utf8')))
      return { kind: 'challenge' };
    if (answer.status >= 400 && looksBlocked(answer.status, answer.headers, answer.body.toString('utf8')))
      return { kind: 'blocked' };
    if (answer.status >= 400) return { kind: 'http_error', status: answer.status };
    if (answer.status >= 300)
      return {
        kind: 'http_error',
        status: answer.status,
        words: msg('ceac.outcome.redirects', { status: answer.status }),
      };
    return answer;
  }
}

function jitter(ms: number): number {
  return ms * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
