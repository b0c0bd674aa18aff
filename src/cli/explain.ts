import { statSync } from 'node:fs';

import { type Command, Option } from 'commander';

import { parseCeacDate } from '../decode/dates.js';
import { explain, explainPage } from '../decode/explain.js';
import { renderExplanation } from '../decode/render.js';
import { english } from '../i18n/translator.js';
import { stateForStatusWord, statusTextFor } from '../knowledge/statuses.js';
import {
  type DecodeContext,
  OFFICER_SAID,
  type OfficerSaid,
  PASSPORT_STATES,
  type PassportState,
  type Route,
  ROUTES,
  SLIP_COLORS,
  type SlipColor,
} from '../knowledge/types.js';
import { cliTranslator, tr } from './i18n.js';
import { action, CommandFailure, painter, printJson, readBounded, readStdin, UsageError } from './runtime.js';

interface ExplainOptions {
  file?: string;
  html?: string;
  json?: boolean;
  route?: Route;
  slip?: SlipColor;
  officer?: OfficerSaid;
  passport?: PassportState;
  since?: string;
  previous?: string;
  today?: string;
}

/** Bigger inputs are not CEAC statuses; refusing them early keeps memory and time bounded. */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export function register(program: Command): void {
  program
    .command('explain')
    .summary('decode a CEAC status (pasted text, a saved page, or a status word)')
    .description(
      'Decode a CEAC visa status into plain language: what it means, how final it is, and what to do next.\n' +
        'Give the text as arguments, pipe it on stdin, or point at a file. Context flags sharpen the answer.',
    )
    .argument('[text...]', 'the status text, e.g. "Refused" or the pasted paragraph (read from stdin when omitted)')
    .option('--file <path>', 'read the pasted text from a file')
    .option('--html <path>', 'read a saved CEAC status page (or the AJAX response) from a file')
    .option('--json', 'print {observation, interpretation} as JSON')
    .addOption(new Option('--route <route>', 'how you applied').choices(ROUTES))
    .addOption(new Option('--slip <colour>', 'colour of the 221(g) slip you were given').choices(SLIP_COLORS))
    .addOption(new Option('--officer <said>', 'what the officer told you').choices(OFFICER_SAID))
    .addOption(new Option('--passport <where>', 'whether the consulate kept your passport').choices(PASSPORT_STATES))
    .option('--since <date>', 'the date the current status began (YYYY-MM-DD or DD-Mon-YYYY)')
    .option('--previous <status>', 'the status before this one, e.g. Approved or administrative_processing')
    .option('--today <date>', "the date to count from instead of today's (for examples and tests)")
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  ceac explain Refused\n' +
        '  pbpaste | ceac explain --route dropbox --since 2025-10-21\n' +
        '  ceac explain --html saved-status-page.html --json\n' +
        '  ceac explain --file status.txt --officer 221g --slip white --previous approved\n',
    )
    .action(
      action(async (text: string[], options: ExplainOptions) => {
        const context = contextOf(options);
        // JSON is for machines: stable ids and English text, whatever the language.
        const t = options.json ? english : cliTranslator();
        const { input, html } = await readInput(text, options);
        if (input.trim() === '') throw new UsageError(tr('cli.explain.empty'));
        const result = html ? explainPage(input, context, t) : explain(input, context, t);
        if (options.json) {
          printJson(result);
          return;
        }
        const width = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
        process.stdout.write(renderExplanation(result, { paint: painter(process.stdout), width, t }));
      }),
    );
}

async function readInput(text: string[], options: ExplainOptions): Promise<{ input: string; html: boolean }> {
  const sources = [
    text.length > 0 ? 'TEXT' : null,
    options.file ? '--file' : null,
    options.html ? '--html' : null,
  ].filter(Boolean);
  if (sources.length > 1) throw new UsageError(tr('cli.explain.oneWay', { sources: sources.join(', ') }));
  if (options.file) return { input: await readInputFile(options.file, '--file'), html: false };
  if (options.html) return { input: await readInputFile(options.html, '--html'), html: true };
  if (text.length > 0) return { input: text.join(' '), html: false };
  if (process.stdin.isTTY) {
    throw new UsageError(tr('cli.explain.nothing'));
  }
  return { input: await readStdin(MAX_INPUT_BYTES), html: false };
}

async function readInputFile(path: string, flag: string): Promise<string> {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${flag} ${path}: ${tr('cli.file.isDirectory')}`);
    size = stat.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${flag} ${path}: ${tr('cli.file.noSuchFile')}`);
    throw new CommandFailure(tr('cli.file.cannotRead', { path, reason: code ?? '?' }));
  }
  if (size > MAX_INPUT_BYTES)
    throw new UsageError(tr('cli.explain.tooBig', { what: `${flag} ${path}`, megabytes: Math.round(size / 1048576) }));
  // Read through a bounded reader, not by the size above: a device or a pipe (/dev/zero) says 0.
  try {
    return await readBounded(path, MAX_INPUT_BYTES, `${flag} ${path}`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new CommandFailure(tr('cli.file.cannotRead', { path, reason: (err as NodeJS.ErrnoException).code ?? '?' }));
  }
}

function contextOf(options: ExplainOptions): DecodeContext {
  const context: DecodeContext = {};
  if (options.route) context.route = options.route;
  if (options.slip) context.slip = options.slip;
  if (options.officer) context.officer = options.officer;
  if (options.passport) context.passport = options.passport;
  const today =
    options.today !== undefined ? dateOption('--today', options.today) : new Date().toISOString().slice(0, 10);
  if (options.today !== undefined) context.today = today;
  if (options.since !== undefined) {
    const since = dateOption('--since', options.since);
    if (since > today) throw new UsageError(tr('cli.explain.sinceAfterToday', { since: options.since, today }));
    context.since = since;
  }
  if (options.previous !== undefined) {
    const previous = options.previous.trim();
    if (!stateForStatusWord(previous) && !statusTextFor(previous.toLowerCase())) {
      throw new UsageError(
        tr('cli.explain.badPrevious', {
          given: options.previous,
          statuses:
            'No Status, Application Received, Administrative Processing, Refused, Approved, Issued, At NVC, In Transit, Ready, Transfer in Progress',
        }),
      );
    }
    context.previous = previous;
  }
  return context;
}

function dateOption(flag: string, value: string): string {
  const iso = parseCeacDate(value);
  if (!iso) throw new UsageError(tr('cli.explain.badDate', { flag, given: value }));
  return iso;
}
