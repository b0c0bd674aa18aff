import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { CaseInputError, CaseNotFoundError, createCaseRepository, DuplicateCaseError } from './cases.js';
import { createSealer } from './seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from './testing.js';

if (!TEST_DATABASE_URL) console.warn('case repository: PostgreSQL tests skipped — set TEST_DATABASE_URL to run them');

const databases: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres(), !TEST_DATABASE_URL],
];

const niv = {
  app: 'NIV' as const,
  location: 'bmb',
  caseNumber: 'aa0020akax',
  passport: 'x 1234 567',
  surname: 'Okonkwo',
};

describe.each(databases)('case repository on %s', (_name, open, skip) => {
  async function withRepo(fn: (repo: ReturnType<typeof createCaseRepository>, store: TestStore) => Promise<void>) {
    const store = await open();
    try {
      await fn(
        createCaseRepository(store, createSealer(randomBytes(32)), () => 1_000),
        store,
      );
    } finally {
      await store.close();
    }
  }

  it.skipIf(skip)('adds a case with normalised fields, sealed personal data, due at once', () =>
    withRepo(async (repo, store) => {
      const c = await repo.add({
        ...niv,
        label: 'me',
        group: 'family',
        context: { route: 'dropbox', visaClass: 'h1b' },
      });
      expect(c).toMatchObject({
        app: 'NIV',
        location: 'BMB',
        caseNumber: 'AA0020AKAX',
        label: 'me',
        group: 'family',
        context: { route: 'dropbox', visaClass: 'H1B' },
        hasPassport: true,
        hasSurname: true,
        watching: true,
        nextCheckAt: 1_000,
      });
      const raw = await store.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
      expect(JSON.stringify(raw)).not.toMatch(/X1234567|OKONKWO/);
      expect(await repo.secrets(c.id)).toEqual({ passport: 'X1234567', surname: 'OKONKWO' });
    }),
  );

  it.skipIf(skip)('accepts a post name for the location', () =>
    withRepo(async (repo) => {
      expect((await repo.add({ ...niv, location: 'Mumbai' })).location).toBe('BMB');
      expect((await repo.add({ ...niv, caseNumber: 'AA0020AKAY', location: 'Belgrade, Serbia' })).location).toBe('BLG');
    }),
  );

  it.skipIf(skip)('names every problem with bad input', () =>
    withRepo(async (repo) => {
      const err = await repo.add({ app: 'NIV', caseNumber: 'AA!', location: 'Atlantis' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CaseInputError);
      const message = (err as Error).message;
      expect(message).toMatch(/caseNumber: a case number is 8 to 20/);
      expect(message).toMatch(/unknown CEAC location "Atlantis"/);
      // Named by field, in no shell's words (the CLI says --passport, the API passport, the form "passport number").
      expect(message).not.toMatch(/--/);
      const fields = (err as CaseInputError).fields;
      expect(fields).toContainEqual({ field: 'passport', problem: 'an NIV case needs it (CEAC asks for it)' });
      expect(fields).toContainEqual({ field: 'surname', problem: 'an NIV case needs it (CEAC asks for it)' });
      expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['caseNumber', 'location']));
      // An IV case needs no passport.
      expect((await repo.add({ app: 'IV', caseNumber: 'BMB2024123456' })).app).toBe('IV');
    }),
  );

  it.skipIf(skip)('refuses a duplicate for the same owner only', () =>
    withRepo(async (repo) => {
      const first = await repo.add(niv);
      await expect(repo.add({ ...niv, caseNumber: 'AA0020-AKAX' })).rejects.toEqual(new DuplicateCaseError(first.id));
      expect((await repo.add({ ...niv, ownerId: 42 })).ownerId).toBe(42);
    }),
  );

  it.skipIf(skip)('keeps owners apart', () =>
    withRepo(async (repo) => {
      const mine = await repo.add({ ...niv, ownerId: 1 });
      await repo.add({ ...niv, ownerId: 2 });
      await expect(repo.get(mine.id, 2)).rejects.toBeInstanceOf(CaseNotFoundError);
      expect((await repo.list({ ownerId: 1 })).map((c) => c.id)).toEqual([mine.id]);
      expect(await repo.list({ ownerId: null })).toEqual([]);
    }),
  );

  it.skipIf(skip)('edits fields, merges context, re-seals credentials and makes the case due', () =>
    withRepo(async (repo) => {
      const c = await repo.add(niv);
      const edited = await repo.edit(c.id, {
        label: 'mum',
        passport: 'Y7654321',
        context: { slip: 'white' },
        watching: true,
      });
      expect(edited.label).toBe('mum');
      expect(edited.context).toEqual({ slip: 'white' });
      expect((await repo.secrets(c.id)).passport).toBe('Y7654321');
      await expect(repo.edit(c.id, { context: { route: 'walk-in' as never } })).rejects.toThrow(/context.route/);
      expect((await repo.edit(c.id, { context: { visaClass: 'b1/b2' } })).context.visaClass).toBe('B1/B2');
      await expect(repo.edit(c.id, { context: { visaClass: 'H 1 B; drop table' } })).rejects.toThrow(
        /visa class looks like/,
      );
      await expect(repo.edit(c.id, { colour: 'red' } as never)).rejects.toThrow(CaseInputError);
      const paused = await repo.edit(c.id, { watching: false });
      expect(paused.watching).toBe(false);
      expect(paused.nextCheckAt).toBeNull();
    }),
  );

  it.skipIf(skip)('removes a case with everything recorded about it', () =>
    withRepo(async (repo, store) => {
      const c = await repo.add(niv);
      await store.db
        .insertInto('events')
        .values({ case_id: c.id, kind: 'first_seen', at: 1, dedupe_key: 'k', created_at: 1 })
        .execute();
      await repo.remove(c.id);
      await expect(repo.get(c.id)).rejects.toBeInstanceOf(CaseNotFoundError);
      expect(await store.db.selectFrom('events').selectAll().execute()).toEqual([]);
      await expect(repo.remove(c.id)).rejects.toThrow(/there is no case/);
    }),
  );
});
