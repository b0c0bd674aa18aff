/// <reference types="chrome" />
/**
 * The background worker: the only part that sends anything, and only to the ceac-watch the person
 * connected in the options (its origin is an optional host permission granted at that moment).
 * Token auth, no cookies. Without a connection it answers "not connected" and sends nothing.
 */
import { LANGUAGES } from '../../src/i18n/languages.js';
import type { Observation } from '../../src/knowledge/types.js';
import type { Connection, ForumResult, Request, SaveResult } from './messages.js';

async function connection(): Promise<Connection | null> {
  const { connection } = await chrome.storage.local.get<{ connection?: Connection }>('connection');
  return connection && connection.url && connection.token ? connection : null;
}

type Failure = Exclude<SaveResult, { kind: 'saved' }>;

async function post(c: Connection, path: string, body: unknown): Promise<{ status: number; json: unknown } | Failure> {
  let res: Response;
  try {
    res = await fetch(`${c.url}${path}`, {
      method: 'POST',
      credentials: 'omit',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'unreachable', url: c.url };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.status === 401) return { kind: 'token_rejected' };
  if (res.status === 404 && isNoCase(json)) return { kind: 'no_case', addUrl: `${c.url}${json.addCase}` };
  if (res.status !== 200) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
    return { kind: 'failed', message };
  }
  return { status: res.status, json };
}

function isNoCase(json: unknown): json is { addCase: string } {
  const j = json as { error?: { code?: unknown }; addCase?: unknown } | null;
  return j?.error?.code === 'case_not_found' && typeof j.addCase === 'string' && j.addCase.startsWith('/');
}

/** Only what the page shows: the case number and the status, never a passport number or surname. */
function body(o: Observation) {
  return {
    caseNumber: o.caseNumber,
    status: o.status,
    caseCreated: o.caseCreated,
    caseLastUpdated: o.caseLastUpdated,
    post: o.post,
    message: o.message,
  };
}

async function save(o: Observation): Promise<SaveResult> {
  const c = await connection();
  if (!c) return { kind: 'not_connected' };
  const r = await post(c, '/api/v1/observations', body(o));
  if ('kind' in r) return r;
  const j = r.json as { recorded: boolean; events: unknown[] };
  return { kind: 'saved', recorded: j.recorded, events: j.events.length };
}

async function forumLine(caseNumber: string): Promise<ForumResult> {
  const c = await connection();
  if (!c) return { kind: 'not_connected' };
  const r = await post(c, '/api/v1/forum-line', { caseNumber });
  if ('kind' in r) return r;
  return { kind: 'line', text: (r.json as { text: string }).text };
}

/** One language's words, from the file the build put beside the scripts (read here: content scripts cannot). */
async function languagePack(language: string): Promise<unknown> {
  if (language === 'en' || !(LANGUAGES as readonly string[]).includes(language)) return null;
  const res = await fetch(chrome.runtime.getURL(`i18n/${language}.json`));
  return res.ok ? res.json() : null;
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'save':
      return save(request.observation);
    case 'forum-line':
      return forumLine(request.caseNumber);
    case 'open-options':
      await chrome.runtime.openOptionsPage();
      return undefined;
    case 'language-pack':
      return languagePack(request.language);
  }
}

chrome.runtime.onMessage.addListener((request: Request, sender, sendResponse) => {
  // Only our own content script and pages talk to this worker.
  if (sender.id !== chrome.runtime.id) return false;
  handle(request).then(sendResponse, (err: unknown) => {
    sendResponse({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
  return true;
});
