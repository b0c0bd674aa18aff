import { randomInt } from 'node:crypto';

import { PNG } from 'pngjs';

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

/**
 * Draws the code as a 200x50 PNG: scaled bitmap glyphs in dark colours with a small vertical
 * jitter, over a light background with speckle noise and two thin lines. Readable by a person,
 * and not trivially by a threshold. `random` is injectable so that tests can draw a fixed image.
 */
export function renderCaptchaPng(code: string, random: () => number = Math.random): Buffer {
  const png = new PNG({ width: CAPTCHA_WIDTH, height: CAPTCHA_HEIGHT, colorType: 2, inputHasAlpha: false });
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
  png.data = data;
  // Speed over size: the simulator draws one of these for every check of a benchmark.
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, deflateLevel: 1 });
}
