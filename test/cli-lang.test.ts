// Every word the CLI prints for people comes from a catalogue. Each command runs as a person runs it (the compiled
// CLI in a subprocess, a fresh SQLite file, the simulator as CEAC, a local webhook) with a pseudo-localised
// catalogue: every message wrapped in ⟦…⟧. Whatever is left on an output line once the brackets, the run's own data
// and the allowlist below are taken out must hold no word. Then the same commands really in Chinese and Spanish.
//
// How the pseudo language reaches the subprocess: CEAC_PSEUDO_LOCALISE=1, honoured only when NODE_ENV=test
// (src/cli/i18n.ts). It is no language: `--lang` and LC_ALL/LANG can never select it, so no user meets it, and it
// needs no catalogue file shipped next to the real ones (a catalogue-directory override would let anyone point the
// CLI at files that are not ours).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { STATUS_TEXTS } from '../src/knowledge/statuses.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import { type HttpReceiver, startHttpReceiver } from './notify-receivers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/index.js');
const CODE = 'PSE42';
const PASSPORT = 'Z4810023';
const SURNAME = 'RAGHAVAN';

/** Builds dist/ when the CLI or the catalogues changed since the last build (the test runs the compiled CLI). */
function ensureBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  const built = join(ROOT, 'dist/cli/i18n.js');
  if (
    existsSync(built) &&
    statSync(built).mtimeMs >= Math.max(newest(join(ROOT, 'src/cli')), newest(join(ROOT, 'src/i18n')))
  )
    return;
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
    {
      stdio: 'ignore',
    },
  );
  if (!existsSync(built)) throw new Error('npm run build did not produce dist/cli/i18n.js');
}

interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Allowed outside a catalogue message, each for a reason. Data: what the person typed or the program stores
 * (ids, codes, paths, URLs, migration names), CEAC's own words (shown verbatim in English in every language), stable
 * ids (event kinds, variants, check outcomes: the same in JSON and in every language), flags and environment
 * variables (typed as they are in every language), and what Intl writes for a date in the pseudo language (English).
 */
/** Where in ALLOWED the run's data is taken out. */
const DATA = /(?!)/g;

const ALLOWED: readonly RegExp[] = [
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}, \d{1,2}:\d{2}[\s\u202f]?[AP]M UTC/g, // Intl
  /\b\d{2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{4}\b/g, // CEAC's own dates (Case Last Updated)
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s)]+/gi, // URLs (channels, the simulator, the web app)
  /(?<![\w⟧])\/[\w./-]+/g, // file paths (the data directory, saved pages)
  /\b\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-[\w-]+/g, // migration names
  /\((?:webhook|ntfy|email|telegram)\)/g, // a channel's kind, as in its URL scheme
  /“[^”]*”/g, // the words of a post, quoted as the person wrote them (ceac import text)
  /^ {2}\d{4}-\d{2}-\d{2} {2}[a-z_0-9]+(?: [a-z]+)?/gm, // a post's event: kind and status/colour ids, as in JSON
  /\((?:[A-Z0-9-]+, )?(?:[A-Z]{3}, )?(?:dropbox|interview)\)/g, // a post's visa class, post and route ids
  DATA, // the run's data (see dataWords), taken out here: after paths, before the word-shaped rules below
  /--[a-z][a-z-]*/g, // flags
  /\b[a-z]+(?:_[a-z0-9]+)+\b|\bok\b/g, // stable ids: event kinds, variants, check outcomes
  /\b[A-Z][A-Z0-9_]+\b/g, // upper-case codes: NIV, IV, location codes, environment variables
];

/**
 * Words that reach the CLI in English from lower layers that do not speak languages yet (their messages are
 * English text, some of it stored in the database). Each is a known gap, listed in the report of the work that
 * added this test; remove an entry when its layer gives message keys instead of text.
 */
const NOT_YET_TRANSLATED: readonly RegExp[] = [
  // src/notify/channel-store.ts: what is wrong with a channel URL.
  /^ {2}url: [^\n]*/gm,
];

