/**
 * `ceac explain` as a person runs it: a real process, stdin, files, exit codes, and the exact JSON shape.
 * Runs the compiled CLI (bin/ceac -> dist/), which `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/ceac');
const built = existsSync(join(root, 'dist/cli/explain.js'));
if (!built) console.warn('explain-cli tests skipped: dist/ is missing; run `npm run build` (npm test does it) first');

const SEED = `U.S. Department of State
Application ID or Case Number: ***********
Case Created: 28-Jul-2022
Case Last Updated: 05-Aug-2022

A U.S. consular officer has adjudicated and refused your visa application. Please follow any
instructions provided by the consular officer. If you were informed by the consular officer that
your case was refused for administrative processing, your case will remain refused while
undergoing such processing. You will receive another adjudication once such processing is
complete. Please be advised that the processing time varies and that you will be contacted if
additional information is needed. For more information, please visit TRAVEL.STATE.GOV or the
website for the Embassy or Consulate at which you made your visa application.
For more information, please visit U.S. Consulate General Vancouver.
`;

function ceac(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ceac-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('ceac explain (process)', () => {
  it('decodes the seed paste from stdin in readable text, without colour off a terminal', () => {
    const r = ceac(['explain'], SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Refused \(221\(g\) administrative processing\): not a final refusal/);
    expect(r.stdout).toMatch(/Post\s+U\.S\. Consulate General Vancouver/);
    expect(r.stdout).toMatch(/Case created\s+2022-07-28/);
    expect(r.stdout).toMatch(/What to do next/);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('prints exactly the example the README shows', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const at = readme.indexOf('Example, the long "Refused" text pasted');
    expect(at).toBeGreaterThan(0);
    const example = /```\n([\s\S]*?)```/.exec(readme.slice(at))![1];
    expect(ceac(['explain'], SEED).stdout).toBe(example);
  });

  it('--json prints exactly the documented shape', () => {
    const r = ceac(['explain', '--json'], SEED);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['interpretation', 'observation']);
    expect(Object.keys(out.observation).sort()).toEqual([
      'caseCreated',
      'caseLastUpdated',
      'caseNumber',
      'message',
      'post',
      'status',
    ]);
    for (const key of ['state', 'variant', 'finality', 'confidence', 'headline', 'meaning', 'nextSteps', 'watchFor']) {
      expect(out.interpretation).toHaveProperty(key);
    }
    expect(out.observation).toMatchObject({
      status: 'Refused',
      caseNumber: null,
      caseCreated: '2022-07-28',
      caseLastUpdated: '2022-08-05',
      post: 'U.S. Consulate General Vancouver',
    });
    expect(out.observation.message).toMatch(/^A U\.S\. consular officer .* at which you made your visa application\.$/);
    expect(out.interpretation).toMatchObject({
      state: 'refused',
      variant: 'refused_221g',
      finality: 'in_progress',
      confidence: 0.9,
    });
    expect(Array.isArray(out.interpretation.nextSteps) && out.interpretation.nextSteps.length > 0).toBe(true);
  });

  it('takes TEXT arguments, joined', () => {
    const out = JSON.parse(ceac(['explain', '--json', 'Administrative', 'Processing']).stdout);
    expect(out.interpretation.state).toBe('administrative_processing');
  });

  it('reads --file and --html', () => {
    const file = join(dir, 'status.txt');
    writeFileSync(file, SEED);
    expect(JSON.parse(ceac(['explain', '--json', '--file', file]).stdout).interpretation.variant).toBe('refused_221g');
    const delta = join(root, 'src/decode/fixtures/delta-refused-221g.txt');
    const out = JSON.parse(ceac(['explain', '--json', '--html', delta]).stdout);
    expect(out.observation).toMatchObject({
      status: 'Refused',
      caseNumber: 'AA00ABCD12',
      post: 'U.S. Consulate General Mumbai',
    });
    const form = ceac(['explain', '--html', join(root, 'src/decode/fixtures/page-form.html')]);
    expect(form.code).toBe(0);
    expect(form.stdout).toMatch(/empty CEAC status form/);
  });

  it('context flags change the answer', () => {
    const plain = JSON.parse(ceac(['explain', '--json'], SEED).stdout).interpretation;
    const dropbox = JSON.parse(
      ceac(['explain', '--json', '--route', 'dropbox', '--since', '2022-08-05', '--today', '2022-12-01'], SEED).stdout,
    ).interpretation;
    expect(dropbox.nextSteps[0]).toMatch(/1-2 weeks/);
    expect(dropbox.meaning).toMatch(/118 days, past the 60 days/);
    expect(plain.nextSteps[0]).not.toMatch(/1-2 weeks/);
    const letter =
      'A U.S. consular officer has adjudicated and refused your visa application. Please see the letter you received at the interview.';
    expect(JSON.parse(ceac(['explain', '--json', '--officer', 'refused', letter]).stdout).interpretation.finality).toBe(
      'final_negative',
    );
    expect(
      JSON.parse(
        ceac(['explain', '--json', '--slip', 'white', '--passport', 'kept', '--previous', 'Approved', letter]).stdout,
      ).interpretation.finality,
    ).toBe('in_progress');
  });

  it('answers unknown input with exit 0 and says what was not recognised', () => {
    const r = ceac(['explain', '--json', 'my', 'visa', 'is', 'stuck']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.interpretation.state).toBe('unknown');
    expect(out.interpretation.notes.join(' ')).toMatch(/my visa is stuck/);
  });

  it.each([
    ['empty stdin', [], '', /input is empty/],
    ['blank stdin', [], ' \n\t\n', /input is empty/],
    ['a bad --route', ['--route', 'walk-in', 'Refused'], undefined, /--route.*Allowed choices are dropbox, interview/],
    ['a bad --slip', ['--slip', 'purple', 'Refused'], undefined, /Allowed choices are white, pink/],
    [
      'a bad --officer',
      ['--officer', 'maybe', 'Refused'],
      undefined,
      /Allowed choices are approved, refused, 221g, none/,
    ],
    ['a bad --passport', ['--passport', 'lost', 'Refused'], undefined, /Allowed choices are kept, returned/],
    [
      'a bad --since',
      ['--since', 'yesterday', 'Refused'],
      undefined,
      /--since "yesterday" is not a date; use YYYY-MM-DD/,
    ],
    ['an impossible --since', ['--since', '2025-02-30', 'Refused'], undefined, /is not a date/],
    ['a future --since', ['--since', '2099-01-01', 'Refused'], undefined, /is after today/],
    [
      'a bad --previous',
      ['--previous', 'Sleeping', 'Refused'],
      undefined,
      /--previous "Sleeping" is not a CEAC status; use one of/,
    ],
    [
      'a missing --file',
      ['--file', '/nonexistent/status.txt'],
      undefined,
      /--file \/nonexistent\/status.txt: no such file/,
    ],
    ['a directory as --html', ['--html', '/tmp'], undefined, /is a directory/],
    ['TEXT and --file together', ['--file', '/etc/hostname', 'Refused'], undefined, /one way only/],
    ['an unknown flag', ['--colour', 'Refused'], undefined, /unknown option '--colour'/],
  ])('exits 2 with a clear error for %s', (_name, args, input, message) => {
    const r = ceac(['explain', ...args], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^error: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps cheerio out of the paste path (cold start) and of plain pages, and loads it for pages the scanner cannot read', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { explain } = await import(${JSON.stringify(join(root, 'dist/decode/index.js'))});
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => k.includes('/node_modules/cheerio/'));
      explain('Refused');
      const afterPaste = loaded();
      const plain = explain('<span id="ctl00_ContentPlaceHolder1_ucApplicationStatusView_lblStatus">Issued</span>');
      const afterPlainPage = loaded();
      const marked = explain('<span id="ctl00_ContentPlaceHolder1_ucApplicationStatusView_lblStatus"><b>Issued</b></span>');
      console.log(JSON.stringify({ afterPaste, afterPlainPage, afterMarkedPage: loaded(), statuses: [plain.observation.status, marked.observation.status] }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      afterPaste: false,
      afterPlainPage: false,
      afterMarkedPage: true,
      statuses: ['Issued', 'Issued'],
    });
  });

  it('without a command shows the commands on stderr and exits 2 (a usage error); --help exits 0', () => {
    for (const args of [[], ['case'], ['notify']]) {
      const r = ceac(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(args.length ? /add|list|show|test/ : /Usage: ceac/);
    }
    const all = ceac(['--help']);
    expect(all.code).toBe(0);
    for (const command of ['explain', 'check', 'case', 'watch', 'serve', 'stats'])
      expect(all.stdout).toContain(command);
  });

  it('--help lists every flag and exits 0', () => {
    const r = ceac(['explain', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--file',
      '--html',
      '--json',
      '--route',
      '--slip',
      '--officer',
      '--passport',
      '--since',
      '--previous',
    ])
      expect(r.stdout).toContain(flag);
  });

  it('binary junk and a 1 MB paste still give valid JSON', () => {
    const junk = join(dir, 'junk.bin');
    const bytes = Buffer.alloc(256 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    writeFileSync(junk, bytes);
    const a = ceac(['explain', '--json', '--file', junk]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).interpretation.state).toBe('unknown');

    const big = SEED.repeat(Math.ceil((1024 * 1024) / SEED.length));
    const b = ceac(['explain', '--json'], big);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).interpretation.variant).toBe('refused_221g');
  });
});
