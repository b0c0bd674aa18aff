import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningSimulator, type ScenarioInput, startSimulator } from '../src/simulator/index.js';
import { createCaseRepository } from '../src/store/cases.js';
import { loadSealer } from '../src/store/seal.js';
import { openTestPostgres, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';

/**
 * Scale-out mode for real: three `ceac worker` processes (the compiled CLI) on one PostgreSQL
 * database, checking the simulator through a recording proxy. One worker is killed with SIGKILL in
 * the middle of its checks in each round; afterwards every case has exactly its real events — none
 * lost, none twice — and the requests reaching the site never beat the shared budget.
 */

const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const CODE = 'W0RK3';
const INTERVAL_MS = 100;
const CASES = 24;
const START = Date.UTC(2026, 0, 5, 9, 0);

if (!TEST_DATABASE_URL) console.warn('scale-out workers: skipped — set TEST_DATABASE_URL to run them (PostgreSQL)');
else if (!existsSync(CLI))
  console.warn('scale-out workers: dist/ is missing — run `npm run build` first (npm test does)');

const scenario: ScenarioInput = {
  name: 'workers',
  cases: Array.from({ length: CASES }, (_, i) => ({
    app: 'NIV' as const,
    location: ['BMB', 'BLG', 'VAC', 'LND'][i % 4]!,
    id: `AA0K${String(100000 + i)}`,
    passport: `P${String(7000000 + i)}`,
    surname: `SURNAME${String.fromCharCode(65 + (i % 26))}`,
    steps: [
      { at: '-10d', variant: 'refused_221g' },
      { at: '5d', variant: 'administrative_processing' },
    ],
  })),
};

/** A loopback proxy in front of the simulator that notes when each request arrives. */
async function recordingProxy(target: string): Promise<{ url: string; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const t = new URL(target);
  const server: Server = createServer((req, res) => {
    arrivals.push(performance.timeOrigin + performance.now());
    const upstream = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!TEST_DATABASE_URL || !existsSync(CLI))('ceac worker processes on PostgreSQL', () => {
  let store: TestStore;
  let sim: RunningSimulator;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  const clock = { now: START };
  const workers: ChildProcess[] = [];
  const env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    store = await openTestPostgres();
    sim = await startSimulator({ scenario: scenario as never, captchaCode: CODE, now: () => clock.now });
    proxy = await recordingProxy(sim.url);
    const dataDir = mkdtempSync(join(tmpdir(), 'ceac-workers-'));
    Object.assign(env, {
      ...process.env,
      DATABASE_URL: store.url!,
      CEAC_WATCH_DATA: dataDir,
      CEAC_WATCH_SECRET: 'workers test secret, long enough',
      CEAC_BASE_URL: proxy.url,
      CEAC_CAPTCHA: `command:echo ${CODE}`,
      CEAC_REQUEST_INTERVAL_MS: String(INTERVAL_MS),
      CEAC_REQUEST_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
    });
    const sealer = await loadSealer({ CEAC_WATCH_DATA: dataDir, CEAC_WATCH_SECRET: env.CEAC_WATCH_SECRET });
    const cases = createCaseRepository(store, sealer);
    for (const c of scenario.cases)
      await cases.add({
        app: 'NIV',
        location: c.location!,
        caseNumber: c.id,
        passport: c.passport!,
        surname: c.surname!,
      });
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await proxy?.close();
    await sim?.close();
    await store?.close();
  });

  function startWorker(): ChildProcess {
    const w = spawn(
      process.execPath,
      [CLI, 'worker', '--concurrency', '2', '--enqueue-every', '1', '--expire-after', '3', '--json'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    w.stdout?.resume();
    w.stderr?.resume();
    workers.push(w);
    return w;
  }

  const alive = () => workers.filter((w) => w.exitCode === null && w.signalCode === null);

  async function attempts(): Promise<number> {
    const r = await store.db
      .selectFrom('check_attempts')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await test()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Every case has an ok check at or after `since`. */
  async function allCheckedSince(since: number): Promise<boolean> {
    const r = await store.db
      .selectFrom('cases')
      .select(sql<number>`count(*)`.as('n'))
      .where('last_success_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n) === CASES;
  }

  async function eventsByCase(): Promise<Map<number, string[]>> {
    const rows = await store.db.selectFrom('events').select(['case_id', 'kind', 'to_json']).orderBy('id').execute();
    const m = new Map<number, string[]>();
    for (const r of rows) {
      const status = r.to_json ? (JSON.parse(r.to_json) as { status: string }).status : '';
      m.set(r.case_id, [...(m.get(r.case_id) ?? []), `${r.kind} ${status}`]);
    }
    return m;
  }

  async function killOneMidway(before: number): Promise<void> {
    // Wait until this round is under way (some checks recorded, many still to do), then kill.
    await waitFor('checks to start', async () => (await attempts()) >= before + 5);
    const victim = alive()[0]!;
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    expect(await attempts()).toBeLessThan(before + CASES); // it really was mid-round
  }

  it('loses nothing and duplicates nothing when a worker is SIGKILLed mid-check, and keeps the budget', async () => {
    for (let i = 0; i < 3; i++) startWorker();

    // Round 1: every case is new (due at once); one worker dies mid-round, a fresh one joins.
    const round1 = Date.now();
    await killOneMidway(0);
    startWorker();
    await waitFor('every case to be checked once', () => allCheckedSince(round1));

    // Round 2: the site moves every case on; make them due and kill another worker mid-round.
    clock.now += 6 * 24 * 3600 * 1000;
    const before = await attempts();
    const round2 = Date.now();
    await store.db.updateTable('cases').set({ next_check_at: round2 }).execute();
    await killOneMidway(before);
    await waitFor('every case to be checked again', () => allCheckedSince(round2));

    // The killed workers held jobs: pg-boss expired them and another worker ran them again.
    const retried = await sql<{
      n: number;
    }>`select count(*)::int as n from pgboss.job where name = 'ceac-check' and retry_count > 0`.execute(store.db);
    expect(retried.rows[0]?.n).toBeGreaterThan(0);

    const events = await eventsByCase();
    expect(events.size).toBe(CASES);
    for (const [, story] of events)
      expect(story).toEqual(['first_seen Refused', 'status_changed Administrative Processing']);
    const keys = await store.db.selectFrom('events').select('dedupe_key').execute();
    expect(new Set(keys.map((k) => k.dedupe_key)).size).toBe(2 * CASES);

    // The budget held across processes. Slots start at least INTERVAL_MS apart; a request reaches the
    // site a little after its slot starts (more on a loaded machine), so requests arriving within a
    // window W started within W + LATE: at most (W + LATE) / INTERVAL_MS + 1 of them.
    const times = [...proxy.arrivals].sort((a, b) => a - b);
    // Two checks per case, each at least two requests (captcha image, postback; the form page of a whole-page
    // answer is reused for the next check, so a check costs 2–3).
    expect(times.length).toBeGreaterThanOrEqual(2 * 2 * CASES);
    const LATE = 250;
    for (const windowMs of [1000, 3000]) {
      let worst = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= windowMs) j++;
        worst = Math.max(worst, i - j + 1);
      }
      console.log(
        `workers: ${times.length} requests, at most ${worst} in any ${windowMs} ms (budget ${windowMs / INTERVAL_MS})`,
      );
      expect(worst).toBeLessThanOrEqual(Math.floor((windowMs + LATE) / INTERVAL_MS) + 1);
    }

    // SIGTERM drains: the survivors finish what they hold and exit cleanly.
    const survivors = alive();
    expect(survivors.length).toBe(2);
    const exits = survivors.map((w) => new Promise<number | null>((r) => w.once('exit', (code) => r(code))));
    for (const w of survivors) w.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
    const active = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where state = 'active'`.execute(
      store.db,
    );
    expect(active.rows[0]?.n).toBe(0);
  }, 240_000);
});
