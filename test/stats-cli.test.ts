// `ceac import / stats / predict` run in-process through their real command modules, against a real
// SQLite file (and PostgreSQL when TEST_DATABASE_URL is set), with output captured.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/runtime/index.js';
import { KEY_FILE_NAME } from '../src/store/seal.js';
import { openTestPostgres, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { ceac, rememberEnv } from './support/cli.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const F1 = `${DATA}checkee-f1-2025-10-to-2026-03.csv`;
const HISTORY = `${DATA}checkee-cleared-2009-2018.csv`;
const haveData = existsSync(F1) && existsSync(HISTORY);
if (!haveData) console.warn(`stats CLI: the real-file tests are skipped — ${DATA} is not there`);
if (!TEST_DATABASE_URL) console.warn('stats CLI: PostgreSQL run skipped — set TEST_DATABASE_URL to run it');

const restoreEnv = rememberEnv(['CEAC_WATCH_DATA', 'DATABASE_URL', 'CEAC_WATCH_SECRET']);
function useStore(dir: string, url?: string) {
  process.env.CEAC_WATCH_DATA = dir;
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
}
afterAll(restoreEnv);

describe('ceac import / stats / predict usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ceac-stats-cli-'));
    useStore(dir);
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('rejects bad options with exit 2 and a message saying how to fix them', async () => {
    const ci = await ceac('stats', '--ci', 'wide');
    expect(ci.code).toBe(2);
    expect(ci.err).toMatch(/--ci must be one of log, log-log, plain/);
    expect((await ceac('stats', '--from', '2025-13')).err).toMatch(/--from must be a month as YYYY-MM/);
    expect((await ceac('stats', '--entry', 'old')).code).toBe(2);
    const waited = await ceac('predict', '--visa', 'F1', '--waited', '-3');
    expect(waited.code).toBe(2);
    expect(waited.err).toMatch(/--waited must be a whole number of days/);
    expect((await ceac('predict', '--waited', '3')).code).toBe(2); // --visa is required
    expect((await ceac('import', 'checkee', 'x.csv', '--as-of', '2026-02-30')).err).toMatch(/--as-of must be a date/);
    expect((await ceac('import', 'checkee', 'x.csv', '--max-errors', 'all')).code).toBe(2);
  });

  it('says what is wrong with an unreadable or foreign file (exit 1), and never shows a group under 5', async () => {
    const missing = await ceac('import', 'checkee', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.csv: no such file/);
    const foreign = join(dir, 'foreign.csv');
    writeFileSync(foreign, 'a,b\n1,2\n');
    expect((await ceac('import', 'checkee', foreign)).err).toMatch(/the header has no visaType/);
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(
      tiny,
      'nickname,visa_type,visa_entry,consulate,status,check_date,complete_date\nq,O1,New,BeiJing,Clear,2026-01-01,2026-01-09\n',
    );
    expect((await ceac('import', 'checkee', tiny, '--json')).json()).toMatchObject({ imported: 1 });
    const small = await ceac('stats', '--visa', 'O1', '--json');
    expect(small.code).toBe(1);
    expect(small.json()).toEqual({
      n: 1,
      shown: false,
      warnings: [expect.stringMatching(/groups smaller than 5 are not shown/)],
    });
    expect(small.out).not.toContain('curve');
  });

  it('stats, predict and import work without the sealing key, and make no key file', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ceac-stats-nokey-'));
    const savedDir = process.env.CEAC_WATCH_DATA;
    try {
      useStore(fresh);
      delete process.env.CEAC_WATCH_SECRET;
      const key = join(fresh, KEY_FILE_NAME);
      const file = join(fresh, 'rows.csv');
      writeFileSync(
        file,
        'nickname,visa_type,visa_entry,consulate,status,check_date,complete_date\nq,O1,New,BeiJing,Clear,2026-01-01,2026-01-09\n',
      );
      expect((await ceac('import', 'checkee', file, '--json')).json()).toMatchObject({ imported: 1 });
      expect((await ceac('stats', '--visa', 'O1', '--json')).json()).toMatchObject({ n: 1, shown: false });
      expect((await ceac('predict', '--visa', 'O1', '--waited', '3')).code).toBe(1);
      // The database was made and migrated (the import is in it), but no key was.
      expect(existsSync(join(fresh, 'ceac-watch.sqlite'))).toBe(true);
      expect(existsSync(key)).toBe(false);
      // A runtime that seals makes the key file, in the same place: the check above looks where it would be.
      const sealing = await openRuntime(loadConfig());
      await sealing.close();
      expect(existsSync(key)).toBe(true);
    } finally {
      useStore(savedDir!);
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('extracts a free-text post for review, and stores it only with --save', async () => {
    const post = join(dir, 'post.txt');
    writeFileSync(
      post,
      'F1 Beijing dropbox. Oct 21- Refused, Oct 27- passport back with 221g (white), Nov 01- Issued\n---\nHow long does 221g take?\n',
    );
    const review = await ceac('import', 'text', post, '--posted', '2025-11-10', '--json');
    expect(review.code).toBe(0);
    const { timelines } = review.json() as {
      timelines: { visaClass: string; post: string; route: string; events: Record<string, unknown>[] }[];
    };
    expect(timelines).toHaveLength(1);
    expect(timelines[0]).toMatchObject({ visaClass: 'F1', post: 'BEJ', route: 'dropbox' });
    expect(timelines[0]!.events[0]).toMatchObject({
      date: '2025-10-21',
      kind: 'status',
      status: 'refused',
      text: 'Oct 21- Refused',
    });
    expect(timelines[0]!.events[2]).toMatchObject({ kind: 'slip_221g', color: 'white' });
    expect(Object.keys(timelines[0]!)).toEqual(['visaClass', 'post', 'route', 'entry', 'events']);
    expect(typeof timelines[0]!.events[0]!.confidence).toBe('number');
    const human = await ceac('import', 'text', post, '--posted', '2025-11-10');
    expect(human.out).toMatch(/run again with --save/);
    const save = await ceac('import', 'text', post, '--posted', '2025-11-10', '--save', '--json');
    expect(save.json()).toMatchObject({ saved: 1, notSaved: [] });
  });
});

