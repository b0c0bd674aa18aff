import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { checkAgainst, responseSchema } from './openapi-check.js';
import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;
beforeEach(async () => {
  fx = await webFixture();
  doc = await (await fx.app.request('/api/openapi.json')).json();
});
afterEach(() => fx.close());

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fx.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  const schema = responseSchema(doc, path, method, res.status);
  if (schema) expect(checkAgainst(doc, schema, json), `${method} ${path} -> ${res.status}`).toEqual([]);
  return { status: res.status, json };
}

async function tokenFor(email: string): Promise<string> {
  const c = new Client(fx.app);
  await c.signUp(email);
  return (await fx.services.accounts.createApiToken((await fx.services.accounts.findByEmail(email))!.id, 'test')).token;
}

async function counts(caseId: number) {
  const db = fx.store.db;
  const n = async (table: 'observations' | 'events') =>
    (await db.selectFrom(table).select('id').where('case_id', '=', caseId).execute()).length;
  return { observations: await n('observations'), events: await n('events') };
}

const SEEN = {
  caseNumber: 'aa0012ab34',
  status: 'Refused',
  caseCreated: '2025-09-20',
  caseLastUpdated: '2025-10-02',
  post: 'U.S. Consulate General Mumbai',
  message:
    'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing.',
};

if (!TEST_DATABASE_URL)
  console.log(
    'web-observations PostgreSQL run skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it',
  );

describe.each([
  { db: 'SQLite', postgres: false },
  ...(TEST_DATABASE_URL ? [{ db: 'PostgreSQL', postgres: true }] : []),
])('saving what the person saw, on $db', ({ postgres }) => {
  it('records one observation and one event, and the same answer again records nothing new', async () => {
    await fx.close();
    fx = await webFixture({ postgres, notify: { allowPrivateTargets: true } });
    const token = await tokenFor('ext@example.com');
    const added = await call(token, 'post', '/api/v1/cases', {
      app: 'NIV',
      location: 'BMB',
      caseNumber: 'AA0012AB34',
      passport: 'P1234567',
      surname: 'Sharma',
      context: { visaClass: 'F1', interviewDate: '2025-10-02' },
    });
    expect(added.status).toBe(201);
    const caseId = added.json.id as number;
    const channel = await call(token, 'post', '/api/v1/channels', { url: 'json://127.0.0.1:9/hook' });
    expect(channel.status).toBe(201);

    const first = await call(token, 'post', '/api/v1/observations', SEEN);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ caseId, recorded: true, seenCount: 1, events: [{ kind: 'first_seen' }] });
    expect(await counts(caseId)).toEqual({ observations: 1, events: 1 });
    const kase = await fx.services.cases.get(caseId);
    expect([kase.state, kase.variant]).toEqual(['refused', 'refused_221g']);

    const again = await call(token, 'post', '/api/v1/observations', SEEN);
    expect(again.json).toMatchObject({ caseId, recorded: false, seenCount: 2, events: [] });
    expect(await counts(caseId)).toEqual({ observations: 1, events: 1 });

    const issued = await call(token, 'post', '/api/v1/observations', {
      ...SEEN,
      status: 'Issued',
      caseLastUpdated: '2025-11-14',
      message:
        'Your visa is in final processing. If you have not yet received your passport, please allow 2 business days for us to mail it.',
    });
    expect(issued.json).toMatchObject({ recorded: true, events: [{ kind: 'status_changed' }] });
    // The change is notified like one found by a check of ours: an outbox row for the channel.
    const changeId = (issued.json.events as { id: number }[])[0]!.id;
    const deliveries = await fx.store.db
      .selectFrom('notify_deliveries')
      .select('id')
      .where('event_id', '=', changeId)
      .execute();
    expect(deliveries).toHaveLength(1);

    const line = await call(token, 'post', '/api/v1/forum-line', { caseNumber: 'AA0012AB34' });
    expect(line.json.text).toBe(
      'Interview: 2025-10-02 · Refused (221g): 2025-10-02 · Issued: 2025-11-14 · Post: Mumbai · F1',
    );
    expect(line.json.text).not.toMatch(/AA0012AB34|Sharma|P1234567/i);
  });
});

describe('POST /api/v1/observations (what the person saw on CEAC)', () => {
  it('answers 404 case_not_found with the add-case link when no case of this account matches', async () => {
    const owner = await tokenFor('owner@example.com');
    await call(owner, 'post', '/api/v1/cases', {
      app: 'NIV',
      location: 'BMB',
      caseNumber: 'AA0012AB34',
      passport: 'P1234567',
      surname: 'Sharma',
    });
    const stranger = await tokenFor('stranger@example.com');
    const r = await call(stranger, 'post', '/api/v1/observations', SEEN);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: { code: 'case_not_found' }, addCase: '/cases/new?caseNumber=AA0012AB34' });
  });

  it('refuses a passport number or surname in the body, saying which field', async () => {
    const token = await tokenFor('careful@example.com');
    const r = await call(token, 'post', '/api/v1/observations', { ...SEEN, passport: 'P1234567' });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).not.toContain('P1234567');
  });

  it('prefills the add-case form with the case number from the link', async () => {
    const c = new Client(fx.app);
    await c.signUp('form@example.com');
    const { html } = await c.page('/cases/new?caseNumber=aa0012ab34');
    expect(html).toMatch(/id="caseNumber"[^>]*value="AA0012AB34"|value="AA0012AB34"[^>]*id="caseNumber"/);
    const junk = await c.page('/cases/new?caseNumber=%3Cscript%3E');
    expect(junk.html).not.toContain('<script>x');
  });
});
