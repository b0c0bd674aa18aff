import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CeacClient, type CheckOutcome, intervalBudget, unlimitedBudget } from '../src/ceac/index.js';
import { interpret } from '../src/decode/index.js';
import { statusTextFor } from '../src/knowledge/statuses.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import { dateAt, fixedSolver, queryOf, seededRandom, T0 } from './ceac-helpers.js';

const SCENARIO_DIR = join(import.meta.dirname, '..', 'src', 'simulator', 'scenarios');
const CODE = 'K7P2Q';

function client(sim: RunningSimulator, extra: Partial<ConstructorParameters<typeof CeacClient>[0]> = {}) {
  return new CeacClient({
    baseUrl: sim.url,
    solver: fixedSolver(CODE),
    budget: unlimitedBudget,
    timeoutMs: 2_000,
    backoffMs: 5,
    ...extra,
  });
}

describe.each(readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')))('scenario %s over loopback', (file) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: join(SCENARIO_DIR, file), captchaCode: CODE, now: () => T0 });
  });
  afterAll(() => sim.close());

  it('reads every step of every lifecycle as the site shows it, and the decoder recognises the text', async () => {
    const c = client(sim);
    for (const info of sim.cases()) {
      const query = queryOf(info);
      const firstAt = info.steps[0]!.at;
      if (firstAt > sim.elapsed()) {
        // Before its first step the case does not exist yet.
        const before = await c.check(query);
        expect(before.kind).toBe('case_not_found');
      }
      let currentVariant = '';
      for (const step of info.steps) {
        sim.advance(step.at + 60 - sim.elapsed());
        currentVariant = step.variant;
        const out = await c.check(query);
        if (info.siteAnswer === 'invalid_id') {
          expect(out.kind).toBe('invalid_case_number');
          continue;
        }
        expect(out.kind, `${info.id} at ${step.at}s: ${out.message}`).toBe('ok');
        if (out.kind !== 'ok') continue;
        const known = statusTextFor(currentVariant)!;
        expect(out.observation.status).toBe(known.status);
        expect(out.observation.caseCreated).toBe(dateAt(firstAt));
        expect(out.observation.caseLastUpdated).toBe(dateAt(step.at));
        expect(out.attempts).toBe(1);
        // Form, captcha, submit; from the second check on, the fresh form of the last answer page.
        expect(out.requests).toBe(sim.stats().post === 1 ? 3 : 2);
        const meaning = interpret(out.observation, { applicationType: info.app });
        expect(meaning.state).toBe(known.state);
        if (known.state === 'refused') expect(meaning.variant).toBe(known.variant);
      }
      sim.advance(-sim.elapsed()); // back to the start for the next case
    }
    await c.close();
  });
});

