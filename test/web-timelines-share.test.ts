import { afterEach, describe, expect, it } from 'vitest';

import { countTimelines, listTimelines } from '../src/timelines/repository.js';
import { Client, webFixture } from './web-harness.js';

/**
 * Sharing a timeline through the web form: a double submit (or a reload of the POST) stores one
 * timeline, and an account cannot flood the pool.
 */

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const ENTRY = {
  visaClass: 'F1',
  post: 'BEJ',
  entry: 'new',
  route: 'interview',
  startDate: '2025-07-01',
  outcome: 'issued',
  outcomeDate: '2025-08-10',
  rows: '2',
  event_date_0: '2025-07-01',
  event_kind_0: 'slip_221g',
  event_date_1: '2025-07-05',
  event_kind_1: 'documents_submitted',
};

describe('POST /timelines', () => {
  it('stores a timeline sent twice once, and says so the second time', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('twice@example.com');
    await c.page('/timelines/new');
    const first = await c.post('/timelines', ENTRY);
    expect(first.headers.get('location')).toBe('/timelines/new?saved=1');
    const second = await c.post('/timelines', ENTRY);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/timelines/new?saved=again');
    expect(await countTimelines(fx.store.db)).toBe(1);
    expect(text((await c.page('/timelines/new?saved=again')).html)).toContain(
      'This timeline was already saved: it counts once',
    );

    // The key says nothing of who sent it: no user id, no e-mail, not the content.
    const [stored] = await listTimelines(fx.store.db, {});
    expect(stored!.sourceKey).toMatch(/^[0-9a-f]{32}$/);

    // A different timeline from the same person is a second case.
    await c.post('/timelines', { ...ENTRY, outcomeDate: '2025-08-11' });
    expect(await countTimelines(fx.store.db)).toBe(2);

    // The same timeline from another person is their own case.
    const other = new Client(fx.app);
    await other.signUp('other@example.com');
    await other.page('/timelines/new');
    expect((await other.post('/timelines', ENTRY)).headers.get('location')).toBe('/timelines/new?saved=1');
    expect(await countTimelines(fx.store.db)).toBe(3);
  });

  it('is rate limited per account: over the limit it answers 429, keeps what was typed, and stores nothing', async () => {
    fx = await webFixture({ rules: { shareTimeline: { limit: 3, windowMs: 60 * 60_000 } } });
    const c = new Client(fx.app);
    await c.signUp('flood@example.com');
    await c.page('/timelines/new');
    for (let i = 0; i < 3; i++) {
      const res = await c.post('/timelines', { ...ENTRY, outcomeDate: `2025-08-1${i}` });
      expect(res.status).toBe(303);
    }
    const over = await c.post('/timelines', { ...ENTRY, outcomeDate: '2025-08-19' });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await over.text();
    expect(text(html)).toContain('Too many timelines from your account just now: this one was not saved. Wait');
    expect(html).toContain('value="2025-08-19"');
    expect(await countTimelines(fx.store.db)).toBe(3);
    // Reading a pasted post (which stores nothing) has an allowance of its own, as large.
    const paste = { text: 'Oct 14- 221g white\nNov 01- Issued', posted: '2025-11-05' };
    for (let i = 0; i < 3; i++) expect((await c.post('/timelines/new/extract', paste)).status).toBe(200);
    const extract = await c.post('/timelines/new/extract', paste);
    expect(extract.status).toBe(429);
    expect(text(await extract.text())).toContain('Too many timelines from your account just now.');

    // Another account has its own allowance.
    const other = new Client(fx.app);
    await other.signUp('calm@example.com');
    await other.page('/timelines/new');
    expect((await other.post('/timelines', ENTRY)).status).toBe(303);
    expect(await countTimelines(fx.store.db)).toBe(4);
  });
});
