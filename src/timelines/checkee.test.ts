import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { locationByCode } from '../knowledge/locations.js';
import { buildReport } from '../stats/report.js';
import { tabulate } from '../stats/table.js';
import { CheckeeFormatError, importCheckee } from './checkee.js';
import { causeOf, waitDays } from './model.js';
import { CHECKEE_POST_CODES, postFromCheckee } from './posts.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const F1 = `${DATA}checkee-f1-2025-10-to-2026-03.csv`;
const HISTORY = `${DATA}checkee-cleared-2009-2018.csv`;
const haveData = existsSync(F1) && existsSync(HISTORY);
if (!haveData) console.warn(`checkee importer: the real-file tests are skipped — ${DATA} is not there`);

const HISTORY_HEADER = ',UserName,VisaType,VisaEntry,City,Major,VisaStatus,CheckDate,CompleteDate,WaitDays,UserID';

describe('checkee importer on hand-made exports', () => {
  it('reads the 2018 header by name, maps posts, reports misaligned rows by line and goes on', async () => {
    const csv = [
      HISTORY_HEADER,
      '0,mmega,H1,Renewal,ShangHai,Biochemistry,Clear,2009-01-05,2009-03-31,85,0.0',
      '1,alice,F1,New,"Montreal ",CS,Clear,2009-01-06,2009-01-20,14,1.0',
      '2,bob,F1,New,BeiJing,"Physics, applied",Clear,2009-01-07,2009-02-07,31,2.0',
      '3,broken,F1,New,BeiJing,Clear,2009-01-07,2009-02-07,31,3.0',
      '4,carol,B1,,Europe,Business,Clear,2009-02-01,2009-01-01,-31,4.0',
      '5,dave,F1,New,ShenYang,Math,Maybe,2009-02-01,2009-03-01,28,5.0',
      '',
    ].join('\n');
    const r = importCheckee(csv);
    expect(r.rows).toBe(6);
    expect(r.timelines.map((t) => [t.post, t.visaClass, t.entry, waitDays(t)])).toEqual([
      ['SHG', 'H1', 'renewal', 85],
      ['MTL', 'F1', 'new', 14],
      ['BEJ', 'F1', 'new', 31],
    ]);
    expect(r.errors.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 5, message: 'expected 11 fields, found 10 (misaligned row)' },
      { line: 6, message: 'complete date 2009-01-01 is before the check date 2009-02-01' },
      { line: 7, message: 'status "Maybe" is not Clear, Reject or Pending' },
    ]);
    expect(r.warnings.join(' ')).toMatch(/only finished cases/);
    // The same skipped rows in the reader's language.
    const { english } = await import('../i18n/translator.js');
    const zh = await (await import('../i18n/translator.js')).loadTranslator('zh-CN');
    expect(r.errors.map((e) => english(e.words))).toEqual(r.errors.map((e) => e.message));
    expect(zh(r.errors[0]!.words)).toBe('应有 11 个字段，实际 10 个（行未对齐）');
  });

  it('reads JSONL live exports: Pending rows censored at their last update, else at the export date', () => {
    const jsonl = [
      {
        nickname: 'a',
        visa_type: 'F1',
        visa_entry: 'New',
        consulate: 'BeiJing',
        status: 'Pending',
        check_date: '2026-01-01',
        complete_date: '0000-00-00',
        update_date: '2026-01-20',
      },
      {
        nickname: 'b',
        visa_type: 'F1',
        visa_entry: 'New',
        consulate: 'BeiJing',
        status: 'Pending',
        check_date: '2026-01-01',
        complete_date: '0000-00-00',
      },
      {
        nickname: 'c',
        visa_type: 'F1',
        visa_entry: 'Renewal',
        consulate: 'WuHan',
        status: 'Reject',
        check_date: '2026-01-02',
        complete_date: '2026-01-09',
      },
      {
        nickname: 'd',
        visa_type: 'H1B',
        visa_entry: 'New',
        consulate: 'GuangZhou',
        status: 'Clear',
        check_date: '2026-01-03',
        complete_date: '2026-02-01',
      },
    ]
      .map((o) => JSON.stringify(o))
      .concat(['not json', '{"visa_type":"F1"}'])
      .join('\n');
    const r = importCheckee(jsonl, { asOf: '2026-03-01' });
    expect(r.timelines.map((t) => [t.outcome, t.outcomeDate, t.post])).toEqual([
      ['pending', '2026-01-20', 'BEJ'],
      ['pending', '2026-03-01', 'BEJ'],
      ['refused', '2026-01-09', 'WUH'],
      ['cleared', '2026-02-01', 'GUZ'],
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([5, 6]);
    expect(r.errors[1]!.message).toMatch(/missing .*consulate/);
    expect(r.warnings).toEqual([]);
  });

  it('asks for --as-of when a pending row has no date to be censored at', () => {
    const csv =
      'visa_type,visa_entry,consulate,status,check_date,complete_date\nF1,New,BeiJing,Pending,2026-01-01,0000-00-00\n';
    const r = importCheckee(csv);
    expect(r.timelines).toHaveLength(0);
    expect(r.errors[0]!.message).toMatch(/--as-of/);
    expect(() => importCheckee(csv, { asOf: '2026-02-30' })).toThrow(/not a date/);
  });

  it('rejects a file whose header is not checkee’s, naming the missing columns', () => {
    expect(() => importCheckee('name,date\nx,2020-01-01\n')).toThrow(CheckeeFormatError);
    expect(() => importCheckee('name,date\nx,2020-01-01\n')).toThrow(
      /no visaType, consulate, status, checkDate, completeDate column/,
    );
  });

  it('never keeps nicknames: not in the timelines, not in the keys', () => {
    const csv = `${HISTORY_HEADER}\n0,someone@example.com,F1,New,BeiJing,CS,Clear,2009-01-05,2009-03-31,85,0.0\n`;
    const text = JSON.stringify(importCheckee(csv).timelines);
    expect(text).not.toMatch(/someone|example\.com/);
  });

  it('maps checkee spellings to codes that exist in the CEAC location list', () => {
    expect(postFromCheckee('NewDelhi')).toBe('NWD');
    expect(postFromCheckee('Ottawa ')).toBe('OTT');
    expect(postFromCheckee('Others')).toBe('Others');
    expect(postFromCheckee('  ')).toBeNull();
    // Names checkee does not spell its own way go through the location list.
    expect(postFromCheckee('Frankfurt')).toBe('FRN');
    for (const code of CHECKEE_POST_CODES) expect(locationByCode(code), code).toBeDefined();
  });
});

