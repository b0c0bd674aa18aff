import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { interpret } from '../decode/index.js';
import { createCaseRepository } from '../store/cases.js';
import { createSealer } from '../store/seal.js';
import { openTestSqlite } from '../store/testing.js';
import { runWatchLoop } from './loop.js';
import type { CheckFn } from './outcome.js';
import { createTracker } from './tracker.js';

/** The embedded loop over real SQLite and the real decoder; CEAC is a scripted answer (the site is external). */
const REFUSED =
  'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing.';

async function setup(cases: number, check: CheckFn) {
  const store = await openTestSqlite();
  const sealer = createSealer(randomBytes(32));
  const repo = createCaseRepository(store, sealer);
  for (let i = 0; i < cases; i++) {
    await repo.add({
      app: 'NIV',
      location: 'BMB',
      caseNumber: `AA00LOOP${String(i).padStart(2, '0')}`,
      passport: 'Z1234567',
      surname: 'DOE',
    });
  }
  return { store, tracker: createTracker({ store, sealer, check, interpret, leaseMs: 600_000 }) };
}

const answer: CheckFn = async (q) => ({
  kind: 'ok',
  observation: {
    status: 'Refused',
    caseNumber: q.id,
    caseCreated: '2026-01-02',
    caseLastUpdated: '2026-02-03',
    post: null,
    message: REFUSED,
  },
  applicationName: null,
  message: 'ok',
  attempts: 1,
  durationMs: 1,
  requests: 3,
});

describe('runWatchLoop', () => {
  it('--once checks every due case exactly once, in batches, then stops', async () => {
    const seen: string[] = [];
    const { store, tracker } = await setup(7, async (q) => {
      seen.push(q.id);
      return answer(q);
    });
    try {
      const rounds: number[] = [];
      const total = await runWatchLoop({ tracker, once: true, batch: 3, onRound: (r) => rounds.push(r.picked) });
      expect(total).toEqual({ picked: 7, ok: 7, failed: 0, events: 7 });
      expect(rounds).toEqual([3, 3, 1]);
      expect(new Set(seen).size).toBe(7);
      expect(seen).toHaveLength(7);
      expect(await tracker.nextDueAt()).toBeGreaterThan(Date.now());
    } finally {
      await store.close();
    }
  });

  it('stopping lets the checks in progress finish and hands back the claimed cases not started', async () => {
    const stop = new AbortController();
    let started = 0;
    const { store, tracker } = await setup(6, async (q) => {
      started++;
      if (started === 2) stop.abort(); // SIGTERM arrives while the second check runs
      await new Promise((r) => setTimeout(r, 20));
      return answer(q);
    });
    try {
      const total = await runWatchLoop({ tracker, batch: 6, signal: stop.signal });
      expect(total.picked).toBe(6);
      expect(total.ok).toBe(2); // the two in flight completed and were recorded
      const attempts = await store.db.selectFrom('check_attempts').selectAll().execute();
      expect(attempts).toHaveLength(2);
      // The four claimed but never started are due again at once, not parked for the lease.
      const due = await store.db.selectFrom('cases').select('id').where('next_check_at', '<=', Date.now()).execute();
      expect(due).toHaveLength(4);
    } finally {
      await store.close();
    }
  });

  it('a check that throws is a failed attempt, never a status, and the loop goes on', async () => {
    const { store, tracker } = await setup(2, async (q) => {
      if (q.id.endsWith('00')) throw new Error('socket hang up');
      return answer(q);
    });
    try {
      const total = await runWatchLoop({ tracker, once: true });
      expect(total).toMatchObject({ picked: 2, ok: 1, failed: 1, events: 1 });
      const attempts = await store.db
        .selectFrom('check_attempts')
        .select(['outcome', 'error', 'observation_id'])
        .orderBy('id')
        .execute();
      expect(attempts.map((a) => a.outcome).sort()).toEqual(['http_error', 'ok']);
      expect(attempts.find((a) => a.outcome === 'http_error')).toMatchObject({
        error: 'socket hang up',
        observation_id: null,
      });
    } finally {
      await store.close();
    }
  });

  it('prunes check attempts older than 30 days as it goes, keeping the history', async () => {
    const { store, tracker } = await setup(1, answer);
    try {
      const id = (await store.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
      const old = Date.now() - 31 * 24 * 3600 * 1000;
      await store.db
        .insertInto('check_attempts')
        .values({ case_id: id, at: old, outcome: 'timeout', duration_ms: 1, requests: 1, error: 'x' })
        .execute();
      await runWatchLoop({ tracker, once: true });
      const attempts = await store.db.selectFrom('check_attempts').select('at').execute();
      expect(attempts).toHaveLength(1);
      expect(attempts[0]!.at).toBeGreaterThan(old);
      expect(await store.db.selectFrom('events').select('id').execute()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
