import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { addDays } from '../src/timelines/model.js';
import { upsertTimelines } from '../src/timelines/repository.js';
import { expectedWeek, NOW, recentTimelines, TODAY, WAVE_DAY, WAVE_SIZE } from './recent-clearances-fixtures.js';
import { webFixture } from './web-harness.js';

/**
 * The /stats "recent clearances" view and the wave days on its calendar chart, through the real web app over a real
 * store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) seeded with timelines holding a planted wave.
 */

if (!TEST_DATABASE_URL)
  console.warn('recent clearances: the PostgreSQL run is skipped — set TEST_DATABASE_URL to run it');

const TIMELINES = recentTimelines();

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/** The sections of the view: the list and the chart with its wave list. */
function sections(html: string): { list: string; chart: string } {
  const list = /<section[^>]*aria-labelledby="rc-heading"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  const chart = /<section[^>]*aria-labelledby="rc-chart-heading"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  if (list === undefined || chart === undefined) throw new Error('the recent-clearances sections are missing');
  return { list, chart };
}

/** The rows (date, wait) of the table whose caption starts with `caption`. */
function tableRows(list: string, caption: string): { date: string; wait: number; wave: boolean }[] {
  const tables = list.split('<table').slice(1);
  const table = tables.find((t) =>
    text(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '')
      .trim()
      .startsWith(caption),
  );
  if (!table) throw new Error(`no table captioned "${caption}"`);
  return [
    ...table.matchAll(/<tr><th scope="row"><time datetime="([\d-]+)">[\s\S]*?<\/th><td>(\d+) days?<\/td><\/tr>/g),
  ].map((m) => ({ date: m[1]!, wait: Number(m[2]), wave: m[0].includes('wave day') }));
}

const sortRows = (rows: { date: string; wait: number }[]) => rows.map((r) => `${r.date}/${String(r.wait)}`).sort();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const stores = [
  ['SQLite', false],
  ['PostgreSQL', true],
] as const;

