import { Hono } from 'hono';

import type { SimClock } from './clock.js';
import { type FaultSpec, FaultSpecError, validateFaultSpec } from './faults.js';
import { caseViewAt } from './lifecycle.js';
import type { Scenario } from './scenario.js';
import type { SessionStore } from './sessions.js';

/** What the debug hooks say about a scripted case. */
export interface SimCaseInfo {
  label: string | null;
  app: 'NIV' | 'IV';
  location: string | null;
  id: string;
  passport: string | null;
  surname: string | null;
  siteAnswer: 'invalid_id' | null;
  /** `at` is seconds from the simulator's start; bumps move "Case Last Updated" only. */
  steps: { at: number; status: string; variant: string; bump: boolean }[];
  /** What the site shows now; null before the case exists. */
  current: { status: string; variant: string; caseCreated: string; caseLastUpdated: string } | null;
}

export interface HookContext {
  scenario: Scenario;
  clock: SimClock;
  sessions: SessionStore;
  debugCaptcha: boolean;
  counters(): Record<string, number>;
  count(key: string): void;
  faults(): FaultSpec;
  setFaults(spec: FaultSpec): void;
}

/** The cases as the simulator plays them, with what the site shows now. */
export function caseInfos(scenario: Scenario, clock: SimClock): SimCaseInfo[] {
  const now = clock.elapsed();
  return scenario.cases.map((c) => {
    const view = caseViewAt(c, now);
    let variant = c.steps[0]!.variant!;
    return {
      label: c.label ?? null,
      app: c.app,
      location: c.location ?? null,
      id: c.id,
      passport: c.passport ?? null,
      surname: c.surname ?? null,
      siteAnswer: c.siteAnswer ?? null,
      steps: c.steps.map((s) => {
        if (s.variant) variant = s.variant;
        const v = caseViewAt({ ...c, steps: [{ at: s.at, variant }] }, s.at)!;
        return { at: s.at, status: v.status, variant, bump: Boolean(s.bump) };
      }),
      current: view && {
        status: view.status,
        variant: view.variant,
        caseCreated: new Date(clock.instantOf(view.createdAt)).toISOString().slice(0, 10),
        caseLastUpdated: new Date(clock.instantOf(view.updatedAt)).toISOString().slice(0, 10),
      },
    };
  });
}

async function jsonBody(req: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await req.text();
  if (text.length > 1_000_000) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The test and demo hooks under /__sim/: cases, clock, request counts, faults, captcha answers. */
export function simHooks(ctx: HookContext): Hono {
  const app = new Hono();
  app.use('*', async (_c, next) => {
    ctx.count('hook');
    await next();
  });
  app.get('/__sim/cases', (c) => c.json({ elapsed: ctx.clock.elapsed(), cases: caseInfos(ctx.scenario, ctx.clock) }));
  app.get('/__sim/stats', (c) => c.json(ctx.counters()));
  app.get('/__sim/faults', (c) => c.json(ctx.faults()));
  app.get('/__sim/captcha/:vcid', (c) => {
    if (!ctx.debugCaptcha) return c.json({ error: 'captcha answers are served only with --debug-captcha' }, 404);
    const vcid = c.req.param('vcid');
    const code = ctx.sessions.findCaptcha(vcid);
    if (code) return c.json({ vcid, code });
    return c.json({ error: 'no such captcha instance (it may have been used already)' }, 404);
  });
  app.post('/__sim/advance', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return c.json({ error: 'the body must be JSON' }, 400);
    const seconds = (body.value as { seconds?: unknown } | null)?.seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds))
      return c.json({ error: 'send {"seconds": N} with N a number of seconds (may be negative)' }, 400);
    ctx.clock.advance(seconds);
    return c.json({ elapsed: ctx.clock.elapsed() });
  });
  app.post('/__sim/faults', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return c.json({ error: 'the body must be JSON' }, 400);
    try {
      ctx.setFaults(validateFaultSpec(body.value));
    } catch (e) {
      return c.json({ error: e instanceof FaultSpecError ? e.message : 'invalid faults' }, 400);
    }
    return c.json(ctx.faults());
  });
  app.notFound((c) => c.json({ error: `no simulator hook ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
