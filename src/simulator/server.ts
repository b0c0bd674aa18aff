import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { randomCaptchaCode, renderCaptchaPng } from './captcha-image.js';
import { formatCeacDate, SimClock } from './clock.js';
import {
  type FaultKind,
  type FaultSpec,
  FaultSpecError,
  type RequestKind,
  rollFault,
  validateFaultSpec,
} from './faults.js';
import { caseViewAt } from './lifecycle.js';
import {
  ajaxDelta,
  blockedPage,
  CAPTCHA_ID,
  CHANGED_LAYOUT_PAGE,
  CHANGED_LAYOUT_PANEL,
  ERROR_TEXTS,
  formPage,
  formPanel,
  type FormState,
  MAINTENANCE_PAGE,
  SERVER_ERROR_PAGE,
  type SiteError,
  statusPanel,
  VIEWSTATE_ERROR_PAGE,
} from './pages.js';
import {
  caseKey,
  normaliseCaseId,
  resolveScenario,
  type Scenario,
  type ScenarioCase,
  type ScenarioInput,
} from './scenario.js';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** A scenario, a path to a scenario file (or folder of them); the shipped demo set when absent. */
  scenario?: Scenario | ScenarioInput | string;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  faults?: FaultSpec;
  /** Every captcha shows this code (test hook). */
  captchaCode?: string;
  /** Enables GET /__sim/captcha/<LBD_VCID> (test hook). */
  debugCaptcha?: boolean;
  now?: () => number;
  /** How long a `timeout` fault holds the answer back (default 60 s, beyond any sane client timeout). */
  slowMs?: number;
  /** How late a `slow` fault makes an answer that still comes (default 1.5 s). */
  lateMs?: number;
  /** Random source for fault rolls (tests make them deterministic). */
  random?: () => number;
}

export interface SimCaseInfo {
  label: string | null;
  app: 'NIV' | 'IV';
  location: string | null;
  id: string;
  passport: string | null;
  surname: string | null;
  siteAnswer: 'invalid_id' | null;
  /** `at` is seconds from the simulator's start; bumps move "Case Last Updated" only. */
  steps: { at: number; status: string; variant: string; bump: boolean }[];
  /** What the site shows now; null before the case exists. */
  current: { status: string; variant: string; caseCreated: string; caseLastUpdated: string } | null;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
  advance(seconds: number): void;
  cases(): SimCaseInfo[];
  stats(): Record<string, number>;
  setFaults(f: FaultSpec): void;
  faults(): FaultSpec;
  /** Simulated seconds since start. */
  elapsed(): number;
}

interface Session {
  /** Viewstate -> event validation of each form this session was served (the round trip check). */
  forms: Map<string, string>;
  /** Captcha instance id -> code; each instance answers one POST. */
  captchas: Map<string, string>;
}

const SESSION_COOKIE = 'ASP.NET_SessionId';
const MAX_SESSIONS = 20_000;
const MAX_FORMS_PER_SESSION = 8;
const ID_FORMATS = [/^[A-Z0-9]{10}$/, /^[A-Z]{3}\d{10}$/, /^\d{4}[A-Z]{2}\d{1,10}$/];

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function ceacCompare(a: string | undefined | null, b: string | undefined | null): boolean {
  return (a ?? '').replace(/\s+/g, '').toUpperCase() === (b ?? '').replace(/\s+/g, '').toUpperCase();
}

function surnameKey(s: string | undefined | null): string {
  return (s ?? '')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 5);
}

