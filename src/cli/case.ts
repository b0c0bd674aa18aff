import type { Command } from 'commander';
import { Option } from 'commander';

import { validateCaseQuery } from '../ceac/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import {
  type CaseContext,
  type CaseEdit,
  CaseInputError,
  type CaseView,
  type EventView,
  type NewCase,
} from '../store/cases.js';
import { MigrationError } from '../store/migrate.js';
import { SealError } from '../store/seal.js';
import { CheckerSetupError, openTracking, type Tracking, type TrackingOptions } from '../tracker/setup.js';
import { reconcileWatchedTimelines, syncWatchedTimeline } from '../tracker/timeline-sync.js';
import type { CheckReport } from '../tracker/tracker.js';
import { action, CommandFailure, painter, printJson, readStdin, UsageError } from './runtime.js';
import { eventHooks } from './worker.js';

/**
 * `ceac case …`: add, list, show, history, check, edit and remove watched cases. Also the helpers
 * that `ceac watch` and `ceac worker` share with it (opening the configured store, error mapping).
 */

export const when = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + 'Z';

/** Domain errors as CLI errors: bad input exits 2, failed work exits 1, both with their message. */
export function cliError(err: unknown): unknown {
  if (err instanceof CaseInputError || err instanceof ConfigError || err instanceof CheckerSetupError)
    return new UsageError(err.message);
  if (err instanceof SealError || err instanceof MigrationError) return new CommandFailure(err.message);
  if (err instanceof Error && ['CaseNotFoundError', 'DuplicateCaseError'].includes(err.name))
    return new CommandFailure(err.message);
  if (err instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(err.message)) {
    return new CommandFailure(`cannot open the database: ${err.message} (check DATABASE_URL)`);
  }
  return err;
}

export async function storeErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw cliError(err);
  }
}

/** Opens the configured store (migrating it), with configuration and setup problems as clear CLI errors. */
export async function openCliTracking(options: TrackingOptions & { quiet?: boolean } = {}): Promise<Tracking> {
  return storeErrors(async () => {
    const config = loadConfig();
    // A one-off command reports on stdout; its log lines would only repeat it (LOG_LEVEL still wins).
    const logger =
      options.logger ??
      (options.quiet && !process.env.LOG_LEVEL ? createLogger({ level: 'warn', name: 'tracker' }) : undefined);
    return openTracking(config, { ...options, ...(logger && { logger }) });
  });
}

/** Runs `work` with the configured tracking open, and closes it afterwards whatever happens. */
export async function withCliTracking<T>(
  work: (t: Tracking) => Promise<T>,
  options: TrackingOptions & { quiet?: boolean } = {},
): Promise<T> {
  const t = await openCliTracking(options);
  try {
    return await work(t);
  } finally {
    await t.close();
  }
}

/**
 * `--passport -` and `--surname -` read the value from stdin (passport first, one per line), so that
 * neither lands in the shell history or the process list.
 */
async function fromStdin<T extends { passport?: string; surname?: string }>(flags: T): Promise<T> {
  const wanted = (['passport', 'surname'] as const).filter((k) => flags[k] === '-');
  if (wanted.length === 0) return flags;
  const lines = (await readStdin()).split(/\r?\n/).map((l) => l.trim());
  const out = { ...flags };
  wanted.forEach((k, i) => {
    const v = lines[i];
    if (!v) throw new UsageError(`--${k} - reads it from stdin, but line ${i + 1} of stdin is empty`);
    out[k] = v;
  });
  return out;
}

export function parseCaseId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id <= 0) {
    throw new UsageError(`"${text}" is not a case id: use the number shown by \`ceac case list\``);
  }
  return id;
}

export function describeReport(r: CheckReport): string {
  const paint = painter();
  if (r.outcome !== 'ok') {
    return `${paint('yellow', `check failed (${r.outcome})`)}: ${r.message}\nnothing was recorded as a status; next try ${when(r.nextCheckAt)} (${r.scheduleReason})`;
  }
  const o = r.observation;
  const lines = [
    `${paint('bold', o?.status ?? '?')} [${o?.variant ?? '?'}]  last updated ${o?.caseLastUpdated ?? '?'}`,
  ];
  for (const e of r.events) {
    const headline = (e.interpretation as { headline?: string } | null)?.headline;
    lines.push(`${paint('green', e.kind)}${headline ? `: ${headline}` : ''}`);
  }
  if (r.events.length === 0) lines.push('no change since the last check');
  lines.push(`next check ${when(r.nextCheckAt)} (${r.scheduleReason})`);
  return lines.join('\n');
}

const ROUTES = ['dropbox', 'interview'];
const ENTRIES = ['new', 'renewal'];
const SLIPS = ['white', 'pink', 'yellow', 'blue', 'green', 'other'];
const OFFICER = ['approved', 'refused', '221g', 'none'];

interface ContextFlags {
  route?: string;
  visaClass?: string;
  entry?: string;
  slip?: string;
  officer?: string;
  passportState?: string;
  interviewDate?: string;
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
  if (flags.keepWatching !== undefined) c.keepWatching = flags.keepWatching;
  return c;
}

function addContextOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--route <route>', 'how you applied').choices(ROUTES))
    .option('--visa-class <class>', 'visa class, e.g. H1B, F1, B1-B2, IR1')
    .addOption(new Option('--entry <entry>', 'first visa or renewal').choices(ENTRIES))
    .addOption(new Option('--slip <colour>', '221(g) slip colour, if you got one').choices(SLIPS))
    .addOption(new Option('--officer <said>', 'what the officer said at the interview').choices(OFFICER))
    .addOption(
      new Option('--passport-state <state>', 'passport kept by the consulate or returned').choices([
        'kept',
        'returned',
      ]),
    )
    .option('--interview-date <date>', 'interview or dropbox date, YYYY-MM-DD');
}

