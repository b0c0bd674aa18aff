import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `ceac case show --json` deadlines and `ceac case calendar`, read back with ical.js (not the library that wrote it). */
const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
if (!existsSync(CLI)) console.warn('deadlines CLI: skipped — dist/ is missing, run `npm run build` first');

describe.skipIf(!existsSync(CLI))('ceac case show / calendar: deadlines', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ceac-deadlines-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const ceac = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, CEAC_WATCH_DATA: dataDir, NO_COLOR: '1' };
      execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  it('lists a DV case’s issue-by date and a 221(g) case’s documents due, each with its source', async () => {
    const dv = await ceac('case', 'add', '--app', 'IV', '--id', '2026AS00001234', '--json');
    expect(dv.code).toBe(0);
    const dvId = (JSON.parse(dv.stdout) as { id: number }).id;
    const shown = await ceac('case', 'show', String(dvId), '--json');
    const { deadlines } = JSON.parse(shown.stdout) as { deadlines: { kind: string; date: string; source: string }[] };
    expect(deadlines).toEqual([
      { kind: 'dv_issue_by', date: '2026-09-30', source: expect.stringMatching(/30 September/) },
    ]);

    const niv = await ceac(
      'case',
      'add',
      '--app',
      'NIV',
      '--location',
      'BEJ',
      '--id',
      'AA0012AB34',
      '--passport',
      'E1234567',
      '--surname',
      'LI',
      '--officer',
      '221g',
      '--slip-date',
      '2024-02-29',
      '--label',
      'dad',
      '--json',
    );
    expect(niv.code).toBe(0);
    const nivId = (JSON.parse(niv.stdout) as { id: number }).id;
    const text = await ceac('case', 'show', String(nivId));
    expect(text.stdout).toContain('2025-02-28  221(g) documents due (12 months after the slip date 2024-02-29)');
    // In the reader's language, from the deadline's kind and what it was counted from (src/knowledge/deadlines.ts).
    const zh = await ceac('case', 'show', String(nivId), '--lang', 'zh-CN');
    expect(zh.stdout).toContain('2025-02-28  221(g) 补交材料截止（221(g) 单上的日期 2024-02-29 之后 12 个月）');
    expect(zh.stdout).not.toContain('12 months after');

    const cal = await ceac('case', 'calendar', String(nivId));
    expect(cal.code).toBe(0);
    const vcal = new ICAL.Component(ICAL.parse(cal.stdout) as unknown[]);
    const events = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      ['221(g) documents due (dad (******AB34))', '2025-02-28'],
    ]);
    expect(events[0]?.description).toContain('Source: INA 203(e)');
    expect(events[0]?.startDate.isDate).toBe(true);
    expect(cal.stdout).not.toContain('AA0012AB34');
    expect(cal.stdout).not.toContain('E1234567');
  });

  it('says clearly when the case does not exist', async () => {
    const r = await ceac('case', 'calendar', '999');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/999/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