/** The output with every bracketed message taken out (keeping its line breaks), then data and allowed words. */
function leftover(output: string, data: readonly string[]): string[] {
  let rest = output;
  for (const pattern of NOT_YET_TRANSLATED) rest = rest.replace(pattern, ' ');
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, (m) => ' ' + '\n'.repeat(m.split('\n').length - 1));
  }
  for (const pattern of ALLOWED) {
    if (pattern === DATA) for (const d of data) rest = rest.split(d).join(' ');
    else rest = rest.replace(pattern, ' ');
  }
  return rest.split('\n').map((line) => (line.match(/[A-Za-z]{2,}/g) ?? []).join(' '));
}

/** CEAC's words and what this run typed or stored: allowed wherever they appear, longest first. */
function dataWords(extra: readonly string[]): string[] {
  const ceac = STATUS_TEXTS.flatMap((t) => [t.status, ...(t.text ? [t.text] : [])]);
  return [...new Set([...ceac, ...extra])].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
}

describe.skipIf(process.platform === 'win32')('every CLI command, pseudo-localised', () => {
  let sim: RunningSimulator;
  let http: HttpReceiver;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const runs: Run[] = [];

  /** Runs the compiled CLI to its end (or, with `until`, until a line matches, then stops it with SIGTERM). */
  function ceac(args: string[], options: { input?: string; until?: RegExp; extraEnv?: NodeJS.ProcessEnv } = {}) {
    return new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...env, ...options.extraEnv },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let stopping = false;
      const watchFor = () => {
        if (!stopping && options.until && options.until.test(stdout + stderr)) {
          stopping = true;
          // Give the command a moment to print what follows the line, then stop it as Ctrl-C would.
          setTimeout(() => child.kill('SIGTERM'), 300);
        }
      };
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        watchFor();
      });
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        watchFor();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        const run = { args, code, stdout, stderr };
        runs.push(run);
        resolve(run);
      });
      child.stdin.end(options.input ?? '');
    });
  }

  beforeAll(async () => {
    ensureBuilt();
    sim = await startSimulator({ captchaCode: CODE });
    http = await startHttpReceiver();
    dir = mkdtempSync(join(tmpdir(), 'ceac-cli-lang-'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      CEAC_PSEUDO_LOCALISE: '1',
      CEAC_WATCH_DATA: dir,
      CEAC_WATCH_CONFIG: join(dir, 'none.json'),
      CEAC_BASE_URL: sim.url,
      CEAC_REQUEST_INTERVAL_MS: '0',
      CEAC_CAPTCHA: `command:echo ${CODE}`,
      CEAC_WATCH_ALLOW_PRIVATE_TARGETS: '1',
      // Logs are for operators (JSON lines, English by design), not the human output under test.
      LOG_LEVEL: 'silent',
      NO_COLOR: '1',
    };
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
    await http?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs every command and prints nothing outside a catalogue message but data', async () => {
    const checkee = join(dir, 'checkee.csv');
    const rows = Array.from({ length: 14 }, (_, i) => {
      const day = String(1 + i).padStart(2, '0');
      const done = i % 3 === 2 ? ',Pending,2026-01-' + day + ',' : ',Clear,2026-01-' + day + ',2026-02-' + day;
      return `n${i},F1,New,BeiJing${done}`;
    });
    writeFileSync(
      checkee,
      ['nickname,visa_type,visa_entry,consulate,status,check_date,complete_date', ...rows, 'bad,F1'].join('\n') + '\n',
    );
    const post = join(dir, 'post.txt');
    writeFileSync(
      post,
      'F1 Beijing dropbox. Oct 21- Refused, Oct 27- passport back with 221g (white), Nov 01- Issued\n---\nHow long?\n',
    );
    const page = join(dir, 'status.html');
    writeFileSync(
      page,
      '<html><body><span id="ctl00_ContentPlaceHolder1_ucApplicationStatusView_lblStatus">Issued</span></body></html>',
    );
    const hook = `json://127.0.0.1:${http.port}/hook`;

    // The database and its cases.
    await ceac(['migrate']);
    await ceac(['migrate']);
    await ceac(['case', 'list']);
    await ceac(
      [
        'case',
        'add',
        '--app',
        'NIV',
        '--location',
        'BMB',
        '--id',
        'AA00DBX221',
        '--passport',
        '-',
        '--surname',
        '-',
        '--label',
        'mum',
        '--group',
        'family',
        '--route',
        'dropbox',
      ],
      { input: `${PASSPORT}\n${SURNAME}\n` },
    );
    await ceac([
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'BMB',
      '--id',
      'AA00DBX221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
    ]);
    await ceac(['case', 'add', '--app', 'XX', '--id', 'AA00DBX221']);
    await ceac(['case', 'add', '--app', 'NIV', '--location', 'Atlantis', '--id', 'XX12']);
    await ceac(['case', 'list']);
    await ceac(['case', 'show', '1']);
    await ceac(['case', 'check', '1']);
    await ceac(['case', 'edit', '1', '--slip-date', '2026-01-05', '--visa-class', 'H1B', '--share']);
    await ceac(['case', 'edit', '1', '--pause', '--resume']);
    await ceac(['case', 'edit', '1']);
    await ceac(['case', 'show', '1']);
    await ceac(['case', 'history', '1']);
    await ceac(['case', 'show', '42']);
    await ceac(['case', 'show', 'one']);
    await ceac(['case']);
    await ceac(['watch', '--once']);
    await ceac(['watch', '--once', '--batch', '0']);
    await ceac(['worker']);

    // A check on CEAC (the simulator) without the database, and one that finds nothing.
    const query = [
      '--app',
      'NIV',
      '--location',
      'BMB',
      '--id',
      'AA00DBX221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
    ];
    await ceac(['check', ...query, '--captcha', `command:echo ${CODE}`]);
    await ceac([
      'check',
      ...query.slice(0, 6),
      '--passport',
      'Z0000000',
      '--surname',
      'NOBODY',
      '--captcha',
      `command:echo ${CODE}`,
    ]);
    await ceac(['check', ...query, '--timeout', '5']);
    await ceac(['check', '--app', 'XX', '--id', 'AA00DBX221']);

    // explain, with its usage errors.
    await ceac(['explain', 'Refused']);
    await ceac(['explain', '--html', page]);
    await ceac(['explain', '--since', 'yesterday', 'Refused']);
    await ceac(['explain', '--file', join(dir, 'nope.txt')]);
    await ceac(['explain', '--file', post, 'Refused']);
    await ceac(['explain', '--html', dir]);
    await ceac(['explain', '--previous', 'Sleeping', 'Refused']);
    await ceac(['explain', '--lang', 'xx', 'Refused']);

    // Notification channels.
    await ceac(['notify', 'list']);
    await ceac(['notify', 'add', hook, '--name', 'hook', '--quiet', '23:00-06:00', '--digest', '--tz', 'Asia/Kolkata']);
    await ceac(['notify', 'add', 'ntfy://bad%20topic!']);
    await ceac(['notify', 'list']);
    await ceac(['notify', 'test', 'hook']);
    await ceac(['notify', 'test', 'nope']);
    await ceac(['notify', 'flush']);
    await ceac(['notify', 'log']);
    await ceac(['notify', 'log', '--failed', '--pending']);
    await ceac(['notify', 'log', '--limit', '0']);
    await ceac(['notify', 'remove', 'nope']);
    await ceac(['notify', 'remove', 'hook']);
    await ceac(['notify', 'log', '--failed']);
    await ceac(['case', 'remove', '1']);

    // Crowd timelines, statistics, predictions.
    await ceac(['import', 'checkee', checkee, '--as-of', '2026-03-01']);
    await ceac(['import', 'checkee', join(dir, 'nope.csv')]);
    await ceac(['import', 'text', post, '--posted', '2025-11-10']);
    await ceac(['import', 'text', post, '--posted', '2025-11-10', '--save']);
    await ceac(['import', 'text', '-'], { input: 'nothing dated here\n' });
    await ceac(['stats', '--visa', 'F1']);
    await ceac([
      'stats',
      '--visa',
      'F1',
      '--post',
      'BEJ',
      '--entry',
      'new',
      '--route',
      'dropbox',
      '--from',
      '2025-01',
      '--to',
      '2026-12',
    ]);
    await ceac(['stats', '--from', '2026-13']);
    await ceac(['predict', '--visa', 'F1', '--waited', '10']);
    await ceac(['predict', '--visa', 'F1', '--waited', 'ten']);

    // Long-running commands: started, read, stopped as Ctrl-C would.
    await ceac(['sim', '--port', '0', '--captcha-code', 'ABC12'], { until: /Ctrl-C/ });
    await ceac(['sim', '--port', 'x']);
    await ceac(['serve', '--port', '0', '--host', '127.0.0.1'], { until: /data: |⟦data/ });
    await ceac(['serve', '--port', 'x']);

    // Usage errors that commander finds.
    await ceac(['case', 'add', '--id', 'AA00DBX221']);
    await ceac(['case', 'add', '--app', 'NIV', '--id', 'AA00DBX221', '--route', 'walk-in']);
    await ceac(['case', 'show']);
    await ceac(['case', 'show', '1', '2']);
    await ceac(['case', 'show', '1', '--jsn']);
    await ceac(['case', 'lst']);
    await ceac(['explain', '--file']);

    const data = dataWords([
      // The simulator's scenario: its case labels are data of the scenario file.
      ...sim.cases().flatMap((c) => [c.id, ...(c.label ? [c.label] : [])]),
      dir,
      CODE,
      'ABC12',
      'AA00DBX221',
      'mum',
      'family',
      'hook',
      'Asia/Kolkata',
      'ntfy://bad%20topic!',
      'Atlantis',
      'XX12',
      'Sleeping',
      'yesterday',
      'ten',
      'walk-in',
      'jsn',
      'lst',
      'xx',
      'one',
      'nope',
      'checkee.csv',
      'post.txt',
      '--jsn',
      'stdin',
    ]);
    const problems: string[] = [];
    for (const run of runs) {
      for (const [stream, text] of [
        ['stdout', run.stdout],
        ['stderr', run.stderr],
      ] as const) {
        const lines = text.split('\n');
        leftover(text, data).forEach((left, i) => {
          if (left)
            problems.push(`ceac ${run.args.join(' ')} (${stream}): ${JSON.stringify(left)} in\n    ${lines[i]}`);
        });
      }
    }
    expect(problems.join('\n')).toBe('');
    // Every run printed something for people, in brackets: no command was silently skipped.
    const silent = runs.filter((r) => !(r.stdout + r.stderr).includes('⟦'));
    expect(silent.map((r) => r.args.join(' '))).toEqual([]);
    expect(runs.length).toBeGreaterThan(60);
  }, 600_000);
});

