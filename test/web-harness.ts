import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import { createLogger } from '../src/log.js';
import { createSealer } from '../src/store/seal.js';
import { openTestPostgres, openTestSqlite, type TestStore } from '../src/store/testing.js';
import { createWebApp, type WebAppOptions } from '../src/web/app.js';

/** Test support for the web app: a migrated in-memory database, a real sealer, logs captured. */
export async function webFixture(extra: Partial<WebAppOptions> & { postgres?: boolean } = {}) {
  const { postgres, ...options } = extra;
  const store: TestStore = postgres ? await openTestPostgres() : await openTestSqlite();
  const sealer = createSealer(randomBytes(32));
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const web = createWebApp({ store, sealer, logger, ...options });
  return { store, sealer, logLines, ...web, close: () => store.close() };
}

/** A browser-like client over app.request(): keeps cookies, finds CSRF tokens in pages. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(`http://localhost${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m) this.csrf = m[1]!;
    return { res, html };
  }

  /** Posts a form the way a browser does, with the CSRF token of the last page seen. */
  async post(path: string, fields: Record<string, string>, { csrf = true } = {}): Promise<Response> {
    const body = new URLSearchParams(csrf ? { _csrf: this.csrf, ...fields } : fields);
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async json(path: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async signUp(email: string, password = 'correct horse battery'): Promise<void> {
    await this.page('/signup');
    const res = await this.post('/signup', { email, password });
    if (res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    await this.page('/account');
  }
}