describe.each(stores)('recent clearances on /stats (%s)', (_name, postgres) => {
  let fx: Awaited<ReturnType<typeof webFixture>> | undefined;
  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    fx = await webFixture({ now: () => NOW, postgres });
    await upsertTimelines(fx.store.db, TIMELINES);
  });
  afterAll(async () => {
    await fx?.close();
  });
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fx!.app.request(path, { headers });
    expect(res.status).toBe(200);
    return res.text();
  };

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    'lists what cleared this week for the post and class, with each wait, and the summary',
    async () => {
      const html = await page('/stats?visa=F1&post=BEJ');
      const { list } = sections(html);
      const expected = expectedWeek(TIMELINES, { visaClass: 'F1', post: 'BEJ' });
      // The planted wave, the steady flow on alternate days, no refusal, no pending case.
      expect(expected.length).toBe(WAVE_SIZE + 4);
      const rows = tableRows(list, 'F1 at Beijing, China (BEJ)');
      expect(sortRows(rows)).toEqual(sortRows(expected));
      // Newest first.
      expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort().reverse());
      // The wave day's rows are marked, and only those.
      expect(rows.filter((r) => r.wave).map((r) => r.date)).toEqual(
        rows.filter((r) => r.date === WAVE_DAY).map((r) => r.date),
      );
      expect(rows.filter((r) => r.wave).length).toBeGreaterThanOrEqual(WAVE_SIZE);
      const waits = expected.map((r) => r.wait);
      expect(text(list)).toContain(
        `${String(expected.length)} cases cleared this week; waits ${String(Math.min(...waits))}–${String(Math.max(...waits))} days, median ${String(median(waits))}.`,
      );
      expect(text(list)).toContain('2026-01-14 to 2026-01-20');
      // Only pooled figures: no timeline's key, which is the nearest thing here to a case's identity.
      expect(html).not.toMatch(/rc-f1-|rc-j1-/);
      // The table scrolls in its own focusable box, named by its visible caption.
      expect(list).toMatch(/<div class="sw-scroll" tabindex="0" role="region" aria-labelledby="rc-caption-0">/);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    'groups a post by visa class, and counts a group too small to list without listing it',
    async () => {
      const { list } = sections(await page('/stats?post=BEJ'));
      const f1 = expectedWeek(TIMELINES, { visaClass: 'F1', post: 'BEJ' });
      const j1 = expectedWeek(TIMELINES, { visaClass: 'J1', post: 'BEJ' });
      expect(sortRows(tableRows(list, 'F1 at Beijing, China (BEJ)'))).toEqual(sortRows(f1));
      expect(sortRows(tableRows(list, 'J1 at Beijing, China (BEJ)'))).toEqual(sortRows(j1));
      expect(text(list)).toContain(`${String(f1.length + j1.length)} cases cleared this week`);
      // J1 had no wave: none of its rows is marked.
      expect(tableRows(list, 'J1 at Beijing, China (BEJ)').some((r) => r.wave)).toBe(false);

      const all = text(sections(await page('/stats')).list);
      const everyone = expectedWeek(TIMELINES, {});
      expect(all).toContain(`${String(everyone.length)} cases cleared this week`);
      // The 2 H1B clearances at Mumbai are counted in the summary but never listed.
      expect(all).toContain('2 more cases cleared in groups of fewer than 5 cases');
      expect(all).not.toContain('H1B at Mumbai');

      const few = text(sections(await page('/stats?visa=H1B&post=BMB')).list);
      expect(few).toContain('Fewer than 5 cases cleared this week.');
      expect(few).not.toMatch(/waits \d+–\d+ days/);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    'marks the wave day on the calendar chart and lists it in words below',
    async () => {
      const { chart } = sections(await page('/stats?visa=F1&post=BEJ'));
      expect(chart).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="clearances-title clearances-desc"/);
      const marked = [...chart.matchAll(/class="wave-tick" data-date="([\d-]+)"/g)].map((m) => m[1]);
      expect(marked).toEqual([WAVE_DAY]);
      const items = [...chart.matchAll(/<li><time datetime="([\d-]+)">/g)].map((m) => m[1]);
      expect(items).toEqual([WAVE_DAY]);
      const waveWaits = expectedWeek(TIMELINES, { visaClass: 'F1', post: 'BEJ' })
        .filter((r) => r.date === WAVE_DAY)
        .map((r) => r.wait);
      expect(text(chart).replace(' :', ':')).toContain(
        `${WAVE_DAY}: ${String(waveWaits.length)} cases of F1 at Beijing, China (BEJ) cleared after waits of ${String(Math.min(...waveWaits))}–${String(Math.max(...waveWaits))} days`,
      );
      // One bar per day with a clearance in the 90 days (the flow every other day: 45 days, the wave day among them).
      const bars = chart.match(/class="day-bar"/g) ?? [];
      const days = new Set(
        TIMELINES.filter(
          (t) =>
            t.visaClass === 'F1' && t.post === 'BEJ' && t.outcome === 'issued' && t.outcomeDate >= addDays(TODAY, -89),
        ).map((t) => t.outcomeDate),
      );
      expect(bars.length).toBe(days.size);

      // Over every group, the same day is a wave of the pair, of the post and of the class: one mark, three lines.
      const all = sections(await page('/stats')).chart;
      expect([...all.matchAll(/class="wave-tick" data-date="([\d-]+)"/g)].map((m) => m[1])).toEqual([WAVE_DAY]);
      expect([...all.matchAll(/<li><time datetime="([\d-]+)">/g)].map((m) => m[1])).toEqual([
        WAVE_DAY,
        WAVE_DAY,
        WAVE_DAY,
      ]);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)('says plainly when nothing cleared this week', async () => {
    const { list, chart } = sections(await page('/stats?visa=B1/B2&post=Mexico+City'));
    expect(text(list)).toContain('No case cleared this week in the timelines pooled here.');
    expect(list).not.toContain('<table');
    // Its 6 clearances of 40–80 days ago still draw the chart, with no wave.
    expect(chart.match(/class="day-bar"/g)).toHaveLength(6);
    expect(chart).not.toContain('wave-tick"');
    expect(text(chart)).toContain('No wave day in the last 90 days for B1/B2 at Mexico City, Mexico (MEX).');
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('speaks the reader’s language: zh-CN and es', async () => {
    const expected = expectedWeek(TIMELINES, { visaClass: 'F1', post: 'BEJ' });
    const zh = await page('/stats?visa=F1&post=BEJ', { cookie: 'cw_lang=zh-CN' });
    const zhText = text(sections(zh).list);
    expect(zhText).toContain('近期结束审查的案件');
    expect(zhText).toContain(`本周有 ${String(expected.length)} 个案件结束审查`);
    expect(zhText).toContain('集中结束审查日');
    expect(text(sections(zh).chart)).toContain('结束审查的案件数');
    expect(zhText).not.toContain('cleared this week');
    const es = text(sections(await page('/stats?visa=F1&post=BEJ', { 'accept-language': 'es' })).list);
    expect(es).toContain(`${String(expected.length)} casos resueltos esta semana`);
    expect(es).toContain('día de ola');
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('follows the post and class only, and says so', async () => {
    const html = await page('/stats?visa=F1&post=BEJ&entry=renewal');
    expect(text(sections(html).list)).toContain('follow only the post and visa class of your filter');
  });
});