/** Starts the CEAC-compatible simulator on loopback (by default) and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const scenario = resolveScenario(opts.scenario);
  const clock = new SimClock(opts.now ?? Date.now, opts.speed ?? 1);
  const random = opts.random ?? Math.random;
  const slowMs = opts.slowMs ?? 60_000;
  const lateMs = opts.lateMs ?? 1_500;
  let faults: FaultSpec = validateFaultSpec(opts.faults ?? {});
  const byKey = new Map<string, ScenarioCase>(scenario.cases.map((c) => [caseKey(c.app, c.id), c]));
  const sessions = new Map<string, Session>();
  const counters = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const count = (k: string) => counters.set(k, (counters.get(k) ?? 0) + 1);
  // With a fixed code (a test hook) a few drawings are reused: drawing costs more than the rest
  // of a check on the server side, and benchmarks measure the client, not the drawing.
  const fixedCodeImages: Buffer[] = [];
  const captchaImage = (code: string): Buffer => {
    if (code !== opts.captchaCode) return renderCaptchaPng(code);
    if (fixedCodeImages.length < 8) fixedCodeImages.push(renderCaptchaPng(code));
    return fixedCodeImages[Math.floor(Math.random() * fixedCodeImages.length)]!;
  };

  function newSession(): [string, Session] {
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    const id = token(18);
    const s: Session = { forms: new Map(), captchas: new Map() };
    sessions.set(id, s);
    return [id, s];
  }

  function sessionOf(req: IncomingMessage): [string, Session] | null {
    const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE.replace('.', '\\.')}=([^;]+)`).exec(req.headers.cookie ?? '');
    const s = m ? sessions.get(m[1]!) : undefined;
    return m && s ? [m[1]!, s] : null;
  }

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'private', ...headers });
    res.end(body);
  }

  /** Applies an injected fault; true when it answered (or dropped) the request. */
  function applyFault(req: IncomingMessage, res: ServerResponse, kind: RequestKind): FaultKind | null {
    const fault = rollFault(faults, kind, random);
    if (!fault) return null;
    count(`fault_${fault}`);
    switch (fault) {
      case 'blocked':
        send(res, 403, 'text/html; charset=UTF-8', blockedPage(`${token(6)}-IAD`), {
          server: 'cloudflare',
          'cf-ray': `${randomBytes(8).toString('hex')}-IAD`,
        });
        return fault;
      case 'drop':
        req.socket.destroy();
        return fault;
      case 'timeout': {
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (!res.writableEnded && !req.socket.destroyed)
            send(res, 503, 'text/html; charset=utf-8', SERVER_ERROR_PAGE);
        }, slowMs);
        pending.add(timer);
        return fault;
      }
      case '5xx':
        send(res, 503, 'text/html; charset=utf-8', SERVER_ERROR_PAGE);
        return fault;
      case 'maintenance':
        send(res, 200, 'text/html; charset=utf-8', MAINTENANCE_PAGE);
        return fault;
      case 'layout':
        if (kind === 'post') send(res, 200, 'text/plain; charset=utf-8', ajaxDelta(CHANGED_LAYOUT_PANEL, {}));
        else send(res, 200, 'text/html; charset=utf-8', CHANGED_LAYOUT_PAGE);
        return fault;
      default:
        // captcha and wrongcase change the answer of a POST rather than replace it.
        return fault;
    }
  }

  function serveForm(req: IncomingMessage, res: ServerResponse, url: URL) {
    count('form');
    if (applyFault(req, res, 'form')) return;
    const app =
      (url.searchParams.get('App') ?? url.searchParams.get('app') ?? 'NIV').toUpperCase() === 'IV' ? 'IV' : 'NIV';
    let [sid, session] = sessionOf(req) ?? [null, null];
    const headers: Record<string, string> = {};
    if (!session) {
      [sid, session] = newSession();
      headers['set-cookie'] = `${SESSION_COOKIE}=${sid}; path=/; HttpOnly; SameSite=Lax`;
    }
    const form = {
      app,
      viewState: token(96),
      eventValidation: token(48),
      vcid: randomBytes(16).toString('hex'),
    } as const;
    if (session.forms.size >= MAX_FORMS_PER_SESSION) session.forms.delete(session.forms.keys().next().value!);
    session.forms.set(form.viewState, form.eventValidation);
    if (session.captchas.size >= MAX_FORMS_PER_SESSION) session.captchas.delete(session.captchas.keys().next().value!);
    session.captchas.set(form.vcid, opts.captchaCode ?? randomCaptchaCode(5));
    send(res, 200, 'text/html; charset=utf-8', formPage(form), headers);
  }

  function serveCaptcha(req: IncomingMessage, res: ServerResponse, url: URL) {
    count('captcha');
    if (applyFault(req, res, 'captcha')) return;
    const vcid = url.searchParams.get('t') ?? '';
    const code = sessionOf(req)?.[1].captchas.get(vcid);
    if (url.searchParams.get('get') !== 'image' || url.searchParams.get('c') !== CAPTCHA_ID) {
      send(res, 400, 'text/plain', 'unsupported captcha request (the simulator serves get=image only)');
      return;
    }
    if (!code) {
      count('captcha_unknown');
      send(res, 400, 'text/plain', 'unknown captcha instance for this session');
      return;
    }
    send(res, 200, 'image/png', captchaImage(code), { 'cache-control': 'no-store' });
  }

  function errorDelta(res: ServerResponse, error: SiteError, app: 'NIV' | 'IV') {
    count(`answer_${error}`);
    const form: FormState = {
      app,
      viewState: token(96),
      eventValidation: token(48),
      vcid: randomBytes(16).toString('hex'),
    };
    send(
      res,
      200,
      'text/plain; charset=utf-8',
      ajaxDelta(formPanel(form, ERROR_TEXTS[error]), { __VIEWSTATE: form.viewState }),
    );
  }

  function answerPost(req: IncomingMessage, res: ServerResponse, body: string) {
    count('post');
    const fault = applyFault(req, res, 'post');
    if (fault && fault !== 'captcha' && fault !== 'wrongcase') return;
    const f = new URLSearchParams(body);
    const field = (name: string) => f.get(`ctl00$ContentPlaceHolder1$${name}`) ?? '';
    const session = sessionOf(req)?.[1];
    const viewState = f.get('__VIEWSTATE') ?? '';
    // ASP.NET refuses a postback whose viewstate it did not issue to this session.
    if (!session || !session.forms.has(viewState) || session.forms.get(viewState) !== f.get('__EVENTVALIDATION')) {
      count('rejected_viewstate');
      send(res, 500, 'text/html; charset=utf-8', VIEWSTATE_ERROR_PAGE);
      return;
    }
    session.forms.delete(viewState);
    const app = field('Visa_Application_Type').toUpperCase() === 'IV' ? 'IV' : 'NIV';
    const vcid = f.get(`LBD_VCID_${CAPTCHA_ID}`) ?? '';
    const expected = session.captchas.get(vcid);
    session.captchas.delete(vcid);
    if (!expected || !ceacCompare(expected, field('Captcha')) || fault === 'captcha') {
      errorDelta(res, 'captcha_rejected', app);
      return;
    }
    const id = normaliseCaseId(field('Visa_Case_Number'));
    if (!ID_FORMATS.some((r) => r.test(id))) {
      errorDelta(res, 'invalid_id', app);
      return;
    }
    const c = byKey.get(caseKey(app, id));
    const matches =
      c &&
      (app === 'IV' || ceacCompare(c.location, field('Location_Dropdown'))) &&
      (!c.passport || ceacCompare(c.passport, field('Passport_Number'))) &&
      (!c.surname || surnameKey(c.surname) === surnameKey(field('Surname')));
    const view = matches ? caseViewAt(c, clock.elapsed()) : null;
    if (!c || !matches || !view) {
      errorDelta(res, 'not_found', app);
      return;
    }
    if (c.siteAnswer === 'invalid_id') {
      errorDelta(res, 'invalid_id', app);
      return;
    }
    count('answer_status');
    const other = fault === 'wrongcase' ? (scenario.cases.find((x) => x !== c && x.app === c.app) ?? null) : null;
    const shownId =
      fault === 'wrongcase' ? (other?.id ?? `${c.id.slice(0, -1)}${c.id.endsWith('9') ? '8' : '9'}`) : c.id;
    const form: FormState = {
      app,
      viewState: token(96),
      eventValidation: token(48),
      vcid: randomBytes(16).toString('hex'),
    };
    const panel =
      formPanel(form) +
      statusPanel({
        applicationName:
          c.applicationName ?? (app === 'NIV' ? 'NONIMMIGRANT VISA APPLICATION' : 'IMMIGRANT VISA APPLICATION'),
        caseNumber: shownId,
        created: formatCeacDate(clock.instantOf(view.createdAt)),
        updated: formatCeacDate(clock.instantOf(view.updatedAt)),
        status: view.status,
        message: view.text,
      });
    send(
      res,
      200,
      'text/plain; charset=utf-8',
      ajaxDelta(panel, { __VIEWSTATE: form.viewState, __EVENTVALIDATION: form.eventValidation }),
    );
  }

  function caseInfos(): SimCaseInfo[] {
    const now = clock.elapsed();
    return scenario.cases.map((c) => {
      const view = caseViewAt(c, now);
      let variant = c.steps[0]!.variant!;
      return {
        label: c.label ?? null,
        app: c.app,
        location: c.location ?? null,
        id: c.id,
        passport: c.passport ?? null,
        surname: c.surname ?? null,
        siteAnswer: c.siteAnswer ?? null,
        steps: c.steps.map((s) => {
          if (s.variant) variant = s.variant;
          const v = caseViewAt({ ...c, steps: [{ at: s.at, variant }] }, s.at)!;
          return { at: s.at, status: v.status, variant, bump: Boolean(s.bump) };
        }),
        current: view && {
          status: view.status,
          variant: view.variant,
          caseCreated: new Date(clock.instantOf(view.createdAt)).toISOString().slice(0, 10),
          caseLastUpdated: new Date(clock.instantOf(view.updatedAt)).toISOString().slice(0, 10),
        },
      };
    });
  }

  function json(res: ServerResponse, status: number, value: unknown) {
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  }

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /* eslint-disable @typescript-eslint/no-confusing-void-expression -- `return json(…)` is these routers' early exit; kept as is while startSimulator is split (issue 10, item 4) */
  async function hook(req: IncomingMessage, res: ServerResponse, path: string) {
    count('hook');
    if (req.method === 'GET' && path === '/__sim/cases')
      return json(res, 200, { elapsed: clock.elapsed(), cases: caseInfos() });
    if (req.method === 'GET' && path === '/__sim/stats') return json(res, 200, Object.fromEntries(counters));
    if (req.method === 'GET' && path === '/__sim/faults') return json(res, 200, faults);
    if (req.method === 'GET' && path.startsWith('/__sim/captcha/')) {
      if (!opts.debugCaptcha) return json(res, 404, { error: 'captcha answers are served only with --debug-captcha' });
      const vcid = decodeURIComponent(path.slice('/__sim/captcha/'.length));
      for (const s of sessions.values()) {
        const code = s.captchas.get(vcid);
        if (code) return json(res, 200, { vcid, code });
      }
      return json(res, 404, { error: 'no such captcha instance (it may have been used already)' });
    }
    if (req.method === 'POST' && (path === '/__sim/advance' || path === '/__sim/faults')) {
      const text = await readBody(req);
      let value: unknown;
      try {
        value = JSON.parse(text ?? '');
      } catch {
        return json(res, 400, { error: 'the body must be JSON' });
      }
      if (path === '/__sim/advance') {
        const seconds = (value as { seconds?: unknown } | null)?.seconds;
        if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
          return json(res, 400, { error: 'send {"seconds": N} with N a number of seconds (may be negative)' });
        }
        clock.advance(seconds);
        return json(res, 200, { elapsed: clock.elapsed() });
      }
      try {
        faults = validateFaultSpec(value);
      } catch (e) {
        return json(res, 400, { error: e instanceof FaultSpecError ? e.message : 'invalid faults' });
      }
      return json(res, 200, faults);
    }
    return json(res, 404, { error: `no simulator hook ${req.method} ${path}` });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    // IIS paths are case-insensitive; so are ours.
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/__sim/')) return hook(req, res, path);
    if ((faults.slow ?? 0) > 0 && random() < faults.slow!) {
      count('fault_slow');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, lateMs);
        pending.add(timer);
      });
      if (req.socket.destroyed) return;
    }
    if (req.method === 'GET' && path === '/ceacstattracker/default.aspx') {
      count('redirect');
      res.writeHead(302, { location: `/CEACStatTracker/Status.aspx?App=${url.searchParams.get('App') ?? 'NIV'}` });
      return res.end();
    }
    if (req.method === 'GET' && path === '/ceacstattracker/status.aspx') return serveForm(req, res, url);
    if (req.method === 'GET' && path === '/ceacstattracker/botdetectcaptcha.ashx') return serveCaptcha(req, res, url);
    if (req.method === 'POST' && path === '/ceacstattracker/status.aspx') {
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'request too large');
      return answerPost(req, res, body);
    }
    count('not_found');
    send(res, 404, 'text/html; charset=utf-8', '<html><body><h1>404 - File or directory not found.</h1></body></html>');
  }
  /* eslint-enable @typescript-eslint/no-confusing-void-expression */

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      count('internal_error');
      if (!res.headersSent) send(res, 500, 'text/plain', `simulator error: ${(err as Error).message}`);
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    async close() {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    advance: (seconds) => clock.advance(seconds),
    cases: caseInfos,
    stats: () => Object.fromEntries(counters),
    setFaults(f) {
      faults = validateFaultSpec(f);
    },
    faults: () => ({ ...faults }),
    elapsed: () => clock.elapsed(),
  };
}
