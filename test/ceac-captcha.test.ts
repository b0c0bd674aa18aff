import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import {
  CaptchaSolverError,
  CommandSolver,
  inlineImage,
  inlineImageProtocol,
  PromptSolver,
  solverFromSpec,
} from '../src/captcha/index.js';
import { renderCaptchaPng } from '../src/simulator/index.js';

const png = renderCaptchaPng('AB12C');

describe('command solver', () => {
  it('passes the PNG on stdin and reads the first line of stdout, upper-cased', async () => {
    // The program answers with the size of what it read: proof that the whole image arrived.
    const solver = await solverFromSpec(`command:wc -c | tr -d ' '; echo ignored`);
    expect(await solver.solve(png, { attempt: 1 })).toBe(String(png.length));
    const echo = await solverFromSpec('command: echo " ab 12c "');
    expect(await echo.solve(png, { attempt: 1 })).toBe('AB12C');
  });

  it('keeps our secrets from the program', async () => {
    process.env.CEAC_WATCH_SECRET = 'do-not-leak';
    try {
      const solver = new CommandSolver('echo "x${CEAC_WATCH_SECRET}x"');
      expect(await solver.solve(png, { attempt: 1 })).toBe('XX');
    } finally {
      delete process.env.CEAC_WATCH_SECRET;
    }
  });

  it('tells the program which attempt this is', async () => {
    const solver = new CommandSolver('echo try$CEAC_CAPTCHA_ATTEMPT');
    expect(await solver.solve(png, { attempt: 3 })).toBe('TRY3');
  });

  it.each([
    ['exit 3', /exited with code 3/],
    ['echo "model missing" >&2; exit 1', /exited with code 1: model missing/],
    ['true', /printed nothing/],
  ])('fails clearly when the program does: %s', async (cmd, message) => {
    const solver = new CommandSolver(cmd);
    await expect(solver.solve(png, { attempt: 1 })).rejects.toThrow(CaptchaSolverError);
    await expect(solver.solve(png, { attempt: 1 })).rejects.toThrow(message);
  });

  it('gives up on a program that hangs', async () => {
    const solver = new CommandSolver('sleep 5', 200);
    await expect(solver.solve(png, { attempt: 1 })).rejects.toThrow(/did not answer within/);
  });
});

describe('solver specs', () => {
  it.each([
    ['ocr', /unknown captcha solver "ocr": use prompt \| command:<program> \| onnx:<model.onnx>/],
    ['command:', /needs a program/],
    ['onnx:', /needs a model file/],
  ])('refuses %s with the accepted forms', async (spec, message) => {
    await expect(solverFromSpec(spec)).rejects.toThrow(message);
  });
  it('builds the prompt solver', async () => {
    expect((await solverFromSpec('prompt')).name).toBe('prompt');
  });
});

describe('prompt solver', () => {
  function terminal(answer: string, env: NodeJS.ProcessEnv = {}) {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString('utf8')));
    setTimeout(() => input.write(`${answer}\n`), 20);
    return { solver: new PromptSolver({ input, output, env }), shown: () => shown };
  }

  it('saves the image, asks on the terminal and returns the typed code', async () => {
    const t = terminal(' ab12c ');
    expect(await t.solver.solve(png, { attempt: 1 })).toBe('AB12C');
    const file = /saved to (\S+)/.exec(t.shown())![1]!;
    expect(readFileSync(file).equals(png)).toBe(true);
    expect(t.shown()).toContain('Type the code');
  });

  it('draws the image inline in kitty and iTerm2', async () => {
    const kitty = terminal('X', { TERM: 'xterm-kitty' });
    await kitty.solver.solve(png, { attempt: 2 });
    expect(kitty.shown()).toContain('\x1b_Gf=100,a=T');
    expect(kitty.shown()).toContain('was not accepted');
    expect(inlineImageProtocol({ TERM_PROGRAM: 'iTerm.app' })).toBe('iterm2');
    expect(inlineImage(png, 'iterm2')).toContain(`\x1b]1337;File=inline=1;size=${png.length}`);
    expect(inlineImage(png, null)).toBe('');
    // Kitty takes the payload in chunks of at most 4096 bytes.
    const chunks = inlineImage(png, 'kitty')
      .split('\x1b\\')
      .filter((c) => c.includes(';'));
    for (const c of chunks) expect(c.slice(c.indexOf(';') + 1).length).toBeLessThanOrEqual(4096);
  });

  it('refuses to ask when there is no terminal', async () => {
    const solver = new PromptSolver({ input: new PassThrough(), output: new PassThrough(), env: {} });
    expect(solver.interactive).toBe(false);
    await expect(solver.solve(png, { attempt: 1 })).rejects.toThrow(/needs a terminal.*command:/);
  });
});