const backends: [string, boolean][] = [
  ['sqlite', !haveData],
  ['postgres', !haveData || !TEST_DATABASE_URL],
];
for (const [name, skip] of backends) {
  describe.skipIf(skip)(`ceac import checkee → stats → predict on ${name}`, () => {
    let dir: string;
    let pg: TestStore | undefined;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ceac-stats-cli-'));
      pg = name === 'postgres' ? await openTestPostgres({ migrate: false }) : undefined;
      useStore(dir, pg?.url);
      return async () => {
        await pg?.close();
        rmSync(dir, { recursive: true, force: true });
      };
    });

    it('imports both real files, with the bias warning in human and JSON output', async () => {
      const history = await ceac('import', 'checkee', HISTORY);
      expect(history.code).toBe(0);
      expect(history.out).toMatch(/imported\s+21621/);
      expect(history.out).toMatch(/skipped\s+7/);
      expect(history.out).toMatch(/line 3333: complete date 2010-01-31 is before the check date 2010-12-20/);
      expect(history.out).toMatch(/warning: only finished cases/);
      const json = (await ceac('import', 'checkee', HISTORY, '--json')).json();
      expect(json).toMatchObject({ rows: 21815, imported: 0, duplicates: 21621 + 187, skipped: 7 });
      expect((json.warnings as string[])[0]).toMatch(/^only finished cases/);
      const f1 = (await ceac('import', 'checkee', F1, '--json')).json();
      expect(f1).toMatchObject({
        rows: 252,
        imported: 250,
        duplicates: 2,
        cases: { decided: 146, pending: 104, refused: 2 },
        warnings: [],
      });
    });

    it('prints the documented JSON of ceac stats, one curve point per distinct time', async () => {
      const r = await ceac('stats', '--visa', 'F1', '--from', '2025-10', '--ci', 'log-log', '--json');
      expect(r.code).toBe(0);
      const s = r.json() as {
        n: number;
        events: number;
        censored: number;
        median: Record<string, number>;
        quartiles: Record<string, unknown>;
        survivalAt: Record<string, unknown>;
        curve: {
          t: number;
          survival: number;
          low: number;
          high: number;
          nRisk: number;
          events: number;
          censored: number;
        }[];
        warnings: string[];
        ciType: string;
      };
      expect(s).toMatchObject({ n: 250, events: 146, censored: 104, ciType: 'log-log' });
      expect(Object.keys(s.median)).toEqual(['days', 'low', 'high']);
      expect(Object.keys(s.quartiles)).toEqual(['25', '75']);
      expect(Object.keys(s.survivalAt)).toEqual(['30', '60', '90', '180']);
      const times = s.curve.map((p) => p.t);
      expect(new Set(times).size).toBe(times.length);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(s.curve[0]!.nRisk).toBe(250);
      expect(Object.keys(s.curve[0]!)).toEqual(['t', 'survival', 'low', 'high', 'nRisk', 'events', 'censored']);
      // The 2009–2018 cases are outside the months asked for, so no bias warning here...
      expect(s.warnings.join(' ')).not.toMatch(/only finished/);
      // ...but pooled with them, F1 at Beijing is 99% finished cases, and says so.
      const pooled = (await ceac('stats', '--visa', 'F1', '--post', 'BEJ', '--json')).json() as { warnings: string[] };
      expect(pooled.warnings[0]).toMatch(
        /are still pending: if most of this group comes from a source that left pending cases out/,
      );
      const human = await ceac('stats', '--visa', 'F1', '--post', 'Beijing');
      expect(human.out).toMatch(/^Waiting time to a decision — F1, at BEJ/);
      expect(human.out).toMatch(/median wait \d+ days \(95% CI \d+–\d+, log\)/);
      expect(human.out).toMatch(/warning: only \d+ of \d+ cases/);
    });

    it('predicts for an open case and states the group it used', async () => {
      const r = await ceac(
        'predict',
        '--visa',
        'F1',
        '--post',
        'KBL',
        '--entry',
        'renewal',
        '--waited',
        '30',
        '--json',
      );
      expect(r.code).toBe(0);
      const p = r.json() as {
        groupLabel: string;
        comparable: number;
        within: Record<string, { p: number; low: number; high: number }>;
        notes: string[];
        tried: unknown[];
      };
      // No F1 case from Kabul: the broader groups are tried in order, and the one used is named.
      expect(p.tried).toHaveLength(2);
      expect(p.notes[0]).toBe(
        'F1 at KBL (renewal): only 0 comparable cases still pending after 30 days, so a broader group was used',
      );
      expect(p.groupLabel).toBe('F1 at every post (renewal)');
      expect(p.comparable).toBeGreaterThanOrEqual(5);
      expect(Object.keys(p.within)).toEqual(['7', '30', '60', '90']);
      expect(p.within['30']!.p).toBeGreaterThan(p.within['7']!.p);
      expect(p.within['30']!.low).toBeLessThanOrEqual(p.within['30']!.p);
      const none = await ceac('predict', '--visa', 'K1', '--waited', '10');
      expect(none.code).toBe(1);
      expect(none.err).toMatch(/not enough comparable cases to predict/);
    });
  });
}
