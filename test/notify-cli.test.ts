import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { enqueueDeliveries } from '../src/notify/index.js';
import { openStore, type Store } from '../src/store/db.js';
import { loadSealer } from '../src/store/seal.js';
import { ensureBuilt, insertCase } from './notify-fixtures.js';
import { type HttpReceiver, startHttpReceiver } from './notify-receivers.js';

/** `ceac notify …` as a person runs it: the compiled CLI, a fresh data directory, a local webhook. */
const BIN = fileURLToPath(new URL('../bin/ceac', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('ceac notify (CLI)', () => {
  let dir: string;
  let http: HttpReceiver;
  let env: NodeJS.ProcessEnv;

  const ceac = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'notify', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'notify-cli-'));
    http = await startHttpReceiver();
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = {
      ...rest,
      CEAC_WATCH_DATA: dir,
      CEAC_WATCH_ALLOW_PRIVATE_TARGETS: '1',
      NO_COLOR: '1',
      LOG_LEVEL: 'silent',
      CEAC_WATCH_CONFIG: join(dir, 'none.json'),
    };
  }, 180_000);
  afterAll(async () => {
    await http.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, lists, tests, flushes and removes channels, with --json', async () => {
    const added = await ceac(
      'add',
      `json://127.0.0.1:${http.port}/hook`,
      '--name',
      'hook',
      '--events',
      'status,text',
      '--tz',
      'Asia/Kolkata',
      '--message-lang',
      'zh_CN.UTF-8',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    const result = JSON.parse(added.stdout) as {
      channel: { id: number; url: string; events: string[]; quiet: string; timeZone: string; language: string };
      generatedSecret: string;
    };
    expect(result.channel).toMatchObject({
      url: `http://127.0.0.1:${http.port}/hook?secret=****`,
      events: ['status_changed', 'text_changed'],
      quiet: null,
      timeZone: 'Asia/Kolkata',
      language: 'zh-CN',
    });
    expect(result.generatedSecret).toMatch(/^[\w-]{32}$/);

    const human = await ceac(
      'add',
      'ntfys://alice:s3cret-pass@push.example.net/visa',
      '--name',
      'phone',
      '--quiet',
      '23:00-6:00',
      '--digest',
      '--digest-at',
      '19:30',
    );
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/quiet 23:00-06:00; digest at 19:30/);
    expect(human.stdout).toContain('ntfys://alice:****@push.example.net/visa');
    expect(human.stdout).not.toContain('s3cret-pass');

    const list = await ceac('list', '--json');
    const channels = (JSON.parse(list.stdout) as { channels: { name: string; url: string }[] }).channels;
    expect(channels.map((c) => c.name)).toEqual(['hook', 'phone']);
    expect(list.stdout).not.toContain('s3cret-pass');
    expect(list.stdout).not.toContain(result.generatedSecret);

    const tested = await ceac('test', 'hook', '--json');
    expect(tested.code, tested.stderr).toBe(0);
    expect(JSON.parse(tested.stdout)).toEqual({ results: [{ ok: true, channel: 'hook' }] });
    expect(http.hits).toHaveLength(1);
    // In the channel's language beside the English message.
    expect(JSON.parse(http.hits[0]!.body)).toMatchObject({
      version: 1,
      type: 'test',
      message: 'Test notification for channel "hook": ceac-watch can reach you here.',
      lang: 'zh-CN',
      text: '渠道"hook"的测试通知：ceac-watch 可以通过这里联系到你。',
    });

    // Queue a notification the way the tracker does, then deliver it with `flush`.
    const store: Store = await openStore({ dataDir: dir });
    const sealer = await loadSealer({ CEAC_WATCH_DATA: dir });
    const caseId = await insertCase(store.db, sealer);
    const noon = Date.now() - 1000;
    await store.db.transaction().execute(async (trx) => {
      const events = await trx
        .insertInto('events')
        .values({
          case_id: caseId,
          kind: 'text_changed',
          at: noon,
          from_json: null,
          to_json: null,
          interpretation_json: null,
          detail_json: null,
          observation_id: null,
          dedupe_key: 'cli-1',
          created_at: noon,
        })
        .returningAll()
        .execute();
      await enqueueDeliveries(trx, events, noon);
    });
    await store.close();
    const flushed = await ceac('flush', '--json');
    expect(flushed.code, flushed.stderr).toBe(0);
    expect(JSON.parse(flushed.stdout)).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(http.hits).toHaveLength(2);
    expect(http.hits[1]!.headers['idempotency-key']).toMatch(/^ceac-watch-event-\d+$/);

    const log = await ceac('log', '--json');
    expect((JSON.parse(log.stdout) as { deliveries: { status: string }[] }).deliveries.map((d) => d.status)).toEqual([
      'sent',
    ]);

    const removed = await ceac('remove', 'phone');
    expect(removed.code).toBe(0);
    expect(JSON.parse((await ceac('list', '--json')).stdout).channels).toHaveLength(1);
  }, 60_000);

  it('says what is wrong with bad input and exits 2; a failed test or unknown channel exits 1', async () => {
    const bad = await ceac('add', 'ntfys://push.example.net/bad topic!');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot add this channel:\n\s+topic: "bad%20topic!" is not an ntfy topic/);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace

    const quiet = await ceac('add', 'ntfys://push.example.net/t', '--quiet', '22-07');
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(/quiet hours "22-07" should be HH:MM-HH:MM/);

    const zone = await ceac('add', 'ntfys://push.example.net/t', '--tz', 'Europe/Nowhere');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/"Europe\/Nowhere" is not an IANA time zone/);

    const lang = await ceac('add', 'ntfys://push.example.net/t', '--message-lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/language: "fr" is not a language ceac-watch speaks: choose en, zh-CN, es/);

    const missing = await ceac('remove', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no channel "nope"/);

    await ceac('add', `json://127.0.0.1:${http.port}/down?secret=0123456789abcdef`, '--name', 'down');
    http.respond = () => ({ status: 404, body: 'no such hook' });
    const failed = await ceac('test', 'down');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/failed down: .*HTTP 404: no such hook/);

    const usage = await ceac('add');
    expect(usage.code).toBe(2);
  }, 60_000);
});
