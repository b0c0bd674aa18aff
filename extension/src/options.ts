/// <reference types="chrome" />
/**
 * The options page: connect the extension to the person's ceac-watch (address + API token, kept in
 * chrome.storage.local). The address's origin becomes an optional host permission, asked for when
 * the person presses Connect, so the extension can reach nothing else.
 */
import type { Connection } from './messages.js';
import { OPTIONS_STRINGS as S } from './strings.js';

const state = document.getElementById('state') as HTMLParagraphElement;
const urlInput = document.getElementById('url') as HTMLInputElement;
const tokenInput = document.getElementById('token') as HTMLInputElement;

function normaliseUrl(raw: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return null;
  return u;
}

async function show(): Promise<void> {
  const { connection } = await chrome.storage.local.get<{ connection?: Connection }>('connection');
  state.textContent = connection ? S.connected(connection.url) : S.notConnected;
  if (connection) urlInput.value = connection.url;
}

async function connect(url: URL, token: string, granted: Promise<boolean>): Promise<string> {
  if (!(await granted)) return S.permissionDenied;
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  let res: Response;
  try {
    res = await fetch(`${base}/api/v1/me`, { credentials: 'omit', headers: { authorization: `Bearer ${token}` } });
  } catch {
    return S.unreachable;
  }
  if (res.status !== 200) return S.tokenRejected;
  const connection: Connection = { url: base, token };
  await chrome.storage.local.set({ connection });
  tokenInput.value = '';
  return S.connected(base);
}

(document.getElementById('connect') as HTMLFormElement).addEventListener('submit', (e) => {
  e.preventDefault();
  const url = normaliseUrl(urlInput.value);
  const token = tokenInput.value.trim();
  if (!url) {
    state.textContent = S.badUrl;
    return;
  }
  if (!token) {
    state.textContent = S.noToken;
    return;
  }
  // Asked at once, inside the click: browsers grant permissions only during a user gesture.
  const granted = chrome.permissions.request({ origins: [`${url.origin}/*`] });
  void connect(url, token, granted).then((text) => {
    state.textContent = text;
  });
});

(document.getElementById('disconnect') as HTMLButtonElement).addEventListener('click', () => {
  void (async () => {
    const { connection } = await chrome.storage.local.get<{ connection?: Connection }>('connection');
    await chrome.storage.local.remove('connection');
    if (connection)
      await chrome.permissions.remove({ origins: [`${new URL(connection.url).origin}/*`] }).catch(() => false);
    state.textContent = S.disconnected;
  })();
});

void show();
