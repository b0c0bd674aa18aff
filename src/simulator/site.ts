/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the answers return at once (`return fail(…)`), as Node request handlers do */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { type CaptchaFormat, randomCaptchaCode, renderCaptcha, renderCaptchaWav } from './captcha-image.js';
import { formatCeacDate, type SimClock } from './clock.js';
import { applyFault, type FaultContext, send } from './fault-answers.js';
import { caseViewAt } from './lifecycle.js';
import {
  ajaxDelta,
  CAPTCHA_ID,
  ERROR_TEXTS,
  formPage,
  formPanel,
  type FormState,
  type SiteError,
  statusPanel,
  VIEWSTATE_ERROR_PAGE,
} from './pages.js';
import { caseKey, normaliseCaseId, type Scenario, type ScenarioCase } from './scenario.js';
import { type Session, SESSION_COOKIE, type SessionStore } from './sessions.js';

const ID_FORMATS = [/^[A-Z0-9]{10}$/, /^[A-Z]{3}\d{10}$/, /^\d{4}[A-Z]{2}\d{1,10}$/];
const FIELD = (name: string) => `ctl00$ContentPlaceHolder1$${name}`;
const SUBMIT = FIELD('btnSubmit');
const APP_SWITCH = FIELD('Visa_Application_Type');

function ceacCompare(a: string | undefined | null, b: string | undefined | null): boolean {
  return (a ?? '').replace(/\s+/g, '').toUpperCase() === (b ?? '').replace(/\s+/g, '').toUpperCase();
}

function surnameKey(s: string | undefined | null): string {
  return (s ?? '')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 5);
}

export interface SiteContext extends FaultContext {
  scenario: Scenario;
  clock: SimClock;
  sessions: SessionStore;
  captchaFormat: CaptchaFormat;
  /** The test hook's fixed code, if any. */
  captchaCode: string | undefined;
}

