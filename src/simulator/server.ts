import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { getRequestListener } from '@hono/node-server';

import type { CaptchaFormat } from './captcha-image.js';
import { ClearanceIssuer } from './challenge.js';
import { SimClock } from './clock.js';
import { send, sendChallenge } from './fault-answers.js';
import { type FaultSpec, validateFaultSpec } from './faults.js';
import { caseInfos, type SimCaseInfo, simHooks } from './hooks.js';

export type { SimCaseInfo } from './hooks.js';
import { resolveScenario, type Scenario, type ScenarioInput } from './scenario.js';
import { SessionStore } from './sessions.js';
import { captchaCodes, createSite } from './site.js';

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
  /** How the captcha image is served (default JPEG, as BotDetect does). */
  captchaFormat?: CaptchaFormat;
  /** Cloudflare's JavaScript challenge in front of every page until a client holds its clearance. */
  challenge?: boolean;
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

/** Starts the CEAC-compatible simulator on loopback (by default) and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const scenario = resolveScenario(opts.scenario);
  const clock = new SimClock(opts.now ?? Date.now, opts.speed ?? 1);
  const random = opts.random ?? Math.random;
  const lateMs = opts.lateMs ?? 1_500;
  let faults: FaultSpec = validateFaultSpec(opts.faults ?? {});
  const counters = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const count = (k: string) => counters.set(k, (counters.get(k) ?? 0) + 1);
  const sessions = new SessionStore(captchaCodes(opts.captchaCode));
  const clearance = new ClearanceIssuer();

  const site = createSite({
    scenario,
    clock,
    sessions,
    captchaFormat: opts.captchaFormat ?? 'jpeg',
    captchaCode: opts.captchaCode,
    faults: () => faults,
    random,
    count,
    slowMs: opts.slowMs ?? 60_000,
    pending,
  });
  const hooks = getRequestListener(
    simHooks({
      scenario,
      clock,
      sessions,
      debugCaptcha: Boolean(opts.debugCaptcha),
      counters: () => Object.fromEntries(counters),
      count,
      faults: () => faults,
      setFaults: (f) => (faults = f),
    }).fetch,
  );

  /**
   * Cloudflare in front of the site: with --challenge every request without a valid clearance
   * meets the challenge; with `challenge=RATE` that share of new sessions (requests that carry
   * neither a session of ours nor a clearance) does.
   */
  function challenged(req: IncomingMessage): boolean {
    if (clearance.cleared(req.headers.cookie)) return false;
    if (opts.challenge) return true;
    const rate = faults.challenge ?? 0;
    return rate > 0 && !sessions.fromCookie(req.headers.cookie) && random() < rate;
  }

  // Each branch answers and returns at once (`return send(…)`), as Node request handlers do.
  /* eslint-disable @typescript-eslint/no-confusing-void-expression */
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    // IIS paths are case-insensitive; so are ours.
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/__sim/')) return hooks(req, res);
    if (challenged(req)) {
      count('challenge');
      return sendChallenge(res, clearance);
    }
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
    if (req.method === 'GET' && path === '/ceacstattracker/status.aspx') return site.serveForm(req, res, url);
    if (req.method === 'GET' && path === '/ceacstattracker/botdetectcaptcha.ashx')
      return site.serveCaptcha(req, res, url);
    if (req.method === 'POST' && path === '/ceacstattracker/status.aspx') {
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'request too large');
      return site.answerPost(req, res, body);
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
    cases: () => caseInfos(scenario, clock),
    stats: () => Object.fromEntries(counters),
    setFaults(f) {
      faults = validateFaultSpec(f);
    },
    faults: () => ({ ...faults }),
    elapsed: () => clock.elapsed(),
  };
}
