import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { register as registerCheck } from '../src/cli/check.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import { T0 } from './ceac-helpers.js';
import { runCli as run } from './support/cli.js';
import { chromiumOrSkip } from './support/requirements.js';

/*
 * The "done when", through `ceac check` itself: plain HTTP meets Cloudflare's challenge and
 * says so (outcome challenge, exit 1); the browser and auto transports pass it and read the status;
 * a command: solver receives the JPEG the default simulator serves.
 */
const CODE = 'H7J3K';
const CHROMIUM = chromiumOrSkip('ceac check --transport browser|auto');
const dropbox = [
  '--app',
  'NIV',
  '--location',
  'BMB',
  '--id',
  'AA00DBX221',
  '--passport',
  'Z4810023',
  '--surname',
  'Raghavan',
];
const dir = mkdtempSync(join(tmpdir(), 'ceac-transport-'));

let sim: RunningSimulator;
let plain: RunningSimulator;
beforeAll(async () => {
  process.env.CEAC_REQUEST_INTERVAL_MS = '0';
  process.env.CEAC_WATCH_DATA = dir;
  if (CHROMIUM) process.env.CEAC_BROWSER = CHROMIUM;
  sim = await startSimulator({ captchaCode: CODE, now: () => T0, challenge: true });
  plain = await startSimulator({ captchaCode: CODE, now: () => T0 });
});
afterAll(async () => {
  await sim.close();
  await plain.close();
});

const check = (url: string, transport: string, captcha = `command:echo ${CODE}`) =>
  run(registerCheck, [
    'check',
    ...dropbox,
    '--base-url',
    url,
    '--captcha',
    captcha,
    '--transport',
    transport,
    '--json',
  ]);

describe('ceac check and the Cloudflare challenge', { timeout: 120_000 }, () => {
  it('--transport http: outcome challenge, exit 1, a message with the remedy, no retries', async () => {
    const before = sim.stats().challenge ?? 0;
    const r = await check(sim.url, 'http');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, outcome: 'challenge' });
    expect(String(r.json().message)).toMatch(/install Chromium.*CEAC_BROWSER.*home connection/);
    expect((sim.stats().challenge ?? 0) - before).toBe(1);
  });

  it.skipIf(!CHROMIUM)('--transport browser passes the challenge and reads the status', async () => {
    const r = await check(sim.url, 'browser');
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ observation: { status: 'Refused', caseNumber: 'AA00DBX221' } });
  });

  it.skipIf(!CHROMIUM)('--transport auto: HTTP meets the challenge, the browser reads the status', async () => {
    const r = await check(sim.url, 'auto');
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ observation: { status: 'Refused' } });
  });

  it('a command: solver gets the JPEG on stdin and CEAC_CAPTCHA_MIME', async () => {
    const out = join(dir, 'captcha.bin');
    const mime = join(dir, 'captcha.mime');
    const r = await check(
      plain.url,
      'http',
      `command:cat > ${out}; printf %s "$CEAC_CAPTCHA_MIME" > ${mime}; echo ${CODE}`,
    );
    expect(r.code, r.err).toBe(0);
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(readFileSync(mime, 'utf8')).toBe('image/jpeg');
  });
});
