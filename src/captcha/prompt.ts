import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';

import sharp from 'sharp';

import { imageExtension, sniffImageType } from './image.js';
import { type CaptchaSolver, CaptchaSolverError, normaliseAnswer, type SolveContext } from './solver.js';

export interface PromptIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the question and the inline image go (stderr, so that --json output stays clean). */
  output: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** Which inline-image protocol the terminal speaks, from the variables these terminals set. */
export function inlineImageProtocol(env: NodeJS.ProcessEnv): 'kitty' | 'iterm2' | null {
  if (env.KITTY_WINDOW_ID || env.TERM === 'xterm-kitty' || env.TERM_PROGRAM === 'ghostty') return 'kitty';
  if (env.TERM_PROGRAM === 'iTerm.app' || env.TERM_PROGRAM === 'WezTerm' || env.LC_TERMINAL === 'iTerm2')
    return 'iterm2';
  return null;
}

/**
 * The escape sequence that draws an image inline, or '' when the terminal cannot. iTerm2 reads any
 * format; kitty's f=100 is PNG only, so other formats are converted first (`png`).
 */
export function inlineImage(image: Buffer, protocol: 'kitty' | 'iterm2' | null, png: Buffer = image): string {
  if (protocol === 'iterm2')
    return `\x1b]1337;File=inline=1;size=${image.length};preserveAspectRatio=1:${image.toString('base64')}\x07\n`;
  const b64 = png.toString('base64');
  if (protocol === 'kitty') {
    // The kitty graphics protocol takes the payload in chunks of at most 4096 bytes.
    let out = '';
    for (let i = 0; i < b64.length; i += 4096) {
      const chunk = b64.slice(i, i + 4096);
      const more = i + 4096 < b64.length ? 1 : 0;
      out += i === 0 ? `\x1b_Gf=100,a=T,m=${more};${chunk}\x1b\\` : `\x1b_Gm=${more};${chunk}\x1b\\`;
    }
    return out + '\n';
  }
  return '';
}

/** A person reads the captcha: the image is saved to a file (and drawn inline where possible). */
export class PromptSolver implements CaptchaSolver {
  readonly name = 'prompt';
  private dir: string | undefined;

  constructor(private readonly io: PromptIo = { input: process.stdin, output: process.stderr, env: process.env }) {}

  /** True when there is a person at a terminal to ask. */
  get interactive(): boolean {
    return Boolean(this.io.input.isTTY);
  }

  async solve(image: Buffer, ctx: SolveContext): Promise<string> {
    if (!this.interactive) {
      throw new CaptchaSolverError(
        'the prompt captcha solver needs a terminal, and stdin is not one; ' +
          'in scripts use --captcha "command:<program that prints the code>" or --captcha "onnx:<model.onnx>"',
      );
    }
    this.dir ??= mkdtempSync(join(tmpdir(), 'ceac-captcha-'));
    const mime = ctx.mime ?? sniffImageType(image) ?? 'image/png';
    const file = join(this.dir, `captcha-${ctx.attempt}.${imageExtension(mime)}`);
    writeFileSync(file, image, { mode: 0o600 });
    const protocol = inlineImageProtocol(this.io.env);
    const png =
      protocol === 'kitty' && mime !== 'image/png' ? await sharp(image, { pages: 1 }).png().toBuffer() : image;
    this.io.output.write(inlineImage(image, protocol, png));
    this.io.output.write(`Captcha image saved to ${file}\n`);
    const rl = createInterface({ input: this.io.input, output: this.io.output, terminal: true });
    try {
      const again = ctx.attempt > 1 ? ' (the last one was not accepted)' : '';
      const answer = normaliseAnswer(await rl.question(`Type the code shown in the image${again}: `));
      if (!answer) throw new CaptchaSolverError('no captcha code was typed');
      return answer;
    } finally {
      rl.close();
    }
  }
}
