import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { createWebApp } from '../src/web/app.js';
import type { Mailer } from '../src/web/context.js';
import { Client, webFixture } from './web-harness.js';

// The holes found when the web app and the API were attacked (issue 12), one test (or more) each,
// on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.
if (!TEST_DATABASE_URL)
  console.warn(
    'web-security PostgreSQL runs skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them',
  );

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
const extraClose: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const fn of extraClose.splice(0)) await fn();
  await fx?.close();
  fx = undefined;
});

/** Keeps what would have been mailed (the Mailer interface is the app's edge to SMTP). */
function mailbox(): Mailer & { sent: { to: string; subject: string; text: string }[] } {
  const sent: { to: string; subject: string; text: string }[] = [];
  return {
    sent,
    send(message) {
      sent.push(message);
      return Promise.resolve();
    },
  };
}

const NEW_CASE = {
  app: 'NIV' as const,
  location: 'Mumbai',
  caseNumber: 'AA0012AB34',
  passport: 'P1234567',
  surname: 'Sharma',
};

const databases = [
  { name: 'SQLite', postgres: false },
  ...(TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : []),
];

describe.each(databases)('security on $name', { timeout: 60_000 }, ({ postgres }) => {
  // 1
  it('builds a reset link from PUBLIC_URL or the listen address, never from the Host header', async () => {
    const mail = mailbox();
    fx = await webFixture({ postgres, mailer: mail, listenUrl: () => 'http://127.0.0.1:8123' });
    const c = new Client(fx.app);
    await c.signUp('victim@example.com');
    await c.request('/signout', { method: 'POST', body: new URLSearchParams({ _csrf: c.csrf }) });
    const attacker = new Client({ request: (_p, init) => fx!.app.request('http://evil.example/reset', init) });
    await attacker.page('/reset');
    const res = await attacker.post('/reset', { email: 'victim@example.com' });
    expect(res.status).toBe(200);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.text).not.toContain('evil.example');
    expect(mail.sent[0]!.text).toMatch(/http:\/\/127\.0\.0\.1:8123\/reset\/\S+/);
    await fx.close();

    const mail2 = mailbox();
    fx = await webFixture({ postgres, mailer: mail2, publicUrl: 'https://visa.example.org/' });
    const d = new Client(fx.app);
    await d.signUp('v2@example.com');
    const evil = new Client({ request: (_p, init) => fx!.app.request('http://evil.example/reset', init) });
    await evil.page('/reset');
    await evil.post('/reset', { email: 'v2@example.com' });
    expect(mail2.sent[0]!.text).toMatch(/https:\/\/visa\.example\.org\/reset\/\S+/);
    expect(mail2.sent[0]!.text).not.toContain('evil.example');
  });

  // 2
  it('refuses e-mail channels whose SMTP host is private, on the page and in the API', async () => {
    fx = await webFixture({ postgres });
    const c = new Client(fx.app);
    await c.signUp('mail@example.com');
    await c.page('/notifications');
    for (const url of [
      'mailto://127.0.0.1:6379/?to=me@example.com',
      'mailto://169.254.169.254/?to=me@example.com',
      'mailtos://u:p@[::1]:465/?to=me@example.com',
    ]) {
      const res = await c.post('/notifications', { url, events: 'status_changed', timeZone: 'UTC' });
      expect(res.status, url).toBe(422);
      expect(await res.text()).toMatch(/private, loopback or link-local/);
      const api = await c.json('/api/v1/channels', 'POST', { url }, { 'x-csrf-token': c.csrf });
      expect(api.status, url).toBe(422);
    }
    expect(await fx.store.db.selectFrom('notify_channels').selectAll().execute()).toHaveLength(0);
  });

  it("never shows a remote server's greeting, and limits channel tests per account", async () => {
    // A service that is not a mail server answers with its own banner (as Redis or SSH would).
    const banner = createTcpServer((s) => s.end('-ERR internal-banner-f00d wrong protocol\r\n'));
    await new Promise<void>((r) => banner.listen(0, '127.0.0.1', () => r()));
    extraClose.push(() => new Promise<void>((r) => banner.close(() => r())));
    const port = (banner.address() as AddressInfo).port;
    fx = await webFixture({
      postgres,
      notify: { allowPrivateTargets: true },
      rules: { channelTest: { limit: 2, windowMs: 600_000 } },
    });
    const c = new Client(fx.app);
    await c.signUp('banner@example.com');
    await c.page('/notifications');
    const added = await c.json(
      '/api/v1/channels',
      'POST',
      { url: `mailto://127.0.0.1:${port}/?to=me@example.com` },
      { 'x-csrf-token': c.csrf },
    );
    expect(added.status).toBe(201);
    const id = ((await added.json()) as { channel: { id: number } }).channel.id;
    const test = await c.json(`/api/v1/channels/${id}/test`, 'POST', undefined, { 'x-csrf-token': c.csrf });
    const body = JSON.stringify(await test.json());
    expect(body).toContain('"ok":false');
    expect(body).not.toContain('internal-banner');
    expect(body).not.toContain('-ERR');
    const page = await c.post(`/notifications/${id}/test`, {});
    expect(await page.text()).not.toContain('internal-banner');
    // The third test within the window (API and page count together) is refused.
    const third = await c.json(`/api/v1/channels/${id}/test`, 'POST', undefined, { 'x-csrf-token': c.csrf });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await c.post(`/notifications/${id}/test`, {})).status).toBe(429);
  });

  // 3 and 4
  it('keeps the 15-minute sign-in window after a short rule has swept its own', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T12:00:00Z') });
    fx = await webFixture({
      postgres,
      rules: { signIn: { limit: 2, windowMs: 15 * 60_000 }, explain: { limit: 60, windowMs: 60_000 } },
    });
    const c = new Client(fx.app);
    await c.signUp('window@example.com');
    await c.request('/signout', { method: 'POST', body: new URLSearchParams({ _csrf: c.csrf }) });
    await c.page('/signin');
    for (let i = 0; i < 2; i++)
      expect((await c.post('/signin', { email: 'window@example.com', password: 'wrong password!' })).status).toBe(401);
    vi.setSystemTime(new Date('2026-11-29T12:03:00Z'));
    // The explain rule (60 s) is hit now: it must not take the sign-in window with it.
    await c.post('/', { text: 'Issued' });
    const res = await c.post('/signin', { email: 'window@example.com', password: 'correct horse battery' });
    expect(res.status).toBe(429);
    vi.setSystemTime(new Date('2026-11-29T12:16:00Z'));
    expect((await c.post('/signin', { email: 'window@example.com', password: 'correct horse battery' })).status).toBe(
      303,
    );
  });

  it('counts only failed sign-ins, per account, whatever address they come from', async () => {
    fx = await webFixture({ postgres, trustProxy: true, rules: { signIn: { limit: 3, windowMs: 15 * 60_000 } } });
    const c = new Client(fx.app);
    await c.signUp('often@example.com');
    const from = (ip: string) =>
      new Client({
        request: (p, init) => {
          const headers = new Headers(init?.headers);
          headers.set('x-forwarded-for', ip);
          return fx!.app.request(p, { ...init, headers });
        },
      });
    // A person who signs in often is never locked out by their own successes.
    const home = from('198.51.100.20');
    await home.page('/signin');
    for (let i = 0; i < 5; i++) {
      home.cookies.delete('cw_session');
      expect(
        (await home.post('/signin', { email: 'often@example.com', password: 'correct horse battery' })).status,
      ).toBe(303);
      await home.page('/signin');
    }
    // An attacker who changes address for every guess is still limited on the account.
    for (let i = 0; i < 3; i++) {
      const a = from(`203.0.113.${10 + i}`);
      await a.page('/signin');
      expect((await a.post('/signin', { email: 'often@example.com', password: `guess number ${i}` })).status).toBe(401);
    }
    const last = from('203.0.113.99');
    await last.page('/signin');
    expect((await last.post('/signin', { email: 'often@example.com', password: 'correct horse battery' })).status).toBe(
      429,
    );
  });

  it('takes the client address from the hop the trusted proxy appended, not from the left', async () => {
    fx = await webFixture({ postgres, trustProxy: true, rules: { explain: { limit: 2, windowMs: 60_000 } } });
    const explainFrom = async (xff: string) =>
      (
        await fx!.app.request('/api/v1/explain', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
          body: JSON.stringify({ text: 'Issued' }),
        })
      ).status;
    // The client writes anything it likes on the left; the proxy appends the real address.
    expect(await explainFrom('1.1.1.1, 198.51.100.7')).toBe(200);
    expect(await explainFrom('2.2.2.2, 198.51.100.7')).toBe(200);
    expect(await explainFrom('3.3.3.3, 198.51.100.7')).toBe(429);
    expect(await explainFrom('3.3.3.3, 198.51.100.8')).toBe(200);
    await fx.close();
    // Two proxies of the operator's: the address is the second from the right.
    fx = await webFixture({
      postgres,
      trustProxy: true,
      proxyHops: 2,
      rules: { explain: { limit: 1, windowMs: 60_000 } },
    });
    expect(await explainFrom('9.9.9.9, 198.51.100.7, 10.0.0.2')).toBe(200);
    expect(await explainFrom('8.8.8.8, 198.51.100.7, 10.0.0.3')).toBe(429);
  });

  // 5
  it('refuses oversized bodies with 413 before reading them, per route', async () => {
    fx = await webFixture({ postgres });
    const c = new Client(fx.app);
    await c.page('/signin');
    // A form post of 200 KB (forms get 64 KB).
    const big = await c.post('/signin', { email: 'a@example.com', password: 'x'.repeat(200_000) });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/text\/html/);
    expect(await big.text()).toMatch(/too large/i);
    // A paste may be bigger (1 MB)...
    expect((await c.post('/', { text: `Issued ${'x'.repeat(150_000)}` })).status).not.toBe(413);
    // ...but not without end: a streamed body is cut off once it passes the limit, not read to its end.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(ctl) {
        pulled++;
        if (pulled > 2000) ctl.close();
        else ctl.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const streamed = await fx.app.request('/api/v1/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expect(pulled).toBeLessThan(100);
    // A declared length over the limit is refused from the header alone.
    const declared = await fx.app.request('/api/v1/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) },
      body: '{}',
    });
    expect(declared.status).toBe(413);
  });

  // 7
  it('revokes API tokens when the password is changed or reset, and says so', async () => {
    const mail = mailbox();
    fx = await webFixture({ postgres, mailer: mail });
    const c = new Client(fx.app);
    await c.signUp('tok@example.com');
    const userId = (await fx.services.accounts.findByEmail('tok@example.com'))!.id;
    const me = (token: string) =>
      Promise.resolve(fx!.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).then(
        (r) => r.status,
      );
    const t1 = (await fx.services.accounts.createApiToken(userId, 'script')).token;
    expect(await me(t1)).toBe(200);
    const { html } = await c.page('/account');
    expect(html).toMatch(/revokes all your API tokens/);
    let res = await c.post('/account/password', { current: 'correct horse battery', password: 'a new password 1' });
    expect(res.status).toBe(303);
    expect(await me(t1)).toBe(401);
    expect((await c.page(res.headers.get('location')!)).html).toMatch(/API tokens were revoked/);

    const t2 = (await fx.services.accounts.createApiToken(userId, 'script 2')).token;
    expect(await me(t2)).toBe(200);
    await c.page('/reset');
    await c.post('/reset', { email: 'tok@example.com' });
    const link = /\/reset\/(\S+)/.exec(mail.sent[0]!.text)![1]!;
    const finish = await c.page(`/reset/${link}`);
    expect(finish.html).toMatch(/revokes all your API tokens/);
    res = await c.post(`/reset/${link}`, { password: 'another password 2' });
    expect(res.status).toBe(303);
    expect(await me(t2)).toBe(401);
  });

  // 9
  it('links only to local paths on the CSRF page', async () => {
    fx = await webFixture({ postgres });
    for (const path of ['//evil.example/x', '/\\evil.example/x']) {
      const res = await fx.app.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(res.status, path).toBe(403);
      const html = await res.text();
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      for (const href of hrefs.filter((h) => !h.startsWith('#'))) {
        expect(href.startsWith('/'), href).toBe(true);
        expect(href.startsWith('//') || href.startsWith('/\\'), href).toBe(false);
        expect(href, href).not.toContain('evil.example');
      }
    }
  });

  // 10
  it('answers 422, never 500, to NUL characters and huge cursors', async () => {
    fx = await webFixture({ postgres });
    const c = new Client(fx.app);
    await c.signUp('nul@example.com');
    const h = { 'x-csrf-token': c.csrf };
    let res = await c.json('/api/v1/cases', 'POST', { ...NEW_CASE, label: 'a\u0000b' }, h);
    expect(res.status).toBe(422);
    res = await c.json('/api/v1/cases', 'POST', NEW_CASE, h);
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: number }).id;
    res = await c.json(`/api/v1/cases/${id}`, 'PATCH', { label: 'x\u0000' }, h);
    expect(res.status).toBe(422);
    res = await c.json(`/api/v1/cases/${id}`, 'PATCH', { group: 'x\u0000' }, h);
    expect(res.status).toBe(422);
    res = await c.post('/account/tokens', { name: 'bad\u0000name' });
    expect(res.status).toBe(422);
    for (const cursor of ['99999999999999999999', '-1', '1e400', 'abc']) {
      res = await c.request(`/api/v1/cases?cursor=${cursor}`);
      expect(res.status, cursor).toBe(422);
      res = await c.request(`/api/v1/cases/${id}/history?cursor=${cursor}`);
      expect(res.status, cursor).toBe(422);
    }
    expect((await c.request('/api/v1/cases?cursor=0')).status).toBe(200);
  });

  // 11
  it('stores only real dates', async () => {
    fx = await webFixture({ postgres });
    const c = new Client(fx.app);
    await c.signUp('date@example.com');
    const h = { 'x-csrf-token': c.csrf };
    for (const interviewDate of ['0000-99-99', '2025-02-30', '2025-13-01', '0000-01-01']) {
      const res = await c.json('/api/v1/cases', 'POST', { ...NEW_CASE, context: { interviewDate } }, h);
      expect(res.status, interviewDate).toBe(422);
    }
    const ok = await c.json('/api/v1/cases', 'POST', { ...NEW_CASE, context: { interviewDate: '2024-02-29' } }, h);
    expect(ok.status).toBe(201);
    const id = ((await ok.json()) as { id: number }).id;
    const bad = await c.json(`/api/v1/cases/${id}`, 'PATCH', { context: { interviewDate: '2025-02-30' } }, h);
    expect(bad.status).toBe(422);
    // The store refuses it too, whoever calls it.
    await expect(
      fx.services.cases.add({
        ...NEW_CASE,
        ownerId: null,
        caseNumber: 'AA0099ZZ11',
        context: { interviewDate: '2025-02-30' },
      }),
    ).rejects.toThrow(/date/);
  });

  // 12
  it('answers sign-up the same way for a taken e-mail, and tells its owner', async () => {
    const mail = mailbox();
    fx = await webFixture({ postgres, mailer: mail });
    const first = new Client(fx.app);
    await first.page('/signup');
    const a = await first.post('/signup', { email: 'taken@example.com', password: 'correct horse battery' });
    const second = new Client(fx.app);
    await second.page('/signup');
    const b = await second.post('/signup', { email: 'Taken@example.com', password: 'some other password' });
    expect(b.status).toBe(a.status);
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    expect(await b.text()).not.toMatch(/already/i);
    // Sent in the background (after the owner's language is looked up), so the answer's timing says nothing.
    await vi.waitFor(() => expect(mail.sent.map((m) => m.to)).toContain('taken@example.com'));
    expect(mail.sent.find((m) => m.to === 'taken@example.com')!.text).toMatch(/already has an account/);
    // The existing account keeps its password and gets no second row.
    expect(await fx.services.accounts.verifyCredentials('taken@example.com', 'correct horse battery')).not.toBeNull();
    expect(await fx.store.db.selectFrom('users').selectAll().execute()).toHaveLength(1);
  });

  // 14
  it('sends nosniff on static files and /healthz', async () => {
    fx = await webFixture({ postgres });
    const { html } = await new Client(fx.app).page('/');
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const path of [...assets, '/healthz']) {
      const res = await fx.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const svg = assets.find((p) => p.endsWith('.svg'));
    if (svg) expect((await fx.app.request(svg)).headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('rate limits shared by web processes on PostgreSQL', { timeout: 60_000 }, () => {
  it('grants one quota in total to two web processes on one database', async () => {
    fx = await webFixture({ postgres: true, rules: { explain: { limit: 2, windowMs: 60_000 } } });
    const other = createWebApp({
      store: fx.store,
      sealer: fx.sealer,
      logger: fx.services.logger,
      rules: { explain: { limit: 2, windowMs: 60_000 } },
    });
    const ask = (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) =>
      Promise.resolve(
        app.request('/api/v1/explain', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'Issued' }),
        }),
      ).then((r) => r.status);
    expect(await ask(fx.app)).toBe(200);
    expect(await ask(other.app)).toBe(200);
    expect(await ask(other.app)).toBe(429);
    expect(await ask(fx.app)).toBe(429);
  });
});
