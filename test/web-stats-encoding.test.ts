import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { webFixture } from './web-harness.js';

/**
 * The anonymous /stats page is kept compressed (issue 13: a cached statistics page should cost about what the home
 * page costs): the bytes a browser gets are the same page as a plain client gets, and the headers tell shared
 * caches what the page varies by.
 */
type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function seed(f: Fixture, n: number) {
  const rows = Array.from({ length: n }, (_, j) => ({
    source: 'manual',
    source_key: `enc-${j}`,
    visa_class: 'F1',
    entry: 'new',
    route: 'dropbox',
    post: 'BEJ',
    start_date: '2025-03-01',
    start_month: '2025-03',
    outcome: j % 6 === 0 ? 'pending' : 'issued',
    outcome_date: '2025-04-01',
    wait_days: 1 + (j % 80),
    events_json: '[]',
    note: null,
    created_at: 1,
    updated_at: 1,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await f.store.db
      .insertInto('timelines')
      .values(rows.slice(i, i + 200))
      .execute();
}

describe('/stats for visitors who are not signed in', () => {
  it('sends the same page as it is, in brotli and in gzip, with Vary naming what it depends on', async () => {
    fx = await webFixture();
    await seed(fx, 300);
    const get = (encoding?: string, language = 'en') =>
      fx!.app.request('/stats?visa=F1', {
        headers: { ...(encoding && { 'accept-encoding': encoding }), 'accept-language': language },
      });
    const plain = await get();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const html = await plain.text();
    expect(html).toMatch(/cases match/);
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(plain.headers.get('vary')).toMatch(/Accept-Language/);

    for (const [asked, encoding, unpack] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      // Twice: the first builds the compressed bytes, the second is served from them; both the same page.
      for (let i = 0; i < 2; i++) {
        const res = await get(asked);
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
        expect(res.headers.get('vary')).toMatch(/Accept-Language/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.byteLength).toBeLessThan(html.length / 2);
        expect(unpack(bytes).toString('utf8')).toBe(html);
      }
    }
    // Another language is another page, compressed on its own.
    const es = await get('br', 'es');
    const spanish = brotliDecompressSync(Buffer.from(await es.arrayBuffer())).toString('utf8');
    expect(spanish).toContain('lang="es"');
    expect(spanish).not.toBe(html);
  });
});
