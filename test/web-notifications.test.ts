import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { checkAgainst, responseSchema } from './openapi-check.js';
import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  if (receiver) await new Promise<void>((r) => receiver!.close(() => r()));
  receiver = undefined;
});

/** A real HTTP receiver on loopback that keeps every request body. */
async function webhookReceiver(): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', () => r()));
  return { url: `json://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, bodies };
}

describe('notification channels on the web', () => {
  it('adds a webhook channel (secret shown once, URL stored sealed), sends a test that arrives, and removes it', async () => {
    fx = await webFixture({ notify: { allowPrivateTargets: true } });
    const hook = await webhookReceiver();
    const c = new Client(fx.app);
    await c.signUp('n@example.com');
    await c.page('/notifications');
    let res = await c.post('/notifications', {
      url: hook.url,
      name: 'my hook',
      events: 'status_changed',
      timeZone: 'UTC',
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Added: “my hook”.');
    expect(html).toContain('signing secret');
    const row = await fx.store.db.selectFrom('notify_channels').selectAll().executeTakeFirstOrThrow();
    expect(row.url_sealed).not.toContain('127.0.0.1');
    expect(JSON.parse(row.events_json)).toEqual(['status_changed']);
    res = await c.post(`/notifications/${row.id}/test`, {});
    expect(res.status).toBe(303);
    expect(hook.bodies.length).toBe(1);
    res = await c.post(`/notifications/${row.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(await fx.store.db.selectFrom('notify_channels').selectAll().execute()).toHaveLength(0);
  });

  it('refuses private targets unless the operator allows them, and explains bad URLs', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('p@example.com');
    await c.page('/notifications');
    let res = await c.post('/notifications', {
      url: 'json://127.0.0.1:9/hook',
      events: 'status_changed',
      timeZone: 'UTC',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/private|loopback|local/i);
    res = await c.post('/notifications', { url: 'carrier-pigeon://home', events: 'status_changed', timeZone: 'UTC' });
    expect(res.status).toBe(422);
    res = await c.post('/notifications', {
      url: 'ntfys://ntfy.sh/topic',
      events: 'status_changed',
      quietStart: '22:00',
      quietEnd: '',
      timeZone: 'UTC',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('both ends of the quiet hours');
    expect(await fx.store.db.selectFrom('notify_channels').selectAll().execute()).toHaveLength(0);
  });

  it('answers 404 to every channel route of someone else, on pages and in the API', async () => {
    fx = await webFixture({ notify: { allowPrivateTargets: true } });
    const hook = await webhookReceiver();
    const owner = new Client(fx.app);
    await owner.signUp('o@example.com');
    await owner.page('/notifications');
    await owner.post('/notifications', { url: hook.url, events: 'status_changed', timeZone: 'UTC' });
    const id = (await fx.store.db.selectFrom('notify_channels').select('id').executeTakeFirstOrThrow()).id;
    const other = new Client(fx.app);
    await other.signUp('x@example.com');
    expect((await other.post(`/notifications/${id}/test`, {})).status).toBe(404);
    expect((await other.post(`/notifications/${id}/delete`, {})).status).toBe(404);
    const otherId = (await fx.services.accounts.findByEmail('x@example.com'))!.id;
    const token = (await fx.services.accounts.createApiToken(otherId, 't')).token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await fx.app.request(`/api/v1/channels/${id}/test`, { method: 'POST', headers: auth })).status).toBe(404);
    expect((await fx.app.request(`/api/v1/channels/${id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
    const list = await fx.app.request('/api/v1/channels', { headers: auth });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    expect(hook.bodies).toHaveLength(0);
    expect(await fx.store.db.selectFrom('notify_channels').selectAll().execute()).toHaveLength(1);
  });

  it('manages channels over the API as documented', async () => {
    fx = await webFixture({ notify: { allowPrivateTargets: true } });
    const hook = await webhookReceiver();
    const doc = await (await fx.app.request('/api/openapi.json')).json();
    const c = new Client(fx.app);
    await c.signUp('api-n@example.com');
    const token = (
      await fx.services.accounts.createApiToken((await fx.services.accounts.findByEmail('api-n@example.com'))!.id, 't')
    ).token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let res = await fx.app.request('/api/v1/channels', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        url: hook.url,
        events: ['status_changed', 'check_failing'],
        quiet: '22:00-07:00',
        timeZone: 'Asia/Kolkata',
      }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      channel: { id: number; url: string; quiet: string };
      generatedSecret: string;
    };
    expect(checkAgainst(doc, responseSchema(doc, '/api/v1/channels', 'post', 201)!, created)).toEqual([]);
    expect(created.generatedSecret).toBeTruthy();
    expect(created.channel.url).not.toContain(created.generatedSecret);
    expect(created.channel.quiet).toBe('22:00-07:00');
    res = await fx.app.request(`/api/v1/channels/${created.channel.id}/test`, { method: 'POST', headers });
    expect(await res.json()).toMatchObject({ ok: true });
    expect(hook.bodies).toHaveLength(1);
    res = await fx.app.request('/api/v1/channels', {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: 'json://example.com/x', timeZone: 'Mars/Base' }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'timeZone',
    );
    res = await fx.app.request(`/api/v1/channels/${created.channel.id}`, { method: 'DELETE', headers });
    expect(res.status).toBe(204);
  });
});
