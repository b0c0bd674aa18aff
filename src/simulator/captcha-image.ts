import { randomInt } from 'node:crypto';

import { PNG } from 'pngjs';
import sharp from 'sharp';

import { glyph, GLYPH_HEIGHT, GLYPH_WIDTH } from './font.js';

export const CAPTCHA_WIDTH = 200;
export const CAPTCHA_HEIGHT = 50;
const CODE_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A random captcha code like BotDetect's: digits and upper-case letters. */
export function randomCaptchaCode(length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_CHARACTERS.charAt(randomInt(CODE_CHARACTERS.length));
  return s;
}

/** How the simulator serves the captcha image (BotDetect serves JPEG by default). */
export type CaptchaFormat = 'jpeg' | 'png';
export const CAPTCHA_FORMATS: readonly CaptchaFormat[] = ['jpeg', 'png'];

/** The image in the chosen format, with its content type. */
export async function renderCaptcha(
  code: string,
  format: CaptchaFormat,
  random: () => number = Math.random,
): Promise<{ body: Buffer; type: string }> {
  if (format === 'png') return { body: renderCaptchaPng(code, random), type: 'image/png' };
  return { body: await renderCaptchaJpeg(code, random), type: 'image/jpeg' };
}

/** The drawing as a baseline JPEG, encoded by libjpeg-turbo through sharp (quality 85, 4:2:0). */
export async function renderCaptchaJpeg(code: string, random: () => number = Math.random): Promise<Buffer> {
  return sharp(drawCaptcha(code, random), { raw: { width: CAPTCHA_WIDTH, height: CAPTCHA_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** The drawing as a PNG (`--captcha-format png`). */
export function renderCaptchaPng(code: string, random: () => number = Math.random): Buffer {
  const png = new PNG({ width: CAPTCHA_WIDTH, height: CAPTCHA_HEIGHT, colorType: 2, inputHasAlpha: false });
  png.data = drawCaptcha(code, random);
  // Speed over size: the simulator draws one of these for every check of a benchmark.
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, deflateLevel: 1 });
}

/**
 * Draws the code as 200x50 RGB pixels: scaled bitmap glyphs in dark colours with a small vertical
 * jitter, over a light background with speckle noise and two thin lines. Readable by a person,
 * and not trivially by a threshold. `random` is injectable so that tests can draw a fixed image.
 */
function drawCaptcha(code: string, random: () => number): Buffer {
  const data = Buffer.alloc(CAPTCHA_WIDTH * CAPTCHA_HEIGHT * 3);
  const set = (x: number, y: number, r: number, g: number, b: number) => {
    if (x < 0 || y < 0 || x >= CAPTCHA_WIDTH || y >= CAPTCHA_HEIGHT) return;
    const i = (y * CAPTCHA_WIDTH + x) * 3;
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  };
  for (let y = 0; y < CAPTCHA_HEIGHT; y++) {
    for (let x = 0; x < CAPTCHA_WIDTH; x++) {
      const shade = 225 + Math.floor(random() * 30);
      set(x, y, shade, shade, 240);
    }
  }
  const scale = 4;
  const advance = Math.min(32, Math.floor((CAPTCHA_WIDTH - 16) / Math.max(code.length, 1)));
  const startX = Math.floor((CAPTCHA_WIDTH - advance * code.length) / 2) + 4;
  for (let k = 0; k < code.length; k++) {
    const rows = glyph(code[k]!);
    const ox = startX + k * advance;
    const oy = Math.floor((CAPTCHA_HEIGHT - GLYPH_HEIGHT * scale) / 2) + Math.floor(random() * 7) - 3;
    const ink = [
      20 + Math.floor(random() * 60),
      20 + Math.floor(random() * 60),
      60 + Math.floor(random() * 80),
    ] as const;
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (!rows[gy]![gx]) continue;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) set(ox + gx * scale + dx, oy + gy * scale + dy, ...ink);
      }
    }
  }
  for (let i = 0; i < 250; i++) {
    const v = Math.floor(random() * 160);
    set(Math.floor(random() * CAPTCHA_WIDTH), Math.floor(random() * CAPTCHA_HEIGHT), v, v, v);
  }
  for (let line = 0; line < 2; line++) {
    let y = random() * CAPTCHA_HEIGHT;
    const slope = (random() - 0.5) * 0.4;
    for (let x = 0; x < CAPTCHA_WIDTH; x++, y += slope) set(x, Math.round(y), 90, 90, 120);
  }
  return data;
}

/**
 * BotDetect's "speak the code": a WAV (8 kHz, 8-bit mono) with one tone per character, its pitch
 * telling the character (a stand-in for the spoken letters, which we do not ship).
 */
export function renderCaptchaWav(code: string): Buffer {
  const rate = 8000;
  const tone = Math.round(rate * 0.3);
  const gap = Math.round(rate * 0.15);
  const samples = Buffer.alloc(code.length * (tone + gap), 128);
  for (let k = 0; k < code.length; k++) {
    const hz = 300 + 25 * Math.max(0, CODE_CHARACTERS.indexOf(code[k]!));
    for (let i = 0; i < tone; i++)
      samples[k * (tone + gap) + i] = 128 + Math.round(90 * Math.sin((2 * Math.PI * hz * i) / rate));
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}
