import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { smtpMailer } from '../src/web/mailer.js';
import { mailBody, startSmtpReceiver } from './notify-receivers.js';
import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('accounts on the web', () => {
  it('signs up, stores the e-mail sealed and the password as argon2id, and opens a session', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('Ana@Example.com');
    const { html } = await c.page('/account');
    expect(html).toContain('ana@example.com');
    const row = await fx.store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.email_sealed).not.toContain('ana');
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    const sessions = await fx.store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toHaveLength(1);
    // The cookie value is never stored, only its hash.
    expect(sessions[0]!.token_hash).not.toBe(c.cookies.get('cw_session'));
  });

  it('sets the session cookie httpOnly and SameSite=Lax, and Secure behind HTTPS', async () => {
    fx = await webFixture({ publicUrl: 'https://visa.example.org' });
    const c = new Client(fx.app);
    await c.page('/signup');
    const res = await c.post('/signup', { email: 'b@example.com', password: 'long enough password' });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('cw_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });

  it('explains what is wrong with the sign-up fields, field by field', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.page('/signup');
    let res = await c.post('/signup', { email: 'not-an-email', password: 'long enough password' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('does not look like an e-mail address');
    res = await c.post('/signup', { email: 'c@example.com', password: 'short' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('at least 10 characters');
    await c.post('/signup', { email: 'c@example.com', password: 'long enough password' });
    const other = new Client(fx.app);
    await other.page('/signup');
    // A taken address gets the answer a new one gets (no account discovery; see web-security.test.ts).
    res = await other.post('/signup', { email: 'C@example.com ', password: 'long enough password' });
    expect(res.status).toBe(303);
    expect(await res.text()).not.toContain('already exists');
  });

  it('signs in with the right password only, and signs out', async () => {
    fx = await webFixture();
    await new Client(fx.app).signUp('d@example.com', 'the right password');
    const c = new Client(fx.app);
    await c.page('/signin');
    let res = await c.post('/signin', { email: 'd@example.com', password: 'a wrong password' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('do not match an account');
    expect(c.cookies.has('cw_session')).toBe(false);
    res = await c.post('/signin', { email: 'D@example.com', password: 'the right password', next: '/account' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    const { html } = await c.page('/account');
    expect(html).toContain('d@example.com');
    res = await c.post('/signout', {});
    expect(res.status).toBe(303);
    expect((await c.request('/account')).status).toBe(303);
    // Only the other browser's session is left.
    expect(await fx.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
  });

  it('never follows a sign-in "next" to another site', async () => {
    fx = await webFixture();
    await new Client(fx.app).signUp('e@example.com', 'the right password');
    const c = new Client(fx.app);
    await c.page('/signin');
    const res = await c.post('/signin', {
      email: 'e@example.com',
      password: 'the right password',
      next: '//evil.example/x',
    });
    expect(res.headers.get('location')).toBe('/cases');
  });

  it('rejects a form without the page CSRF token and changes nothing', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.page('/signup');
    let res = await c.post('/signup', { email: 'f@example.com', password: 'long enough password' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('nothing was changed');
    expect(await fx.store.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
    // A signed-in form with another session's token fails too.
    await c.signUp('f@example.com');
    const stranger = new Client(fx.app);
    await stranger.signUp('g@example.com');
    c.csrf = stranger.csrf;
    res = await c.post('/account/tokens', { name: 'x' });
    expect(res.status).toBe(403);
    expect(await fx.store.db.selectFrom('api_tokens').selectAll().execute()).toHaveLength(0);
  });

  it('rate-limits sign-in attempts and says how long to wait', async () => {
    fx = await webFixture({ rules: { signIn: { limit: 3, windowMs: 60_000 } } });
    await new Client(fx.app).signUp('h@example.com', 'the right password');
    const c = new Client(fx.app);
    await c.page('/signin');
    for (let i = 0; i < 3; i++)
      expect((await c.post('/signin', { email: 'h@example.com', password: 'wrong password!' })).status).toBe(401);
    const res = await c.post('/signin', { email: 'h@example.com', password: 'the right password' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('Too many sign-in attempts');
  });

  it('rate-limits sign-ups', async () => {
    fx = await webFixture({ rules: { signUp: { limit: 2, windowMs: 60_000 } } });
    const c = new Client(fx.app);
    await c.page('/signup');
    await c.post('/signup', { email: 'bad', password: 'x' });
    await c.post('/signup', { email: 'bad', password: 'x' });
    const res = await c.post('/signup', { email: 'i@example.com', password: 'long enough password' });
    expect(res.status).toBe(429);
  });

  it('creates, uses and revokes API tokens; only the hash is stored', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('j@example.com');
    const res = await c.post('/account/tokens', { name: 'home script' });
    const html = await res.text();
    const token = /id="new-token">([^<]+)</.exec(html)![1]!.trim();
    expect(token).toMatch(/^cw_/);
    const row = await fx.store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    const anon = new Client(fx.app);
    expect((await anon.request('/api/v1/me')).status).toBe(401);
    const me = await anon.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'j@example.com' });
    await c.page('/account');
    expect((await c.post(`/account/tokens/${row.id}/revoke`, {})).status).toBe(303);
    expect((await anon.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('changes the password (the old one stops working) and deletes the account with everything', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('k@example.com', 'first password!');
    let res = await c.post('/account/password', { current: 'not the password', password: 'second password!' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('current password is not right');
    res = await c.post('/account/password', { current: 'first password!', password: 'second password!' });
    expect(res.status).toBe(303);
    expect(await fx.services.accounts.verifyCredentials('k@example.com', 'first password!')).toBeNull();
    expect(await fx.services.accounts.verifyCredentials('k@example.com', 'second password!')).not.toBeNull();
    await c.page('/account');
    res = await c.post('/account/delete', { password: 'second password!' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Tick the box');
    res = await c.post('/account/delete', { confirm: 'yes', password: 'second password!' });
    expect(res.status).toBe(303);
    expect(await fx.store.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
    expect(await fx.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('resets a forgotten password through a link sent over real SMTP', async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _s, cb) {
        let data = '';
        stream.on('data', (d: Buffer) => (data += d.toString()));
        stream.on('end', () => {
          mails.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      fx = await webFixture({
        mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'ceac-watch <cw@localhost>'),
        publicUrl: 'http://localhost',
      });
      await new Client(fx.app).signUp('l@example.com', 'forgotten password');
      const c = new Client(fx.app);
      await c.page('/reset');
      let res = await c.post('/reset', { email: 'nobody@example.com' });
      expect(await res.text()).toContain('If an account uses that address');
      expect(mails).toHaveLength(0);
      res = await c.post('/reset', { email: 'l@example.com' });
      expect(await res.text()).toContain('If an account uses that address');
      expect(mails).toHaveLength(1);
      const link = /http:\/\/localhost(\/reset\/[A-Za-z0-9_-]+)/.exec(mails[0]!.replace(/=\r\n/g, ''))![1]!;
      await c.page(link);
      res = await c.post(link, { password: 'brand new password' });
      expect(res.status).toBe(303);
      expect(await fx.services.accounts.verifyCredentials('l@example.com', 'brand new password')).not.toBeNull();
      // One use only.
      const again = await c.page(link);
      expect(again.html).toContain('expired or was already used');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('writes account mails in the language the account chose, not the one of whoever typed the address', async () => {
    const smtp = await startSmtpReceiver();
    try {
      fx = await webFixture({
        mailer: smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'ceac-watch <cw@localhost>'),
        publicUrl: 'http://localhost',
      });
      const owner = new Client(fx.app);
      await owner.signUp('li@example.com', 'forgotten password');
      expect((await owner.request('/account?lang=zh-CN')).status).toBe(303);
      const es = new Client(fx.app);
      await es.signUp('ana@example.com', 'another password!');
      expect((await es.request('/account?lang=es')).status).toBe(303);

      // A reset asked from a Spanish-speaking browser reaches the Chinese-speaking owner in Chinese.
      const c = new Client(fx.app);
      await c.request('/reset?lang=es');
      await c.page('/reset');
      await c.post('/reset', { email: 'li@example.com' });
      await vi.waitFor(() => expect(smtp.mails).toHaveLength(1));
      const reset = smtp.mails[0]!;
      expect(reset.subject).toBe('重设你的 ceac-watch 密码');
      const text = mailBody(reset.raw, 'text/plain')!;
      expect(text).toContain('请在一小时内打开下面的链接设置新密码');
      expect(text).toMatch(/http:\/\/localhost\/reset\/[A-Za-z0-9_-]+/);
      expect(text).not.toContain('Open this link');

      // Someone signs up with the Spanish speaker's address from a Chinese browser: she is told, in Spanish.
      const stranger = new Client(fx.app);
      await stranger.request('/signup?lang=zh-CN');
      await stranger.page('/signup');
      await stranger.post('/signup', { email: 'ana@example.com', password: 'whatever password' });
      await vi.waitFor(() => expect(smtp.mails).toHaveLength(2));
      const notice = smtp.mails[1]!;
      expect(notice.to).toEqual(['ana@example.com']);
      expect(notice.subject).toBe('Alguien intentó crear una cuenta de ceac-watch con su dirección');
      expect(mailBody(notice.raw, 'text/plain')).toContain('inicie sesión en http://localhost/signin');

      // An account that chose no language gets English.
      await new Client(fx.app).signUp('en@example.com', 'third password!!');
      await c.post('/reset', { email: 'en@example.com' });
      await vi.waitFor(() => expect(smtp.mails).toHaveLength(3));
      expect(smtp.mails[2]!.subject).toBe('Reset your ceac-watch password');
    } finally {
      await smtp.stop();
    }
  });

  it('gives every visitor their own CSRF token, even on pages served from the page cache', async () => {
    fx = await webFixture();
    const a = new Client(fx.app);
    const b = new Client(fx.app);
    await a.page('/');
    await b.page('/');
    await a.page('/');
    expect(a.csrf).toMatch(/^[\w-]{20,}$/);
    expect(b.csrf).toMatch(/^[\w-]{20,}$/);
    expect(a.csrf).not.toBe(b.csrf);
    expect(a.csrf).toBe(a.cookies.get('cw_csrf'));
  });

  it('ends a session after 30 days without use, and signs out other devices on a password change', async () => {
    let now = Date.UTC(2026, 10, 1);
    fx = await webFixture({ now: () => now });
    const laptop = new Client(fx.app);
    await laptop.signUp('m@example.com', 'first password!');
    const phone = new Client(fx.app);
    await phone.page('/signin');
    await phone.post('/signin', { email: 'm@example.com', password: 'first password!' });
    expect((await phone.request('/account')).status).toBe(200);
    await laptop.page('/account');
    expect(
      (await laptop.post('/account/password', { current: 'first password!', password: 'second password!' })).status,
    ).toBe(303);
    expect((await laptop.request('/account')).status).toBe(200);
    expect((await phone.request('/account')).status).toBe(303);
    now += 31 * 24 * 3600_000;
    const expired = await laptop.request('/account');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toContain('/signin');
  });

  it('sends strict security headers on pages', async () => {
    fx = await webFixture();
    const res = await new Client(fx.app).request('/signin');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
