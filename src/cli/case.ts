import type { Command } from 'commander';
import { Option } from 'commander';

import { validateCaseQuery } from '../ceac/index.js';
import { deadlineLineWords } from '../knowledge/deadlines.js';
import { ENTRIES, OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS } from '../knowledge/types.js';
import { renderCalendar } from '../notify/calendar.js';
import { maskLast4 } from '../notify/facts.js';
import { caseDeadlines } from '../notify/reminders.js';
import { type CaseContext, type CaseEdit, type CaseView, type EventView, type NewCase } from '../store/cases.js';
import { scheduleConfidence } from '../tracker/learned-schedule.js';
import { reconcileWatchedTimelines, syncWatchedTimeline } from '../tracker/timeline-sync.js';
import { cliTranslator, tr } from './i18n.js';
import { action, painter, printJson, readStdin, UsageError } from './runtime.js';
import {
  describeReport,
  headlineText,
  scheduleReasonAside,
  storeErrors,
  when,
  withCliRuntime,
  withEnglishReason,
} from './shared.js';

/** `ceac case …`: add, list, show, history, check, edit and remove watched cases. */

/**
 * `--passport -` and `--surname -` read the value from stdin (passport first, one per line), so that
 * neither lands in the shell history or the process list.
 */
async function fromStdin<T extends { passport?: string; surname?: string }>(flags: T): Promise<T> {
  const wanted = (['passport', 'surname'] as const).filter((k) => flags[k] === '-');
  if (wanted.length === 0) return flags;
  const lines = (await readStdin(20 * 1024 * 1024)).split(/\r?\n/).map((l) => l.trim());
  const out = { ...flags };
  wanted.forEach((k, i) => {
    const v = lines[i];
    if (!v) throw new UsageError(tr('cli.case.stdinEmpty', { flag: `--${k}`, line: i + 1 }));
    out[k] = v;
  });
  return out;
}

export function parseCaseId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id <= 0) {
    throw new UsageError(tr('cli.case.badId', { given: text }));
  }
  return id;
}

interface ContextFlags {
  route?: string;
  visaClass?: string;
  entry?: string;
  slip?: string;
  officer?: string;
  passportState?: string;
  interviewDate?: string;
  slipDate?: string;
  documentsDate?: string;
  keepWatching?: boolean;
}

function contextFrom(flags: ContextFlags): CaseContext {
  const c: Record<string, unknown> = {};
  if (flags.route) c.route = flags.route;
  if (flags.visaClass) c.visaClass = flags.visaClass;
  if (flags.entry) c.entry = flags.entry;
  if (flags.slip) c.slip = flags.slip;
  if (flags.officer) c.officer = flags.officer;
  if (flags.passportState) c.passport = flags.passportState;
  if (flags.interviewDate) c.interviewDate = flags.interviewDate;
  if (flags.slipDate) c.slipDate = flags.slipDate;
  if (flags.documentsDate) c.documentsDate = flags.documentsDate;
  if (flags.keepWatching !== undefined) c.keepWatching = flags.keepWatching;
  return c;
}

function addContextOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--route <route>', 'how you applied').choices(ROUTES))
    .option('--visa-class <class>', 'visa class, e.g. H1B, F1, B1-B2, IR1')
    .addOption(new Option('--entry <entry>', 'first visa or renewal').choices(ENTRIES))
    .addOption(new Option('--slip <colour>', '221(g) slip colour, if you got one').choices(SLIP_COLORS))
    .addOption(new Option('--officer <said>', 'what the officer said at the interview').choices(OFFICER_SAID))
    .addOption(
      new Option('--passport-state <state>', 'passport kept by the consulate or returned').choices(PASSPORT_STATES),
    )
    .option('--interview-date <date>', 'interview or dropbox date, YYYY-MM-DD')
    .option('--slip-date <date>', 'date on the 221(g) slip, YYYY-MM-DD (documents are due 12 months later)')
    .option('--documents-date <date>', 'date you last handed in documents for the 221(g), YYYY-MM-DD');
}

