import { afterEach, describe, expect, it } from 'vitest';

import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const NIV = {
  app: 'NIV',
  location: 'Mumbai',
  caseNumber: 'AA0012AB34',
  passport: 'P1234567',
  surname: 'Sharma',
  label: 'My F1',
  group: 'Family',
  route: 'dropbox',
  visaClass: 'F1',
  entry: 'new',
  interviewDate: '',
  slip: 'white',
  officer: '221g',
  passportKept: 'kept',
};

async function addCase(c: Client, fields: Record<string, string> = NIV): Promise<number> {
  await c.page('/cases/new');
  const res = await c.post('/cases', fields);
  if (res.status !== 303) throw new Error(`add failed: ${res.status} ${await res.text()}`);
  return Number(/\/cases\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

describe('cases on the web', () => {
  it('adds a case from the form, resolving "Mumbai" to BMB and sealing passport and surname', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('a@example.com');
    const id = await addCase(c);
    const row = await fx.store.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.location).toBe('BMB');
    expect(row.passport_sealed).not.toContain('P1234567');
    expect(row.surname_sealed).not.toContain('SHARMA');
    expect(JSON.parse(row.context_json)).toMatchObject({
      route: 'dropbox',
      visaClass: 'F1',
      entry: 'new',
      slip: 'white',
      officer: '221g',
      passport: 'kept',
    });
    const { html } = await c.page(`/cases/${id}`);
    expect(html).toContain('My F1');
    expect(html).toContain('AA0012AB34');
    // The passport is shown masked, never whole.
    expect(html).not.toContain('P1234567');
    expect(html).toContain('567');
    expect(html).toContain('Mumbai, India');
    // How sure the learned schedule is, among the facts: nothing seen at this post yet.
    expect(html).toContain('<dt>When we check</dt><dd>Still learning when this post');
    const list = await c.page('/cases');
    expect(list.html).toContain('Family');
    expect(list.html).toContain('Not checked yet');
  });

  it('finds the consulate by code, CEAC name or city, and says which ones fit an ambiguous name', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('b@example.com');
    for (const [location, n] of [
      ['BMB', 'AA0012AB31'],
      ['INDIA, MUMBAI', 'AA0012AB32'],
    ] as const) {
      const id = await addCase(c, { ...NIV, location, caseNumber: n });
      const row = await fx.store.db
        .selectFrom('cases')
        .select('location')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.location).toBe('BMB');
    }
    await c.page('/cases/new');
    const res = await c.post('/cases', { ...NIV, location: 'India', caseNumber: 'AA0012AB39' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('fits several consulates');
    expect(html).toContain('BMB');
  });

  it('says which fields are missing or wrong, keeping what was typed', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('c@example.com');
    await c.page('/cases/new');
    let res = await c.post('/cases', { ...NIV, passport: '', surname: '' });
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(html).toContain('Enter the passport number');
    expect(html).toContain('Enter the surname');
    expect(html).toContain('value="AA0012AB34"');
    res = await c.post('/cases', { ...NIV, caseNumber: 'A1' });
    html = await res.text();
    expect(res.status).toBe(422);
    expect(html).toContain('is not an NIV application ID');
    await addCase(c);
    res = await c.post('/cases', NIV);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('already watch this case');
  });

  it('edits a case without showing or losing the sealed fields, pauses and removes it', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('d@example.com');
    const id = await addCase(c);
    expect((await c.page(`/cases/${id}`)).html).toContain('My F1');
    const form = await c.page(`/cases/${id}/edit`);
    expect(form.html).not.toContain('P1234567');
    expect(form.html).not.toContain('SHARMA');
    let res = await c.post(`/cases/${id}/edit`, {
      label: 'Renamed',
      group: '',
      location: 'BMB',
      route: 'interview',
      visaClass: 'F1',
      entry: 'new',
    });
    expect(res.status).toBe(303);
    const secrets = await fx.services.cases.secrets(id);
    expect(secrets).toEqual({ passport: 'P1234567', surname: 'SHARMA' });
    let kase = await fx.services.cases.get(id);
    expect(kase.label).toBe('Renamed');
    // The case page (cached once viewed) shows the change at once.
    expect((await c.page(`/cases/${id}`)).html).toContain('Renamed');
    expect(kase.context.route).toBe('interview');
    res = await c.post(`/cases/${id}/watching`, { watching: 'no' });
    kase = await fx.services.cases.get(id);
    expect(kase.watching).toBe(false);
    res = await c.post(`/cases/${id}/delete`, {});
    expect(res.headers.get('location')).toBe('/cases?removed=1');
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });

  it('answers 404 to every case route of someone else, and changes nothing', async () => {
    fx = await webFixture();
    const owner = new Client(fx.app);
    await owner.signUp('owner@example.com');
    const id = await addCase(owner);
    const other = new Client(fx.app);
    await other.signUp('other@example.com');
    const gets = [
      `/cases/${id}`,
      `/cases/${id}/edit`,
      `/cases/${id}/events`,
      `/cases/${id}/captcha/x`,
      `/cases/${id}/captcha/x/image`,
    ];
    for (const path of gets) expect((await other.request(path)).status, path).toBe(404);
    const posts = [
      `/cases/${id}/edit`,
      `/cases/${id}/watching`,
      `/cases/${id}/delete`,
      `/cases/${id}/check`,
      `/cases/${id}/captcha/x`,
    ];
    for (const path of posts)
      expect((await other.post(path, { label: 'stolen', watching: 'no' })).status, path).toBe(404);
    const kase = await fx.services.cases.get(id);
    expect(kase.label).toBe('My F1');
    expect(kase.watching).toBe(true);
    // Signed out, every page sends the visitor to sign in instead.
    const anon = new Client(fx.app);
    const res = await anon.request(`/cases/${id}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/signin?next=%2Fcases%2F${id}`);
  });

  it('deleting the account removes its cases too', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('e@example.com', 'my password 123');
    await addCase(c);
    await c.page('/account');
    await c.post('/account/delete', { confirm: 'yes', password: 'my password 123' });
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });
});
