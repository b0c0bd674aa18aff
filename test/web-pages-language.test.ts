import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { afterEach, describe, expect, it } from 'vitest';

import { InputError } from '../src/errors.js';
import { loadTranslator } from '../src/i18n/index.js';
import type { AppEnv } from '../src/web/context.js';
import { describeFields } from '../src/web/routes/forms.js';
import { Client, webFixture } from './web-harness.js';

/** The words that come from elsewhere than a page's template — errors, limits, validation — in the reader's language. */
describe('the pages’ messages in the reader’s language', () => {
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

  it('answers an oversized paste in the browser’s language, before any session is read', async () => {
    const { app } = await fixture();
    const zh = await loadTranslator('zh-CN');
    const res = await app.request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'zh-CN' },
      body: new URLSearchParams({ text: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(zh.text('web.error.tooLarge.message', { size: '1 MB' }));
  });

  it('says what is wrong with a sign-up in Spanish (the account’s own problem, translated)', async () => {
    const { app } = await fixture();
    const es = await loadTranslator('es');
    const client = new Client(app);
    await client.request('/?lang=es');
    await client.page('/signup');
    const res = await client.post('/signup', { email: 'not an address', password: 'long enough password' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(es.text('web.auth.error.emailInvalid').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).not.toContain('does not look like an e-mail address');
  });

  it('names the fields of an input error in the page’s language (the problems stay the domain’s English)', async () => {
    const zh = await loadTranslator('zh-CN');
    const app = new Hono<AppEnv>();
    app.use('*', contextStorage());
    app.use('*', async (c, next) => {
      c.set('language', 'zh-CN');
      c.set('t', zh);
      await next();
    });
    const error = new InputError([
      { field: 'passport', problem: 'an NIV case needs it (CEAC asks for it)' },
      { field: 'context.visaClass', problem: 'a visa class looks like H1B, F1, B1/B2, IR1' },
    ]);
    app.get('/', (c) => c.text(describeFields(error)));
    expect(await (await app.request('/')).text()).toBe(
      '护照号码：an NIV case needs it (CEAC asks for it); 签证类别：a visa class looks like H1B, F1, B1/B2, IR1',
    );
  });

  it('explains the filters’ mistakes on /stats in Chinese, with the reader’s own words quoted', async () => {
    const { app } = await fixture();
    const res = await app.request('http://localhost/stats?from=soon', { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('“soon”不是月份');
  });
});