/** The status page, the captcha handler and the postback, as ASP.NET WebForms and BotDetect answer them. */
export function createSite(ctx: SiteContext) {
  const byKey = new Map<string, ScenarioCase>(ctx.scenario.cases.map((c) => [caseKey(c.app, c.id), c]));
  // With a fixed code (a test hook) a few drawings are reused: drawing costs more than the rest
  // of a check on the server side, and benchmarks measure the client, not the drawing.
  const fixedCodeImages: Promise<{ body: Buffer; type: string }>[] = [];
  const captchaImage = (code: string) => {
    if (code !== ctx.captchaCode) return renderCaptcha(code, ctx.captchaFormat);
    if (fixedCodeImages.length < 8) fixedCodeImages.push(renderCaptcha(code, ctx.captchaFormat));
    return fixedCodeImages[Math.floor(Math.random() * fixedCodeImages.length)]!;
  };

  function sessionFor(req: IncomingMessage, headers: Record<string, string>): Session {
    const known = ctx.sessions.fromCookie(req.headers.cookie);
    if (known) return known[1];
    const [sid, session] = ctx.sessions.create();
    headers['set-cookie'] = `${SESSION_COOKIE}=${sid}; path=/; HttpOnly; SameSite=Lax`;
    return session;
  }

  function serveForm(req: IncomingMessage, res: ServerResponse, url: URL): void {
    ctx.count('form');
    if (applyFault(ctx, req, res, 'form')) return;
    const app =
      (url.searchParams.get('App') ?? url.searchParams.get('app') ?? 'NIV').toUpperCase() === 'IV' ? 'IV' : 'NIV';
    const headers: Record<string, string> = {};
    const session = sessionFor(req, headers);
    send(res, 200, 'text/html; charset=utf-8', formPage(ctx.sessions.issueForm(session, app)), headers);
  }

  async function serveCaptcha(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    ctx.count('captcha');
    if (applyFault(ctx, req, res, 'captcha')) return;
    const get = url.searchParams.get('get');
    if ((get !== 'image' && get !== 'sound') || url.searchParams.get('c') !== CAPTCHA_ID) {
      send(res, 400, 'text/plain', 'unsupported captcha request (the simulator serves get=image and get=sound)');
      return;
    }
    const code = ctx.sessions.fromCookie(req.headers.cookie)?.[1].captchas.get(url.searchParams.get('t') ?? '');
    if (!code) {
      ctx.count('captcha_unknown');
      send(res, 400, 'text/plain', 'unknown captcha instance for this session');
      return;
    }
    if (get === 'sound') {
      ctx.count('captcha_sound');
      send(res, 200, 'audio/wav', renderCaptchaWav(code), { 'cache-control': 'no-store' });
      return;
    }
    const image = await captchaImage(code);
    if (res.writableEnded || req.socket.destroyed) return;
    send(res, 200, image.type, image.body, { 'cache-control': 'no-store' });
  }

  /**
   * Answers a postback in the shape it came: an UpdatePanel delta for an async one, otherwise the
   * whole page (the answer above a fresh form, whose new captcha belongs to the session).
   */
  function answer(res: ServerResponse, isAsync: boolean, fresh: FormState, panel: string): void {
    if (isAsync) {
      const hidden = { __VIEWSTATE: fresh.viewState, __EVENTVALIDATION: fresh.eventValidation };
      send(res, 200, 'text/plain; charset=utf-8', ajaxDelta(panel, hidden));
    } else {
      send(res, 200, 'text/html; charset=utf-8', formPage(fresh, panel));
    }
  }

  function answerPost(req: IncomingMessage, res: ServerResponse, body: string): void {
    ctx.count('post');
    const fault = applyFault(ctx, req, res, 'post');
    if (fault && fault !== 'captcha' && fault !== 'wrongcase') return;
    const f = new URLSearchParams(body);
    const field = (name: string) => f.get(FIELD(name)) ?? '';
    const session = ctx.sessions.fromCookie(req.headers.cookie)?.[1];
    const viewState = f.get('__VIEWSTATE') ?? '';
    const issued = session?.forms.get(viewState);
    // ASP.NET refuses a postback whose viewstate it did not issue. Event validation is checked
    // only when sent: the CEACStatusBot family never sends it and gets answers.
    const eventValidation = f.get('__EVENTVALIDATION');
    if (!session || !issued || (eventValidation && eventValidation !== issued.eventValidation)) {
      ctx.count('rejected_viewstate');
      send(res, 500, 'text/html; charset=utf-8', VIEWSTATE_ERROR_PAGE);
      return;
    }
    session.forms.delete(viewState);
    const isAsync = f.get('__ASYNCPOST') === 'true' || /delta=true/i.test(String(req.headers['x-microsoftajax']));
    const chosen = field('Visa_Application_Type').toUpperCase();
    const app = chosen === 'IV' ? 'IV' : chosen === 'NIV' ? 'NIV' : issued.app;
    const fresh = ctx.sessions.issueForm(session, app);
    const target = f.get('__EVENTTARGET') ?? '';
    if (target === APP_SWITCH || (target !== SUBMIT && !f.has(SUBMIT))) {
      // The application type's autopostback (or any other control's): the form redrawn, no query.
      ctx.count('switch');
      answer(res, isAsync, fresh, formPanel(fresh));
      return;
    }
    const fail = (error: SiteError) => {
      ctx.count(`answer_${error}`);
      answer(res, isAsync, fresh, formPanel(fresh, ERROR_TEXTS[error]));
    };
    const vcid = f.get(`LBD_VCID_${CAPTCHA_ID}`) ?? '';
    const expected = session.captchas.get(vcid);
    session.captchas.delete(vcid);
    if (!expected || !ceacCompare(expected, field('Captcha')) || fault === 'captcha') return fail('captcha_rejected');
    const id = normaliseCaseId(field('Visa_Case_Number'));
    if (!ID_FORMATS.some((r) => r.test(id))) return fail('invalid_id');
    const c = byKey.get(caseKey(app, id));
    // Both kinds of application need the passport number and the surname (IV since 2025).
    const matches =
      c &&
      (app === 'IV' || ceacCompare(c.location, field('Location_Dropdown'))) &&
      (!c.passport || ceacCompare(c.passport, field('Passport_Number'))) &&
      (!c.surname || surnameKey(c.surname) === surnameKey(field('Surname')));
    const view = matches ? caseViewAt(c, ctx.clock.elapsed()) : null;
    if (!c || !matches || !view) return fail('not_found');
    if (c.siteAnswer === 'invalid_id') return fail('invalid_id');
    ctx.count('answer_status');
    const other = fault === 'wrongcase' ? (ctx.scenario.cases.find((x) => x !== c && x.app === c.app) ?? null) : null;
    const shownId =
      fault === 'wrongcase' ? (other?.id ?? `${c.id.slice(0, -1)}${c.id.endsWith('9') ? '8' : '9'}`) : c.id;
    const status = statusPanel({
      applicationName:
        c.applicationName ?? (app === 'NIV' ? 'NONIMMIGRANT VISA APPLICATION' : 'IMMIGRANT VISA APPLICATION'),
      caseNumber: shownId,
      created: formatCeacDate(ctx.clock.instantOf(view.createdAt)),
      updated: formatCeacDate(ctx.clock.instantOf(view.updatedAt)),
      status: view.status,
      message: view.text,
    });
    answer(res, isAsync, fresh, status + formPanel(fresh));
  }

  return { serveForm, serveCaptcha, answerPost };
}

/** A new captcha code: the test hook's fixed one, or a random one like BotDetect's. */
export function captchaCodes(fixed: string | undefined): () => string {
  return () => fixed ?? randomCaptchaCode(5);
}