function caseLines(c: CaseView): string[] {
  const paint = painter();
  const ctx = Object.entries(c.context)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  const state = c.state
    ? `${c.state}${c.variant && c.variant !== c.state ? ` (${c.variant})` : ''}`
    : tr('cli.case.notCheckedYet');
  return [
    `${paint('bold', tr('cli.case.title', { id: c.id }))}${c.label ? ` — ${c.label}` : ''}${c.group ? ` (${c.group})` : ''}`,
    `  ${c.location ? tr('cli.case.numberAt', { app: c.app, number: c.caseNumber, location: c.location }) : `${c.app} ${c.caseNumber}`}`,
    `  ${c.stateSince ? tr('cli.case.stateSince', { state, since: when(c.stateSince) }) : tr('cli.case.state', { state })}`,
    `  ${
      c.watching
        ? tr('cli.case.watchingYes', { at: when(c.nextCheckAt) }) +
          (c.scheduleReason ? scheduleReasonAside(c.scheduleReason) : '')
        : tr('cli.case.watchingNo')
    }`,
    `  ${tr('cli.case.lastCheck', { at: when(c.lastAttemptAt) })}${c.lastOutcome ? ` (${c.lastOutcome})` : ''}${c.failures ? paint('yellow', tr('cli.case.failuresInRow', { count: c.failures })) : ''}`,
    ...(ctx ? [`  ${tr('cli.case.context', { context: ctx })}`] : []),
    `  ${c.shareTimeline ? tr('cli.case.sharedYes') : tr('cli.case.sharedNo')}`,
  ];
}

/** One case as JSON, or as the lines `ceac case show` prints. */
function printCase(c: CaseView, json: boolean | undefined): void {
  if (json) printJson(withEnglishReason(c));
  else process.stdout.write(caseLines(c).join('\n') + '\n');
}

function eventLine(e: EventView): string {
  const to = e.to as { status?: string | null; caseLastUpdated?: string | null } | null;
  const from = e.from as { status?: string | null } | null;
  const headline = (e.interpretation as { headline?: string } | null)?.headline;
  const detail = (e.detail as { message?: string } | null)?.message;
  const what =
    e.kind === 'status_changed'
      ? `${from?.status ?? '?'} → ${to?.status ?? '?'}`
      : e.kind === 'first_seen'
        ? (to?.status ?? '?')
        : e.kind === 'last_updated_changed'
          ? tr('cli.case.event.lastUpdated', { date: to?.caseLastUpdated ?? '?' })
          : (detail ?? to?.status ?? '');
  // The stored headline is English; said again in the reader's language when it is one the decoder writes now.
  return `  ${when(e.at)}  ${e.kind.padEnd(20)} ${what}${headline ? ` — ${headlineText(headline)}` : ''}`;
}