describe('client against injected faults', () => {
  let sim: RunningSimulator;
  const dropbox = { app: 'NIV' as const, location: 'BMB', id: 'AA00DBX221', passport: 'Z4810023', surname: 'RAGHAVAN' };
  beforeAll(async () => {
    sim = await startSimulator({ captchaCode: CODE, now: () => T0, slowMs: 10_000, lateMs: 100 });
  });
  afterAll(() => sim.close());

  async function withFaults(
    faults: Parameters<RunningSimulator['setFaults']>[0],
    opts: Partial<ConstructorParameters<typeof CeacClient>[0]> = {},
  ) {
    sim.setFaults(faults);
    const c = client(sim, opts);
    try {
      return await c.check(dropbox);
    } finally {
      sim.setFaults({});
      await c.close();
    }
  }

  function expectNoStatus(out: CheckOutcome) {
    expect(out.kind).not.toBe('ok');
    expect('observation' in out).toBe(false);
    expect(out.message.length).toBeGreaterThan(10);
    expect(out.message).not.toMatch(/Z4810023|RAGHAVAN|AA00DBX221/i);
  }

  it('5xx: retried with backoff, then reported as an HTTP error', async () => {
    const out = await withFaults({ '5xx': 1 }, { retry5xx: 2 });
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'http_error', status: 503, attempts: 3, requests: 3 });
  });

  it('timeout: a slow answer is a timeout, never a status', async () => {
    const out = await withFaults({ timeout: 1 }, { timeoutMs: 300, retry5xx: 1 });
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'timeout', attempts: 2, requests: 2 });
  });

  it('slow: a late answer within the deadline is still the status', async () => {
    const before = sim.stats().fault_slow ?? 0;
    const out = await withFaults({ slow: 1 }, { timeoutMs: 2_000 });
    expect(out).toMatchObject({ kind: 'ok', attempts: 1, requests: 3 });
    expect((sim.stats().fault_slow ?? 0) - before).toBe(3);
  });

  it('captcha: a rejected answer gets a new captcha, up to maxCaptchaTries', async () => {
    const solver = fixedSolver(CODE);
    const out = await withFaults({ captcha: 1 }, { solver, maxCaptchaTries: 4 });
    expectNoStatus(out);
    // Every retry uses the fresh form and captcha of the error page: 3 requests, then 2 per try.
    expect(out).toMatchObject({ kind: 'captcha_rejected', attempts: 4, requests: 9 });
    expect(solver.shown).toBe(4);
  });

  it('captcha: a wrong answer is rejected by the site, then the next try can succeed', async () => {
    let calls = 0;
    const solver = { name: 'flaky', solve: async () => (++calls === 1 ? 'WRONG' : CODE) };
    const c = client(sim, { solver });
    const out = await c.check(dropbox);
    await c.close();
    expect(out).toMatchObject({ kind: 'ok', attempts: 2, requests: 5 });
  });

  it('a solver that fails ends the check without hammering the site', async () => {
    const solver = { name: 'broken', solve: async () => Promise.reject(new Error('no model')) };
    const c = client(sim, { solver });
    const out = await c.check(dropbox);
    await c.close();
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'captcha_rejected', attempts: 1, requests: 2 });
    expect(out.message).toContain('broken');
  });

  it('maintenance: a page without the form', async () => {
    const out = await withFaults({ maintenance: 1 });
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'maintenance', attempts: 1, requests: 1 });
  });

  it('blocked: Cloudflare 403, never retried', async () => {
    const out = await withFaults({ blocked: 1 }, { retry5xx: 3, maxCaptchaTries: 5 });
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'blocked', attempts: 1, requests: 1 });
  });

  it('layout: a redesigned page is kept for diagnosis', async () => {
    const out = await withFaults({ layout: 1 });
    expectNoStatus(out);
    expect(out.kind).toBe('layout_changed');
    if (out.kind === 'layout_changed') expect(out.body).toContain('status-check');
  });

  it('drop: a destroyed connection is an HTTP error with status 0, retried', async () => {
    const out = await withFaults({ drop: 1 }, { retry5xx: 1 });
    expectNoStatus(out);
    expect(out).toMatchObject({ kind: 'http_error', status: 0, attempts: 2, requests: 2 });
  });

  it('wrongcase: an answer about another case is discarded', async () => {
    const out = await withFaults({ wrongcase: 1 });
    expectNoStatus(out);
    expect(out.kind).toBe('wrong_case');
    if (out.kind === 'wrong_case') expect(out.returned).not.toBe(dropbox.id);
  });

  // Faults on the POST only: switched on at the moment the client submits.
  it.each([
    ['layout', 'layout_changed'],
    ['maintenance', 'maintenance'],
    ['blocked', 'blocked'],
    ['5xx', 'http_error'],
    ['drop', 'http_error'],
  ] as const)('%s on the submit is %s, never a status', async (fault, kind) => {
    const c = client(sim, {
      retry5xx: 0,
      onProgress: (p) => {
        if (p.step === 'submit') sim.setFaults({ [fault]: 1 });
      },
    });
    const out = await c.check(dropbox);
    sim.setFaults({});
    await c.close();
    expectNoStatus(out);
    expect(out.kind).toBe(kind);
    expect(out.requests).toBe(3);
  });

  it('the site saying "not found" or "invalid" ends the check at once', async () => {
    const c = client(sim, { retry5xx: 3 });
    const missing = await c.check({ ...dropbox, passport: 'X0000000' });
    const purged = await c.check({
      app: 'NIV',
      location: 'MEX',
      id: 'AA00PRG117',
      passport: 'G10442871',
      surname: 'HERNANDEZ',
    });
    const wrongPost = await c.check({ ...dropbox, location: 'HYD' });
    await c.close();
    expect(missing).toMatchObject({ kind: 'case_not_found', attempts: 1, requests: 3 });
    expect(purged).toMatchObject({ kind: 'invalid_case_number', attempts: 1, requests: 2 });
    expect(wrongPost.kind).toBe('case_not_found');
  });

  it('a query that fails validation sends no request', async () => {
    const before = sim.stats().form ?? 0;
    const c = client(sim);
    const out = await c.check({ app: 'NIV', location: 'BMB', id: 'XX12' });
    await c.close();
    expect(out).toMatchObject({ kind: 'invalid_case_number', requests: 0 });
    expect(out.message).toMatch(/AA0020AKAX/);
    expect(sim.stats().form ?? 0).toBe(before);
  });

  it('mixed faults at random: every answer is either the true status or a failure, never a wrong status', async () => {
    const seeded = await startSimulator({
      captchaCode: CODE,
      now: () => T0,
      slowMs: 5_000,
      random: seededRandom(42),
      faults: {
        '5xx': 0.05,
        timeout: 0.03,
        captcha: 0.1,
        maintenance: 0.04,
        blocked: 0.03,
        layout: 0.04,
        drop: 0.04,
        wrongcase: 0.05,
      },
    });
    const c = new CeacClient({
      baseUrl: seeded.url,
      solver: fixedSolver(CODE),
      budget: unlimitedBudget,
      timeoutMs: 250,
      backoffMs: 1,
      retry5xx: 1,
    });
    const cases = seeded.cases().filter((x) => x.current && !x.siteAnswer);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const info = cases[i % cases.length]!;
      const out = await c.check(queryOf(info));
      kinds.set(out.kind, (kinds.get(out.kind) ?? 0) + 1);
      if (out.kind === 'ok') {
        expect(out.observation.status).toBe(info.current!.status);
        expect(out.observation.caseLastUpdated).toBe(info.current!.caseLastUpdated);
      } else {
        expect([
          'captcha_rejected',
          'maintenance',
          'blocked',
          'layout_changed',
          'timeout',
          'http_error',
          'wrong_case',
        ]).toContain(out.kind);
      }
    }
    await c.close();
    const stats = seeded.stats();
    await seeded.close();
    expect(kinds.get('ok') ?? 0).toBeGreaterThan(20);
    const faults = Object.keys(stats).filter((k) => k.startsWith('fault_'));
    expect(faults.length).toBeGreaterThanOrEqual(6);
  });

  it('spaces requests by the budget', async () => {
    const c = client(sim, { budget: intervalBudget(60) });
    const started = Date.now();
    const out = await c.check(dropbox);
    await c.close();
    expect(out.kind).toBe('ok');
    // Three requests with at least 60 ms between them: the last leaves 120 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
});
