import type { Command } from 'commander';

import {
  CAPTCHA_FORMATS,
  type CaptchaFormat,
  FAULT_HELP,
  type FaultSpec,
  FaultSpecError,
  parseFaultSpec,
  type RunningSimulator,
  ScenarioError,
  startSimulator,
} from '../simulator/index.js';
import { tr } from './i18n.js';
import { action, painter, printJson, UsageError } from './runtime.js';

interface SimOptions {
  port: string;
  host: string;
  scenario?: string;
  speed: string;
  faults?: string;
  captchaCode?: string;
  captchaFormat: string;
  challenge?: boolean;
  debugCaptcha?: boolean;
  json?: boolean;
}

function parseOptions(opts: SimOptions) {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(tr('cli.sim.badPort', { given: opts.port }));
  const speed = Number(opts.speed);
  if (!Number.isFinite(speed) || speed < 0) throw new UsageError(tr('cli.sim.badSpeed', { given: opts.speed }));
  let faults: FaultSpec = {};
  if (opts.faults !== undefined) {
    try {
      faults = parseFaultSpec(opts.faults);
    } catch (e) {
      if (e instanceof FaultSpecError) throw new UsageError(`--faults: ${e.message}`);
      throw e;
    }
  }
  const code = opts.captchaCode?.trim().toUpperCase();
  if (code !== undefined && !/^[0-9A-Z]{1,8}$/.test(code)) throw new UsageError(tr('cli.sim.badCaptchaCode'));
  const format = opts.captchaFormat.trim().toLowerCase();
  if (!(CAPTCHA_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      tr('cli.sim.badCaptchaFormat', { formats: CAPTCHA_FORMATS.join(', '), given: opts.captchaFormat }),
    );
  return { port, speed, faults, code, format: format as CaptchaFormat };
}

export function register(program: Command): void {
  program
    .command('sim')
    .description('run a CEAC-compatible status site with scripted cases and injected faults')
    .option('--port <n>', 'port to listen on (0 = any free port)', '8090')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--scenario <file>', 'scenario JSON file or folder of them (default: the shipped demo scenarios)')
    .option('--speed <x>', 'simulated seconds per real second', '1')
    .option('--faults <spec>', FAULT_HELP)
    .option('--captcha-code <code>', 'test hook: every captcha shows this code')
    .option('--captcha-format <format>', 'captcha image format: jpeg (as BotDetect serves it) or png', 'jpeg')
    .option(
      '--challenge',
      'Cloudflare\'s JavaScript challenge in front of every page (403 "Just a moment...") until a browser runs it',
    )
    .option('--debug-captcha', 'test hook: GET /__sim/captcha/<LBD_VCID> answers with the code')
    .option('--json', 'print the URL and the cases as JSON')
    .addHelpText(
      'after',
      `
Hooks: GET /__sim/cases (cases and lifecycles), POST /__sim/advance {"seconds": N},
GET /__sim/stats (requests by kind), GET|POST /__sim/faults {"5xx": 0.2}.
--faults challenge=0.3 puts the JavaScript challenge before that share of new sessions.
Point the client at it with CEAC_BASE_URL=<printed URL> (and CEAC_REQUEST_INTERVAL_MS=0).`,
    )
    .action(
      action(async (opts: SimOptions) => {
        const { port, speed, faults, code, format } = parseOptions(opts);
        let sim: RunningSimulator;
        try {
          sim = await startSimulator({
            port,
            host: opts.host,
            scenario: opts.scenario,
            speed,
            faults,
            captchaCode: code,
            captchaFormat: format,
            challenge: Boolean(opts.challenge),
            debugCaptcha: Boolean(opts.debugCaptcha),
          });
        } catch (e) {
          if (e instanceof ScenarioError) throw new UsageError(e.message);
          const err = e as NodeJS.ErrnoException;
          if (err.code === 'EADDRINUSE') throw new UsageError(tr('cli.sim.portInUse', { port: String(port) }));
          if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
            throw new UsageError(tr('cli.sim.badHost', { host: opts.host }));
          if (err.code === 'EACCES') throw new UsageError(tr('cli.sim.portPrivileged', { port: String(port) }));
          throw e;
        }
        const cases = sim.cases();
        if (opts.json) {
          printJson({ url: sim.url, faults, challenge: Boolean(opts.challenge), captchaFormat: format, cases });
        } else {
          const paint = painter(process.stdout);
          process.stdout.write(`${tr('cli.sim.listening', { url: paint('cyan', sim.url) })}\n`);
          const settings = [
            tr('cli.sim.speed', { speed }),
            ...(Object.keys(faults).length ? [tr('cli.sim.faults', { faults: opts.faults ?? '' })] : []),
            ...(code ? [tr('cli.sim.captchaCode', { code })] : []),
            tr('cli.sim.captchaFormat', { format }),
            ...(opts.challenge ? [tr('cli.sim.challenge')] : []),
          ];
          process.stdout.write(`${tr('cli.sim.cases', { count: cases.length, settings: settings.join(', ') })}\n`);
          for (const c of cases) {
            const where = c.app === 'NIV' ? ` ${c.location}` : '';
            process.stdout.write(
              `  ${c.app}${where} ${c.id}  ${c.current ? c.current.status : paint('dim', tr('cli.sim.notYetCreated'))}  ${paint('dim', c.label ?? '')}\n`,
            );
          }
          process.stdout.write(paint('dim', tr('cli.sim.ctrlC')) + '\n');
        }
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            sim.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      }),
    );
}
