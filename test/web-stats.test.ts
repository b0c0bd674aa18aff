import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { createLogger } from '../src/log.js';
import { predictWithFallback } from '../src/stats/predict.js';
import { buildReport } from '../src/stats/report.js';
import { tabulate } from '../src/stats/table.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, TEST_DATABASE_URL } from '../src/store/testing.js';
import { countTimelines, listTimelines, upsertTimelines } from '../src/timelines/repository.js';
import { createWebApp } from '../src/web/app.js';
import { parseStatsFilter } from '../src/web/stats-filter.js';
import { Client, webFixture } from './web-harness.js';
import { durations, groupTimelines } from './web-stats-fixtures.js';

/**
 * The waiting-time pages through app.request(): filters reach the estimate, small groups are
 * refused, hand-entered timelines are validated, escaped and protected by CSRF, and the case page
 * shows "people like you" only for a waiting case with enough comparable cases.
 */

if (!TEST_DATABASE_URL) console.warn('web stats: the PostgreSQL run is skipped — set TEST_DATABASE_URL to run it');

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const NOW = Date.UTC(2026, 0, 20, 6, 0);
const F1_NEW = groupTimelines({ visaClass: 'F1', post: 'BEJ', entry: 'new', route: 'interview', n: 60 }, 1);
const F1_RENEWAL = groupTimelines(
  { visaClass: 'F1', post: 'BEJ', entry: 'renewal', route: 'dropbox', n: 25, maxWait: 40 },
  2,
);
const H1B_FEW = groupTimelines({ visaClass: 'H1B', post: 'BMB', entry: 'new', route: 'dropbox', n: 3 }, 3);

