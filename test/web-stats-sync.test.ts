// Shared timelines of watched cases kept in step, end to end: real simulator, the real `ceac case`
// and `ceac stats` commands (in-process, through their command modules), a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { type RunningSimulator, type ScenarioInput, startSimulator } from '../src/simulator/index.js';
import { openConfiguredStore } from '../src/store/open.js';
import { openTestPostgres, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { upsertTimelines } from '../src/timelines/repository.js';
import { DAY } from '../src/tracker/schedule.js';
import { ceac, rememberEnv } from './support/cli.js';
import { groupTimelines } from './web-stats-fixtures.js';

if (!TEST_DATABASE_URL)
  console.warn('shared timelines sync: the PostgreSQL run is skipped — set TEST_DATABASE_URL to run it');

const CODE = 'S7NC2';
const START = Date.UTC(2026, 1, 2, 4, 0);

const SHARED = { id: 'AA00SHARE1', passport: 'M8810231', surname: 'KRISHNAMURTHY' };
const PRIVATE = { id: 'AA00PRIV01', passport: 'N7720456', surname: 'VENKATARAMAN' };

const steps = [
  { at: '-20d', variant: 'application_received' },
  { at: '-3d', variant: 'refused_221g' },
  { at: '2d', variant: 'administrative_processing' },
  { at: '4d', variant: 'issued' },
];
const SCENARIO: ScenarioInput = {
  name: 'timeline-sync',
  cases: [
    { label: 'shares', app: 'NIV', location: 'BMB', ...SHARED, steps },
    { label: 'keeps private', app: 'NIV', location: 'BMB', ...PRIVATE, steps },
  ],
};

const restoreEnv = rememberEnv([
  'CEAC_WATCH_DATA',
  'DATABASE_URL',
  'CEAC_BASE_URL',
  'CEAC_CAPTCHA',
  'CEAC_REQUEST_INTERVAL_MS',
  'CEAC_WATCH_SECRET',
  'LOG_LEVEL',
]);
let dir: string;
let sim: RunningSimulator;
let pg: TestStore | undefined;
const clock = { now: START };

beforeAll(async () => {
  sim = await startSimulator({ scenario: SCENARIO as never, captchaCode: CODE, now: () => clock.now });
  delete process.env.CEAC_WATCH_SECRET;
  process.env.CEAC_BASE_URL = sim.url;
  process.env.CEAC_CAPTCHA = `command:cat >/dev/null; echo ${CODE}`;
  process.env.CEAC_REQUEST_INTERVAL_MS = '0';
  process.env.LOG_LEVEL = 'silent';
});

afterAll(async () => {
  await sim?.close();
  restoreEnv();
});

/** A fresh store for each run: a new data folder, and on PostgreSQL a throw-away database. */
async function freshStore(dialect: 'sqlite' | 'postgres'): Promise<void> {
  clock.now = START;
  dir = mkdtempSync(join(tmpdir(), 'ceac-timeline-sync-'));
  process.env.CEAC_WATCH_DATA = dir;
  if (dialect === 'postgres') {
    pg = await openTestPostgres();
    process.env.DATABASE_URL = pg.url!;
  } else delete process.env.DATABASE_URL;
}
afterEach(async () => {
  await pg?.close();
  pg = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function rawTimelines(): Promise<string> {
  const opened = await openConfiguredStore(loadConfig());
  try {
    const rows = await opened.store.db.selectFrom('timelines').selectAll().where('source', '=', 'watched').execute();
    return JSON.stringify(rows);
  } finally {
    await opened.close();
  }
}

async function statsN(): Promise<number | string> {
  const r = await ceac('stats', '--visa', 'F1', '--post', 'BMB', '--json');
  return r.code === 0 ? (r.json().n as number) : r.err.trim();
}

describe.each([
  ['sqlite', false],
  ['postgres', !TEST_DATABASE_URL],
] as const)('shared timelines of watched cases on %s', (dialect, skip) => {
  it.skipIf(skip)(
    'follow checks and consent: a consenting case counts in `ceac stats`, a private one never does',
    { timeout: 60_000 },
    async () => {
      await freshStore(dialect);
      // Four timelines typed in by others: one short of a group that `ceac stats` shows.
      const opened = await openConfiguredStore(loadConfig());
      await upsertTimelines(
        opened.store.db,
        groupTimelines({ visaClass: 'F1', post: 'BMB', entry: 'new', route: 'dropbox', n: 4 }, 9),
      );
      await opened.close();
      expect(await statsN()).toMatch(/only 4 cases match/);

      const add = async (c: typeof SHARED, share: boolean) => {
        const args = [
          'case',
          'add',
          '--app',
          'NIV',
          '--location',
          'BMB',
          '--id',
          c.id,
          '--passport',
          c.passport,
          '--surname',
          c.surname,
          '--visa-class',
          'F1',
          '--entry',
          'new',
          '--route',
          'dropbox',
          '--slip',
          'white',
          '--json',
        ];
        const r = await ceac(...args, ...(share ? ['--share'] : []));
        expect(r.code, r.err).toBe(0);
        return String(r.json().id);
      };
      const shared = await add(SHARED, true);
      const priv = await add(PRIVATE, false);

      // First checks: both cases show Refused (221(g)): the wait starts; only the consenting one is pooled.
      for (const id of [shared, priv]) expect((await ceac('case', 'check', id, '--json')).code).toBe(0);
      expect(await statsN()).toBe(5);
      let stored = JSON.parse(await rawTimelines()) as {
        outcome: string;
        visa_class: string;
        post: string;
        entry: string;
        route: string;
        events_json: string;
      }[];
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        outcome: 'pending',
        visa_class: 'F1',
        post: 'BMB',
        entry: 'new',
        route: 'dropbox',
      });
      expect(JSON.parse(stored[0]!.events_json)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'status', status: 'refused' }),
          expect.objectContaining({ kind: 'slip_221g', color: 'white' }),
        ]),
      );

      // The simulator moves on to Issued; the next checks bring the shared timeline in step.
      clock.now += 5 * DAY;
      for (const id of [shared, priv]) expect((await ceac('case', 'check', id, '--json')).code).toBe(0);
      stored = JSON.parse(await rawTimelines()) as typeof stored;
      expect(stored).toHaveLength(1);
      expect(stored[0]!.outcome).toBe('issued');
      const stats = (await ceac('stats', '--visa', 'F1', '--post', 'BMB', '--json')).json() as {
        n: number;
        issued: number;
        censored: number;
      };
      expect(stats.n).toBe(5);

      // Nothing that identifies anyone is stored with it.
      const raw = await rawTimelines();
      for (const secret of [...Object.values(SHARED), ...Object.values(PRIVATE)]) expect(raw).not.toContain(secret);
      expect(raw).not.toMatch(/case:\d+/);

      // Consent withdrawn: gone at once. Given again: back. Case removed: gone.
      expect((await ceac('case', 'edit', shared, '--no-share')).code).toBe(0);
      expect(await statsN()).toMatch(/only 4 cases match/);
      expect((await ceac('case', 'edit', shared, '--share')).code).toBe(0);
      expect(await statsN()).toBe(5);
      // Sharing the private case now adds it too, from the statuses already seen.
      expect((await ceac('case', 'edit', priv, '--share')).code).toBe(0);
      expect(await statsN()).toBe(6);
      expect((await ceac('case', 'remove', shared)).code).toBe(0);
      expect((await ceac('case', 'remove', priv)).code).toBe(0);
      expect(await statsN()).toMatch(/only 4 cases match/);
      expect(await rawTimelines()).toBe('[]');
    },
  );
});
