import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Command, InvalidArgumentError, Option } from 'commander';

import { type CaptchaSolver, CaptchaSolverError, SOLVER_SPEC_HELP, solverFromSpec } from '../captcha/index.js';
import { PromptSolver } from '../captcha/prompt.js';
import {
  type CheckOutcome,
  type CheckProgress,
  intervalBudget,
  type Transport,
  TRANSPORTS,
  validateCaseQuery,
} from '../ceac/index.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { interpret, renderExplanation } from '../decode/index.js';
import type { MessageKey } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { cliTranslator, tr } from './i18n.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';

interface CheckOptions {
  app: string;
  location?: string;
  id: string;
  passport?: string;
  surname?: string;
  captcha?: string;
  baseUrl?: string;
  timeout?: string;
  transport?: Transport;
  json?: boolean;
}

const STEP_WORDS: Record<CheckProgress['step'], MessageKey> = {
  form: 'cli.check.step.form',
  captcha: 'cli.check.step.captcha',
  solve: 'cli.check.step.solve',
  submit: 'cli.check.step.submit',
  retry: 'cli.check.step.retry',
};

function configOrUsage(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

async function solverFor(spec: string): Promise<CaptchaSolver> {
  let solver: CaptchaSolver;
  try {
    solver = await solverFromSpec(spec);
  } catch (e) {
    if (e instanceof CaptchaSolverError) throw new UsageError(e.message);
    throw e;
  }
  if (solver instanceof PromptSolver && !solver.interactive) {
    throw new UsageError(
      tr('cli.check.captchaNeedsTerminal', { command: '"command:<program>"', onnx: '"onnx:<model.onnx>"' }),
    );
  }
  return solver;
}

/** A page we could not read is kept, privately, so that someone can see what the site sent. */
function keepUnrecognisedPage(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ceac-page-'));
  const file = join(dir, 'unrecognised.html');
  writeFileSync(file, body, { mode: 0o600 });
  return file;
}

function failureJson(outcome: Exclude<CheckOutcome, { kind: 'ok' }>, keptPage: string | null) {
  const { kind, message, attempts, requests, durationMs } = outcome;
  return {
    ok: false,
    outcome: kind,
    message,
    ...(outcome.kind === 'http_error' ? { status: outcome.status } : {}),
    ...(keptPage ? { keptPage } : {}),
    check: { attempts, requests, durationMs },
  };
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check one case on CEAC now and print what its status means')
    .addOption(
      new Option('--app <type>', 'application type: NIV (nonimmigrant) or IV (immigrant, including DV)')
        .argParser((v: string) => {
          const app = v.trim().toUpperCase();
          if (app !== 'NIV' && app !== 'IV') throw new InvalidArgumentError(tr('cli.check.appChoice'));
          return app;
        })
        .makeOptionMandatory(),
    )
    .option('--location <post>', 'NIV only: CEAC location code (BMB) or name ("INDIA, MUMBAI", "Mumbai")')
    .requiredOption(
      '--id <id>',
      'NIV application ID (AA0020AKAX), IV case number (LMA2020656002) or DV number (2023EU12345)',
    )
    .option('--passport <number>', 'passport number (NA for applications before 2022)')
    .option('--surname <name>', 'surname; only the first 5 letters are sent')
    .option('--captcha <solver>', `captcha solver: ${SOLVER_SPEC_HELP} (default: CEAC_CAPTCHA or prompt)`)
    .option('--base-url <url>', 'where CEAC is (default: CEAC_BASE_URL or https://ceac.state.gov)')
    .option('--timeout <ms>', 'deadline of each request in milliseconds (default: CEAC_REQUEST_TIMEOUT_MS)')
    .addOption(
      new Option(
        '--transport <how>',
        'http (plain requests), browser (system Chromium, passes Cloudflare challenges) or auto (HTTP, then the browser after a challenge) (default: CEAC_TRANSPORT or auto)',
      ).choices(TRANSPORTS),
    )
    .option('--json', 'print JSON: the explain result with the observation filled, or the failure')
    .addHelpText(
      'after',
      `
Exit codes: 0 a status was read, 1 the check failed (captcha, not found, site down, challenge...), 2 bad input.
Outcome "challenge": Cloudflare asked for a browser; install Chromium or set CEAC_BROWSER (and use
--transport auto or browser), or run from a home connection. It is never retried in a loop.
Requests are spaced by CEAC_REQUEST_INTERVAL_MS (default 2000 ms). Against the simulator:
  ceac sim --captcha-code ABC12 &
  CEAC_REQUEST_INTERVAL_MS=0 ceac check --base-url http://127.0.0.1:PORT --app NIV --location BMB \\
    --id AA00DBX221 --passport Z4810023 --surname RAGHAVAN --captcha "command:echo ABC12"`,
    )
    .action(
      action(async (opts: CheckOptions) => {
        const valid = validateCaseQuery({
          app: opts.app,
          location: opts.location,
          id: opts.id,
          passport: opts.passport,
          surname: opts.surname,
        });
        if (!valid.ok)
          throw new UsageError(valid.errors.map((e) => `--${e.field}: ${cliTranslator()(e.words)}`).join('\n       '));
        const config = configOrUsage();
        let timeoutMs = config.CEAC_REQUEST_TIMEOUT_MS;
        if (opts.timeout !== undefined) {
          timeoutMs = Number(opts.timeout);
          if (!Number.isInteger(timeoutMs) || timeoutMs < 100) throw new UsageError(tr('cli.check.badTimeout'));
        }
        const baseUrl = opts.baseUrl ?? config.CEAC_BASE_URL;
        if (!URL.canParse(baseUrl)) throw new UsageError(tr('cli.check.badBaseUrl', { given: baseUrl }));
        const solver = await solverFor(opts.captcha ?? config.CEAC_CAPTCHA ?? 'prompt');

        const err = painter(process.stderr);
        const showProgress = Boolean(process.stderr.isTTY) && !opts.json;
        const { createCeacClient } = await import('../runtime/ceac.js');
        const settings = {
          ...config,
          CEAC_BASE_URL: baseUrl,
          CEAC_REQUEST_TIMEOUT_MS: timeoutMs,
          CEAC_TRANSPORT: opts.transport ?? config.CEAC_TRANSPORT,
        };
        // A transport this machine cannot give (no browser) is a CeacSetupError: exit 2 with its remedy.
        const client = createCeacClient(settings, {
          solver,
          budget: intervalBudget(config.CEAC_REQUEST_INTERVAL_MS),
          onProgress: (p) => {
            if (showProgress)
              process.stderr.write(err('dim', `… ${tr(STEP_WORDS[p.step])}${p.reason ? ` (${p.reason})` : ''}\n`));
          },
        });
        let outcome: CheckOutcome;
        try {
          outcome = await client.check(valid.query);
        } finally {
          await client.close();
        }

        if (outcome.kind === 'ok') {
          // JSON is for machines: stable ids and English text, whatever the language.
          const t = opts.json ? english : cliTranslator();
          const interpretation = interpret(outcome.observation, { applicationType: valid.query.app }, t);
          const check = { attempts: outcome.attempts, requests: outcome.requests, durationMs: outcome.durationMs };
          if (opts.json) {
            printJson({
              observation: outcome.observation,
              interpretation,
              applicationName: outcome.applicationName,
              check,
            });
          } else {
            const out = painter(process.stdout);
            process.stdout.write(
              renderExplanation(
                { observation: outcome.observation, interpretation },
                { paint: out, width: process.stdout.columns, t },
              ) + '\n',
            );
          }
          return;
        }
        const keptPage = outcome.kind === 'layout_changed' ? keepUnrecognisedPage(outcome.body) : null;
        const message =
          (outcome.words ? cliTranslator()(outcome.words) : outcome.message) +
          (keptPage ? ` ${tr('cli.check.pageSaved', { path: keptPage })}` : '');
        if (opts.json) {
          printJson(failureJson(outcome, keptPage));
          process.exitCode = 1;
          return;
        }
        throw new CommandFailure(message);
      }),
    );
}