async function seeded(): Promise<Fixture> {
  const f = await webFixture({ now: () => NOW });
  await upsertTimelines(f.store.db, [...F1_NEW, ...F1_RENEWAL, ...H1B_FEW]);
  return f;
}

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('/stats', () => {
  it('shows the figures of exactly the filtered group, in words, charts and tables', async () => {
    fx = await seeded();
    const res = await fx.app.request('/stats?visa=f1&post=Beijing&entry=new');
    expect(res.status).toBe(200);
    const html = await res.text();
    const expected = buildReport(tabulate(durations(F1_NEW).days, durations(F1_NEW).cause));
    const words = text(html);
    expect(words).toContain(
      `${expected.n} cases match: ${expected.issued + expected.refused} were decided (${expected.issued} cleared or issued, ${expected.refused} refused)`,
    );
    expect(words).toContain(
      `Half of similar cases were decided within ${expected.median.days} days (we are 95% sure: between ${expected.median.low} and ${expected.median.high ?? 'not known yet'})`,
    );
    // Both charts, each with an accessible name, and the table fallback beside the curve (and the calendar chart
    // of recent clearances: pages/recent-clearances.tsx).
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(html).toContain('<title id="survival-title">');
    expect(html).toContain('<title id="incidence-title">');
    expect(html).toContain(`median ${expected.median.days} days`);
    expect(words).toContain('Share still waiting after a number of days');
    // The filter form keeps what was typed; "Beijing" was found as BEJ.
    expect(html).toContain('value="Beijing"');
    expect(words).toContain('F1, Beijing, China (BEJ), new visas');
  });

  it('narrows with every filter and counts still-pending cases as censored', async () => {
    fx = await seeded();
    const all = text(await (await fx.app.request('/stats?visa=F1')).text());
    expect(all).toContain(`${F1_NEW.length + F1_RENEWAL.length} cases match`);
    const renewals = text(await (await fx.app.request('/stats?visa=F1&entry=renewal&route=dropbox')).text());
    const pending = F1_RENEWAL.filter((t) => t.outcome === 'pending').length;
    expect(renewals).toContain(`${F1_RENEWAL.length} cases match`);
    expect(renewals).toContain(`${pending} were still waiting when last seen`);
    // Months: only start months of the group within the range count.
    const months = F1_NEW.filter((t) => t.startDate.slice(0, 7) >= '2025-03' && t.startDate.slice(0, 7) <= '2025-06');
    const ranged = text(await (await fx.app.request('/stats?visa=F1&entry=new&from=2025-03&to=2025-06')).text());
    expect(ranged).toContain(`${months.length} cases match`);
  });

  it('lists start months with at least 5 cases and says how many smaller ones it left out', async () => {
    fx = await seeded();
    const html = await (await fx.app.request('/stats?visa=F1')).text();
    const byMonth = new Map<string, number>();
    for (const t of [...F1_NEW, ...F1_RENEWAL])
      byMonth.set(t.startDate.slice(0, 7), (byMonth.get(t.startDate.slice(0, 7)) ?? 0) + 1);
    const shown = [...byMonth].filter(([, n]) => n >= 5);
    const hidden = byMonth.size - shown.length;
    const table = /<table class="sw-table sw-monthly">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    for (const [month, n] of shown) expect(text(table)).toContain(`${month} ${n} `);
    expect(text(table).match(/\b2025-\d\d\b/g)).toHaveLength(shown.length);
    if (hidden) expect(text(html)).toContain(`${hidden} month${hidden === 1 ? ' is' : 's are'} left out`);
  });

  it('never shows a group smaller than 5 cases, and says why', async () => {
    fx = await seeded();
    const res = await fx.app.request('/stats?visa=H1B&post=BMB');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toContain('Fewer than 5 cases match');
    expect(text(html)).toContain('could point to the people in it');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('sw-monthly');
    // Nor does a group with no cases at all.
    expect(text(await (await fx.app.request('/stats?visa=J1')).text())).toContain('Fewer than 5 cases match');
  });

  it('reads the filters as people type them', () => {
    const r = parseStatsFilter({
      visa: ' b1-b2 ',
      post: 'INDIA, MUMBAI',
      entry: 'renewal',
      from: '2025-01',
      ci: 'log-log',
    });
    expect(r).toMatchObject({
      ok: true,
      filter: { visaClass: 'B1/B2', post: 'BMB', entry: 'renewal', from: '2025-01' },
      ciType: 'log-log',
    });
    expect(parseStatsFilter({ post: 'BMB' })).toMatchObject({ ok: true, filter: { post: 'BMB' }, ciType: 'log' });
  });

  it('answers bad filters with field messages and 400, not a stack trace', async () => {
    fx = await seeded();
    const res = await fx.app.request('/stats?from=2025-13&to=2024-01&post=Atlantis&ci=wide&visa=%3Cb%3E');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(text(html)).toContain('“2025-13” is not a month: write it as YYYY-MM');
    expect(text(html)).toContain('We do not know the consulate “Atlantis”');
    expect(text(html)).toContain('Choose log, log-log or plain intervals');
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/at \S+\.(ts|js):\d+/);
  });

  it('never serves a visitor the page of someone signed in, or the other way round', async () => {
    fx = await seeded();
    const anonymous = await (await fx.app.request('/stats?visa=F1')).text();
    expect(anonymous).not.toContain('Sign out');
    const c = new Client(fx.app);
    await c.signUp('mixed@example.com');
    const signedIn = (await c.page('/stats?visa=F1')).html;
    expect(signedIn).toContain('Sign out');
    expect(signedIn).toContain(`name="_csrf" value="${c.csrf}"`);
    expect(signedIn).not.toContain('__cw_csrf');
    const again = await (await fx.app.request('/stats?visa=F1')).text();
    expect(again).not.toContain('Sign out');
    expect(again).toBe(anonymous);
  });

  it.skipIf(!TEST_DATABASE_URL)('gives the same figures on PostgreSQL', async () => {
    const store = await openTestPostgres();
    try {
      await upsertTimelines(store.db, [...F1_NEW, ...F1_RENEWAL, ...H1B_FEW]);
      const { app } = createWebApp({
        store,
        sealer: createSealer(randomBytes(32)),
        logger: createLogger({ level: 'silent' }),
        now: () => NOW,
      });
      const words = text(await (await app.request('/stats?visa=F1&post=BEJ&entry=new')).text());
      const expected = buildReport(tabulate(durations(F1_NEW).days, durations(F1_NEW).cause));
      expect(words).toContain(`${expected.n} cases match`);
      expect(words).toContain(`Half of similar cases were decided within ${expected.median.days} days`);
      expect(text(await (await app.request('/stats?visa=H1B')).text())).toContain('Fewer than 5 cases match');
    } finally {
      await store.close();
    }
  });

  it('shows new timelines at once after a save in this process', async () => {
    fx = await seeded();
    const before = text(await (await fx.app.request('/stats?visa=F1&entry=renewal')).text());
    expect(before).toContain(`${F1_RENEWAL.length} cases match`);
    const c = new Client(fx.app);
    await c.signUp('t@example.com');
    await c.page('/timelines/new');
    const res = await c.post('/timelines', {
      visaClass: 'F1',
      post: 'BEJ',
      entry: 'renewal',
      route: 'dropbox',
      startDate: '2025-05-01',
      outcome: 'issued',
      outcomeDate: '2025-05-20',
      rows: '0',
    });
    expect(res.status).toBe(303);
    const after = text(await (await fx.app.request('/stats?visa=F1&entry=renewal')).text());
    expect(after).toContain(`${F1_RENEWAL.length + 1} cases match`);
  });
});

