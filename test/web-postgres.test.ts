import { afterEach, describe, expect, it } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { Client, webFixture } from './web-harness.js';

// The same web code on PostgreSQL: accounts, sessions, cases and channels through pages and the API.
if (!TEST_DATABASE_URL)
  console.warn(
    'web-postgres tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them',
  );

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const NEW = {
  app: 'NIV',
  location: 'Mumbai',
  caseNumber: 'AA0012AB34',
  passport: 'P1234567',
  surname: 'Sharma',
  context: { route: 'dropbox', visaClass: 'F1' },
};

describe.skipIf(!TEST_DATABASE_URL)('web app on PostgreSQL', { timeout: 60_000 }, () => {
  it('signs up and in, keeps sessions and tokens, and deletes an account with its cases', async () => {
    fx = await webFixture({ postgres: true });
    const c = new Client(fx.app);
    await c.signUp('pg@example.com', 'postgres password');
    const { html } = await c.page('/account');
    expect(html).toContain('pg@example.com');
    const token = (
      await fx.services.accounts.createApiToken((await fx.services.accounts.findByEmail('pg@example.com'))!.id, 'pg')
    ).token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fx.app.request('/api/v1/cases', { method: 'POST', headers, body: JSON.stringify(NEW) });
    expect(created.status).toBe(201);
    const kase = (await created.json()) as { id: number; location: string; passport: string };
    expect(kase.location).toBe('BMB');
    expect(kase.passport).toBe('•••••567');
    const page = await c.page(`/cases/${kase.id}`);
    expect(page.html).toContain('AA0012AB34');
    const list = await fx.app.request('/api/v1/cases?limit=1', { headers });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    await c.page('/account');
    const del = await c.post('/account/delete', { confirm: 'yes', password: 'postgres password' });
    expect(del.status).toBe(303);
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
    expect(await fx.store.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it("answers 404 for another person's case and channel", async () => {
    fx = await webFixture({ postgres: true, notify: { allowPrivateTargets: true } });
    const owner = new Client(fx.app);
    await owner.signUp('owner-pg@example.com');
    await owner.page('/cases/new');
    const added = await owner.post('/cases', {
      app: 'NIV',
      location: 'Mumbai',
      caseNumber: 'AA0012AB34',
      passport: 'P1234567',
      surname: 'Sharma',
      route: 'dropbox',
    });
    const id = Number(/\/cases\/(\d+)/.exec(added.headers.get('location')!)![1]);
    await owner.page('/notifications');
    await owner.post('/notifications', { url: 'json://127.0.0.1:9/hook', events: 'status_changed', timeZone: 'UTC' });
    const channelId = (await fx.store.db.selectFrom('notify_channels').select('id').executeTakeFirstOrThrow()).id;
    const other = new Client(fx.app);
    await other.signUp('other-pg@example.com');
    for (const path of [`/cases/${id}`, `/cases/${id}/edit`, `/cases/${id}/events`])
      expect((await other.request(path)).status, path).toBe(404);
    for (const path of [`/cases/${id}/delete`, `/notifications/${channelId}/delete`])
      expect((await other.post(path, {})).status, path).toBe(404);
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(1);
    expect(await fx.store.db.selectFrom('notify_channels').selectAll().execute()).toHaveLength(1);
  });
});
