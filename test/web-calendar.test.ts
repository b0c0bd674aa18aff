import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { Client, webFixture } from './web-harness.js';

/** The case page's dates, the per-case .ics and the per-account secret feed, read back with ical.js. */
type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

if (!TEST_DATABASE_URL) console.warn('web calendar: PostgreSQL run skipped — set TEST_DATABASE_URL');

const DV = { app: 'IV', caseNumber: '2026AS00001234', label: 'DV', visaClass: '', route: '', entry: '' };

function parse(text: string) {
  const vcal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

for (const postgres of [false, true]) {
  describe.skipIf(postgres && !TEST_DATABASE_URL)(`calendar on ${postgres ? 'postgres' : 'sqlite'}`, () => {
    it('shows a DV case’s issue-by date with its source, as a page and as .ics, to its owner only', async () => {
      fx = await webFixture({ postgres });
      const c = new Client(fx.app);
      await c.signUp('dv@example.com');
      await c.page('/cases/new');
      const added = await c.post('/cases', DV);
      expect(added.status).toBe(303);
      const id = Number(/\/cases\/(\d+)/.exec(added.headers.get('location')!)![1]);
      const { html } = await c.page(`/cases/${id}`);
      expect(html).toContain('Dates ahead');
      expect(html).toContain('2026-09-30');
      expect(html).toContain('30 September of fiscal year 2026, from the DV case number');
      const res = await c.request(`/cases/${id}/calendar.ics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const [event] = parse(await res.text());
      expect(event?.summary).toBe('Last day a diversity visa can be issued (DV (**********1234))');
      expect(event?.startDate.toString()).toBe('2026-09-30');

      const other = new Client(fx.app);
      await other.signUp('other@example.com');
      expect((await other.request(`/cases/${id}/calendar.ics`)).status).toBe(404);
    });

    it('writes the feed in the language chosen on the account, and a download in the page’s language', async () => {
      fx = await webFixture({ postgres });
      const c = new Client(fx.app);
      await c.signUp('zh-feed@example.com');
      // The switcher stores the choice on the account: the calendar app, which sends no cookie, gets it too.
      expect((await c.request('/account?lang=zh-CN')).status).toBe(303);
      await c.page('/cases/new');
      const added = await c.post('/cases', DV);
      const id = Number(/\/cases\/(\d+)/.exec(added.headers.get('location')!)![1]);
      const [download] = parse(await (await c.request(`/cases/${id}/calendar.ics`)).text());
      expect(download?.summary).toBe('多元化签证（DV）最后签发日 (DV (**********1234))');
      expect(download?.description).toContain('2026 财年的 9 月 30 日，由 DV 案件编号得出');
      expect(download?.description).toContain('来源：INA 204(a)(1)(I)(ii)(II)');
      await c.page('/account');
      const made = await c.post('/account/calendar', {});
      const html = await made.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('你的日历订阅');
      const url = /<code id="feed-url">([^<]+)<\/code>/.exec(html)?.[1];
      const feed = await new Client(fx.app).request(new URL(url!).pathname);
      const text = await feed.text();
      expect(parse(text).map((e) => [e.summary, e.startDate.toString()])).toEqual([
        ['多元化签证（DV）最后签发日 (DV (**********1234))', '2026-09-30'],
      ]);
      expect(text).toContain('X-WR-CALNAME:ceac-watch 截止日期');
    });

    it('gives a secret feed that a calendar reads without signing in, until it is revoked', async () => {
      fx = await webFixture({ postgres });
      const c = new Client(fx.app);
      await c.signUp('feed@example.com');
      await c.page('/cases/new');
      await c.post('/cases', DV);
      await c.page('/account');
      const made = await c.post('/account/calendar', {});
      const html = await made.text();
      const url = /<code id="feed-url">([^<]+)<\/code>/.exec(html)?.[1];
      expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
      const path = new URL(url!).pathname;
      const anonymous = new Client(fx.app);
      const feed = await anonymous.request(path);
      expect(feed.status).toBe(200);
      const text = await feed.text();
      expect(parse(text).map((e) => [e.summary, e.startDate.toString()])).toEqual([
        ['Last day a diversity visa can be issued (DV (**********1234))', '2026-09-30'],
      ]);
      expect(text).not.toContain('2026AS00001234');
      expect((await anonymous.request('/calendar/not-a-real-token-at-all-xx.ics')).status).toBe(404);
      // The database keeps only a hash of the token.
      const row = await fx.store.db.selectFrom('calendar_feeds').selectAll().executeTakeFirstOrThrow();
      expect(row.token_hash).not.toContain(path.slice(10, 42));

      await c.page('/account');
      expect((await c.post('/account/calendar/revoke', {})).status).toBe(303);
      expect((await anonymous.request(path)).status).toBe(404);
    });
  });
}
