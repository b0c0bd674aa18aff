import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { type CaptchaSolver, CommandSolver } from '../src/captcha/index.js';
import { CeacClient } from '../src/ceac/index.js';
import { interpret } from '../src/decode/index.js';
import { mulberry32 as seeded } from '../src/random.js';
import { type FaultSpec, type RunningSimulator, type ScenarioInput, startSimulator } from '../src/simulator/index.js';
import { createCaseRepository, type EventView } from '../src/store/cases.js';
import { createSealer } from '../src/store/seal.js';
import { TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { DAY, HOUR, MINUTE } from '../src/tracker/schedule.js';
import { createTracker, type Tracker } from '../src/tracker/tracker.js';
import {
  CAPTCHA_CODE as CODE,
  knownCode,
  LIFECYCLE_START as START,
  MUMBAI_221G,
  runTrackerUntil,
  TEST_STORES,
} from './support/lifecycle.js';

/**
 * The tracker against the real simulator and the real CEAC client, through whole lifecycles on the
 * simulator's clock: the exact events, and with every fault kind injected at high rates, the same
 * events — no false ones, no lost ones.
 */

if (!TEST_DATABASE_URL) console.warn('tracker lifecycles: PostgreSQL runs skipped — set TEST_DATABASE_URL to run them');

const SCENARIO: ScenarioInput = {
  name: 'tracker-lifecycles',
  cases: [
    {
      ...MUMBAI_221G,
      steps: [
        { at: '-30d', variant: 'no_status' },
        { at: '-9d', variant: 'application_received' },
        { at: '-5d', variant: 'refused_221g' },
        { at: '1d', bump: true },
        { at: '2d6h', variant: 'administrative_processing' },
        { at: '4d8h', variant: 'approved' },
        { at: '5d7h', variant: 'issued' },
      ],
    },
    {
      label: 'approved then refused, Vancouver',
      app: 'NIV',
      location: 'VAC',
      id: 'AA00APR731',
      passport: 'HK552019',
      surname: 'OKONKWO',
      steps: [
        { at: '-15d', variant: 'application_received' },
        { at: '-2d', variant: 'approved' },
        { at: '1d12h', variant: 'refused_221g' },
        { at: '6d20h', variant: 'administrative_processing' },
        { at: '8d21h', variant: 'issued' },
      ],
    },
    {
      label: 'flapping, Belgrade',
      app: 'NIV',
      location: 'BLG',
      id: 'AA00FLAP01',
      passport: 'P7001234',
      surname: 'JOVANOVIC',
      steps: [
        { at: '-3d', variant: 'refused_221g' },
        { at: '60m', variant: 'administrative_processing' },
        { at: '80m', variant: 'refused_221g' },
        { at: '120m', variant: 'administrative_processing' },
      ],
    },
  ],
};

/** What a person should be told, per case: kind and the new status word, in order. */
const EXPECTED: Record<string, string[]> = {
  AA00DBX221: [
    'first_seen Refused',
    'last_updated_changed Refused',
    'status_changed Administrative Processing',
    'status_changed Approved',
    'status_changed Issued',
  ],
  AA00APR731: [
    'first_seen Approved',
    'status_changed Refused',
    'status_changed Administrative Processing',
    'status_changed Issued',
  ],
};

interface Rig {
  store: TestStore;
  sim: RunningSimulator;
  tracker: Tracker;
  clock: { now: number };
  ids: Map<string, number>;
  events: EventView[][];
}

let open: Rig | undefined;
afterEach(async () => {
  await open?.sim.close();
  await open?.store.close();
  open = undefined;
});

// The lifecycle runs make about a thousand checks, so they read the captcha with knownCode; the flap
// and health tests below use the real CommandSolver.
async function rig(
  openStore: () => Promise<TestStore>,
  faults: FaultSpec = {},
  solver: CaptchaSolver = knownCode,
  failingAfterMs = 365 * DAY,
): Promise<Rig> {
  const store = await openStore();
  const clock = { now: START };
  const sim = await startSimulator({
    scenario: SCENARIO as never,
    captchaCode: CODE,
    now: () => clock.now,
    faults,
    slowMs: 400,
    random: seeded(7),
  });
  const sealer = createSealer(randomBytes(32));
  const cases = createCaseRepository(store, sealer, () => clock.now);
  const ids = new Map<string, number>();
  for (const c of SCENARIO.cases) {
    const added = await cases.add({
      app: c.app,
      location: c.location!,
      caseNumber: c.id,
      passport: c.passport!,
      surname: c.surname!,
    });
    ids.set(c.id, added.id);
  }
  // With faults, the deadline sits below the simulator's slow answers (400 ms) so that they become timeouts;
  // without faults nothing is slow on purpose, and a busy machine (Chromium beside it, whole-page answers)
  // must not turn an answer into a timeout.
  const timeoutMs = Object.keys(faults).length > 0 ? 250 : 10_000;
  const client = new CeacClient({ baseUrl: sim.url, solver, timeoutMs, retry5xx: 0, maxCaptchaTries: 1 });
  const events: EventView[][] = [];
  const tracker = createTracker({
    store,
    sealer,
    check: (q) => client.check(q),
    interpret,
    now: () => clock.now,
    random: seeded(11),
    failingAfterMs,
    onEvents: async (trx, rows) => {
      // Runs inside the transaction: the rows are visible here, before commit.
      const n = await trx
        .selectFrom('events')
        .select('id')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      expect(n).toHaveLength(rows.length);
      events.push(
        rows.map((r) => ({
          ...r,
          from: null,
          to: null,
          interpretation: null,
          detail: null,
          caseId: r.case_id,
          dedupeKey: r.dedupe_key,
        })),
      );
    },
  });
  open = { store, sim, tracker, clock, ids, events };
  return open;
}

/** Runs the tracker on the simulator clock: jump to the next due check, run what is due, repeat. */
const runUntil = (r: Rig, until: number) => runTrackerUntil(r.tracker, r.clock, until);

async function story(r: Rig, caseNumber: string): Promise<string[]> {
  const history = await createCaseRepository(r.store, createSealer(randomBytes(32))).history(r.ids.get(caseNumber)!);
  return history.events
    .filter((e) => e.kind !== 'check_failing' && e.kind !== 'check_recovered')
    .map((e) => `${e.kind} ${(e.to as { status: string }).status}`);
}

describe.each(TEST_STORES)('tracker lifecycles on %s', (_name, openStore, skip) => {
  it.skipIf(skip)(
    'records the exact event sequence of whole lifecycles, explained with the previous state',
    async () => {
      const r = await rig(openStore);
      const run = await runUntil(r, START + 9 * DAY + 12 * HOUR);
      expect(run.failed).toBe(0);
      for (const [caseNumber, expected] of Object.entries(EXPECTED))
        expect(await story(r, caseNumber)).toEqual(expected);

      const history = await createCaseRepository(r.store, createSealer(randomBytes(32))).history(
        r.ids.get('AA00APR731')!,
      );
      const refusal = history.events.find(
        (e) => e.kind === 'status_changed' && (e.to as { status: string }).status === 'Refused',
      )!;
      expect((refusal.from as { status: string }).status).toBe('Approved');
      const meaning = refusal.interpretation as {
        state: string;
        variant: string;
        headline: string;
        meaning: string;
        notes: string[];
      };
      expect(meaning.state).toBe('refused');
      expect(meaning.variant).toBe('refused_221g');
      // Decoded with the previous state as context, the refusal after approval reads differently than alone.
      const alone = interpret(
        {
          status: 'Refused',
          caseNumber: null,
          caseCreated: null,
          caseLastUpdated: null,
          post: null,
          message: (refusal.to as { message: string }).message,
        },
        {},
      );
      expect(JSON.stringify(meaning)).not.toBe(JSON.stringify(alone));

      // Observations are distinct states with first/last seen, and the case ends Issued.
      expect(history.observations.map((o) => o.status)).toEqual([
        'Approved',
        'Refused',
        'Administrative Processing',
        'Issued',
      ]);
      for (const o of history.observations) expect(o.lastSeenAt).toBeGreaterThanOrEqual(o.firstSeenAt);
      expect(history.case.state).toBe('issued');

      // Each change was seen soon after it happened (the simulator moved it in the post's day or night).
      const changedAt = START + (1 * DAY + 12 * HOUR);
      expect(refusal.at - changedAt).toBeLessThan(12 * HOUR);

      // Every event reached onEvents exactly once, inside its transaction.
      const delivered = r.events.flat().map((e) => e.id);
      const all = (await r.store.db.selectFrom('events').select('id').execute()).map((e) => e.id);
      expect([...delivered].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
    },
    180_000,
  );

  it.skipIf(skip)(
    'with every fault kind at high rates: zero false events and zero lost changes',
    async () => {
      const r = await rig(openStore, {
        '5xx': 0.08,
        timeout: 0.02,
        captcha: 0.15,
        maintenance: 0.05,
        blocked: 0.03,
        layout: 0.05,
        drop: 0.05,
        wrongcase: 0.08,
      });
      const run = await runUntil(r, START + 9 * DAY + 12 * HOUR);
      expect(run.failed).toBeGreaterThan(20); // the faults did happen
      for (const [caseNumber, expected] of Object.entries(EXPECTED))
        expect(await story(r, caseNumber)).toEqual(expected);
      // Failed checks are attempts, each with its kind, never observations.
      const attempts = await r.store.db.selectFrom('check_attempts').select(['outcome', 'observation_id']).execute();
      const failedKinds = new Set(attempts.filter((a) => a.outcome !== 'ok').map((a) => a.outcome));
      for (const kind of ['captcha_rejected', 'maintenance', 'blocked', 'layout_changed', 'wrong_case', 'http_error'])
        expect(failedKinds).toContain(kind);
      expect(attempts.filter((a) => a.outcome !== 'ok' && a.observation_id !== null)).toEqual([]);
      const stats = r.sim.stats();
      for (const f of ['fault_5xx', 'fault_timeout', 'fault_captcha', 'fault_drop', 'fault_wrongcase'])
        expect(stats[f] ?? 0).toBeGreaterThan(0);
    },
    180_000,
  );

  it.skipIf(skip)('records a flap as it happened, and a retried check writes nothing twice', async () => {
    const r = await rig(openStore, {}, new CommandSolver(`echo ${CODE}`));
    const id = r.ids.get('AA00FLAP01')!;
    for (const minutes of [0, 65, 85, 125]) {
      r.clock.now = START + minutes * MINUTE;
      await r.tracker.checkCase(id);
    }
    // The same answer again (a job retried after a crash) changes nothing.
    const again = await r.tracker.checkCase(id);
    expect(again.events).toEqual([]);
    expect(again.observation?.seenCount).toBe(2);
    expect(await story(r, 'AA00FLAP01')).toEqual([
      'first_seen Refused',
      'status_changed Administrative Processing',
      'status_changed Refused',
      'status_changed Administrative Processing',
    ]);
    const history = await createCaseRepository(r.store, createSealer(randomBytes(32))).history(id);
    expect(history.observations.map((o) => [o.status, o.firstSeenAt - START])).toEqual([
      ['Refused', 0],
      ['Administrative Processing', 65 * MINUTE],
      ['Refused', 85 * MINUTE],
      ['Administrative Processing', 125 * MINUTE],
    ]);
    const dedupe = await r.store.db.selectFrom('events').select('dedupe_key').execute();
    expect(new Set(dedupe.map((d) => d.dedupe_key)).size).toBe(dedupe.length);
  });

  it.skipIf(skip)('a case CEAC stops finding is a health event, once, and recovery is reported', async () => {
    const r = await rig(openStore, {}, new CommandSolver(`echo ${CODE}`));
    const id = r.ids.get('AA00DBX221')!;
    await r.tracker.checkCase(id);
    // The applicant "fixes" the passport number to a wrong one: CEAC no longer finds the case.
    await r.store.db.updateTable('cases').set({ case_number: 'AA00DBX999' }).where('id', '=', id).execute();
    const lost = await r.tracker.checkCase(id);
    expect(lost.outcome).toBe('case_not_found');
    expect(lost.events.map((e) => e.kind)).toEqual(['check_failing']);
    expect((await r.tracker.checkCase(id)).events).toEqual([]);
    await r.store.db.updateTable('cases').set({ case_number: 'AA00DBX221' }).where('id', '=', id).execute();
    const back = await r.tracker.checkCase(id);
    expect(back.events.map((e) => e.kind)).toEqual(['check_recovered']);
    expect(await story(r, 'AA00DBX221')).toEqual(['first_seen Refused']);
  });

  it.skipIf(skip)('persistent failure is one check_failing after the threshold, and one check_recovered', async () => {
    const r = await rig(openStore, {}, knownCode, 6 * HOUR);
    const id = r.ids.get('AA00DBX221')!;
    await r.tracker.checkCase(id); // first_seen, at START
    r.sim.setFaults({ blocked: 1 }); // Cloudflare refuses every request from now on
    await r.store.db.updateTable('cases').set({ next_check_at: r.clock.now }).where('id', '=', id).execute();
    await r.store.db.updateTable('cases').set({ next_check_at: null }).where('id', '!=', id).execute();
    await runUntil(r, START + 20 * HOUR);
    const failing = await r.store.db
      .selectFrom('events')
      .selectAll()
      .where('case_id', '=', id)
      .where('kind', '=', 'check_failing')
      .execute();
    expect(failing).toHaveLength(1);
    expect(failing[0]!.at - START).toBeGreaterThanOrEqual(6 * HOUR);
    expect(JSON.parse(failing[0]!.detail_json!)).toMatchObject({ outcome: 'blocked' });
    const attempts = await r.store.db
      .selectFrom('check_attempts')
      .select('outcome')
      .where('case_id', '=', id)
      .execute();
    expect(attempts.filter((a) => a.outcome === 'blocked').length).toBeGreaterThan(2);
    r.sim.setFaults({});
    await r.store.db.updateTable('cases').set({ next_check_at: r.clock.now }).where('id', '=', id).execute();
    const back = await r.tracker.checkCase(id);
    expect(back.events.map((e) => e.kind)).toEqual(['check_recovered']);
    const all = await r.store.db.selectFrom('events').select('kind').where('case_id', '=', id).orderBy('id').execute();
    expect(all.map((e) => e.kind)).toEqual(['first_seen', 'check_failing', 'check_recovered']);
  });
});
