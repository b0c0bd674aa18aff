import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { addCalendarDays } from '../src/knowledge/deadlines.js';
import { buildReport } from '../src/stats/report.js';
import { tabulate } from '../src/stats/table.js';
import { detectWaves } from '../src/stats/waves.js';
import { openTestPostgres, TEST_DATABASE_URL } from '../src/store/testing.js';
import { dayNumber, validateTimeline, waitDays } from '../src/timelines/model.js';
import { countTimelines, listTimelines } from '../src/timelines/repository.js';
import { createDemoAccount, DEMO_EMAIL, DEMO_PASSWORD, demoSlipDate } from '../src/web/demo.js';
import {
  countDemoTimelines,
  DEMO_KEY_PREFIX,
  DEMO_NOTE,
  DEMO_WAVE,
  demoTimelines,
  seedDemoTimelines,
} from '../src/web/demo-timelines.js';
import { statsServiceFor } from '../src/web/waiting-times.js';
import { type Stack, startStack } from './browser-harness.js';
import { Client } from './web-harness.js';
import { durations } from './web-stats-fixtures.js';

if (!TEST_DATABASE_URL) console.warn('web demo: the PostgreSQL run is skipped — set TEST_DATABASE_URL to run it');

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('demo timelines', () => {
  const TODAY = '2026-11-26';
  const pool = demoTimelines(TODAY);

  it('are the same on every run of a day, and marked as demo data', () => {
    expect(demoTimelines(TODAY)).toEqual(pool);
    expect(demoTimelines('2026-11-27')).not.toEqual(pool);
    for (const t of pool) {
      validateTimeline(t);
      expect(t.sourceKey.startsWith(DEMO_KEY_PREFIX)).toBe(true);
      expect(t.note).toBe(DEMO_NOTE);
    }
    expect(new Set(pool.map((t) => t.sourceKey)).size).toBe(pool.length);
  });

  it('hold one clearance wave, yesterday at Hyderabad for B1/B2, that the real detector finds', () => {
    const clearances = pool
      .filter((t) => t.outcome === 'issued')
      .map((t) => ({ date: t.outcomeDate, post: t.post, visaClass: t.visaClass, waitDays: waitDays(t) }));
    const yesterday = addCalendarDays(TODAY, -1);
    const waves = detectWaves(clearances, { from: yesterday, to: TODAY });
    const pair = waves.filter((w) => w.post === 'HYD' && w.visaClass === 'B1/B2');
    expect(pair.map((w) => w.date)).toEqual([yesterday]);
    expect(pair[0]!.count).toBeGreaterThanOrEqual(DEMO_WAVE.size);
    // Without the planted cases, the same day is no wave: the wave is the seed's doing, not chance.
    const without = clearances.filter((c) => !(c.date === yesterday && c.post === 'HYD' && c.visaClass === 'B1/B2'));
    expect(detectWaves(without, { from: yesterday, to: TODAY }).filter((w) => w.post === 'HYD')).toEqual([]);
  });

  it('mix posts, classes, entries, routes and months, with decisions and censored pending cases', () => {
    expect(new Set(pool.map((t) => t.visaClass))).toEqual(new Set(['F1', 'H1B', 'B1/B2']));
    expect(new Set(pool.map((t) => t.post)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(pool.map((t) => t.entry))).toEqual(new Set(['new', 'renewal']));
    expect(new Set(pool.map((t) => t.route))).toEqual(new Set(['dropbox', 'interview']));
    expect(new Set(pool.map((t) => t.startDate.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
    const share = (o: string) => pool.filter((t) => t.outcome === o).length / pool.length;
    expect(share('issued')).toBeGreaterThan(0.5);
    expect(share('refused')).toBeGreaterThan(0.03);
    expect(share('pending')).toBeGreaterThan(0.1);
    for (const t of pool) expect(t.outcomeDate <= TODAY).toBe(true);
    // Some pending cases were last seen long ago (abandoned), not all censored at today.
    const pending = pool.filter((t) => t.outcome === 'pending');
    expect(pending.some((t) => t.outcomeDate < '2026-10-01')).toBe(true);
    // Waits spread out: a long tail beyond 90 days, and quick decisions within a week.
    const decided = pool.filter((t) => t.outcome !== 'pending').map(waitDays);
    expect(decided.some((d) => d > 90)).toBe(true);
    expect(decided.some((d) => d <= 7)).toBe(true);
  });
});

describe('npm run demo: statistics from the first minute', { timeout: 60_000 }, () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('seeds the pool once, shows /stats?visa=F1 with its median and the demo note, and "People like you" on the waiting case', async () => {
    stack = await startStack({ automaticCaptcha: true });
    const { fixture, sim, checker } = stack;
    const db = fixture.store.db;
    const today = new Date().toISOString().slice(0, 10);

    // Before the seeding: nothing to show, and no demo note.
    let html = await (await fixture.app.request('/stats?visa=F1')).text();
    expect(html).toContain('Fewer than 5 cases match');
    expect(html).not.toContain('Demo data.');

    const demo = await createDemoAccount(fixture.services.accounts, fixture.services.cases, sim);
    const first = await seedDemoTimelines(db, today);
    statsServiceFor(fixture.store).invalidate();
    const expectedCount = demoTimelines(today).length;
    expect(first.inserted).toBe(expectedCount);
    // A restart on the same day stores nothing twice.
    expect(await seedDemoTimelines(db, today)).toEqual({ inserted: 0, updated: 0, unchanged: expectedCount });
    expect(await countTimelines(db)).toBe(expectedCount);
    expect(await countDemoTimelines(db)).toBe(expectedCount);

    html = await (await fixture.app.request('/stats?visa=F1')).text();
    const f1 = await listTimelines(db, { visaClass: 'F1' }, 10_000);
    const expected = buildReport(tabulate(durations(f1).days, durations(f1).cause));
    expect(expected.median.days).not.toBeNull();
    const words = text(html);
    expect(words).toContain(`${f1.length} cases match`);
    expect(words).toContain(`Half of similar cases were decided within ${expected.median.days} days`);
    expect(words).toContain(`Demo data. These figures come from ${expectedCount} timelines generated for the demo`);

    // The family's child held in 221(g): B1/B2 in Hyderabad, checked once, waiting.
    for (const id of demo.caseIds) await checker.check(id);
    const cases = await fixture.services.cases.list({ ownerId: demo.userId });
    const held = cases.find((c) => c.caseNumber === 'AA00FAM003')!;
    expect(held.context).toMatchObject({ visaClass: 'B1/B2', entry: 'new' });
    expect(held.location).toBe('HYD');
    const comparable = await countTimelines(db, { visaClass: 'B1/B2', post: 'HYD', entry: 'new' });
    expect(comparable).toBeGreaterThanOrEqual(5);

    const c = new Client(fixture.app);
    await c.page('/signin');
    expect((await c.post('/signin', { email: DEMO_EMAIL, password: DEMO_PASSWORD })).status).toBe(303);
    const page = text((await c.page(`/cases/${held.id}`)).html);
    expect(page).toContain('People like you');
    expect(page).toContain('Demo data. The comparable cases come from');
    // The narrowest group (post, class and entry) has enough cases, so no fallback.
    expect(page).toContain('Of B1/B2 at HYD (new),');
    // An issued case of the family has no prediction to make.
    const issued = cases.find((x) => x.caseNumber === 'AA00FAM001')!;
    expect(text((await c.page(`/cases/${issued.id}`)).html)).not.toContain('People like you');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('demo timelines on PostgreSQL', () => {
  it('are stored once and counted as demo data', async () => {
    const store = await openTestPostgres();
    try {
      const today = '2026-11-26';
      const n = demoTimelines(today).length;
      expect((await seedDemoTimelines(store.db, today)).inserted).toBe(n);
      expect((await seedDemoTimelines(store.db, today)).unchanged).toBe(n);
      expect(await countDemoTimelines(store.db)).toBe(n);
      expect(await countTimelines(store.db, { visaClass: 'B1/B2', post: 'HYD', entry: 'new' })).toBeGreaterThanOrEqual(
        5,
      );
    } finally {
      await store.close();
    }
  });
});

// `npm start -- --demo` as a person runs it: the compiled CLI (npm test builds before running the tests).
const CLI = join(process.cwd(), 'dist/cli/index.js');
const built = existsSync(CLI);
if (!built) console.warn('web demo: the `serve --demo` run is skipped: dist/cli/index.js is missing (npm run build)');

describe.skipIf(!built)(
  'npm run demo: a clearance wave and a reminder, through the outbox',
  { timeout: 90_000 },
  () => {
    let child: ChildProcess | undefined;
    let dir: string | undefined;
    afterEach(() => {
      if (child?.exitCode === null) child.kill('SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
      child = undefined;
      dir = undefined;
    });

    it('the held case is told of the planted wave and reminded of its 221(g) deadline; its page shows both', async () => {
      const today = new Date().toISOString().slice(0, 10);
      dir = mkdtempSync(join(tmpdir(), 'ceac-demo-'));
      const env: NodeJS.ProcessEnv = { ...process.env, CEAC_WATCH_DATA: dir, LOG_LEVEL: 'warn', NO_COLOR: '1' };
      delete env.DATABASE_URL;
      delete env.CEAC_CAPTCHA;
      const proc = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--demo'], { env });
      child = proc;
      let out = '';
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /running at (http:\/\/\S+?)\/?\s/.exec(out);
          if (m && out.includes('demo login')) resolve(m[1]!.replace(/\/$/, ''));
        });
        proc.once('exit', (code) => reject(new Error(`serve exited early (${String(code)}): ${err}`)));
      });

      // The inbox receives what the dispatcher delivers to the demo's webhook channel: nothing written by hand.
      const wanted = ['clearance wave', 'reminder'];
      let inbox = '';
      for (let i = 0; i < 120 && !wanted.every((w) => inbox.includes(w)); i++) {
        inbox = text(await (await fetch(`${url}/demo/inbox`)).text());
        if (!wanted.every((w) => inbox.includes(w))) await new Promise((r) => setTimeout(r, 500));
      }
      const due = addCalendarDays(today, 30);
      const yesterday = addCalendarDays(today, -1);
      const wave = `${String(DEMO_WAVE.size)} B1/B2 cases at Hyderabad, India that had waited 35–80 days cleared on ${yesterday}`;
      // Its wait counts from the slip date the owner gave, not from the day the demo first saw the case.
      const waited = dayNumber(today)! - dayNumber(demoSlipDate(today))!;
      expect(inbox).toContain(
        `family: child held in 221(g): clearance wave ${wave}; yours has waited ${String(waited)}.`,
      );
      expect(inbox).toContain(
        `family: child held in 221(g): reminder 221(g) documents due: ${due} (in 30 days); 12 months after the slip date ${demoSlipDate(today)}.`,
      );
      // Only the open case at the wave's post is told; the issued family members are not.
      expect(inbox.match(/clearance wave/g)).toHaveLength(1);

      // The held case's page shows the same wave sentence and the deadline with its source.
      // The browser-like client of the in-process tests, over real HTTP to the demo server.
      const c = new Client({
        request: (path, init) => fetch(path.replace('http://localhost', url), { ...init, redirect: 'manual' }),
      });
      await c.page('/signin');
      expect((await c.post('/signin', { email: DEMO_EMAIL, password: DEMO_PASSWORD })).status).toBe(303);
      const list = text((await c.page('/cases')).html);
      expect(list).toContain('family: child held in 221(g)');
      const cases = (await (await c.request('/api/v1/cases')).json()) as {
        items: { id: number; caseNumber: string }[];
      };
      const held = cases.items.find((x) => x.caseNumber === 'AA00FAM003')!;
      const page = text((await c.page(`/cases/${String(held.id)}`)).html);
      expect(page).toContain('Clearance waves at your post');
      expect(page).toContain(wave);
      // Dates as the page writes them (the ISO day is in the <time> element's datetime).
      const written = (iso: string) =>
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(`${iso}T00:00:00Z`),
        );
      expect(page).toContain(`${written(due)} — 221(g) documents due`);
      expect(page).toContain(`12 months after the date on the 221(g) slip, ${written(demoSlipDate(today))}`);
      proc.kill('SIGTERM');
    });
  },
);