describe('the CLI in Chinese and Spanish', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...extra }, encoding: 'utf8', timeout: 60_000 });

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'ceac-cli-lang-real-'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CEAC_WATCH_DATA: dir,
      CEAC_WATCH_CONFIG: join(dir, 'none.json'),
      LOG_LEVEL: 'silent',
      NO_COLOR: '1',
    };
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes --lang on any command, before or after it, and LC_ALL / LC_MESSAGES / LANG without it', () => {
    expect(run(['case', 'list', '--lang', 'zh-CN']).stdout).toMatch(/^还没有案例：用 `ceac case add/);
    expect(run(['--lang=es', 'case', 'list']).stdout).toMatch(/^todavía no hay casos: añada uno/);
    expect(run(['case', 'list'], { LANG: 'zh_CN.UTF-8' }).stdout).toMatch(/^还没有案例/);
    expect(run(['case', 'list'], { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'es_MX.UTF-8' }).stdout).toMatch(/^todavía/);
    expect(run(['case', 'list'], { LANG: 'es_ES.UTF-8', LC_ALL: 'C' }).stdout).toMatch(/^no cases yet/);
    // The flag wins over the environment; a language we do not speak in the environment means English.
    expect(run(['case', 'list', '--lang', 'en'], { LANG: 'es_ES.UTF-8' }).stdout).toMatch(/^no cases yet/);
    expect(run(['case', 'list'], { LANG: 'fr_FR.UTF-8' }).stdout).toMatch(/^no cases yet/);
  });

  it('writes errors in the language, with the exit codes unchanged', () => {
    const unknown = run(['case', 'list', '--lang', 'fr'], { LANG: 'es_ES.UTF-8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('Error: --lang fr no es un idioma que ceac-watch hable; use uno de en, zh-CN, es\n');
    const missing = run(['case', 'show', '42', '--lang', 'zh-CN']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('错误： 没有编号为 42 的案例（见 `ceac case list`）\n');
    const usage = run(['case', 'add', '--lang', 'es', '--id', 'AA00DBX221']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe(
      'Error: falta la opción obligatoria --app <type>\n(ejecute con --help para ver el uso)\n',
    );
    // What the CEAC form accepts, in the reader's language (src/ceac/query.ts).
    const form = run(['case', 'add', '--app', 'NIV', '--location', 'Atlantis', '--id', 'XX12', '--lang', 'zh-CN']);
    expect(form.status).toBe(2);
    expect(form.stderr).toMatch(/--id: "XX12" 不是 NIV 申请号：NIV 申请号是以 AA 开头的 10 位字母和数字/);
    expect(form.stderr).toMatch(/--location: "Atlantis" 不是一个 CEAC 地点/);
    const choice = run(['explain', '--route', 'walk-in', 'Refused'], { LANG: 'zh_CN.UTF-8' });
    expect(choice.status).toBe(2);
    expect(choice.stderr).toMatch(/^错误： --route <route>：不接受 "walk-in"；请使用 dropbox, interview 之一/);
    const bad = run(['stats', '--from', '2026-13', '--lang', 'es']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('Error: --from debe ser un mes en formato AAAA-MM (se recibió "2026-13")\n');
  });

  it('counts with the language’s plurals and writes dates with Intl', () => {
    // The commands above created the schema already.
    expect(run(['migrate', '--lang', 'zh-CN']).stdout).toMatch(/ceac-watch\.sqlite 已是最新\n$/);
    expect(run(['migrate', '--lang', 'es']).stdout).toMatch(/ceac-watch\.sqlite está al día\n$/);
    const added = run([
      'case',
      'add',
      '--lang',
      'es',
      '--app',
      'NIV',
      '--location',
      'BMB',
      '--id',
      'AA00DBX221',
      '--passport',
      PASSPORT,
      '--surname',
      SURNAME,
    ]);
    expect(added.stdout).toBe('caso 1 añadido (NIV AA00DBX221); `ceac watch` lo consultará a continuación\n');
    const shown = run(['case', 'show', '1', '--lang', 'zh-CN']).stdout;
    expect(shown).toMatch(/^案例 1\n {2}NIV AA00DBX221，地点 BMB\n {2}状态：尚未查询\n/);
    expect(shown).toMatch(/关注中：是，下次查询 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC（从未查询）\n/);
    expect(run(['case', 'show', '1', '--lang', 'es']).stdout).toMatch(
      /en seguimiento: sí, próxima consulta \d{1,2} [a-z]{3,4}\.? \d{4}, \d{1,2}:\d{2} UTC \(nunca consultado\)\n/,
    );
    const history = run(['case', 'history', '1', '--lang', 'es']).stdout;
    expect(history).toContain('0 observaciones:');
    expect(history).toContain('ningún evento');
  });

  it('keeps JSON output in English with stable ids, whatever the language', () => {
    const json = JSON.parse(run(['case', 'show', '1', '--json', '--lang', 'zh-CN']).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      id: 1,
      app: 'NIV',
      caseNumber: 'AA00DBX221',
      scheduleReason: 'never checked',
      scheduleReasonCode: 'never_checked',
    });
  });
});
