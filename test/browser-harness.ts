import { mkdirSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';

import { unlimitedBudget } from '../src/ceac/budget.js';
import { createDispatcher, enqueueDeliveries } from '../src/notify/index.js';
import { createTracking } from '../src/runtime/index.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import type { WebAppOptions } from '../src/web/app.js';
import { createInProcessChecker, type InProcessChecker } from '../src/web/checker.js';
import { chromiumOrSkip } from './support/requirements.js';
import { webFixture } from './web-harness.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
export const OUTPUT = 'test-output';

/**
 * A loopback proxy in front of the simulator that remembers the id of the last captcha image the
 * client fetched, so a test can ask the simulator's debug endpoint for its answer (the person's part).
 */
async function captchaRecordingProxy(
  target: string,
): Promise<{ url: string; lastVcid: () => string | null; close: () => Promise<void> }> {
  const t = new URL(target);
  let last: string | null = null;
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.searchParams.get('get') === 'image' && u.searchParams.get('t')) last = u.searchParams.get('t');
    const up = httpRequest(
      { host: t.hostname, port: t.port, path: req.url, method: req.method, headers: { ...req.headers, host: t.host } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    lastVcid: () => last,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface Stack {
  url: string;
  sim: RunningSimulator;
  checker: InProcessChecker;
  fixture: Awaited<ReturnType<typeof webFixture>>;
  /** The answer to the captcha the client is showing now, from the simulator's debug endpoint. */
  currentCaptchaAnswer(): Promise<string>;
  close(): Promise<void>;
}

/** The whole app on a real port: simulator, in-process tracker, web server on loopback. */
export async function startStack(options: {
  automaticCaptcha: boolean;
  /** `postgres: true` runs the app on TEST_DATABASE_URL instead of SQLite. */
  extra?: Partial<WebAppOptions> & { postgres?: boolean };
}): Promise<Stack> {
  const AUTO = 'AUTO42';
  const sim = await startSimulator({
    port: 0,
    debugCaptcha: true,
    ...(options.automaticCaptcha && { captchaCode: AUTO }),
  });
  const proxy = await captchaRecordingProxy(sim.url);
  const late: { checker?: InProcessChecker } = {};
  const fixture = await webFixture({
    ssePollMs: 250,
    onCaseAdded: (id) => void late.checker?.check(id).catch(() => undefined),
    ...options.extra,
  });
  const dispatcher = createDispatcher({
    store: fixture.store,
    sealer: fixture.sealer,
    logger: fixture.services.logger,
    allowPrivateTargets: true,
    pollMs: 200,
  });
  dispatcher.start();
  fixture.services.notify.dispatcher = dispatcher;
  fixture.services.notify.allowPrivateTargets = true;
  const tracking = createTracking(
    { CEAC_BASE_URL: proxy.url, CEAC_REQUEST_INTERVAL_MS: 0 },
    {
      store: fixture.store,
      sealer: fixture.sealer,
      logger: fixture.services.logger,
      budget: unlimitedBudget,
      solver: options.automaticCaptcha ? { name: 'test', solve: async () => AUTO } : null,
      onEvents: (trx, events) => enqueueDeliveries(trx, events).then(() => undefined),
    },
  );
  const checker = createInProcessChecker(tracking);
  late.checker = checker;
  fixture.services.checker = checker;
  const server = serve({ fetch: fixture.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sim,
    checker,
    fixture,
    async currentCaptchaAnswer() {
      const vcid = proxy.lastVcid();
      if (!vcid) throw new Error('no captcha was fetched yet');
      const res = await fetch(`${sim.url}/__sim/captcha/${encodeURIComponent(vcid)}`);
      return ((await res.json()) as { code: string }).code;
    },
    async close() {
      fixture.services.personChecks.closeAll();
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await dispatcher.stop();
      await tracking.close();
      await proxy.close();
      await sim.close();
      await fixture.close();
    },
  };
}

/** The Chromium of the machine (the project's one lookup), or null: browser tests then skip with a reason. */
export const CHROMIUM = chromiumOrSkip('browser tests');

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium: the browser tests should have been skipped');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Saves the page as a phone and as a desktop sees it, under test-output/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${OUTPUT}/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
