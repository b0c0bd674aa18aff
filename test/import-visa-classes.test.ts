// Issue 15: visa classes are normalised on import (F-1 = F1, H-1B = H1B) on every path into the pooled timelines:
// checkee CSV (both headers) and JSONL, free-text posts, hand entries (web form and JSON), a watched case's shared
// timeline, and a raw upsert. Each path is fed the hyphenated spelling; the stored rows, the filters and the
// counts must all see one class. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { afterEach, describe, expect, it } from 'vitest';

import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../src/store/testing.js';
import { importCheckee } from '../src/timelines/checkee.js';
import { extractTimelines, toStoredTimeline } from '../src/timelines/extract.js';
import { parseManualTimeline } from '../src/timelines/manual.js';
import type { Timeline } from '../src/timelines/model.js';
import { countTimelines, listTimelines, upsertTimelines } from '../src/timelines/repository.js';
import { storeWatchedTimeline } from '../src/tracker/timeline-sync.js';
import { toManualTimeline } from '../src/web/routes/timelines.js';

if (!TEST_DATABASE_URL) console.warn('import visa classes: the PostgreSQL run is skipped — set TEST_DATABASE_URL');

const HISTORY_CSV = [
  ',UserName,VisaType,VisaEntry,City,Major,VisaStatus,CheckDate,CompleteDate,WaitDays,UserID',
  '0,u1,F-1,New,BeiJing,Physics,Clear,2025-01-05,2025-02-01,27,1.0',
  '1,u2,h-1b,Renewal,ShangHai,CS,Clear,2025-01-06,2025-02-10,35,2.0',
].join('\n');
const LIVE_CSV = [
  'nickname,visa_type,visa_entry,consulate,status,check_date,complete_date',
  'a,F-1,New,BeiJing,Clear,2025-03-01,2025-03-21',
  'b,H-1B,New,ShangHai,Pending,2025-03-02,0000-00-00',
].join('\n');
const LIVE_JSONL = [
  { nickname: 'c', visa_type: 'f-1', visa_entry: 'New', consulate: 'BeiJing', status: 'Clear' },
  { nickname: 'd', visa_type: 'H 1B', visa_entry: 'New', consulate: 'ShangHai', status: 'Clear' },
]
  .map((o, i) => JSON.stringify({ ...o, check_date: `2025-04-0${String(i + 1)}`, complete_date: '2025-05-01' }))
  .join('\n');

function fromText(): Timeline[] {
  const posts = [
    'F-1 Beijing. Interview Oct 2, 221g. AP Oct 3. Issued Nov 5.',
    '---',
    'H-1B Chennai dropbox. Submitted Sep 1. Refused Sep 8. Issued Oct 1.',
  ].join('\n');
  return extractTimelines(posts, { posted: '2025-12-01' }).map((t) => {
    const r = toStoredTimeline(t, { posted: '2025-12-01' });
    if ('reason' in r) throw new Error(r.reason);
    return r.timeline;
  });
}

function byHand(): Timeline[] {
  const json = parseManualTimeline({
    visaClass: 'h-1b',
    entry: 'new',
    route: 'interview',
    post: 'BMB',
    startDate: '2025-06-01',
    outcome: 'issued',
    outcomeDate: '2025-07-01',
    events: [],
  });
  const form = toManualTimeline({
    visaClass: 'F-1',
    entry: 'new',
    route: 'interview',
    post: 'Beijing',
    startDate: '2025-06-02',
    outcome: 'issued',
    outcomeDate: '2025-07-02',
    note: '',
    events: [],
  });
  if ('errors' in form) throw new Error(JSON.stringify(form.errors));
  return [json, form.timeline];
}

async function everyPath(store: TestStore) {
  const imported = [
    ...importCheckee(HISTORY_CSV).timelines,
    ...importCheckee(LIVE_CSV, { asOf: '2025-06-01' }).timelines,
    ...importCheckee(LIVE_JSONL).timelines,
    ...fromText(),
    ...byHand(),
  ];
  // What each reader made of the hyphenated spellings, before storage.
  expect(imported.map((t) => t.visaClass)).toEqual(['F1', 'H1B', 'F1', 'H1B', 'F1', 'H1B', 'F1', 'H1B', 'H1B', 'F1']);
  imported.forEach((t, i) => (t.sourceKey = `${t.source}-${String(i)}-${t.sourceKey}`));
  // A raw upsert of a class as written, and a watched case's shared timeline.
  const raw: Timeline = { ...imported[0]!, source: 'manual', sourceKey: 'raw-hyphen', visaClass: 'H-1B' };
  await upsertTimelines(store.db, [...imported, raw]);
  await storeWatchedTimeline(store.db, 'case-key-1', {
    visaClass: 'F-1',
    entry: 'new',
    route: 'interview',
    post: 'BEJ',
    startDate: '2025-08-01',
    outcome: 'pending',
    outcomeDate: '2025-08-20',
    events: [],
  });
  const rows = await store.db.selectFrom('timelines').select('visa_class').execute();
  expect(rows).toHaveLength(imported.length + 2);
  expect(new Set(rows.map((r) => r.visa_class))).toEqual(new Set(['F1', 'H1B']));
  // A filter in either spelling finds every case of the class.
  expect(await countTimelines(store.db, { visaClass: 'F-1' })).toBe(6);
  expect(await countTimelines(store.db, { visaClass: 'F1' })).toBe(6);
  expect(await countTimelines(store.db, { visaClass: 'h-1b' })).toBe(6);
  expect((await listTimelines(store.db, { visaClass: 'H-1B' }, 100)).every((t) => t.visaClass === 'H1B')).toBe(true);
}

describe('visa classes are normalised on every import path', () => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('on SQLite', async () => {
    store = await openTestSqlite();
    await everyPath(store);
  });

  it.skipIf(!TEST_DATABASE_URL)('on PostgreSQL', async () => {
    store = await openTestPostgres();
    await everyPath(store);
  });

  it('a hand entry that is no visa class is refused with words a person can act on', () => {
    expect(() => parseManualTimeline({ visaClass: 'student visa please', startDate: '2025-01-01' })).toThrow(
      /visa class must look like F1, H1B or B1\/B2/,
    );
  });
});
