import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt } from './notify-fixtures.js';

/**
 * The CLI side of issue 12, as a person runs it: the compiled `ceac` in a fresh data directory.
 * (The PostgreSQL side of these holes is in web-security.test.ts; these run on SQLite files.)
 */
const BIN = fileURLToPath(new URL('../bin/ceac', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'security-cli-'));
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function envFor(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, CEAC_WATCH_SECRET: _s, PUBLIC_URL: _p, HOST: _h, ...rest } = process.env;
  return {
    ...rest,
    CEAC_WATCH_DATA: dir,
    CEAC_WATCH_CONFIG: join(dir, 'none.json'),
    NO_COLOR: '1',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

function ceac(env: NodeJS.ProcessEnv, args: string[], stdin?: (w: NodeJS.WritableStream) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    if (stdin && child.stdin) {
      child.stdin.on('error', () => undefined);
      stdin(child.stdin);
    }
    // A hang is a failure of its own: never leave the child behind.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const ADD = ['case', 'add', '--app', 'NIV', '--location', 'Mumbai', '--passport', 'P1234567', '--surname', 'Rao'];

describe('ceac (CLI) security', { timeout: 90_000 }, () => {
  // 6
  it('refuses to start with a CEAC_WATCH_SECRET that does not open the data (exit 2, one line)', async () => {
    const dir = join(root, 'key');
    const a = envFor(dir, { CEAC_WATCH_SECRET: 'the first secret, long enough' });
    const b = envFor(dir, { CEAC_WATCH_SECRET: 'another secret, long enough' });
    expect((await ceac(a, [...ADD, '--id', 'AA00KEY001'])).code).toBe(0);
    for (const args of [
      ['case', 'list'],
      [...ADD, '--id', 'AA00KEY002'],
      ['serve', '--port', '0', '--host', '127.0.0.1'],
    ]) {
      const r = await ceac(b, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/CEAC_WATCH_SECRET/);
      expect(r.stderr).toMatch(/does not open/);
    }
    // The right key still works, and the data was not touched by the wrong one.
    const list = await ceac(a, ['case', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain('AA00KEY002');
  });

  // 11
  it('stores only real interview dates from the CLI', async () => {
    const env = envFor(join(root, 'dates'));
    for (const d of ['2025-02-30', '0000-99-99']) {
      const r = await ceac(env, [...ADD, '--id', 'AA00DATE01', '--interview-date', d]);
      expect(r.code, d).toBe(2);
      expect(r.stderr).toMatch(/date/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await ceac(env, [...ADD, '--id', 'AA00DATE01', '--interview-date', '2024-02-29'])).code).toBe(0);
  });

  // 2 (CLI side)
  it('refuses e-mail channels whose SMTP host is private', async () => {
    const env = envFor(join(root, 'smtp'));
    for (const url of ['mailto://127.0.0.1:6379/?to=me@example.com', 'mailto://169.254.169.254/?to=me@example.com']) {
      const r = await ceac(env, ['notify', 'add', url]);
      expect(r.code, url).not.toBe(0);
      expect(r.stderr).toMatch(/private, loopback or link-local/);
    }
  });

  // 13
  it('keeps the data directory 0700 and its files 0600', async () => {
    const dir = join(root, 'perms', 'data');
    const env = envFor(dir);
    expect((await ceac(env, [...ADD, '--id', 'AA00PERM01'])).code).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['ceac-watch.sqlite', 'secret.key'])
      expect((statSync(join(dir, f)).mode & 0o777).toString(8), f).toBe('600');
    for (const f of ['ceac-watch.sqlite-wal', 'ceac-watch.sqlite-shm']) {
      let mode: number | null = null;
      try {
        mode = statSync(join(dir, f)).mode & 0o777;
      } catch {
        // Gone after a clean close: nothing to show.
      }
      if (mode !== null) expect(mode.toString(8), f).toBe('600');
    }
  });

  // 14
  it('stops reading an endless --file or stdin at the input limit with a clear error', async () => {
    const env = envFor(join(root, 'explain'));
    const zero = await ceac(env, ['explain', '--file', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--file \/dev\/zero is longer than 20 MB/);
    const piped = await ceac(env, ['explain'], (w) => {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 64) {
          sent++;
          if (!w.write(chunk)) return void w.once('drain', more);
        }
        w.end();
      };
      more();
    });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/stdin is longer than 20 MB/);
  });

  it('serves the demo on 127.0.0.1 unless told otherwise', async () => {
    const env = envFor(join(root, 'demo'));
    const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`demo exited ${code}`)));
      });
      const port = Number(new URL(url).port);
      // What the kernel says this port is bound to (LISTEN = state 0A).
      const bound = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .slice(1)
          .map((l) => l.trim().split(/\s+/))
          .filter((p) => p[3] === '0A' && p[1] && parseInt(p[1].split(':')[1]!, 16) === port)
          .map((p) => p[1]!.split(':')[0]!),
      );
      expect(bound).toEqual(['0100007F']);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
