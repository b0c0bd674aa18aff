import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a Chromium or Chrome was found, or why none was. */
export type BrowserLookup = { path: string; reason?: undefined } | { path: null; reason: string };

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one browser lookup of the project (the browser transport, the web, the browser tests):
 * CEAC_BROWSER when set, else /usr/bin/chromium, else chromium or google-chrome on PATH.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  const chosen = env.CEAC_BROWSER?.trim();
  if (chosen) {
    return executable(chosen)
      ? { path: chosen }
      : { path: null, reason: `CEAC_BROWSER is "${chosen}", which is not an executable program` };
  }
  if (executable('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATES) {
      const path = join(dir, name);
      if (executable(path)) return { path };
    }
  }
  return {
    path: null,
    reason:
      'no Chromium or Chrome found (looked for CEAC_BROWSER, /usr/bin/chromium, then chromium and google-chrome on PATH)',
  };
}
