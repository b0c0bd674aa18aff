/**
 * The browser extension, unpacked in a real Chromium, on the simulator's CEAC page: the panel for
 * every status of the scripted cases (asynchronous postback and whole-page answer), "Save this
 * check" to a real ceac-watch server, and no request anywhere without a connection.
 *
 * The extension is built as a TEST build (`extension/build.mjs --test-origin http://127.0.0.1`):
 * the same code, with the loopback simulator's origin added to where the content script runs.
 * The simulator's page has no MS-AJAX scripts, so the test does what they do on the real page: it
 * posts the form asynchronously and puts the UpdatePanel's new content in place.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { serve } from '@hono/node-server';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { interpret, parseCeacResponse } from '../src/decode/index.js';
import { loadTranslator } from '../src/i18n/translator.js';
import type { Interpretation } from '../src/knowledge/types.js';
import { type RunningSimulator, type SimCaseInfo, startSimulator } from '../src/simulator/index.js';
import { CHROMIUM_ARGS } from './browser-harness.js';
import { T0 } from './ceac-helpers.js';
import { Client, webFixture } from './web-harness.js';

const UPDATE_PANEL = 'ctl00_ContentPlaceHolder1_UpdatePanel1';
const field = (name: string) => `[name="ctl00$ContentPlaceHolder1$${name}"]`;

let dir: string;
let sim: RunningSimulator;
let context: BrowserContext;
let extensionId: string;
let web: Awaited<ReturnType<typeof webFixture>>;
let webUrl: string;
let webRequests = 0;
let closeWeb: () => Promise<void>;
/** Every request the browser made (pages and the extension's worker). */
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ceac-ext-'));
  execFileSync(process.execPath, ['extension/build.mjs', '--test-origin', 'http://127.0.0.1', '--out', dir], {
    stdio: 'pipe',
  });
  const unpacked = join(dir, 'test-chromium');
  sim = await startSimulator({ now: () => T0, debugCaptcha: true });

  web = await webFixture();
  const server = serve({
    fetch: (req: Request) => {
      webRequests++;
      return web.app.fetch(req);
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeWeb = async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };

  // MV3 extensions run in Chromium's new headless mode (Playwright's default headless here).
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${unpacked}`, `--load-extension=${unpacked}`],
  });
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sim.url });
}, 120_000);

afterAll(async () => {
  await context.close();
  await closeWeb();
  await sim.close();
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the status page and fills the form the way a person does (captcha answer from the simulator's debug hook). */
async function fillForm(page: Page, c: SimCaseInfo): Promise<void> {
  await page.goto(`${sim.url}/ceacstattracker/status.aspx?App=${c.app}`);
  if (c.app === 'NIV') await page.selectOption(`select${field('Location_Dropdown')}`, c.location);
  await page.fill(field('Visa_Case_Number'), c.id);
  await page.fill(field('Passport_Number'), c.passport ?? '');
  await page.fill(field('Surname'), (c.surname ?? '').slice(0, 5));
  const vcid = await page.inputValue('input[name^="LBD_VCID_"]');
  const res = await fetch(`${sim.url}/__sim/captcha/${encodeURIComponent(vcid)}`);
  await page.fill(field('Captcha'), ((await res.json()) as { code: string }).code);
}

/** What MS-AJAX's PageRequestManager does on the real page: an async postback, then the UpdatePanel replaced. */
async function asyncPostback(page: Page): Promise<string> {
  return page.evaluate(async (panelId) => {
    const form = document.forms[0]!;
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form) as unknown as Iterable<[string, string]>) data.append(k, v);
    data.set(
      'ctl00$ToolkitScriptManager1',
      'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
    );
    data.set('__EVENTTARGET', 'ctl00$ContentPlaceHolder1$btnSubmit');
    data.set('__ASYNCPOST', 'true');
    const res = await fetch(form.action, {
      method: 'POST',
      body: data,
      headers: { 'X-MicrosoftAjax': 'Delta=true', 'X-Requested-With': 'XMLHttpRequest' },
    });
    const body = await res.text();
    let i = 0;
    while (i < body.length) {
      const a = body.indexOf('|', i);
      const b = body.indexOf('|', a + 1);
      const c = body.indexOf('|', b + 1);
      const length = Number(body.slice(i, a));
      const type = body.slice(a + 1, b);
      const id = body.slice(b + 1, c);
      const content = body.slice(c + 1, c + 1 + length);
      if (type === 'updatePanel' && id === panelId) document.getElementById(id)!.innerHTML = content;
      if (type === 'hiddenField') {
        const input = form.querySelector<HTMLInputElement>(`[name="${id}"]`);
        if (input) input.value = content;
      }
      i = c + 1 + length + 1;
    }
    return body;
  }, UPDATE_PANEL);
}

interface Shown {
  variant: string | null;
  finality: string | null;
  headline: string;
  text: string;
}

async function panelOf(page: Page): Promise<Shown> {
  const panel = page.locator('section.ceac-watch-panel');
  await panel.waitFor();
  return {
    variant: await panel.getAttribute('data-variant'),
    finality: await panel.getAttribute('data-finality'),
    headline: await panel.locator('.cw-headline').innerText(),
    text: await panel.innerText(),
  };
}

/** The answer as the server-side parser reads the raw response (not the page's DOM), decoded. */
function expectedFrom(body: string): Interpretation {
  const parsed = parseCeacResponse(body, { reader: 'cheerio' });
  if (parsed.kind !== 'status') throw new Error(`the simulator answered ${parsed.kind}`);
  return interpret(parsed.observation);
}

/** Moves the simulator's clock to a simulated time (seconds since its start; earlier is allowed). */
function setClock(seconds: number): void {
  sim.advance(seconds - sim.elapsed());
}

describe('the extension on the CEAC status page', () => {
  it('shows the right panel under the answer for every status of the scripted cases', async () => {
    const page = await context.newPage();
    const seen = new Map<string, Shown>();
    for (const c of sim.cases()) {
      for (const [n, step] of c.steps.entries()) {
        // Each status once (the first case that shows it): a browser check is not free on a shared machine.
        if (step.bump || c.siteAnswer || !step.variant || seen.has(step.variant)) continue;
        const next = c.steps[n + 1];
        // A moment after the step (and before the next one), the site shows this status.
        setClock(step.at + Math.min(60, next ? (next.at - step.at) / 2 : 60));
        const truth = sim.cases().find((x) => x.id === c.id)!.current!;
        expect(truth.variant).toBe(step.variant);
        await fillForm(page, c);
        const body = await asyncPostback(page);
        const shown = await panelOf(page);
        const expected = expectedFrom(body);
        const label = `${c.id} ${step.variant}`;
        expect(shown.variant, label).toBe(expected.variant);
        expect(shown.headline, label).toBe(expected.headline);
        expect(shown.finality, label).toBe(expected.finality);
        expect(shown.text, label).toContain(expected.meaning);
        for (const s of [...expected.nextSteps, ...expected.watchFor]) expect(shown.text, label).toContain(s);
        // The simulator's own name for what it shows is the decoder's variant.
        expect(shown.variant, label).toBe(truth.variant);
        seen.set(step.variant, shown);
      }
    }
    // Both Refused texts: the long 221(g) one and the short "see the letter" one, told apart.
    const long = seen.get('refused_221g');
    const short = seen.get('refused_letter');
    expect(long && short).toBeTruthy();
    expect(long!.headline).not.toBe(short!.headline);
    expect(long!.text).toMatch(/221\(g\)/);
    expect([...seen.keys()].sort()).toEqual(
      [...new Set(sim.cases().flatMap((c) => (c.siteAnswer ? [] : c.steps.flatMap((s) => s.variant ?? []))))].sort(),
    );
    await page.close();
  }, 180_000);

  it('is a labelled region with headings, real buttons and a polite live status, placed right under the answer', async () => {
    setClock(0);
    const page = await context.newPage();
    const c = sim.cases().find((x) => x.current?.variant === 'refused_221g')!;
    await fillForm(page, c);
    await asyncPostback(page);
    const panel = page.locator('section.ceac-watch-panel');
    await panel.waitFor();
    const titleId = await panel.getAttribute('aria-labelledby');
    expect(await page.locator(`#${titleId}`).evaluate((e) => e.tagName)).toBe('H2');
    expect(await panel.getAttribute('role')).toBe('region');
    expect(await panel.locator('h3').count()).toBeGreaterThanOrEqual(2);
    expect(await panel.locator('[role="status"][aria-live="polite"]').count()).toBe(1);
    for (const name of ['Save this check', 'Copy for a forum'])
      expect(await panel.getByRole('button', { name }).getAttribute('type')).toBe('button');
    // Right under the status block, and the form's fields untouched.
    expect(await panel.evaluate((e) => e.previousElementSibling?.id ?? '')).toBe(
      'ctl00_ContentPlaceHolder1_ucApplicationStatusView_pnlStatus',
    );
    expect(await page.inputValue(field('Visa_Case_Number'))).toBe('');
    // Keyboard: Tab reaches the buttons.
    await panel.getByRole('button', { name: 'Save this check' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy for a forum');
    // A wrong captcha next: the error answer replaces the status, and the panel goes with it.
    await fillForm(page, c);
    await page.fill(field('Captcha'), 'WRONG1');
    await asyncPostback(page);
    await panel.waitFor({ state: 'detached' });
    await page.close();
  }, 60_000);

  it('reads a whole-page answer (a postback without MS-AJAX) the same way', async () => {
    setClock(0);
    const page = await context.newPage();
    const c = sim
      .cases()
      .find((x) => x.current?.variant === 'refused_letter' || x.current?.variant === 'refused_221g')!;
    await fillForm(page, c);
    // The page as ASP.NET renders it after a full postback: the same page, the UpdatePanel holding the answer.
    const shell = await page.evaluate((panelId) => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      clone.querySelector(`#${panelId}`)!.innerHTML = '<!--ANSWER-->';
      return `<!DOCTYPE html>${clone.outerHTML}`;
    }, UPDATE_PANEL);
    let answered = '';
    await page.route(
      (url) => url.pathname.toLowerCase() === '/ceacstattracker/status.aspx',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const res = await route.fetch();
        const body = await res.text();
        answered = body;
        // A simulator that already answers a full postback with the whole page is passed through as is.
        if (/<html/i.test(body.slice(0, 2_000))) return route.fulfill({ response: res, body });
        const records = body.split('|');
        const at = records.indexOf('updatePanel');
        const start = records.slice(0, at + 2).join('|').length + 1;
        const length = Number(records[at - 1]);
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: shell.replace('<!--ANSWER-->', body.slice(start, start + length)),
        });
      },
    );
    await page.click(field('btnSubmit'));
    const shown = await panelOf(page);
    const expected = expectedFrom(answered);
    expect(shown.variant).toBe(c.current!.variant);
    expect(shown.headline).toBe(expected.headline);
    await page.close();
  }, 60_000);

  it('without a connection sends nothing anywhere: Save says so, Copy uses this answer only', async () => {
    setClock(0);
    const before = webRequests;
    requests.length = 0;
    const page = await context.newPage();
    const c = sim.cases().find((x) => x.current?.variant === 'refused_221g')!;
    await fillForm(page, c);
    await asyncPostback(page);
    const panel = page.locator('section.ceac-watch-panel');
    await panel.getByRole('button', { name: 'Save this check' }).click();
    await expect.poll(() => panel.locator('[role="status"]').innerText()).toMatch(/Nothing was sent/);
    await panel.getByRole('button', { name: 'Copy for a forum' }).click();
    await expect.poll(() => panel.locator('[role="status"]').innerText()).toMatch(/Copied/);
    const line = await panel.locator('.cw-line').innerText();
    expect(line).toMatch(/^Refused \(221g\): \d{4}-\d{2}-\d{2}$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
    expect(line).not.toContain(c.id);
    await page.close();
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((u) => !u.startsWith(`${sim.url}/`) && !u.startsWith('chrome-extension://'));
    expect(elsewhere).toEqual([]);
    expect(webRequests).toBe(before);
  }, 60_000);

  it('speaks the browser’s language: a zh-CN browser gets the panel and the decoded answer in Chinese', async () => {
    setClock(0);
    const page = await context.newPage();
    // What a browser set to Chinese reports as navigator.language (and sends as Accept-Language).
    const userAgent = await page.evaluate(() => navigator.userAgent);
    await (
      await context.newCDPSession(page)
    ).send('Emulation.setUserAgentOverride', {
      userAgent,
      acceptLanguage: 'zh-CN',
    });
    const c = sim.cases().find((x) => x.current?.variant === 'refused_221g')!;
    await fillForm(page, c);
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
    const body = await asyncPostback(page);
    const shown = await panelOf(page);
    const panel = page.locator('section.ceac-watch-panel');
    expect(await panel.getAttribute('lang')).toBe('zh-CN');
    expect(await panel.locator('h2').innerText()).toBe('ceac-watch：这个状态是什么意思');
    // The decoder's answer in Chinese, the same as the CLI and the web give, with CEAC's status word in English.
    const parsed = parseCeacResponse(body, { reader: 'cheerio' });
    if (parsed.kind !== 'status') throw new Error(`the simulator answered ${parsed.kind}`);
    const expected = interpret(parsed.observation, {}, await loadTranslator('zh-CN'));
    expect(shown.variant).toBe('refused_221g');
    expect(shown.headline).toBe(expected.headline);
    expect(shown.headline).toContain('Refused');
    expect(shown.headline).toMatch(/[\u4e00-\u9fff]/);
    expect(shown.text).toContain(expected.meaning);
    for (const s of expected.nextSteps) expect(shown.text).toContain(s);
    expect(shown.text).toContain('这是什么意思');
    expect(shown.text).not.toContain('What it means');
    // Its own buttons and status lines too (nothing is connected yet: nothing is sent).
    await panel.getByRole('button', { name: '保存这次查询' }).click();
    await expect.poll(() => panel.locator('[role="status"]').innerText()).toMatch(/^没有发送任何内容/);
    expect(await panel.getByRole('button', { name: '复制到论坛' }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it('connected: "Save this check" records one observation and one event; a second save records nothing new', async () => {
    setClock(0);
    const c = sim.cases().find((x) => x.current?.variant === 'refused_221g' && x.app === 'NIV')!;
    const person = new Client(web.app);
    await person.signUp('extension@example.com');
    const user = (await web.services.accounts.findByEmail('extension@example.com'))!;
    const { token } = await web.services.accounts.createApiToken(user.id, 'extension');
    const added = await web.services.cases.add({
      app: c.app,
      location: c.location!,
      caseNumber: c.id,
      passport: c.passport!,
      surname: c.surname!,
      ownerId: user.id,
      context: { visaClass: 'H1B' },
      shareTimeline: false,
    });

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.fill('#url', webUrl);
    await options.fill('#token', 'cw_not-a-token');
    await options.click('#save');
    await expect.poll(() => options.locator('#state').innerText()).toBe('That ceac-watch did not accept the token.');
    expect(await options.evaluate(() => chrome.storage.local.get('connection'))).toEqual({});
    await options.fill('#token', token);
    await options.click('#save');
    await expect.poll(() => options.locator('#state').innerText()).toBe(`Connected to ${webUrl}.`);
    await options.close();

    const counts = async () => ({
      observations: (
        await web.store.db.selectFrom('observations').select('id').where('case_id', '=', added.id).execute()
      ).length,
      events: (await web.store.db.selectFrom('events').select('id').where('case_id', '=', added.id).execute()).length,
    });
    const page = await context.newPage();
    await fillForm(page, c);
    await asyncPostback(page);
    const panel = page.locator('section.ceac-watch-panel');
    const status = panel.locator('[role="status"]');
    await panel.getByRole('button', { name: 'Save this check' }).click();
    await expect.poll(() => status.innerText()).toBe('Saved to your ceac-watch: one change recorded.');
    expect(await counts()).toEqual({ observations: 1, events: 1 });
    const kase = await web.services.cases.get(added.id);
    expect([kase.state, kase.variant]).toEqual(['refused', 'refused_221g']);

    await panel.getByRole('button', { name: 'Save this check' }).click();
    await expect
      .poll(() => status.innerText())
      .toBe('Your ceac-watch already has this answer: nothing new was recorded.');
    expect(await counts()).toEqual({ observations: 1, events: 1 });

    // The forum line comes from the server's timeline: no case number, no names.
    await panel.getByRole('button', { name: 'Copy for a forum' }).click();
    await expect.poll(() => status.innerText()).toMatch(/^Copied\./);
    const line = await panel.locator('.cw-line').innerText();
    expect(line).toMatch(/^Refused \(221g\): \d{4}-\d{2}-\d{2} · Post: Mumbai · H1B$/);
    expect(line).not.toMatch(new RegExp(`${c.id}|${c.surname}|${c.passport}`, 'i'));

    // A case this account does not have: the panel offers to add it.
    const other = sim.cases().find((x) => x.current && x.id !== c.id && x.app === 'NIV' && !x.siteAnswer)!;
    await fillForm(page, other);
    await asyncPostback(page);
    await expect.poll(() => panel.getAttribute('data-variant')).toBe(other.current!.variant);
    await panel.getByRole('button', { name: 'Save this check' }).click();
    await expect.poll(() => status.innerText()).toBe('None of your cases in ceac-watch has this case number.');
    expect(await panel.getByRole('link', { name: 'Add this case to your ceac-watch' }).getAttribute('href')).toBe(
      `${webUrl}/cases/new?caseNumber=${other.id}`,
    );
    // The request listener sees the extension worker's requests too, so its silence without a connection means something.
    expect(requests.some((u) => u.startsWith(`${webUrl}/api/v1/observations`))).toBe(true);
    // The server never saw a passport number or a surname from the extension.
    const logged = web.logLines.join('');
    expect(logged).not.toContain(c.passport!);
    await page.close();
  }, 90_000);

  it('the store build loads in Chromium and asks for CEAC only', async () => {
    const out = join(dir, 'store');
    execFileSync(process.execPath, ['extension/build.mjs', '--out', out], { stdio: 'pipe' });
    const store = await chromium.launchPersistentContext(join(dir, 'store-profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        `--disable-extensions-except=${join(out, 'chromium')}`,
        `--load-extension=${join(out, 'chromium')}`,
      ],
    });
    try {
      const worker = store.serviceWorkers()[0] ?? (await store.waitForEvent('serviceworker'));
      const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
      expect(manifest.host_permissions).toEqual(['https://ceac.state.gov/*']);
      expect(manifest.content_scripts?.map((c) => c.matches)).toEqual([['https://ceac.state.gov/*']]);
      expect(manifest.permissions).toEqual(['storage']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
