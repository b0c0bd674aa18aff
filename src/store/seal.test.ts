import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createSealer, KEY_FILE_NAME, keyFromSecret, loadSealer, looksSealed, SealError } from './seal.js';

describe('createSealer', () => {
  const sealer = createSealer(randomBytes(32));

  it('round-trips text, including non-ASCII, and never stores it in the clear', () => {
    for (const plain of ['X1234567', 'Ñúñez-Øster 李', '']) {
      const sealed = sealer.seal(plain);
      expect(looksSealed(sealed)).toBe(true);
      if (plain) expect(sealed).not.toContain(plain);
      expect(sealer.unseal(sealed)).toBe(plain);
    }
  });

  it('uses a fresh IV: sealing the same value twice gives different ciphertexts', () => {
    expect(sealer.seal('X1234567')).not.toBe(sealer.seal('X1234567'));
  });

  it('refuses a value sealed with another key with a clear message, never garbage', () => {
    const other = createSealer(randomBytes(32));
    const sealed = other.seal('SMITH');
    expect(() => sealer.unseal(sealed)).toThrow(SealError);
    expect(() => sealer.unseal(sealed)).toThrow(/another key/);
  });

  it('detects tampering even when the key id is forged', () => {
    const other = createSealer(randomBytes(32));
    const forged = other.seal('SMITH').replace(/^sv1\.[0-9a-f]{8}\./, `sv1.${sealer.keyId}.`);
    expect(() => sealer.unseal(forged)).toThrow(/integrity/);
    const sealed = sealer.seal('SMITH');
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => sealer.unseal(flipped)).toThrow(SealError);
  });

  it('rejects plain text handed to unseal', () => {
    expect(() => sealer.unseal('X1234567')).toThrow(/not sealed/);
  });

  it('keyedHash is deterministic per key and differs between keys', () => {
    const other = createSealer(randomBytes(32));
    expect(sealer.keyedHash('X1234567')).toBe(sealer.keyedHash('X1234567'));
    expect(sealer.keyedHash('X1234567')).not.toBe(sealer.keyedHash('X1234568'));
    expect(sealer.keyedHash('X1234567')).not.toBe(other.keyedHash('X1234567'));
    expect(sealer.keyedHash('X1234567')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => createSealer(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadSealer', () => {
  it('creates a 0600 key file on first start and reuses it afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seal-'));
    const first = await loadSealer({ CEAC_WATCH_DATA: join(dir, 'data') });
    const file = join(dir, 'data', KEY_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const sealed = first.seal('X1234567');
    const second = await loadSealer({ CEAC_WATCH_DATA: join(dir, 'data') });
    expect(second.unseal(sealed)).toBe('X1234567');
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(44);
  });

  it('derives the same key from the same secret, and a different one from another secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seal-'));
    const a = await loadSealer({ CEAC_WATCH_DATA: dir, CEAC_WATCH_SECRET: 'correct horse battery staple' });
    const b = await loadSealer({ CEAC_WATCH_DATA: dir, CEAC_WATCH_SECRET: 'correct horse battery staple' });
    const c = await loadSealer({ CEAC_WATCH_DATA: dir, CEAC_WATCH_SECRET: 'another long secret value' });
    expect(b.unseal(a.seal('SMITH'))).toBe('SMITH');
    expect(() => c.unseal(a.seal('SMITH'))).toThrow(/another key/);
    await expect(keyFromSecret('short')).rejects.toThrow(/at least 12/);
  });

  it('says clearly when the key file is damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seal-'));
    await writeFile(join(dir, KEY_FILE_NAME), 'not a key');
    await expect(loadSealer({ CEAC_WATCH_DATA: dir })).rejects.toThrow(/damaged/);
  });
});
