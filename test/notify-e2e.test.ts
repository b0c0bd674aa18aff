import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { CeacClient } from '../src/ceac/index.js';
import { interpret } from '../src/decode/index.js';
import { addChannel, createDispatcher, enqueueDeliveries, WebhookPayload } from '../src/notify/index.js';
import { type FaultSpec, type RunningSimulator, type ScenarioInput, startSimulator } from '../src/simulator/index.js';
import { createCaseRepository } from '../src/store/cases.js';
import { createSealer } from '../src/store/seal.js';
import { TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { DAY, HOUR } from '../src/tracker/schedule.js';
import { createTracker } from '../src/tracker/tracker.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './notify-receivers.js';
import {
  CAPTCHA_CODE as CODE,
  knownCode,
  LIFECYCLE_START as START,
  MUMBAI_221G,
  runTrackerUntil,
  TEST_STORES,
} from './support/lifecycle.js';

/**
 * End to end: the tracker checks cases on the simulator (through the real CEAC client), records
 * events, and the outbox rows in the same transaction; the dispatcher delivers them to real
 * receivers. With faults injected, a failed fetch never turns into a notification.
 */
if (!TEST_DATABASE_URL) console.warn('notify-e2e: PostgreSQL run skipped: TEST_DATABASE_URL is not set');

const SCENARIO: ScenarioInput = {
  name: 'notify-e2e',
  cases: [
    {
      ...MUMBAI_221G,
      steps: [
        { at: '-30d', variant: 'no_status' },
        { at: '-5d', variant: 'refused_221g' },
        { at: '1d', bump: true },
        { at: '2d6h', variant: 'administrative_processing' },
        { at: '4d8h', variant: 'approved' },
        { at: '5d7h', variant: 'issued' },
      ],
    },
  ],
};
/** What the webhook is told, in order: each event's kind and new status word. */
const WEBHOOK_STORY = [
  'first_seen Refused',
  'status_changed Administrative Processing',
  'status_changed Approved',
  'status_changed Issued',
];

describe.each(TEST_STORES)('tracker -> outbox -> channels on %s', (_name, openDb, skip) => {
  let store: TestStore | undefined;
  let sim: RunningSimulator | undefined;
  let http: HttpReceiver | undefined;
  let smtp: SmtpReceiver | undefined;
  /** The webhook bodies received, read as the documented payload. */
  const webhooks = () => http!.hits.map((h) => WebhookPayload.parse(JSON.parse(h.body)));
  afterEach(async () => {
    await sim?.close();
    await http?.close();
    await smtp?.stop();
    await store?.close();
  });

  /**
   * `timeoutMs` is the CEAC client's; the simulator's injected timeouts hold an answer longer than
   * that. Without faults it is generous, so a loaded machine never turns a slow answer into a
   * failed check; with faults an extra timeout only adds a failed check, which the test allows.
   */
  async function runLifecycle(faults: FaultSpec, timeoutMs: number) {
    store = await openDb();
    const clock = { now: START };
    sim = await startSimulator({
      scenario: SCENARIO as never,
      captchaCode: CODE,
      now: () => clock.now,
      faults,
      slowMs: timeoutMs + 2000,
    });
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    const sealer = createSealer(randomBytes(32));
    const opts = { allowPrivateTargets: true };
    await addChannel(
      store.db,
      sealer,
      null,
      `json://127.0.0.1:${http.port}/hook?secret=0123456789abcdef`,
      { name: 'hook', events: ['first_seen', 'status_changed'], timeZone: 'UTC' },
      opts,
    );
    await addChannel(
      store.db,
      sealer,
      null,
      `mailto://127.0.0.1:${smtp.port}/?to=me@example.com`,
      { name: 'mail', events: ['status_changed'], digest: true, digestAt: '08:00', timeZone: 'Asia/Kolkata' },
      opts,
    );
    const cases = createCaseRepository(store, sealer, () => clock.now);
    const c = SCENARIO.cases[0]!;
    await cases.add({
      app: c.app,
      location: c.location!,
      caseNumber: c.id,
      passport: c.passport!,
      surname: c.surname!,
      label: 'Priya',
    });
    const client = new CeacClient({ baseUrl: sim.url, solver: knownCode, timeoutMs, retry5xx: 0, maxCaptchaTries: 1 });
    const tracker = createTracker({
      store,
      sealer,
      check: (q) => client.check(q),
      interpret,
      now: () => clock.now,
      failingAfterMs: 365 * DAY,
      onEvents: (trx, events) => enqueueDeliveries(trx, events, clock.now),
    });
    const dispatcher = createDispatcher({
      store,
      sealer,
      now: () => clock.now,
      allowPrivateTargets: true,
      backoff: { baseMs: 1000, capMs: 10_000 },
    });
    const until = START + 6 * DAY + 12 * HOUR;
    const { failed: failedChecks } = await runTrackerUntil(tracker, clock, until, {
      batch: 10,
      afterStep: () => dispatcher.runDue(),
    });
    clock.now = until + DAY; // past the next digest time
    await dispatcher.runDue();
    await dispatcher.stop();
    return { failedChecks };
  }

  it.skipIf(skip)(
    'delivers each change once, decoded, with the last-updated bump in the e-mail digest',
    async () => {
      const { failedChecks } = await runLifecycle({}, 30_000);
      expect(failedChecks).toBe(0);
      const hooks = webhooks();
      expect(hooks.map((p) => (p.type === 'event' ? `${p.event.kind} ${p.event.to?.status}` : p.type))).toEqual(
        WEBHOOK_STORY,
      );
      const approved = hooks[2]!;
      if (approved.type === 'event') {
        expect(approved.event.from?.status).toBe('Administrative Processing');
        expect(approved.event.interpretation?.state).toBe('approved');
        expect(approved.event.interpretation?.headline.length).toBeGreaterThan(10);
        expect(approved.event.case.caseNumber).toBe('******X221');
        expect(approved.event.case.label).toBe('Priya');
      }
      // E-mail: the three status changes, plus one digest for the "Case Last Updated" bump.
      const subjects = smtp!.mails.map((m) => m.subject ?? '');
      expect(subjects.filter((s) => s.includes('→'))).toHaveLength(3);
      expect(subjects.filter((s) => s.startsWith('Daily digest'))).toHaveLength(1);
      for (const text of [...http!.hits.map((h) => h.body), ...smtp!.mails.map((m) => m.raw)]) {
        expect(text).not.toContain('AA00DBX221');
        expect(text).not.toMatch(/RAGHAVAN|Z4810023/i);
      }
    },
    240_000,
  );

  it.skipIf(skip)(
    'with fetch faults injected: the same notifications, none from a failed fetch',
    async () => {
      const { failedChecks } = await runLifecycle(
        { '5xx': 0.1, timeout: 0.05, captcha: 0.15, maintenance: 0.05, layout: 0.05, drop: 0.05, wrongcase: 0.08 },
        800,
      );
      expect(failedChecks).toBeGreaterThan(3);
      const hooks = webhooks();
      expect(hooks.map((p) => (p.type === 'event' ? `${p.event.kind} ${p.event.to?.status}` : p.type))).toEqual(
        WEBHOOK_STORY,
      );
      expect(new Set(http!.hits.map((h) => h.headers['idempotency-key'])).size).toBe(4);
    },
    240_000,
  );
});
