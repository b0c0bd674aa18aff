import { addCalendarDays, addMonths } from '../knowledge/deadlines.js';
import type { RunningSimulator } from '../simulator/index.js';
import type { CaseContext, CaseRepository } from '../store/cases.js';
import type { Accounts } from './accounts.js';

/**
 * `npm run demo`: a demo account whose cases live in the built-in simulator, so that a newcomer
 * sees statuses move and events arrive within a minute, without a real case or the internet.
 */
export const DEMO_EMAIL = 'demo@ceac-watch.local';
export const DEMO_PASSWORD = 'demo-password';

/**
 * Simulator cases worth showing, with the group they are listed under and what their owners told us.
 * The visa classes and posts match groups of the generated demo timelines (demo-timelines.ts), so
 * the case held in 221(g) for weeks (AA00FAM003, B1/B2 in Hyderabad) shows "People like you".
 */
const FAMILY: CaseContext = { route: 'interview', visaClass: 'B1/B2', entry: 'new' };
interface DemoPick {
  id: string;
  group: string;
  context: CaseContext;
}
/** Days from the demo's start to the held case's 221(g) documents deadline: the first reminder is due at once. */
export const DEMO_DOCUMENTS_DUE_IN_DAYS = 30;

/**
 * The held child's 221(g) slip is dated so that its documents are due 30 days from `today`: the case page lists
 * the deadline and the notice loop sends the 30-day reminder through the outbox on the demo's first minute.
 */
export function demoSlipDate(today: string): string {
  return addMonths(addCalendarDays(today, DEMO_DOCUMENTS_DUE_IN_DAYS), -12);
}

const picks = (today: string): DemoPick[] => [
  { id: 'AA00DBX221', group: 'Me', context: { route: 'dropbox', visaClass: 'H1B', entry: 'renewal' } },
  { id: 'AA00FAM001', group: 'Reddy family', context: FAMILY },
  { id: 'AA00FAM002', group: 'Reddy family', context: FAMILY },
  { id: 'AA00FAM003', group: 'Reddy family', context: { ...FAMILY, officer: '221g', slipDate: demoSlipDate(today) } },
  { id: 'AA00FAM004', group: 'Reddy family', context: FAMILY },
];

export async function createDemoAccount(
  accounts: Accounts,
  cases: CaseRepository,
  sim: RunningSimulator,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ userId: number; caseIds: number[] }> {
  const user = (await accounts.findByEmail(DEMO_EMAIL)) ?? (await accounts.createUser(DEMO_EMAIL, DEMO_PASSWORD));
  const existing = await cases.list({ ownerId: user.id });
  if (existing.length) return { userId: user.id, caseIds: existing.map((c) => c.id) };
  const simCases = sim.cases();
  const chosen = picks(today)
    .map((p) => ({ pick: p, c: simCases.find((s) => s.id === p.id) }))
    .filter((x) => x.c);
  // Whatever the shipped scenarios hold, show at least a few cases.
  const list = chosen.length
    ? chosen
    : simCases
        .filter((c) => c.siteAnswer === null)
        .slice(0, 4)
        .map((c) => {
          const pick: DemoPick = {
            id: c.id,
            group: 'Demo',
            context: c.label?.includes('dropbox') ? { route: 'dropbox' } : {},
          };
          return { pick, c };
        });
  const caseIds: number[] = [];
  for (const { pick, c } of list) {
    if (!c) continue;
    const added = await cases.add({
      ownerId: user.id,
      app: c.app,
      caseNumber: c.id,
      ...(c.location && { location: c.location }),
      ...(c.passport && { passport: c.passport }),
      ...(c.surname && { surname: c.surname }),
      label: c.label ?? c.id,
      group: pick.group,
      context: pick.context,
      shareTimeline: false,
    });
    caseIds.push(added.id);
  }
  return { userId: user.id, caseIds };
}

/** The demo's clock runs fast, so its cases are checked every few seconds instead of every 20 minutes. */
export function keepDemoCasesDue(cases: CaseRepository, userId: number, everyMs: number): () => void {
  const timer = setInterval(() => {
    void cases
      .list({ ownerId: userId })
      .then((list) => Promise.all(list.filter((c) => c.watching).map((c) => cases.makeDue(c.id))))
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