describe.skipIf(!haveData)('checkee importer on the real files', () => {
  it('the 2025-26 F1 export: dedupes the double posts, keeps the decision over the stale pending row', () => {
    const r = importCheckee(readFileSync(F1, 'utf8'));
    expect(r.rows).toBe(252);
    expect(r.errors).toEqual([]);
    expect(r.duplicates).toBe(2);
    expect(r.counts).toEqual({ decided: 146, pending: 104, refused: 2 });
    expect(r.warnings).toEqual([]);
    // Pending cases are censored at the export date stated by observed_days: 2026-03-27.
    expect(new Set(r.timelines.filter((t) => t.outcome === 'pending').map((t) => t.outcomeDate))).toEqual(
      new Set(['2026-03-27']),
    );
    const report = buildReport(
      tabulate(
        r.timelines.map(waitDays),
        r.timelines.map((t) => causeOf(t.outcome)),
      ),
    );
    expect(report.censored).toBe(104);
    expect(report.median.days).toBeGreaterThan(0);
  });

  it('the 21,815-row history: every row read, the bias named', () => {
    const r = importCheckee(readFileSync(HISTORY, 'utf8'));
    expect(r.rows).toBe(21815);
    expect(r.timelines.length + r.duplicates + r.errors.length).toBe(21815);
    expect(r.counts.pending).toBe(0);
    expect(r.warnings[0]).toMatch(/^only finished cases/);
    expect(r.timelines.filter((t) => t.post === 'BEJ').length).toBeGreaterThan(9000);
  });
});

describe('import warnings, in the reader language', () => {
  it('words each warning code in English as the warnings say, and in Chinese', async () => {
    const { english, loadTranslator } = await import('../i18n/translator.js');
    const { importWarningWords } = await import('./checkee.js');
    const zh = await loadTranslator('zh-CN');
    expect(english(importWarningWords('no_refused'))).toBe(
      'no refused cases: refusals are missing from this source, so clearance rates from it are overstated',
    );
    expect(zh(importWarningWords('no_refused'))).toBe('没有被拒的案例：这个来源缺少拒签，所以用它算出的通过率偏高');
  });
});
