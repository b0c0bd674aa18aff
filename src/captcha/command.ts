import { spawn } from 'node:child_process';

import { sniffImageType } from './image.js';
import { type CaptchaSolver, CaptchaSolverError, normaliseAnswer, type SolveContext } from './solver.js';

/** Our secrets stay ours: a captcha program (perhaps a paid service's client) gets none of them. */
const WITHHELD = ['CEAC_WATCH_SECRET', 'DATABASE_URL', 'SMTP_URL', 'TEST_DATABASE_URL'];

export function solverEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !WITHHELD.includes(k)));
}

/**
 * Runs any program (through the shell) with the image on stdin, as served (JPEG, PNG or GIF), its
 * type in CEAC_CAPTCHA_MIME, and takes the first non-empty line of its stdout as the answer: how
 * people plug in their own OCR model or a paid solving service.
 */
export class CommandSolver implements CaptchaSolver {
  readonly name = 'command';

  constructor(
    private readonly command: string,
    private readonly timeoutMs = 60_000,
  ) {
    if (!command.trim())
      throw new CaptchaSolverError('the captcha command is empty: use --captcha "command:<program>"');
  }

  solve(image: Buffer, ctx: SolveContext): Promise<string> {
    const mime = ctx.mime ?? sniffImageType(image) ?? 'image/png';
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, {
        shell: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...solverEnvironment(process.env), CEAC_CAPTCHA_ATTEMPT: String(ctx.attempt), CEAC_CAPTCHA_MIME: mime },
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new CaptchaSolverError(`the captcha command did not answer within ${Math.round(this.timeoutMs / 1000)} s`),
        );
      }, this.timeoutMs);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new CaptchaSolverError(`the captcha command could not be started: ${e.message}`));
      });
      // A program that answers without reading the image closes stdin early; that is its right.
      child.stdin.on('error', () => undefined);
      child.stdin.end(image);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code !== 0) {
          const firstLine = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
          reject(
            new CaptchaSolverError(`the captcha command exited with code ${code}${firstLine ? `: ${firstLine}` : ''}`),
          );
          return;
        }
        const line = Buffer.concat(out)
          .toString('utf8')
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l.length > 0);
        if (!line) {
          reject(new CaptchaSolverError('the captcha command printed nothing: it must print the code on stdout'));
          return;
        }
        resolve(normaliseAnswer(line));
      });
    });
  }
}
