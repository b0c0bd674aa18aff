import { afterEach, describe, expect, it } from 'vitest';

import { type Stack, startStack } from './browser-harness.js';
import { checkAgainst, responseSchema } from './openapi-check.js';
import { Client } from './web-harness.js';

// "Check now" against the simulator through the real in-process tracker (no browser needed here).
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const NEW = { app: 'NIV', location: 'BMB', caseNumber: 'AA00DBX221', passport: 'Z4810023', surname: 'RAGHAVAN' };

async function setup(automaticCaptcha: boolean, checkNow = { limit: 6, windowMs: 600_000 }) {
  stack = await startStack({ automaticCaptcha, extra: { rules: { checkNow } } });
  // The first check on adding is the harness's business; these tests press the button themselves.
  stack.fixture.services.onCaseAdded = undefined;
  const { fixture } = stack;
  const c = new Client(fixture.app);
  await c.signUp('checker@example.com');
  const user = (await fixture.services.accounts.findByEmail('checker@example.com'))!;
  const token = (await fixture.services.accounts.createApiToken(user.id, 't')).token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await fixture.app.request('/api/v1/cases', { method: 'POST', headers, body: JSON.stringify(NEW) });
  const id = ((await res.json()) as { id: number }).id;
  const doc = await (await fixture.app.request('/api/openapi.json')).json();
  return { c, headers, id, doc, fixture };
}

describe('check now', { timeout: 60_000 }, () => {
  it('checks through the API with an automatic solver and records the first status', async () => {
    const { headers, id, doc, fixture } = await setup(true);
    const res = await fixture.app.request(`/api/v1/cases/${id}/check`, { method: 'POST', headers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(checkAgainst(doc, responseSchema(doc, '/api/v1/cases/{id}/check', 'post', 200)!, body)).toEqual([]);
    expect(body).toMatchObject({ outcome: 'ok', events: 1 });
    const hist = (await (await fixture.app.request(`/api/v1/cases/${id}/history`, { headers })).json()) as {
      items: { kind: string; to: { status: string } }[];
    };
    expect(hist.items.map((e) => e.kind)).toEqual(['first_seen']);
    expect(hist.items[0]!.to.status).toBe('Refused');
    const kase = (await (await fixture.app.request(`/api/v1/cases/${id}`, { headers })).json()) as {
      current: { interpretation: { variant: string } };
    };
    expect(kase.current.interpretation.variant).toBe('refused_221g');
  });

  it('never records a failed fetch as a status, and says on the page that the check failed', async () => {
    const { c, id, fixture } = await setup(true);
    stack!.sim.setFaults({ maintenance: 1 });
    await c.page(`/cases/${id}`);
    const res = await c.post(`/cases/${id}/check`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/checked=maintenance/);
    const page = await c.page(res.headers.get('location')!);
    expect(page.html).toContain('did not get an answer');
    expect(page.html).toContain('Not checked yet');
    expect(await fixture.store.db.selectFrom('events').selectAll().execute()).toHaveLength(0);
    expect(await fixture.store.db.selectFrom('observations').selectAll().execute()).toHaveLength(0);
  });

  it('queues the check (202) over the API when only a person can read the captcha', async () => {
    const { headers, id, fixture } = await setup(false);
    const res = await fixture.app.request(`/api/v1/cases/${id}/check`, { method: 'POST', headers });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { message: string }).message).toContain('type the captcha');
    const row = await fixture.store.db
      .selectFrom('cases')
      .select('next_check_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.next_check_at)).toBeLessThanOrEqual(Date.now());
  });

  it('rate-limits check now, on the page and in the API', async () => {
    const { c, headers, id, fixture } = await setup(true, { limit: 2, windowMs: 600_000 });
    await c.page(`/cases/${id}`);
    expect((await c.post(`/cases/${id}/check`, {})).headers.get('location')).toMatch(/checked=ok/);
    expect((await fixture.app.request(`/api/v1/cases/${id}/check`, { method: 'POST', headers })).status).toBe(200);
    const page = await c.post(`/cases/${id}/check`, {});
    expect(page.headers.get('location')).toMatch(/wait=/);
    const api = await fixture.app.request(`/api/v1/cases/${id}/check`, { method: 'POST', headers });
    expect(api.status).toBe(429);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('serves the captcha image only to the person whose check is waiting', async () => {
    const { c, id, fixture } = await setup(false);
    await c.page(`/cases/${id}`);
    const res = await c.post(`/cases/${id}/check`, {});
    const captchaPage = res.headers.get('location')!;
    expect(captchaPage).toMatch(new RegExp(`^/cases/${id}/captcha/[\\w-]+$`));
    const img = await c.request(`${captchaPage}/image`);
    expect(img.status).toBe(200);
    // Served with its own type: the simulator, like BotDetect, serves JPEG.
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    const png = Buffer.from(await img.arrayBuffer());
    expect([...png.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const stranger = new Client(fixture.app);
    await stranger.signUp('stranger@example.com');
    expect((await stranger.request(`${captchaPage}/image`)).status).toBe(404);
    expect((await stranger.request(captchaPage)).status).toBe(404);
    // Typing the right code finishes the check.
    await c.page(captchaPage);
    const done = await c.post(captchaPage, { code: await stack!.currentCaptchaAnswer() });
    expect(done.headers.get('location')).toMatch(/checked=ok&changed=1/);
  });

  it('announces a change that landed between the page render and the start of its live stream', async () => {
    const { c, id, fixture } = await setup(true);
    const { html } = await c.page(`/cases/${id}`);
    const src = /data-live-src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(src).toContain('?v=');
    await stack!.checker.check(id);
    const res = await c.request(src);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: changed')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain('event: ready');
    // A page that is current gets no such announcement.
    const fresh = await c.page(`/cases/${id}`);
    const src2 = /data-live-src="([^"]+)"/.exec(fresh.html)![1]!.replace(/&amp;/g, '&');
    const res2 = await c.request(src2);
    const r2 = res2.body!.getReader();
    let seen = '';
    const deadline = Date.now() + 800;
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        r2.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      seen += new TextDecoder().decode(chunk.value);
    }
    expect(seen).toContain('event: ready');
    expect(seen).not.toContain('changed');
    await r2.cancel();
    expect(await fixture.store.db.selectFrom('events').selectAll().execute()).toHaveLength(1);
  });

  it('runs one check when "check now" is pressed twice at once, and keeps the case out of the due list meanwhile', async () => {
    const { id, fixture } = await setup(true);
    const before = stack!.sim.stats();
    const [a, b] = await Promise.all([stack!.checker.check(id), stack!.checker.check(id)]);
    expect(a).toBe(b);
    const after = stack!.sim.stats();
    // One form submitted to the simulator, one attempt recorded.
    expect((after.post ?? 0) - (before.post ?? 0)).toBe(1);
    expect(await fixture.store.db.selectFrom('check_attempts').selectAll().execute()).toHaveLength(1);
  });
});
