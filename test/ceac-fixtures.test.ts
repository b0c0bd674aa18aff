import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readStatusForm } from '../src/ceac/form.js';
import { type CaseQuery, CeacClient, unlimitedBudget } from '../src/ceac/index.js';
import { renderCaptchaPng } from '../src/simulator/index.js';
import { fixedSolver } from './ceac-helpers.js';

/*
 * The recorded page and delta shapes of docs/ceac-protocol.md (the decoder's fixtures, written from those
 * facts by another hand than the simulator's), served by a bare loopback server and read by the
 * client: the client must understand the shapes themselves, not only our simulator's rendering.
 */
const FIXTURES = join(import.meta.dirname, '..', 'src', 'decode', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

let server: Server;
let baseUrl = '';
let formReply: Reply;
let postReply: Reply;
const seen: { method: string; path: string; cookie: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', path, cookie: req.headers.cookie, body });
      const send = (r: Reply) => {
        res.writeHead(r.status, { 'content-type': 'text/html; charset=utf-8', ...r.headers });
        res.end(r.body);
      };
      if (req.method === 'GET' && path === '/ceacstattracker/status.aspx') {
        send({
          ...formReply,
          headers: { 'set-cookie': 'ASP.NET_SessionId=fixture123; path=/; HttpOnly', ...formReply.headers },
        });
        return;
      }
      if (req.method === 'GET' && path === '/ceacstattracker/BotDetectCaptcha.ashx') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(renderCaptchaPng('FIX42'));
      }
      if (req.method === 'POST' && path === '/ceacstattracker/status.aspx') {
        send(postReply);
        return;
      }
      send({ status: 404, body: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const FORM: Reply = { status: 200, body: fixture('page-form.html') };
const query: CaseQuery = { app: 'NIV', location: 'BMB', id: 'AA00ABCD12', passport: 'Z1234567', surname: 'SHARM' };

async function check(form: Reply, post: Reply, q: CaseQuery = query) {
  formReply = form;
  postReply = post;
  seen.length = 0;
  const client = new CeacClient({
    baseUrl,
    solver: fixedSolver('FIX42'),
    budget: unlimitedBudget,
    maxCaptchaTries: 2,
    retry5xx: 0,
    timeoutMs: 2000,
  });
  try {
    return await client.check(q);
  } finally {
    await client.close();
  }
}

describe('recorded shapes through the client', () => {
  it('posts the protocol fields with the session cookie and every hidden input of the form', async () => {
    const out = await check(FORM, { status: 200, body: fixture('delta-refused-221g.txt') });
    expect(out.kind).toBe('ok');
    if (out.kind === 'ok') {
      expect(out.observation).toMatchObject({
        status: 'Refused',
        caseNumber: 'AA00ABCD12',
        caseCreated: '2022-07-28',
        caseLastUpdated: '2022-08-05',
      });
      expect(out.observation.message).toMatch(/will remain refused while undergoing such processing/);
      expect(out.applicationName).toBe('NONIMMIGRANT VISA APPLICATION');
    }
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /ceacstattracker/status.aspx',
      'GET /ceacstattracker/BotDetectCaptcha.ashx',
      'POST /ceacstattracker/status.aspx',
    ]);
    expect(seen[1]!.cookie).toBe('ASP.NET_SessionId=fixture123');
    expect(seen[2]!.cookie).toBe('ASP.NET_SessionId=fixture123');
    const fields = new URLSearchParams(seen[2]!.body);
    const formHtml = fixture('page-form.html');
    for (const m of formHtml.matchAll(/<input type="hidden" name="([^"]+)"[^>]*value="([^"]*)"/g)) {
      if (m[1]!.startsWith('LBD_BackWorkaround') || m[1]!.startsWith('__EVENT') || m[1] === '__LASTFOCUS') continue;
      expect(fields.get(m[1]!), m[1]).toBe(m[2]);
    }
    expect(Object.fromEntries(fields)).toMatchObject({
      ctl00$ToolkitScriptManager1: 'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
      __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
      __EVENTARGUMENT: '',
      ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
      ctl00$ContentPlaceHolder1$Location_Dropdown: 'BMB',
      ctl00$ContentPlaceHolder1$Visa_Case_Number: 'AA00ABCD12',
      ctl00$ContentPlaceHolder1$Passport_Number: 'Z1234567',
      ctl00$ContentPlaceHolder1$Surname: 'SHARM',
      ctl00$ContentPlaceHolder1$Captcha: 'FIX42',
      LBD_BackWorkaround_c_status_ctl00_contentplaceholder1_defaultcaptcha: '1',
      LBD_VCID_c_status_ctl00_contentplaceholder1_defaultcaptcha: '7b1c6e0f9a2d4c3e8f5a6b7c8d9e0f1a',
    });
    // A full postback (as CEACStatTracker posts): the whole page comes back, with a fresh form.
    expect(fields.has('__ASYNCPOST')).toBe(false);
  });

  it.each([
    ['delta-captcha.txt', 'captcha_rejected'],
    ['delta-not-found.txt', 'case_not_found'],
    ['page-invalid-id.html', 'invalid_case_number'],
    ['page-maintenance.html', 'maintenance'],
    ['page-blocked.html', 'blocked'],
  ])('%s is %s', async (name, kind) => {
    const out = await check(FORM, { status: 200, body: fixture(name) });
    expect(out.kind).toBe(kind);
  });

  it('a whole page answer about another case is wrong_case, not a status', async () => {
    const out = await check(FORM, { status: 200, body: fixture('page-issued.html') });
    expect(out).toMatchObject({ kind: 'wrong_case', returned: 'AA00WXYZ34' });
  });

  it('reads a whole HTML page as well as a delta', async () => {
    const out = await check(FORM, { status: 200, body: fixture('page-issued.html') }, { ...query, id: 'AA00WXYZ34' });
    expect(out.kind).toBe('ok');
    if (out.kind === 'ok') expect(out.observation.status).toBe('Issued');
  });

  it.each([
    [
      'an MS-AJAX error record',
      { status: 200, body: '1|#||4|27|error|500|Validation of viewstate MAC|' },
      'http_error',
    ],
    [
      'a Cloudflare challenge',
      { status: 503, headers: { server: 'cloudflare' }, body: '<title>Just a moment...</title>' },
      'challenge',
    ],
    [
      'a 403 with only a cf-ray header',
      { status: 403, headers: { 'cf-ray': '8f2a-IAD' }, body: 'Forbidden' },
      'blocked',
    ],
    ['an IIS 500', { status: 500, body: '<h1>Server Error</h1>' }, 'http_error'],
    ['the form again, without a result', { status: 200, body: fixture('page-form.html') }, 'layout_changed'],
  ] as const)('%s on submit is %s, never a status', async (_what, reply, kind) => {
    const out = await check(FORM, reply);
    expect(out.kind).toBe(kind);
  });

  it('a normal page behind Cloudflare (its headers, its scripts) is not a block', async () => {
    const cf = { server: 'cloudflare', 'cf-ray': '8f2a1b3c4d5e6f70-IAD' };
    const form = {
      status: 200,
      headers: cf,
      body: FORM.body.replace(
        '</body>',
        '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></body>',
      ),
    };
    const out = await check(form, { status: 200, headers: cf, body: fixture('delta-refused-221g.txt') });
    expect(out.kind).toBe('ok');
  });

  it('a form page without the captcha image is not taken for the form', async () => {
    const noCaptcha = FORM.body.replace(/<img[^>]*LBD_CaptchaImage[^>]*>/, '');
    const out = await check({ status: 200, body: noCaptcha }, { status: 200, body: fixture('delta-refused-221g.txt') });
    expect(out.kind).toBe('layout_changed');
    expect(out.requests).toBe(1);
  });
});

describe('status form reader', () => {
  const page = (inner: string) =>
    `<html><body><form action='./status.aspx?App=IV' method=post id=aspnetForm>${inner}</form></body></html>`;
  const fields =
    `<input value="vs+/=" id="__VIEWSTATE" type="HIDDEN" name="__VIEWSTATE">` +
    `<input type='hidden' name='LBD_VCID_c_status_ctl00_contentplaceholder1_defaultcaptcha' value='ab&amp;cd' />` +
    `<input name="ctl00$ContentPlaceHolder1$Visa_Case_Number" type="text">`;

  it('reads attributes in any order and quoting, and decodes entities', () => {
    const img = `<img alt="x > y" class="LBD_CaptchaImage other" src="BotDetectCaptcha.ashx?get=image&amp;t=1&#38;c=2">`;
    const form = readStatusForm(page(fields + img), 'https://ceac.example/ceacstattracker/status.aspx?App=IV');
    expect(form).toEqual({
      hidden: { __VIEWSTATE: 'vs+/=', LBD_VCID_c_status_ctl00_contentplaceholder1_defaultcaptcha: 'ab&cd' },
      captchaUrl: 'https://ceac.example/ceacstattracker/BotDetectCaptcha.ashx?get=image&t=1&c=2',
      postUrl: 'https://ceac.example/ceacstattracker/status.aspx?App=IV',
    });
  });

  it('is null without the captcha image, the case field or the viewstate', () => {
    const img = `<img class="LBD_CaptchaImage" src="c.ashx">`;
    expect(readStatusForm(page(fields), 'https://x/')).toBeNull();
    expect(readStatusForm(page(fields.replace('Visa_Case_Number', 'CaseId') + img), 'https://x/')).toBeNull();
    expect(readStatusForm(page(fields.replace(/__VIEWSTATE/g, '__STATE') + img), 'https://x/')).toBeNull();
  });
});