function caseLines(c: CaseView): string[] {
  const paint = painter();
  const ctx = Object.entries(c.context)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return [
    `${paint('bold', `case ${c.id}`)}${c.label ? ` — ${c.label}` : ''}${c.group ? ` (${c.group})` : ''}`,
    `  ${c.app} ${c.caseNumber}${c.location ? ` at ${c.location}` : ''}`,
    `  state: ${c.state ?? 'not checked yet'}${c.variant && c.variant !== c.state ? ` (${c.variant})` : ''}${c.stateSince ? ` since ${when(c.stateSince)}` : ''}`,
    `  watching: ${c.watching ? `yes, next check ${when(c.nextCheckAt)}${c.scheduleReason ? ` (${c.scheduleReason})` : ''}` : 'no'}`,
    `  last check: ${when(c.lastAttemptAt)}${c.lastOutcome ? ` (${c.lastOutcome})` : ''}${c.failures ? paint('yellow', `, ${c.failures} failure(s) in a row`) : ''}`,
    ...(ctx ? [`  context: ${ctx}`] : []),
    `  timeline shared: ${c.shareTimeline ? 'yes' : 'no'}`,
  ];
}

/** One case as JSON, or as the lines `ceac case show` prints. */
function printCase(c: CaseView, json: boolean | undefined): void {
  if (json) printJson(c);
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
          ? `Case Last Updated ${to?.caseLastUpdated ?? '?'}`
          : (detail ?? to?.status ?? '');
  return `  ${when(e.at)}  ${e.kind.padEnd(20)} ${what}${headline ? ` — ${headline}` : ''}`;
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
        if (app !== 'NIV' && app !== 'IV') throw new UsageError(`--app must be NIV or IV, not "${flags.app}"`);
        // CEAC's own rules for what the form accepts, so that a case that can never be checked is refused now.
        const valid = validateCaseQuery({
          app,
          id: flags.id,
          location: flags.location,
          passport: flags.passport,
          surname: flags.surname,
        });
        if (!valid.ok)
          throw new UsageError(
            valid.errors.map((e) => `--${e.field === 'id' ? 'id' : e.field}: ${e.message}`).join('; '),
          );
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
        await withCliTracking(async (t) => {
          const c = await storeErrors(() => t.cases.add(input));
          if (flags.json) printJson(c);
          else process.stdout.write(`added case ${c.id} (${c.app} ${c.caseNumber}); \`ceac watch\` checks it next\n`);
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
        await withCliTracking(async (t) => {
          const cases = await t.cases.list({ ownerId: null, ...(flags.group !== undefined && { group: flags.group }) });
          if (flags.json) {
            printJson(cases);
            return;
          }
          if (cases.length === 0) {
            process.stdout.write(
              'no cases yet: add one with `ceac case add --app NIV --location … --id … --passport … --surname …`\n',
            );
            return;
          }
          for (const c of cases) {
            const name = [c.label, c.group && `(${c.group})`].filter(Boolean).join(' ');
            process.stdout.write(
              `${String(c.id).padStart(4)}  ${c.app.padEnd(3)} ${c.caseNumber.padEnd(14)} ${(c.location ?? '').padEnd(4)} ${(c.state ?? 'not checked').padEnd(26)} ${c.watching ? `next ${when(c.nextCheckAt)}` : 'paused'.padEnd(22)}  ${name}\n`,
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
        await withCliTracking(async (t) => {
          const c = await storeErrors(() => t.cases.get(caseId, null));
          printCase(c, flags.json);
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
        await withCliTracking(async (t) => {
          const h = await storeErrors(() => t.cases.history(caseId, null));
          if (flags.json) {
            printJson(h);
            return;
          }
          const out = [...caseLines(h.case), '', `observations (${h.observations.length}):`];
          for (const o of h.observations) {
            out.push(
              `  ${when(o.firstSeenAt)} … ${when(o.lastSeenAt)}  ${o.status ?? '?'} [${o.variant}]  last updated ${o.caseLastUpdated ?? '?'}  (seen ${o.seenCount}×)`,
            );
          }
          out.push('', `events (${h.events.length}):`, ...h.events.map(eventLine));
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
          captcha: flags.captcha ?? process.env.CEAC_CAPTCHA ?? 'prompt',
          needsChecker: true,
          quiet: true,
          onEvents: await eventHooks(),
        };
        await withCliTracking(async (t) => {
          await storeErrors(() => t.cases.get(caseId, null));
          const report = await t.tracker().checkCase(caseId);
          if (flags.json) printJson(report);
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
        if (flags.pause && flags.resume) throw new UsageError('--pause and --resume contradict each other');
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
        if (Object.keys(patch).length === 0)
          throw new UsageError('nothing to change: give at least one option (see `ceac case edit --help`)');
        await withCliTracking(async (t) => {
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
        await withCliTracking(async (t) => {
          await storeErrors(() => t.cases.remove(caseId, null));
          await storeErrors(() => reconcileWatchedTimelines(t.store.db));
          if (flags.json) printJson({ removed: caseId });
          else process.stdout.write(`removed case ${caseId} and everything recorded about it\n`);
        });
      }),
    );

  group.action(
    action(() => {
      throw new UsageError(
        'choose a subcommand: add, list, show, history, check, edit, remove (see `ceac case --help`)',
      );
    }),
  );
}
