import { afterEach, beforeEach, describe, expect, it } from 'vitest';

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

/** Calls the API and checks the answer against the OpenAPI document (status documented, body conforms). */
async function call(
  token: string | null,
  method: string,
  path: string,
  template: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fx.app.request(path, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const schema = responseSchema(doc, template, method, res.status);
  const json = res.status === 204 ? null : await res.json();
  if (schema) expect(checkAgainst(doc, schema, json), `${method} ${path} -> ${res.status}`).toEqual([]);
  return { status: res.status, json };
}

async function tokenFor(email: string): Promise<string> {
  const c = new Client(fx.app);
  await c.signUp(email);
  return (await fx.services.accounts.createApiToken((await fx.services.accounts.findByEmail(email))!.id, 'test')).token;
}

const NEW = {
  app: 'NIV',
  location: 'Mumbai',
  caseNumber: 'AA0012AB34',
  passport: 'P1234567',
  surname: 'Sharma',
  context: { route: 'dropbox', visaClass: 'F1' },
};

describe('JSON API', () => {
  it('publishes an OpenAPI 3.1 document describing every route with the shared error shape', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/me',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/history',
      '/api/v1/cases/{id}/check',
    ])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
    // The checker used below does reject what the document does not allow.
    const caseSchema = responseSchema(doc, '/api/v1/cases/{id}', 'GET', 200)!;
    expect(checkAgainst(doc, caseSchema, { id: 'x' })).toEqual(
      expect.arrayContaining(['$.id: expected integer, got string', '$.caseNumber: required']),
    );
  });

  it('answers 401 in the error shape on every account route without a token', async () => {
    const routes: [string, string, string][] = [
      ['GET', '/api/v1/me', '/api/v1/me'],
      ['GET', '/api/v1/cases', '/api/v1/cases'],
      ['POST', '/api/v1/cases', '/api/v1/cases'],
      ['GET', '/api/v1/cases/1', '/api/v1/cases/{id}'],
      ['PATCH', '/api/v1/cases/1', '/api/v1/cases/{id}'],
      ['DELETE', '/api/v1/cases/1', '/api/v1/cases/{id}'],
      ['GET', '/api/v1/cases/1/history', '/api/v1/cases/{id}/history'],
      ['POST', '/api/v1/cases/1/check', '/api/v1/cases/{id}/check'],
    ];
    for (const [m, p, t] of routes) {
      const r = await call(null, m, p, t, m === 'POST' || m === 'PATCH' ? {} : undefined);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(r.json.error.code).toBe('unauthorized');
    }
    expect((await call('cw_not-a-real-token', 'GET', '/api/v1/me', '/api/v1/me')).status).toBe(401);
  });

  it('creates, reads, changes, pages and deletes cases, never returning the passport unmasked', async () => {
    const token = await tokenFor('api@example.com');
    const created = await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', NEW);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      location: 'BMB',
      caseNumber: 'AA0012AB34',
      passport: '•••••567',
      current: null,
    });
    expect(JSON.stringify(created.json)).not.toContain('P1234567');
    expect(JSON.stringify(created.json)).not.toContain('SHARMA');
    const id = created.json.id;
    const got = await call(token, 'GET', `/api/v1/cases/${id}`, '/api/v1/cases/{id}');
    expect(got.json.id).toBe(id);
    const patched = await call(token, 'PATCH', `/api/v1/cases/${id}`, '/api/v1/cases/{id}', {
      label: 'Mine',
      context: { entry: 'renewal' },
    });
    expect(patched.json).toMatchObject({
      label: 'Mine',
      context: { route: 'dropbox', visaClass: 'F1', entry: 'renewal' },
    });
    for (let i = 0; i < 4; i++)
      await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', { ...NEW, caseNumber: `AA0012AB4${i}` });
    const p1 = await call(token, 'GET', '/api/v1/cases?limit=2', '/api/v1/cases');
    expect(p1.json.items.map((x: { id: number }) => x.id)).toHaveLength(2);
    const p2 = await call(token, 'GET', `/api/v1/cases?limit=2&cursor=${p1.json.nextCursor}`, '/api/v1/cases');
    const p3 = await call(token, 'GET', `/api/v1/cases?limit=2&cursor=${p2.json.nextCursor}`, '/api/v1/cases');
    expect(p3.json.nextCursor).toBeNull();
    const ids = [...p1.json.items, ...p2.json.items, ...p3.json.items].map((x: { id: number }) => x.id);
    expect(new Set(ids).size).toBe(5);
    const hist = await call(token, 'GET', `/api/v1/cases/${id}/history`, '/api/v1/cases/{id}/history');
    expect(hist.json).toEqual({ items: [], nextCursor: null });
    expect((await call(token, 'DELETE', `/api/v1/cases/${id}`, '/api/v1/cases/{id}')).status).toBe(204);
    expect((await call(token, 'GET', `/api/v1/cases/${id}`, '/api/v1/cases/{id}')).status).toBe(404);
  });

  it('answers a body that is not JSON with 400 in the error shape, after the sign-in check', async () => {
    const token = await tokenFor('body@example.com');
    const send = (auth: string | null, body: string, type = 'application/json') =>
      fx.app.request('/api/v1/cases', {
        method: 'POST',
        headers: { ...(auth && { authorization: `Bearer ${auth}` }), 'content-type': type },
        body,
      });
    for (const body of ['{"app": "NIV",', '', 'not json']) {
      const res = await send(token, body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'bad_request', message: 'The request body is not valid JSON.' },
      });
    }
    // A JSON media type with a suffix is JSON too.
    expect((await send(token, '{', 'application/merge-patch+json; charset=utf-8')).status).toBe(400);
    // Without an account the answer is 401 whatever the body, and valid JSON still reaches validation (422).
    expect((await send(null, '{')).status).toBe(401);
    expect((await send(token, '{"app":"XX"}')).status).toBe(422);
    expect(await fx.store.db.selectFrom('cases').select('id').execute()).toEqual([]);
  });

  it('names each invalid field in the error', async () => {
    const token = await tokenFor('v@example.com');
    let r = await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', { app: 'XYZ', caseNumber: 5 });
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.error.fields)).toEqual(expect.arrayContaining(['app', 'caseNumber']));
    r = await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', { ...NEW, location: 'India' });
    expect(r.status).toBe(422);
    expect(r.json.error.fields.location).toContain('several consulates');
    r = await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', { ...NEW, passport: undefined });
    expect(r.status).toBe(422);
    expect(r.json.error.fields).toHaveProperty('passport');
    await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', NEW);
    r = await call(token, 'POST', '/api/v1/cases', '/api/v1/cases', NEW);
    expect(r.status).toBe(409);
    r = await call(token, 'GET', '/api/v1/cases?limit=0', '/api/v1/cases');
    expect(r.status).toBe(422);
    expect(r.json.error.fields).toHaveProperty('limit');
  });

  it("answers 404 on every route of another person's case and changes nothing", async () => {
    const owner = await tokenFor('owner@example.com');
    const other = await tokenFor('other@example.com');
    const { json } = await call(owner, 'POST', '/api/v1/cases', '/api/v1/cases', NEW);
    const id = json.id;
    const tries: [string, string, string, unknown?][] = [
      ['GET', `/api/v1/cases/${id}`, '/api/v1/cases/{id}'],
      ['PATCH', `/api/v1/cases/${id}`, '/api/v1/cases/{id}', { label: 'stolen' }],
      ['GET', `/api/v1/cases/${id}/history`, '/api/v1/cases/{id}/history'],
      ['POST', `/api/v1/cases/${id}/check`, '/api/v1/cases/{id}/check'],
      ['DELETE', `/api/v1/cases/${id}`, '/api/v1/cases/{id}'],
    ];
    for (const [m, p, t, b] of tries) expect((await call(other, m, p, t, b)).status, `${m} ${p}`).toBe(404);
    const list = await call(other, 'GET', '/api/v1/cases', '/api/v1/cases');
    expect(list.json.items).toEqual([]);
    const still = await call(owner, 'GET', `/api/v1/cases/${id}`, '/api/v1/cases/{id}');
    expect(still.json.label).toBeNull();
  });

  it('with a session cookie, needs the X-CSRF-Token header to change anything', async () => {
    const c = new Client(fx.app);
    await c.signUp('s@example.com');
    let res = await c.json('/api/v1/cases', 'POST', NEW);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    res = await c.json('/api/v1/cases', 'POST', NEW, { 'x-csrf-token': c.csrf });
    expect(res.status).toBe(201);
    res = await c.request('/api/v1/cases');
    expect(res.status).toBe(200);
  });
});