describe('/timelines/new', () => {
  it('needs an account', async () => {
    fx = await seeded();
    const res = await fx.app.request('/timelines/new');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?next=%2Ftimelines%2Fnew');
  });

  it('refuses a form without the CSRF token and saves nothing', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('csrf@example.com');
    const before = await countTimelines(fx.store.db);
    const res = await c.post(
      '/timelines',
      { visaClass: 'F1', startDate: '2025-05-01', outcome: 'pending', outcomeDate: '2025-06-01', rows: '0' },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(await countTimelines(fx.store.db)).toBe(before);
  });

  it('names every problem next to its field and shows the note escaped', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('v@example.com');
    await c.page('/timelines/new');
    const res = await c.post('/timelines', {
      visaClass: 'not a class',
      post: 'Atlantis',
      startDate: '2025-05-10',
      outcome: 'issued',
      outcomeDate: '2025-05-01',
      note: '<script>alert(1)</script> & thanks',
      rows: '2',
      event_date_0: '2025-05-02',
      event_kind_0: '',
      event_date_1: '2025-13-40',
      event_kind_1: 'interview',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    const words = text(html);
    expect(words).toContain('Visa class must look like F1, H1B or B1/B2');
    expect(words).toContain('We do not know the consulate “Atlantis”');
    expect(words).toContain('The outcome date is before the start date');
    expect(words).toContain('Choose what happened on this date');
    expect(words).toContain('Each event date must be a date as YYYY-MM-DD');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; thanks');
    expect(html).not.toContain('<script>alert(1)');
    expect(await countTimelines(fx.store.db, { visaClass: 'NOTACLASS' })).toBe(0);
  });

  it('saves a valid hand entry, with nothing that identifies the person', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('save@example.com');
    await c.page('/timelines/new');
    const res = await c.post('/timelines', {
      visaClass: 'b1/b2',
      post: 'Mumbai',
      entry: 'new',
      route: 'interview',
      startDate: '2025-07-01',
      outcome: 'pending',
      outcomeDate: '2025-09-15',
      note: 'Asked for a CV <b>and</b> travel plans',
      rows: '4',
      event_date_0: '2025-06-30',
      event_kind_0: 'interview',
      event_date_1: '2025-07-01',
      event_kind_1: 'slip_221g',
      event_date_2: '',
      event_kind_2: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/timelines/new?saved=1');
    const [saved] = await listTimelines(fx.store.db, { visaClass: 'B1/B2' });
    expect(saved).toMatchObject({
      source: 'manual',
      visaClass: 'B1/B2',
      post: 'BMB',
      entry: 'new',
      route: 'interview',
      startDate: '2025-07-01',
      outcome: 'pending',
      outcomeDate: '2025-09-15',
    });
    expect(saved!.events).toEqual([
      { date: '2025-06-30', kind: 'interview' },
      { date: '2025-07-01', kind: 'slip_221g' },
    ]);
    expect(saved!.note).toBe('Asked for a CV <b>and</b> travel plans');
    expect(JSON.stringify(saved)).not.toContain('save@example.com');
    const page = await c.page('/timelines/new?saved=1');
    expect(text(page.html)).toContain('your timeline is saved');
  });

  it('reads a pasted post into an editable form with a confidence per event, saving nothing yet', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('paste@example.com');
    await c.page('/timelines/new');
    const before = await countTimelines(fx.store.db);
    const post =
      'F1 renewal at Beijing. Oct 14- submitted, Oct 17- Case created, Oct 21- Refused, Oct 27- passport back with 221g (white) <i>ugh</i>, Nov 01- Issued';
    const res = await c.post('/timelines/new/extract', { text: post, posted: '2025-11-05' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await countTimelines(fx.store.db)).toBe(before);
    expect(html).toContain('name="event_date_0" type="date" value="2025-10-14"');
    expect(html).toMatch(/value="2025-11-01"/);
    expect(html).toMatch(/\d+% — (sure|fairly sure|unsure: please check)/);
    expect(html).not.toContain('<i>ugh</i>');
    expect(html).toContain('value="F1"');
    // Confirming the (unchanged) form saves it.
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    c.csrf = m![1]!;
    const fields: Record<string, string> = {};
    for (const x of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      fields[x[1]!] = x[2]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
    for (const x of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>[\s\S]*?<\/select>/g)) {
      fields[x[1]!] = /<option value="([^"]*)" selected/.exec(x[0])?.[1] ?? '';
    }
    delete fields._csrf;
    const saved = await c.post('/timelines', fields);
    expect(saved.status).toBe(303);
    const all = await listTimelines(fx.store.db, { visaClass: 'F1', post: 'BEJ', entry: 'renewal' }, 1000);
    const t = all.find((x) => x.events.some((e) => e.date === '2025-10-14'));
    expect(all).toHaveLength(F1_RENEWAL.length + 1);
    expect(t).toMatchObject({ startDate: '2025-10-21', outcome: 'issued', outcomeDate: '2025-11-01' });
  });

  it('says so when a pasted text holds no timeline', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('none@example.com');
    await c.page('/timelines/new');
    const res = await c.post('/timelines/new/extract', {
      text: 'Does anyone know how long 221g takes? Thanks!',
      posted: '2025-11-05',
    });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('We found no dated visa events in this text');
  });
});

