import { describe, expect, it } from 'vitest';

import { checkTarget, isPrivateAddress } from './ssrf.js';

// The SSRF guard's address classification (issue 12, item 8): every spelling of a private or
// reserved address is refused, public unicast addresses are allowed.
describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '169.254.169.254',
    '192.168.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '::ffff:0:7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b:1::7f00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2001:db8::1',
    '192.0.2.10',
    '198.51.100.10',
    '203.0.113.10',
    '198.18.0.1',
    '224.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '::ffff:1.1.1.1', '2a00:1450:4001:80b::200e'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('checkTarget', () => {
  it.each(['[::127.0.0.1]', '[::ffff:0:7f00:1]', '[64:ff9b:1::7f00:1]', '[2002:7f00:1::]', '192.0.2.1', '203.0.113.5'])(
    'refuses the bracketed or literal host %s',
    async (host) => {
      expect(await checkTarget(host, false)).toMatch(/private, loopback or link-local/);
    },
  );

  it('refuses a name that resolves to loopback', async () => {
    expect(await checkTarget('localhost', false)).toMatch(/refused: localhost resolves to/);
  });
});
