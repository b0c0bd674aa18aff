import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { register as registerCheck } from '../src/cli/check.js';
import { register as registerSim } from '../src/cli/sim.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import { T0 } from './ceac-helpers.js';
import { runCli as run } from './support/cli.js';

const CODE = 'Q9W8E';
let sim: RunningSimulator;
const dropbox = [
  '--app',
  'NIV',
  '--location',
  'Mumbai',
  '--id',
  'AA00DBX221',
  '--passport',
  'Z4810023',
  '--surname',
  'Raghavan',
];

beforeAll(async () => {
  process.env.CEAC_REQUEST_INTERVAL_MS = '0';
  sim = await startSimulator({ captchaCode: CODE, now: () => T0 });
});
afterAll(() => sim.close());

describe('ceac check', () => {
  it('prints the explain JSON with the observation filled, exit 0', async () => {
    const r = await run(registerCheck, [
      'check',
      ...dropbox,
      '--base-url',
      sim.url,
      '--captcha',
      `command:echo ${CODE}`,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.observation).toMatchObject({ status: 'Refused', caseNumber: 'AA00DBX221' });
    expect(json.interpretation).toMatchObject({ state: 'refused', variant: 'refused_221g', finality: 'in_progress' });
    expect(json.check).toMatchObject({ attempts: 1, requests: 3 });
  });

  it('prints the decoded answer for people', async () => {
    const r = await run(registerCheck, [
      'check',
      ...dropbox,
      '--base-url',
      sim.url,
      '--captcha',
      `command:echo ${CODE}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Refused/);
    expect(r.out).toMatch(/What to do next/);
    expect(r.out).not.toContain('\u001b['); // no colours off a terminal
  });

  it('exit 1 with one clear line per failed outcome', async () => {
    const notFound = await run(registerCheck, [
      'check',
      ...dropbox.slice(0, 4),
      '--id',
      'AA00ZZZ999',
      '--base-url',
      sim.url,
      '--captcha',
      `command:echo ${CODE}`,
    ]);
    expect(notFound.code).toBe(1);
    expect(notFound.err).toMatch(/^error: CEAC found no case with these details/);
    sim.setFaults({ blocked: 1 });
    const blocked = await run(registerCheck, [
      'check',
      ...dropbox,
      '--base-url',
      sim.url,
      '--captcha',
      `command:echo ${CODE}`,
      '--json',
    ]);
    sim.setFaults({});
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.out)).toMatchObject({ ok: false, outcome: 'blocked', check: { requests: 1 } });
    expect(blocked.out).not.toMatch(/Z4810023|RAGHAVAN/i);
  });

  it('keeps an unrecognised page in a private file and says where', async () => {
    sim.setFaults({ layout: 1 });
    const r = await run(registerCheck, [
      'check',
      ...dropbox,
      '--base-url',
      sim.url,
      '--captcha',
      `command:echo ${CODE}`,
    ]);
    sim.setFaults({});
    expect(r.code).toBe(1);
    const file = /saved to (\S+)\)/.exec(r.err)?.[1];
    expect(file && existsSync(file)).toBe(true);
  });

  it.each([
    [['--app', 'NIV', '--location', 'BMB', '--id', 'AB12'], /--id: .*AA0020AKAX/],
    [['--app', 'NIV', '--id', 'AA00DBX221'], /--location: .*needs the location/],
    [['--app', 'XX', '--id', 'AA00DBX221'], /argument 'XX' is invalid\. use NIV .* or IV/],
    [
      ['--app', 'NIV', '--location', 'BMB', '--id', 'AA00DBX221', '--captcha', 'magic'],
      /unknown captcha solver "magic"/,
    ],
    [['--app', 'NIV', '--location', 'BMB', '--id', 'AA00DBX221'], /not a terminal: use --captcha "command:<program>"/],
    [
      ['--app', 'NIV', '--location', 'BMB', '--id', 'AA00DBX221', '--captcha', 'command:echo x', '--timeout', 'soon'],
      /--timeout must be/,
    ],
  ])('exit 2 on bad input %j', async (args, message) => {
    const r = await run(registerCheck, ['check', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('ceac sim', () => {
  it.each([
    [['--port', '70000'], /--port must be/],
    [['--speed', 'fast'], /--speed must be/],
    [['--faults', 'meteor=1'], /unknown fault kind "meteor"/],
    [['--captcha-code', 'no way'], /--captcha-code must be/],
    [['--scenario', '/nonexistent.json'], /cannot read scenario file/],
  ])('exit 2 on bad input %j', async (args, message) => {
    const r = await run(registerSim, ['sim', '--port', '0', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  const built = existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'index.js'));
  if (!built) console.warn('skipping the `ceac sim` process test: dist/ is not built (run npm run build)');
  it.skipIf(!built)('prints its URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/cli/index.js', 'sim', '--port', '0', '--faults', 'captcha=0.5'], {
      cwd: join(import.meta.dirname, '..'),
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && out.includes('Ctrl-C')) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited: ${out}`)));
    });
    expect(out).toMatch(/AA00DBX221/);
    const faults = await (await fetch(`${url}/__sim/faults`)).json();
    expect(faults).toEqual({ captcha: 0.5 });
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
