import { afterEach, describe, expect, it } from 'vitest';

import { webFixture } from './web-harness.js';

// Rate limits key on the caller's address. X-Forwarded-For is anyone's to forge, so it counts only
// when the operator says a proxy of theirs sets it (CEAC_WATCH_TRUST_PROXY).
let fx: Awaited<ReturnType<typeof webFixture>> | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function explainFrom(forwardedFor: string): Promise<number> {
  const res = await fx!.app.request('/api/v1/explain', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ text: 'Issued' }),
  });
  return res.status;
}

describe('client address for rate limits', () => {
  it('ignores X-Forwarded-For unless a trusted proxy is configured', async () => {
    fx = await webFixture({ rules: { explain: { limit: 2, windowMs: 60_000 } } });
    expect([await explainFrom('203.0.113.1'), await explainFrom('203.0.113.2')]).toEqual([200, 200]);
    // A forged new address does not buy a fresh allowance.
    expect(await explainFrom('203.0.113.3')).toBe(429);
  });

  it('limits each forwarded client separately behind a trusted proxy', async () => {
    // The proxy appends the address it saw: the last entry (one hop by default) is the client.
    fx = await webFixture({ trustProxy: true, rules: { explain: { limit: 2, windowMs: 60_000 } } });
    expect([await explainFrom('10.0.0.1, 203.0.113.1'), await explainFrom('203.0.113.1')]).toEqual([200, 200]);
    expect(await explainFrom('203.0.113.1')).toBe(429);
    expect(await explainFrom('203.0.113.2')).toBe(200);
  });
});