export function register(program: Command): void {
  const group = program.command('case').description('add, list, show, edit and remove watched cases');

  addContextOptions(
    group
      .command('add')
      .description('watch a case: it is checked at once by `ceac watch`, then on its schedule')
      .requiredOption('--app <type>', 'application type: NIV or IV')
      .option('--location <code>', 'CEAC location code or post city (NIV), e.g. BMB or Mumbai')
      .requiredOption('--id <case>', 'case number / application ID, e.g. AA0020AKAX')
      .option('--passport <number>', 'passport number (NIV; sealed at rest); "-" reads it from stdin')
      .option('--surname <name>', 'surname as in the application (NIV; sealed at rest); "-" reads it from stdin')
      .option('--label <text>', 'a name for the case, e.g. "mum"')
      .option('--group <name>', 'family or group the case belongs to')
      .option('--share', 'add this case’s anonymized timeline to the pooled statistics', false)
      .option('--json', 'print the case as JSON'),
  ).action(
    action(
      async (
        given: ContextFlags & {
          app: string;
          location?: string;
          id: string;
          passport?: string;
          surname?: string;
          label?: string;
          group?: string;
          share: boolean;
          json?: boolean;
        },
      ) => {
        const flags = await fromStdin(given);
        const app = flags.app.toUpperCase();
        if (app !== 'NIV' && app !== 'IV') throw new UsageError(tr('cli.case.badApp', { given: flags.app }));
        // CEAC's own rules for what the form accepts, so that a case that can never be checked is refused now.
        const valid = validateCaseQuery({
          app,
          id: flags.id,
          location: flags.location,
          passport: flags.passport,
          surname: flags.surname,
        });
        if (!valid.ok)
          throw new UsageError(valid.errors.map((e) => `--${e.field}: ${cliTranslator()(e.words)}`).join('; '));
        const input: NewCase = {
          app,
          caseNumber: flags.id,
          ...(flags.location !== undefined && { location: flags.location }),
          ...(flags.passport !== undefined && { passport: flags.passport }),
          ...(flags.surname !== undefined && { surname: flags.surname }),
          ...(flags.label !== undefined && { label: flags.label }),
          ...(flags.group !== undefined && { group: flags.group }),
          context: contextFrom(flags),
          shareTimeline: flags.share,
        };
        await withCliRuntime(async (t) => {
          const c = await storeErrors(() => t.cases.add(input));
          if (flags.json) printJson(withEnglishReason(c));
          else process.stdout.write(tr('cli.case.added', { id: c.id, app: c.app, number: c.caseNumber }) + '\n');
        });
      },
    ),
  );

  group
    .command('list')
    .description('list watched cases')
    .option('--group <name>', 'only cases of this group')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: { group?: string; json?: boolean }) => {
        await withCliRuntime(async (t) => {
          const cases = await t.cases.list({ ownerId: null, ...(flags.group !== undefined && { group: flags.group }) });
          if (flags.json) {
            printJson(cases.map(withEnglishReason));
            return;
          }
          if (cases.length === 0) {
            process.stdout.write(tr('cli.case.none') + '\n');
            return;
          }
          for (const c of cases) {
            const name = [c.label, c.group && `(${c.group})`].filter(Boolean).join(' ');
            process.stdout.write(
              `${String(c.id).padStart(4)}  ${c.app.padEnd(3)} ${c.caseNumber.padEnd(14)} ${(c.location ?? '').padEnd(4)} ${(c.state ?? tr('cli.case.list.notChecked')).padEnd(26)} ${(c.watching ? tr('cli.case.list.next', { at: when(c.nextCheckAt) }) : tr('cli.case.list.paused')).padEnd(26)}  ${name}\n`,
            );
          }
        });
      }),
    );

  group
    .command('show')
    .description('show one case and its schedule')
    .argument('<id>', 'case id (see `ceac case list`)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, flags: { json?: boolean }) => {
        const caseId = parseCaseId(id);
        await withCliRuntime(async (t) => {
          const c = await storeErrors(() => t.cases.get(caseId, null));
          // How sure the learned schedule is about this case's post (src/tracker/change-times-summary.ts).
          const learned = await scheduleConfidence(t.store.db, c.location);
          const deadlines = await caseDeadlines(t.store.db, c);
          if (flags.json) {
            printJson({
              ...withEnglishReason(c),
              // Its `words` are for the human output; JSON has the English `text`.
              learnedSchedule: { ...learned, words: undefined },
              deadlines: deadlines.map((d) => ({ kind: d.kind, date: d.date, source: d.source })),
            });
            return;
          }
          const lines = [...caseLines(c), `  ${tr('cli.case.learned', { text: cliTranslator()(learned.words) })}`];
          if (deadlines.length) {
            lines.push(`  ${tr('cli.case.deadlines')}`);
            for (const d of deadlines) lines.push(`    ${d.date}  ${cliTranslator()(deadlineLineWords(d))}`);
          }
          process.stdout.write(lines.join('\n') + '\n');
        });
      }),
    );

  group
    .command('calendar')
    .description("print the case's deadlines as iCalendar (.ics), e.g. `ceac case calendar 1 > case.ics`")
    .argument('<id>', 'case id')
    .action(
      action(async (id: string) => {
        const caseId = parseCaseId(id);
        await withCliRuntime(async (t) => {
          const c = await storeErrors(() => t.cases.get(caseId, null));
          const deadlines = await caseDeadlines(t.store.db, c);
          const name = c.label ? `${c.label} (${maskLast4(c.caseNumber)})` : maskLast4(c.caseNumber);
          process.stdout.write(renderCalendar(`ceac-watch: ${name}`, [{ id: c.id, name, deadlines }]));
        });
      }),
    );

  group
    .command('history')
    .description('every observation and event of a case, oldest first')
    .argument('<id>', 'case id')
    .option('--json', 'print {"case", "observations", "events"} as JSON')
    .action(
      action(async (id: string, flags: { json?: boolean }) => {
        const caseId = parseCaseId(id);
        await withCliRuntime(async (t) => {
          const h = await storeErrors(() => t.cases.history(caseId, null));
          if (flags.json) {
            printJson(h);
            return;
          }
          const out = [...caseLines(h.case), '', tr('cli.case.observations', { count: h.observations.length })];
          for (const o of h.observations) {
            out.push(
              `  ${when(o.firstSeenAt)} … ${when(o.lastSeenAt)}  ${o.status ?? '?'} [${o.variant}]  ${tr('cli.report.lastUpdated', { date: o.caseLastUpdated ?? '?' })}  ${tr('cli.case.seen', { count: o.seenCount })}`,
            );
          }
          out.push('', tr('cli.case.events', { count: h.events.length }), ...h.events.map(eventLine));
          process.stdout.write(out.join('\n') + '\n');
        });
      }),
    );

  group
    .command('check')
    .description('check a case on CEAC now, whatever its schedule says (the site budget still applies)')
    .argument('<id>', 'case id')
    .option(
      '--captcha <solver>',
      'captcha solver: prompt | command:<program> | onnx:<model> (default CEAC_CAPTCHA, else prompt)',
    )
    .option('--json', 'print the check report as JSON')
    .action(
      action(async (id: string, flags: { captcha?: string; json?: boolean }) => {
        const caseId = parseCaseId(id);
        const checking = {
          checks: { captcha: flags.captcha ?? process.env.CEAC_CAPTCHA ?? 'prompt', required: true },
          quiet: true,
        };
        await withCliRuntime(async (t) => {
          await storeErrors(() => t.cases.get(caseId, null));
          const report = await t.tracker().checkCase(caseId);
          if (flags.json) printJson(withEnglishReason(report));
          else process.stdout.write(describeReport(report) + '\n');
          if (report.outcome !== 'ok') process.exitCode = 1;
        }, checking);
      }),
    );

  addContextOptions(
    group
      .command('edit')
      .description('change a case: label, group, credentials, context, sharing, watching')
      .argument('<id>', 'case id')
      .option('--label <text>', 'new label ("" clears it)')
      .option('--group <name>', 'new group ("" clears it)')
      .option('--location <code>', 'CEAC location code or post city')
      .option('--passport <number>', 'passport number (sealed); "-" reads it from stdin')
      .option('--surname <name>', 'surname (sealed); "-" reads it from stdin')
      .option('--share', 'share the anonymized timeline')
      .option('--no-share', 'stop sharing the timeline')
      .option('--pause', 'stop checking this case')
      .option('--resume', 'check this case again')
      .option('--keep-watching', 'keep a daily heartbeat after Issued (default: stop after 14 days)')
      .option('--json', 'print the case as JSON'),
  ).action(
    action(
      async (
        id: string,
        given: ContextFlags & {
          label?: string;
          group?: string;
          location?: string;
          passport?: string;
          surname?: string;
          share?: boolean;
          pause?: boolean;
          resume?: boolean;
          json?: boolean;
        },
      ) => {
        const caseId = parseCaseId(id);
        const flags = await fromStdin(given);
        if (flags.pause && flags.resume) throw new UsageError(tr('cli.case.pauseResume'));
        const context = contextFrom(flags);
        const patch: CaseEdit = {
          ...(flags.label !== undefined && { label: flags.label || null }),
          ...(flags.group !== undefined && { group: flags.group || null }),
          ...(flags.location !== undefined && { location: flags.location }),
          ...(flags.passport !== undefined && { passport: flags.passport }),
          ...(flags.surname !== undefined && { surname: flags.surname }),
          ...(Object.keys(context).length > 0 && { context }),
          ...(flags.share !== undefined && { shareTimeline: flags.share }),
          ...(flags.pause && { watching: false }),
          ...(flags.resume && { watching: true }),
        };
        if (Object.keys(patch).length === 0) throw new UsageError(tr('cli.case.nothingToChange'));
        await withCliRuntime(async (t) => {
          const c = await storeErrors(() => t.cases.edit(caseId, patch, null));
          // Consent given or withdrawn, or the visa class or post changed: the shared timeline follows now.
          await storeErrors(() => syncWatchedTimeline(t.store.db, caseId));
          printCase(c, flags.json);
        });
      },
    ),
  );

  group
    .command('remove')
    .description('stop watching a case and erase it: sealed passport and surname, observations, events')
    .argument('<id>', 'case id')
    .option('--json', 'print {"removed": id} as JSON')
    .action(
      action(async (id: string, flags: { json?: boolean }) => {
        const caseId = parseCaseId(id);
        await withCliRuntime(async (t) => {
          await storeErrors(() => t.cases.remove(caseId, null));
          await storeErrors(() => reconcileWatchedTimelines(t.store.db));
          if (flags.json) printJson({ removed: caseId });
          else process.stdout.write(tr('cli.case.removed', { id: caseId }) + '\n');
        });
      }),
    );

  group.action(
    action(() => {
      throw new UsageError(tr('cli.case.chooseSubcommand'));
    }),
  );
}
