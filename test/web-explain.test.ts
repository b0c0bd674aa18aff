import { afterEach, describe, expect, it } from 'vitest';

import { explain } from '../src/decode/index.js';
import { checkAgainst, responseSchema } from './openapi-check.js';
import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const REFUSED_221G =
  'Refused\nCase Created: 14-Oct-2026\nCase Last Updated: 21-Oct-2026\n' +
  'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. ' +
  'If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing. ' +
  'You will receive another adjudication once such processing is complete. Please be advised that the processing time varies and that you will be contacted if additional information is needed.';

const REFUSED_LETTER =
  'Refused\nA U.S. consular officer has adjudicated and refused your visa application. Please see the letter you received at the interview.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function postExplain(body: unknown): Promise<{ status: number; json: Json }> {
  const res = await fx!.app.request('/api/v1/explain', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('explain, on the page and in the API', () => {
  it('answers POST /api/v1/explain without an account, exactly as the decoder does, and as documented', async () => {
    fx = await webFixture();
    const doc = await (await fx.app.request('/api/openapi.json')).json();
    const r = await postExplain({ text: REFUSED_221G });
    expect(r.status).toBe(200);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(explain(REFUSED_221G))));
    expect((r.json as { interpretation: { variant: string } }).interpretation.variant).toBe('refused_221g');
    expect(checkAgainst(doc, responseSchema(doc, '/api/v1/explain', 'post', 200)!, r.json)).toEqual([]);
    // Context changes the answer the same way it changes the decoder's.
    const ctx = { route: 'dropbox', slip: 'white', passport: 'returned' } as const;
    const withCtx = await postExplain({ text: REFUSED_LETTER, context: ctx });
    expect(withCtx.json).toEqual(JSON.parse(JSON.stringify(explain(REFUSED_LETTER, ctx))));
  });

  it('names the wrong fields of a bad explain request', async () => {
    fx = await webFixture();
    let r = await postExplain({ text: '' });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({
      error: { code: 'invalid_input', fields: { text: expect.stringContaining('Paste the status') } },
    });
    r = await postExplain({ text: 'Refused', context: { slip: 'purple', mood: 'sad' } });
    expect(r.status).toBe(422);
    const fields = (r.json as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).join(' ')).toMatch(/context/);
    const bad = await fx.app.request('/api/v1/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  it('rate-limits explain', async () => {
    fx = await webFixture({ rules: { explain: { limit: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) expect((await postExplain({ text: 'Issued' })).status).toBe(200);
    const r = await postExplain({ text: 'Issued' });
    expect(r.status).toBe(429);
    expect((r.json as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('explains a paste on the home page, keeping the answers to the context questions', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    const home = await c.page('/');
    expect(home.html).toContain('What does my visa status mean?');
    const res = await c.post('/', { text: REFUSED_221G, route: 'dropbox', slip: 'white' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      explain(REFUSED_221G, { route: 'dropbox', slip: 'white' })
        .interpretation.headline.replace(/'/g, '&#39;')
        .replace(/"/g, '&quot;'),
    );
    expect(html).toMatch(/value="dropbox" checked/);
    expect(html).toMatch(/value="white" checked/);
    const empty = await c.post('/', { text: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Paste the status text first');
    // Without the page's CSRF token nothing is decoded.
    expect((await c.post('/', { text: REFUSED_221G }, { csrf: false })).status).toBe(403);
  });

  it('escapes pasted text instead of running it', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.page('/');
    const res = await c.post('/', { text: 'Refused <script>alert(1)</script>' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
