import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openTestPostgres, TEST_DATABASE_URL } from '../src/store/testing.js';

// `ceac serve` as a person runs it: the compiled CLI (npm test builds before running the tests).
const CLI = join(process.cwd(), 'dist/cli/index.js');
const built = existsSync(CLI);
if (!built)
  console.warn('web-serve tests skipped: dist/cli/index.js is missing (run `npm run build` first; `npm test` does)');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ceac-serve-'));
  dirs.push(dir);
  const base: NodeJS.ProcessEnv = { ...process.env, CEAC_WATCH_DATA: dir, LOG_LEVEL: 'warn', NO_COLOR: '1' };
  delete base.DATABASE_URL;
  delete base.CEAC_CAPTCHA;
  return { ...base, ...extra };
}

/** Starts `ceac serve`, resolves with its URL (and the printed lines) once it listens. */
function start(
  args: string[],
  e = env(),
): Promise<{ child: ChildProcess; url: string; out: () => string; err: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', ...args], { env: e });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m && (!args.includes('--demo') || out.includes('demo login')))
        resolve({ child, url: m[1]!.replace(/\/$/, ''), out: () => out, err: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

describe.skipIf(!built)('ceac serve', { timeout: 60_000 }, () => {
  it('has --help, and rejects a bad port with exit 2 and a clear line', () => {
    const help = spawnSync(process.execPath, [CLI, 'serve', '--help'], { env: env(), encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--demo');
    const bad = spawnSync(process.execPath, [CLI, 'serve', '--port', 'eighty'], { env: env(), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be a whole number');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates, serves, and shuts down cleanly on SIGTERM (exit 0)', async () => {
    const s = await start(['--port', '0']);
    const health = await fetch(`${s.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const home = await fetch(`${s.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('What does my visa status mean?');
    // Without a captcha solver it says how cases get checked.
    for (let i = 0; i < 50 && !s.err().includes('Check now'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(s.err()).toContain('Check now');
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    expect(s.err()).toContain('stopped');
  });

  it('says so when the port is taken (exit 1)', async () => {
    const first = await start(['--port', '0']);
    const port = new URL(first.url).port;
    const second = spawnSync(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', port], {
      env: env(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${port} is already in use`);
    first.child.kill('SIGTERM');
    await exited(first.child);
  });

  it('--demo: prints the URL and the demo login, and the demo cases get their statuses within seconds', async () => {
    const s = await start(['--port', '0', '--demo']);
    const login = /demo login: (\S+) \/ (\S+)/.exec(s.out())!;
    expect(login).not.toBeNull();
    // Sign in like a browser: the form's CSRF token and cookie, then the session cookie.
    const form = await fetch(`${s.url}/signin`);
    const csrfCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith('cw_csrf='))!
      .split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const signin = await fetch(`${s.url}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, email: login[1]!, password: login[2]! }),
    });
    expect(signin.status).toBe(303);
    const session = signin.headers
      .getSetCookie()
      .find((c) => c.startsWith('cw_session='))!
      .split(';')[0]!;
    let statuses: (string | null)[] = [];
    let ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${s.url}/api/v1/cases`, { headers: { cookie: session } });
      const body = (await res.json()) as {
        items: { id: number; current: { observation: { status: string } } | null }[];
      };
      ids = body.items.map((c) => c.id);
      statuses = body.items.map((c) => c.current?.observation.status ?? null);
      if (statuses.length && statuses.every((x) => x !== null)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((x) => x !== null)).toBe(true);
    // The waiting-time pages have generated demo timelines to show, and say they are generated.
    expect(s.out()).toMatch(/waiting times at \/stats come from \d+ generated demo timelines/);
    const stats = (await (await fetch(`${s.url}/stats?visa=F1`)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(stats).toMatch(/Half of similar cases were decided within \d+ days/);
    expect(stats).toContain('Demo data.');
    // The demo's notifications land in its inbox page.
    expect(s.out()).toContain('/demo/inbox');
    let inbox = '';
    for (let i = 0; i < 40 && !inbox.includes('first seen'); i++) {
      inbox = await (await fetch(`${s.url}/demo/inbox`)).text();
      if (!inbox.includes('first seen')) await new Promise((r) => setTimeout(r, 500));
    }
    expect(inbox).toContain('first seen');
    // An open live-update stream must not hold up the shutdown.
    const stream = await fetch(`${s.url}/cases/${ids[0]}/events`, { headers: { cookie: session } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
  });

  it('answers POST /api/v1/explain exactly as `ceac explain --json` prints', async () => {
    const text =
      'Refused\nA U.S. consular officer has adjudicated and refused your visa application. Please see the letter you received at the interview.';
    const e = env();
    const cli = spawnSync(process.execPath, [CLI, 'explain', '--json', '--route', 'dropbox', '--slip', 'white'], {
      env: e,
      input: text,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const s = await start(['--port', '0'], e);
    const res = await fetch(`${s.url}/api/v1/explain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, context: { route: 'dropbox', slip: 'white' } }),
    });
    expect(await res.json()).toEqual(JSON.parse(cli.stdout));
    s.child.kill('SIGTERM');
    await exited(s.child);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'on PostgreSQL serves the app and leaves the checks to `ceac worker` (needs TEST_DATABASE_URL)',
    async () => {
      const db = await openTestPostgres();
      try {
        const s = await start(['--port', '0'], env({ DATABASE_URL: db.url! }));
        for (let i = 0; i < 50 && !s.err().includes('ceac worker'); i++) await new Promise((r) => setTimeout(r, 100));
        expect(s.err()).toContain('ceac worker');
        const signup = await fetch(`${s.url}/signup`);
        const csrfCookie = signup.headers
          .getSetCookie()
          .find((c) => c.startsWith('cw_csrf='))!
          .split(';')[0]!;
        const token = /name="_csrf" value="([^"]+)"/.exec(await signup.text())![1]!;
        const res = await fetch(`${s.url}/signup`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            _csrf: token,
            email: 'pg-serve@example.com',
            password: 'a long enough password',
          }),
        });
        expect(res.status).toBe(303);
        expect((await db.db.selectFrom('users').selectAll().execute()).length).toBe(1);
        s.child.kill('SIGTERM');
        expect(await exited(s.child)).toBe(0);
      } finally {
        await db.close();
      }
    },
  );
});
