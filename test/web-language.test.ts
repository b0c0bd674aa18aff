import { afterEach, describe, expect, it } from 'vitest';

import { Client, webFixture } from './web-harness.js';

/** The web app's language: negotiated from Accept-Language, switched by links (no JavaScript), remembered. */
describe('the language of the web pages', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function fixture() {
    const f = await webFixture();
    close = f.close;
    return f;
  }

  it('follows the browser: Accept-Language decides the html lang and the words, and responses vary on it', async () => {
    const { app } = await fixture();
    const zh = await app.request('http://localhost/', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('等待时间');
    expect(zh.headers.get('vary')).toMatch(/Accept-Language/);
    const es = await (await app.request('http://localhost/', { headers: { 'accept-language': 'es-MX' } })).text();
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Tiempos de espera');
    // A language we do not speak, and none at all: English.
    const fr = await (await app.request('http://localhost/', { headers: { 'accept-language': 'fr-FR' } })).text();
    expect(fr).toContain('<html lang="en">');
    expect(fr).toContain('Waiting times');
  });

  it('offers every language on every page as links that work without JavaScript, each named in its own language', async () => {
    const { app } = await fixture();
    for (const path of ['/', '/stats', '/signin', '/signup', '/no-such-page']) {
      const html = await (await app.request(`http://localhost${path}`)).text();
      expect(html, path).toContain('aria-label="Language"');
      expect(html, path).toMatch(/<a href="[^"]*lang=zh-CN" lang="zh-CN" hreflang="zh-CN">简体中文<\/a>/);
      expect(html, path).toMatch(/<a href="[^"]*lang=es" lang="es" hreflang="es">Español<\/a>/);
      expect(html, path).toContain('<span lang="en" aria-current="true">English</span>');
    }
  });

  it('remembers a choice made with the switcher in a cookie, over the browser, and cleans the address', async () => {
    const { app } = await fixture();
    const client = new Client(app);
    const res = await client.request('/stats?post=BEJ&lang=es', { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/stats?post=BEJ');
    expect(client.cookies.get('cw_lang')).toBe('es');
    const { html } = await client.page('/');
    expect(html).toContain('<html lang="es">');
    // The cookie beats a browser that asks for Chinese.
    const again = await client.request('/', { headers: { 'accept-language': 'zh-CN' } });
    expect(await again.text()).toContain('<html lang="es">');
    // The switch never becomes an open redirect.
    for (const path of ['//evil.example/x?lang=es', '/\\evil.example/x?lang=es']) {
      const away = await client.request(path);
      expect(away.status, path).toBe(303);
      expect(away.headers.get('location'), path).toBe('/');
    }
    // A language we do not speak is not a switch: the page answers as usual.
    expect((await client.request('/?lang=xx')).status).toBe(200);
  });

  it('keeps a signed-in person’s choice on their account, so another browser opens in it', async () => {
    const { app } = await fixture();
    const first = new Client(app);
    await first.signUp('lang@example.com');
    expect((await first.request('/account?lang=zh-CN')).status).toBe(303);

    const second = new Client(app);
    await second.page('/signin');
    expect(
      (await second.post('/signin', { email: 'lang@example.com', password: 'correct horse battery' })).status,
    ).toBe(303);
    const { html } = await second.page('/cases');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('我的案件');
  });

  it('never serves a cached page in the wrong language', async () => {
    const { app } = await fixture();
    for (const path of ['/', '/stats', '/signup']) {
      const en = await (await app.request(`http://localhost${path}`)).text();
      const zh = await (
        await app.request(`http://localhost${path}`, { headers: { 'accept-language': 'zh-CN' } })
      ).text();
      const enAgain = await (await app.request(`http://localhost${path}`)).text();
      expect(en, path).toContain('<html lang="en">');
      expect(zh, path).toContain('<html lang="zh-CN">');
      expect(enAgain, path).toContain('<html lang="en">');
    }
  });
});