describe('people like you on the case page', () => {
  async function caseIn(f: Fixture, c: Client, state: string, visaClass = 'F1', waitedDays = 30): Promise<number> {
    await c.page('/cases/new');
    const res = await c.post('/cases', {
      app: 'NIV',
      location: 'Beijing',
      caseNumber: `AA00${state.slice(0, 2).toUpperCase()}1234`,
      passport: 'E12345678',
      surname: 'Wang',
      visaClass,
      entry: 'new',
      route: 'interview',
      share: 'yes',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/cases\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const since = NOW - waitedDays * 86_400_000;
    const obs = await f.store.db
      .insertInto('observations')
      .values({
        case_id: id,
        status: 'x',
        state,
        variant: state,
        case_created: null,
        case_last_updated: null,
        post: null,
        message: null,
        content_hash: `h${id}`,
        first_seen_at: since,
        last_seen_at: NOW,
        seen_count: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await f.store.db
      .updateTable('cases')
      .set({ state, state_since: since, last_observation_id: obs.id, last_success_at: NOW, updated_at: NOW })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it('shows the comparable group, this case on its curve, and the prediction while it waits', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('ap@example.com');
    const id = await caseIn(fx, c, 'administrative_processing');
    const { html } = await c.page(`/cases/${id}`);
    const words = text(html);
    expect(words).toContain('People like you');
    expect(words).toContain('Your case has waited 30 days');
    const prediction = await predictWithFallback(() => tabulate(durations(F1_NEW).days, durations(F1_NEW).cause), {
      visaClass: 'F1',
      post: 'BEJ',
      entry: 'new',
      waited: 30,
    });
    expect(words).toContain(
      `Of ${prediction.groupLabel}, ${prediction.comparable} cases were still waiting after that long`,
    );
    for (const h of ['7', '30']) {
      const p = prediction.within[h]!.p!;
      expect(words).toContain(`${h} more days ${Math.round(p * 100)}%`);
    }
    expect(html).toContain('you: 30 days');
    expect(html).toContain('<title id="like-you-title">');
  });

  it('is absent for a decided case, and says why it has no figures without a visa class or for a group under 5 cases', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('none@example.com');
    const issued = await caseIn(fx, c, 'issued');
    expect(text((await c.page(`/cases/${issued}`)).html)).not.toContain('People like you');
    const h1b = await caseIn(fx, c, 'refused', 'H1B');
    const h1bPage = text((await c.page(`/cases/${h1b}`)).html);
    expect(h1bPage).toContain('Not enough similar cases to say');
    expect(h1bPage).not.toContain('Chance of a decision');
    const noClass = await caseIn(fx, c, 'administrative_processing', '');
    expect(text((await c.page(`/cases/${noClass}`)).html)).toContain('we need the visa class');
    // Past every wait seen in the data, no group has 5 comparable cases left.
    const long = await caseIn(fx, c, 'application_received', 'F1');
    await fx.store.db.updateTable('cases').set({ state: 'administrative_processing' }).where('id', '=', long).execute();
    await fx.store.db
      .updateTable('observations')
      .set({ state: 'administrative_processing', first_seen_at: NOW - 400 * 86_400_000 })
      .where('case_id', '=', long)
      .execute();
    const longPage = text((await c.page(`/cases/${long}`)).html);
    expect(longPage).toContain('Not enough similar cases to say');
    expect(longPage).not.toContain('Chance of a decision');
  });

  it('withdrawing consent through the API, or deleting the case there, removes the shared timeline too', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('api@example.com');
    const id = await caseIn(fx, c, 'refused');
    const group = { visaClass: 'F1', post: 'BEJ', entry: 'new' } as const;
    expect(
      (await c.json(`/api/v1/cases/${id}`, 'PATCH', { shareTimeline: true }, { 'x-csrf-token': c.csrf })).status,
    ).toBe(200);
    expect(await countTimelines(fx.store.db, group)).toBe(F1_NEW.length + 1);
    expect(
      (await c.json(`/api/v1/cases/${id}`, 'PATCH', { shareTimeline: false }, { 'x-csrf-token': c.csrf })).status,
    ).toBe(200);
    expect(await countTimelines(fx.store.db, group)).toBe(F1_NEW.length);
    expect(
      (await c.json(`/api/v1/cases/${id}`, 'PATCH', { shareTimeline: true }, { 'x-csrf-token': c.csrf })).status,
    ).toBe(200);
    expect(await countTimelines(fx.store.db, group)).toBe(F1_NEW.length + 1);
    expect((await c.json(`/api/v1/cases/${id}`, 'DELETE', undefined, { 'x-csrf-token': c.csrf })).status).toBe(204);
    expect(await countTimelines(fx.store.db, group)).toBe(F1_NEW.length);
  });

  it('withdrawing consent on the edit form removes the case’s shared timeline at once', async () => {
    fx = await seeded();
    const c = new Client(fx.app);
    await c.signUp('consent@example.com');
    const id = await caseIn(fx, c, 'administrative_processing');
    // A check would have stored it; the edit with consent kept brings it in step now.
    await c.page(`/cases/${id}/edit`);
    expect(
      (
        await c.post(`/cases/${id}/edit`, {
          location: 'BEJ',
          visaClass: 'F1',
          entry: 'new',
          route: 'interview',
          share: 'yes',
        })
      ).status,
    ).toBe(303);
    expect(await countTimelines(fx.store.db, { visaClass: 'F1', post: 'BEJ', entry: 'new' })).toBe(F1_NEW.length + 1);
    await c.page(`/cases/${id}/edit`);
    expect(
      (await c.post(`/cases/${id}/edit`, { location: 'BEJ', visaClass: 'F1', entry: 'new', route: 'interview' }))
        .status,
    ).toBe(303);
    expect(await countTimelines(fx.store.db, { visaClass: 'F1', post: 'BEJ', entry: 'new' })).toBe(F1_NEW.length);
    // Given again, then the case removed: gone again.
    await c.page(`/cases/${id}/edit`);
    await c.post(`/cases/${id}/edit`, {
      location: 'BEJ',
      visaClass: 'F1',
      entry: 'new',
      route: 'interview',
      share: 'yes',
    });
    expect(await countTimelines(fx.store.db, { visaClass: 'F1', post: 'BEJ', entry: 'new' })).toBe(F1_NEW.length + 1);
    await c.page(`/cases/${id}`);
    expect((await c.post(`/cases/${id}/delete`, {})).status).toBe(303);
    expect(await countTimelines(fx.store.db, { visaClass: 'F1', post: 'BEJ', entry: 'new' })).toBe(F1_NEW.length);
  });
});
