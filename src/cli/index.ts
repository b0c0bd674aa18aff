import { Command, CommanderError } from 'commander';

import { chooseCliLanguage, takeLangFlag, tr, unknownLanguage } from './i18n.js';
import { reportError, UsageError } from './runtime.js';
import { commanderMessage } from './usage.js';

/**
 * The `ceac` command. Each command group lives in its own module and is imported only when it is
 * the one being run, so that `ceac explain` starts fast (it never loads the database or web code).
 */
interface CommandModule {
  register(program: Command): void;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  explain: {
    summary: 'decode a CEAC status (pasted text, a saved page, or a status word)',
    load: () => import('./explain.js'),
  },
  check: { summary: 'check a case on CEAC now and decode the answer', load: () => import('./check.js') },
  sim: { summary: 'run the CEAC-compatible simulator', load: () => import('./sim.js') },
  case: { summary: 'add, list, show, edit and remove watched cases', load: () => import('./case.js') },
  watch: { summary: 'check due cases on their schedule and send notifications', load: () => import('./watch.js') },
  worker: { summary: 'run checks from the PostgreSQL job queue (scale-out mode)', load: () => import('./worker.js') },
  migrate: { summary: 'create or upgrade the database schema', load: () => import('./migrate.js') },
  notify: {
    summary: 'manage notification channels and deliver pending notifications',
    load: () => import('./notify.js'),
  },
  import: { summary: 'import crowd timelines (checkee CSV/JSONL, free-text posts)', load: () => import('./import.js') },
  stats: { summary: 'waiting-time statistics (Kaplan-Meier) over pooled timelines', load: () => import('./stats.js') },
  predict: { summary: 'predict the remaining wait for an open case', load: () => import('./predict.js') },
  serve: { summary: 'run the web app and the tracker', load: () => import('./serve.js') },
};

function baseProgram(): Command {
  return (
    new Command('ceac')
      .description('ceac-watch: decode, watch and time US visa (CEAC) case statuses')
      .version(process.env.npm_package_version ?? '0.1.0', '-V, --version')
      // Shown in every command's help; src/cli/i18n.ts takes it out of argv before commander parses.
      .option('--lang <language>', 'language of the human output: en, zh-CN, es (default: from LC_ALL/LANG, else en)')
      .exitOverride()
      // Commander's own error lines are English: main() prints them in the user's language instead.
      .configureOutput({ outputError: () => undefined })
      .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
  );
}

export async function main(given: string[]): Promise<number> {
  const { argv, flag } = takeLangFlag(given);
  if (!(await chooseCliLanguage(flag))) return reportError(new UsageError(unknownLanguage(flag ?? '')));
  const program = baseProgram();
  const name = argv[2];
  const entry = name ? COMMANDS[name] : undefined;
  if (entry) {
    (await entry.load()).register(program);
  } else {
    for (const [cmd, { summary }] of Object.entries(COMMANDS)) program.command(cmd).description(summary);
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      // No command given (`ceac`, `ceac case`): commander showed the help on stderr; a usage error all the same.
      if (err.code === 'commander.help') return 2;
      if (err.code === 'commander.executeSubCommandAsync') return 0;
      // A usage error is exit 2 by convention, with one line in the user's language and a pointer to the help.
      process.stderr.write(`${commanderMessage(err)}\n${tr('cli.usage.seeHelp')}\n`);
      return 2;
    }
    return reportError(err);
  }
}

// `ceac … | head` closes the pipe early: that is the reader's choice, not a failure worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const code = await main(process.argv);
process.exitCode = code;
