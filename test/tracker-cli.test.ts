import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';

/**
 * The compiled CLI (`ceac case`, `watch`, `worker`, `migrate`) as a person uses it: SQLite under a
 * fresh data directory, the simulator as CEAC, exit codes, --json shapes, and no personal data in
 * the database file or the logs.
 */
const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const CODE = 'C1IT5';
const PASSPORT = 'Z4810023';
const SURNAME = 'RAGHAVAN';

if (!existsSync(CLI))
  console.warn('tracker CLI: skipped — dist/ is missing, run `npm run build` first (npm test does)');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe.skipIf(!existsSync(CLI))('ceac case / watch / worker / migrate', () => {
  let sim: RunningSimulator;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;

  beforeAll(async () => {
    sim = await startSimulator({ captchaCode: CODE });
    dataDir = mkdtempSync(join(tmpdir(), 'ceac-cli-'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CEAC_WATCH_DATA: dataDir,
      CEAC_BASE_URL: sim.url,
      CEAC_REQUEST_INTERVAL_MS: '0',
      CEAC_CAPTCHA: `command:echo ${CODE}`,
      LOG_LEVEL: 'debug',
      NO_COLOR: '1',
    };
  });
  afterAll(async () => {
    await sim?.close();
  });

  function ceac(...args: string[]): Promise<Run> {
    return ceacWithInput('', ...args);
  }

  function ceacWithInput(input: string, ...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        const code =
          err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 1 : 0;
        resolve({ code, stdout, stderr });
      });
      child.stdin?.end(input);
    });
  }

  it('migrates, then reports the schema current', async () => {
    const first = await ceac('migrate', '--json');
    expect(first.code).toBe(0);
    const r = JSON.parse(first.stdout) as { dialect: string; applied: string[] };
    expect(r.dialect).toBe('sqlite');
    expect(r.applied).toContain('2026-11-26T06-00-cases');
    expect(JSON.parse((await ceac('migrate', '--json')).stdout).applied).toEqual([]);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);
  });

  it('adds, lists, shows and edits a case; refuses duplicates and bad input with clear messages', async () => {
    const add = await ceac(
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'Mumbai',
      '--id',
      'AA00DBX221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
      '--label',
      'me',
      '--route',
      'dropbox',
      '--json',
    );
    expect(add.code).toBe(0);
    const c = JSON.parse(add.stdout) as { id: number; location: string; context: unknown; hasPassport: boolean };
    expect(c).toMatchObject({ id: 1, location: 'BMB', context: { route: 'dropbox' }, hasPassport: true });
    expect(add.stdout).not.toContain(PASSPORT);

    const dup = await ceac(
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'BMB',
      '--id',
      'aa00dbx221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
    );
    expect(dup).toMatchObject({ code: 1, stderr: 'error: this case is already watched as case 1\n' });

    const bad = await ceac(
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'Atlantis',
      '--id',
      'XX12',
      '--surname',
      'R2D2',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--location: "Atlantis" is not one CEAC location/);
    expect(bad.stderr).toMatch(/--id: "XX12" is not an NIV application ID/);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace

    expect((await ceac('case', 'add', '--app', 'NIV', '--id', 'AA00DBX221', '--route', 'walk-in')).code).toBe(2);
    expect((await ceac('case', 'show', 'one')).code).toBe(2);
    expect(await ceac('case', 'show', '42')).toMatchObject({
      code: 1,
      stderr: 'error: there is no case 42 (see `ceac case list`)\n',
    });
    // How sure the learned schedule is about the post: nothing seen there yet.
    expect((await ceac('case', 'show', '1')).stdout).toContain(
      "learned schedule: still learning when this post's changes happen (n = 0)",
    );
    const shown = JSON.parse((await ceac('case', 'show', '1', '--json')).stdout) as { learnedSchedule: unknown };
    expect(shown.learnedSchedule).toMatchObject({ learning: true, n: 0, instanceN: 0 });
    expect((await ceac('case', 'edit', '1')).code).toBe(2); // nothing to change

    // Credentials can come from stdin, out of the shell history and the process list.
    expect(
      (await ceacWithInput(`${PASSPORT}\n${SURNAME}\n`, 'case', 'edit', '1', '--passport', '-', '--surname', '-')).code,
    ).toBe(0);
    expect(await ceacWithInput('', 'case', 'edit', '1', '--passport', '-')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/line 1 of stdin is empty/),
    });
    const edited = JSON.parse(
      (await ceac('case', 'edit', '1', '--label', 'mum', '--visa-class', 'h1b', '--json')).stdout,
    ) as { label: string; context: unknown };
    expect(edited).toMatchObject({ label: 'mum', context: { route: 'dropbox', visaClass: 'H1B' } });
    const list = JSON.parse((await ceac('case', 'list', '--json')).stdout) as { id: number }[];
    expect(list.map((x) => x.id)).toEqual([1]);
  });

  it('watch --once checks the due case and history shows what it recorded, oldest first', async () => {
    const watch = await ceac('watch', '--once', '--json');
    expect(watch.code).toBe(0);
    const lines = watch.stdout.trim().split('\n');
    const report = JSON.parse(lines[0]!) as { caseId: number; outcome: string; events: { kind: string }[] };
    expect(report).toMatchObject({ caseId: 1, outcome: 'ok' });
    expect(report.events.map((e) => e.kind)).toEqual(['first_seen']);
    // Nothing is due any more: a second run checks nothing.
    expect(JSON.parse((await ceac('watch', '--once', '--json')).stdout).summary.picked).toBe(0);

    // Checked at once whatever the schedule: same page, so no new event.
    const again = await ceac('case', 'check', '1', '--json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { events: unknown[] }).events).toEqual([]);

    const history = JSON.parse((await ceac('case', 'history', '1', '--json')).stdout) as {
      case: { id: number; state: string };
      observations: { status: string; seenCount: number }[];
      events: {
        kind: string;
        at: number;
        from: unknown;
        to: { status: string };
        interpretation: { state: string; headline: string };
      }[];
    };
    expect(Object.keys(history)).toEqual(['case', 'observations', 'events']);
    expect(history.case).toMatchObject({ id: 1, state: 'refused' });
    expect(history.observations).toMatchObject([{ status: 'Refused', seenCount: 2 }]);
    expect(history.events).toHaveLength(1);
    expect(history.events[0]).toMatchObject({
      kind: 'first_seen',
      from: null,
      to: { status: 'Refused' },
      interpretation: { state: 'refused' },
    });
  });

  it('a failed check exits 1, says why, and records no status', async () => {
    sim.setFaults({ blocked: 1 });
    try {
      const r = await ceac('case', 'check', '1');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/check failed \(blocked\)/);
      expect(r.stdout).toMatch(/nothing was recorded as a status/);
    } finally {
      sim.setFaults({});
    }
    const history = JSON.parse((await ceac('case', 'history', '1', '--json')).stdout) as {
      events: unknown[];
      observations: unknown[];
    };
    expect(history.events).toHaveLength(1);
    expect(history.observations).toHaveLength(1);
  });

  it('keeps the passport number and surname out of the database file and the logs', async () => {
    const logs = await ceac('watch', '--once'); // LOG_LEVEL=debug
    const dbBytes = readdirSync(dataDir)
      .filter((f) => f.startsWith('ceac-watch.sqlite'))
      .map((f) => readFileSync(join(dataDir, f)).toString('latin1'))
      .join('');
    expect(dbBytes).toContain('AA00DBX221'); // the file is the right one…
    expect(dbBytes).not.toContain(PASSPORT); // …and holds no plain personal data
    expect(dbBytes).not.toContain(SURNAME);
    const check = await ceac('case', 'check', '1');
    for (const out of [logs.stdout, logs.stderr, check.stdout, check.stderr]) {
      expect(out).not.toContain(PASSPORT);
      expect(out).not.toContain(SURNAME);
    }
  });

  it('sharing consent puts the anonymized timeline in the pool at once, and withdrawing it takes it out', async () => {
    const timelines = async () => {
      const { default: SQLite } = await import('better-sqlite3');
      const db = new SQLite(join(dataDir, 'ceac-watch.sqlite'), { readonly: true });
      try {
        return db.prepare("select source, post, route from timelines where source = 'watched'").all();
      } finally {
        db.close();
      }
    };
    expect(await timelines()).toEqual([]);
    expect((await ceac('case', 'edit', '1', '--share', '--interview-date', '2026-10-20')).code).toBe(0);
    expect(await timelines()).toMatchObject([{ source: 'watched', post: 'BMB', route: 'dropbox' }]);
    expect((await ceac('case', 'edit', '1', '--no-share')).code).toBe(0);
    expect(await timelines()).toEqual([]);
    expect((await ceac('case', 'edit', '1', '--share')).code).toBe(0);
  });

  it('removes a case with everything recorded about it', async () => {
    expect(JSON.parse((await ceac('case', 'remove', '1', '--json')).stdout)).toEqual({ removed: 1 });
    expect((await ceac('case', 'history', '1')).code).toBe(1);
    expect(JSON.parse((await ceac('case', 'list', '--json')).stdout)).toEqual([]);
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(join(dataDir, 'ceac-watch.sqlite'), { readonly: true });
    expect(db.prepare('select count(*) as n from timelines').get()).toEqual({ n: 0 });
    db.close();
  });

  it('worker explains that it needs PostgreSQL; bad numbers are usage errors', async () => {
    expect(await ceac('worker')).toMatchObject({ code: 2, stderr: expect.stringMatching(/set DATABASE_URL=postgres/) });
    expect((await ceac('watch', '--once', '--batch', 'many')).code).toBe(2);
  });

  it('watch runs until SIGTERM, then stops cleanly with exit 0', async () => {
    await ceac(
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'BMB',
      '--id',
      'AA00DBX221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
    );
    const child = spawn(process.execPath, [CLI, 'watch'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/case \d+: /.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/case \d+: Refused/); // it checked the new case on its own
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
