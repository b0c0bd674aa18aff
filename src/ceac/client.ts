import type { Dispatcher } from 'undici';

import { type CaptchaSolver, CaptchaSolverError } from '../captcha/solver.js';
import { isAjaxDelta, parseAjaxDelta, parseCeacResponse } from '../decode/page.js';
import { type RequestBudget, unlimitedBudget } from './budget.js';
import { CAPTCHA_ID, looksBlocked, looksLikeMaintenance, readStatusForm } from './form.js';
import { createAgent, type HttpAnswer, HttpSession, TransportFailure } from './http.js';
import { type CheckOutcome, defaultMessage, type Verdict } from './outcome.js';
import { type CaseQuery, sameCaseNumber, validateCaseQuery } from './query.js';

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
const MAX_KEPT_BODY = 256 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The first few failures end a round; the client decides whether another round makes sense. */
type RoundResult = Verdict & { solverFailed?: boolean };

/**
 * The CEAC status check, as the site's own page does it (ceac-protocol.md): GET the form, fetch
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
    const started = performance.now();
    let attempts = 0;
    let requests = 0;
    const finish = (v: RoundResult): CheckOutcome => {
      const { solverFailed: _ignored, ...verdict } = v;
      return {
        ...verdict,
        message: v.message ?? defaultMessage(v, this.timeoutMs),
        attempts,
        requests,
        durationMs: Math.round(performance.now() - started),
      };
    };

    // Never send a request for a query the site would refuse anyway.
    const valid = validateCaseQuery({ ...query });
    if (!valid.ok) {
      return finish({
        kind: 'invalid_case_number',
        message: valid.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      });
    }
    const q = valid.query;

    let captchaRounds = 0;
    let transientRetries = 0;
    for (;;) {
      attempts++;
      const session = new HttpSession(this.dispatcher, this.userAgent, this.timeoutMs, this.budget);
      let result: RoundResult;
      try {
        result = await this.round(q, session, attempts);
      } finally {
        requests += session.requests;
      }
      if (result.kind === 'captcha_rejected' && !result.solverFailed) {
        captchaRounds++;
        if (captchaRounds < this.maxCaptchaTries) {
          this.onProgress({ step: 'retry', attempt: attempts, reason: 'captcha not accepted' });
          continue;
        }
        return finish({ ...result, message: `CEAC did not accept the captcha answer (${captchaRounds} tries)` });
      }
      const transient =
        result.kind === 'timeout' || (result.kind === 'http_error' && (result.status === 0 || result.status >= 500));
      if (transient && transientRetries < this.retry5xx) {
        transientRetries++;
        const reason =
          result.kind === 'http_error' ? (result.status ? `HTTP ${result.status}` : 'connection failure') : 'timeout';
        this.onProgress({ step: 'retry', attempt: attempts, reason });
        await sleep(jitter(this.backoffMs * 2 ** (transientRetries - 1)));
        continue;
      }
      return finish(result);
    }
  }

  /** One form -> captcha -> submit round with a fresh session. */
  private async round(q: CaseQuery, http: HttpSession, attempt: number): Promise<RoundResult> {
    const formUrl = `${this.base}/ceacstattracker/status.aspx?App=${q.app}`;
    this.onProgress({ step: 'form', attempt });
    const page = await this.fetch(http, 'GET', formUrl);
    if ('kind' in page) return page;
    const html = page.body.toString('utf8');
    const form = readStatusForm(html, page.url);
    if (!form) return this.notAForm(html);

    this.onProgress({ step: 'captcha', attempt });
    const image = await this.fetch(http, 'GET', form.captchaUrl, {
      accept: 'image/avif,image/webp,image/png,image/*,*/*;q=0.8',
      referer: formUrl,
    });
    if ('kind' in image) return image;
    if (
      !image.body.subarray(0, 8).equals(PNG_SIGNATURE) &&
      !(image.headers['content-type'] ?? '').startsWith('image/')
    ) {
      if (looksBlocked(200, {}, image.body.toString('utf8'))) return { kind: 'blocked' };
      // No captcha image means the site is not taking checks right now (ceac-protocol.md).
      return {
        kind: 'maintenance',
        message: 'CEAC served no captcha image: the site is probably in maintenance; try again later',
      };
    }

    this.onProgress({ step: 'solve', attempt });
    let answer: string;
    try {
      answer = await this.solver.solve(image.body, { attempt });
    } catch (err) {
      const why = err instanceof CaptchaSolverError ? err.message : `unexpected failure: ${(err as Error).message}`;
      return {
        kind: 'captcha_rejected',
        solverFailed: true,
        message: `the captcha solver "${this.solver.name}" gave no answer: ${why}`,
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
    fields.set('__ASYNCPOST', 'true');
    const origin = new URL(formUrl).origin;
    const posted = await this.fetch(http, 'POST', form.postUrl, {
      body: fields.toString(),
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      accept: '*/*',
      'x-microsoftajax': 'Delta=true',
      'x-requested-with': 'XMLHttpRequest',
      'cache-control': 'no-cache',
      origin,
      referer: formUrl,
    });
    if ('kind' in posted) return posted;
    return this.readAnswer(posted.body.toString('utf8'), q);
  }

  private readAnswer(body: string, q: CaseQuery): RoundResult {
    const parsed = parseCeacResponse(body);
    switch (parsed.kind) {
      case 'status': {
        const returned = parsed.observation.caseNumber;
        if (returned && !sameCaseNumber(returned, q.id)) return { kind: 'wrong_case', returned };
        return { kind: 'ok', observation: parsed.observation, applicationName: parsed.applicationName };
      }
      case 'error':
        if (parsed.error === 'captcha_rejected') return { kind: 'captcha_rejected' };
        if (parsed.error === 'not_found') return { kind: 'case_not_found' };
        return { kind: 'invalid_case_number' };
      case 'form':
        return {
          kind: 'layout_changed',
          body: body.slice(0, MAX_KEPT_BODY),
          message: 'CEAC returned its form without a result or an error message; the page is kept for diagnosis',
        };
      case 'unrecognised': {
        // An MS-AJAX error record is the server failing mid-postback: a 5xx in other clothes.
        const failure = isAjaxDelta(body) ? parseAjaxDelta(body)?.find((r) => r.type === 'error') : undefined;
        if (failure) {
          const status = /^\d{3}$/.test(failure.id) ? Number(failure.id) : 500;
          return { kind: 'http_error', status, message: `CEAC failed while answering (server error ${status})` };
        }
        if (looksBlocked(200, {}, body)) return { kind: 'blocked' };
        if (looksLikeMaintenance(body)) return { kind: 'maintenance' };
        return { kind: 'layout_changed', body: body.slice(0, MAX_KEPT_BODY) };
      }
    }
  }

  private notAForm(html: string): RoundResult {
    if (looksBlocked(200, {}, html)) return { kind: 'blocked' };
    if (looksLikeMaintenance(html)) return { kind: 'maintenance' };
    return {
      kind: 'layout_changed',
      body: html.slice(0, MAX_KEPT_BODY),
      message:
        'the CEAC status page has no status form or captcha we recognise (the site may have changed); the page is kept for diagnosis',
    };
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
    if (answer.status >= 400 && looksBlocked(answer.status, answer.headers, answer.body.toString('utf8')))
      return { kind: 'blocked' };
    if (answer.status >= 400) return { kind: 'http_error', status: answer.status };
    if (answer.status >= 300)
      return {
        kind: 'http_error',
        status: answer.status,
        message: `CEAC redirected too many times (HTTP ${answer.status})`,
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
