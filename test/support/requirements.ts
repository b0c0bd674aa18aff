import { findBrowser } from '../../src/ceac/browser-path.js';

/**
 * What a test needs from the machine, looked up once: Chromium (the same lookup as the browser
 * transport) and PostgreSQL (TEST_DATABASE_URL). Without it the test is skipped with a printed
 * reason; with CEAC_TEST_REQUIRE_ALL=1 (CI) a missing one fails the run instead.
 */
const requireAll = process.env.CEAC_TEST_REQUIRE_ALL === '1';

function skipOrFail(name: string, reason: string): true {
  if (requireAll) throw new Error(`${name}: ${reason}, and CEAC_TEST_REQUIRE_ALL=1 forbids skipping`);
  console.warn(`${name}: skipped: ${reason}`);
  return true;
}

/** The Chromium to drive, or null when the test must skip (a reason is printed). */
export function chromiumOrSkip(name: string): string | null {
  const found = findBrowser();
  if (found.path !== null) return found.path;
  skipOrFail(name, found.reason);
  return null;
}

/** TEST_DATABASE_URL, or null when the PostgreSQL part must skip (a reason is printed). */
export function postgresOrSkip(name: string): string | null {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return url;
  skipOrFail(name, 'PostgreSQL run skipped: TEST_DATABASE_URL is not set');
  return null;
}
