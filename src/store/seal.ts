import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { AppError } from '../errors.js';

/**
 * Sealing of personal data at rest (passport numbers, surnames, e-mail addresses, channel secrets).
 *
 * A sealed value is `sv1.<key id>.<base64url(iv | tag | ciphertext)>`: AES-256-GCM with a fresh
 * 96-bit IV per value. The key id (a short HMAC of a fixed label) lets us say "this was sealed with a
 * different key" instead of failing with an opaque authentication error — and GCM's tag guarantees a
 * wrong key can never yield garbage.
 */
export interface Sealer {
  seal(plain: string): string;
  /** Throws SealError when the value is not sealed, was sealed with another key, or was tampered with. */
  unseal(sealed: string): string;
  /** HMAC-SHA256 (hex) under a key derived from the sealing key: equal inputs, equal hashes; for duplicate checks. */
  keyedHash(plain: string): string;
  /** Short public identifier of the key (never the key), for messages. */
  readonly keyId: string;
}

export class SealError extends AppError {
  override name = 'SealError';
  override readonly code = 'seal';
}

const PREFIX = 'sv1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE_NAME = 'secret.key';

/** True when a string has the shape of a sealed value (used to keep them out of logs too). */
export function looksSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new SealError(`a sealing key must be 32 bytes, got ${key.length}`);
  // Separate subkeys so that the hash key and the key id reveal nothing about the encryption key.
  const encKey = createHmac('sha256', key).update('ceac-watch/seal/encrypt').digest();
  const hashKey = createHmac('sha256', key).update('ceac-watch/seal/keyed-hash').digest();
  const keyId = createHmac('sha256', key).update('ceac-watch/seal/key-id').digest('hex').slice(0, 8);

  return {
    keyId,
    seal(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(keyId));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}.${keyId}.${Buffer.concat([iv, tag, body]).toString('base64url')}`;
    },
    unseal(sealed: string): string {
      const parts = sealed.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX) {
        throw new SealError('this value is not sealed data (expected sv1.<key id>.<data>)');
      }
      const [, id, data] = parts as [string, string, string];
      if (id !== keyId) {
        throw new SealError(
          `this data was sealed with another key (key id ${id}, current key ${keyId}): ` +
            'set CEAC_WATCH_SECRET (or restore the key file) to the key it was written with',
        );
      }
      const raw = Buffer.from(data, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError('sealed data is truncated');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealError('sealed data failed its integrity check: it was altered or the key is wrong');
      }
    },
    keyedHash(plain: string): string {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex');
    },
  };
}

function scryptAsync(secret: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // N=2^15 is a deliberate cost: the secret may be a human passphrase.
    scrypt(secret, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Derives the 32-byte key from CEAC_WATCH_SECRET (scrypt, fixed application salt). */
export async function keyFromSecret(secret: string): Promise<Buffer> {
  if (secret.length < 12) {
    throw new SealError('CEAC_WATCH_SECRET is too short: use at least 12 characters (e.g. `openssl rand -base64 32`)');
  }
  return scryptAsync(secret, 'ceac-watch/seal/v1');
}

/**
 * The sealer for this installation: from CEAC_WATCH_SECRET when set, else from `<data dir>/secret.key`,
 * created (32 random bytes, mode 0600) on first start.
 */
export async function loadSealer(config: {
  CEAC_WATCH_SECRET?: string | undefined;
  CEAC_WATCH_DATA: string;
}): Promise<Sealer> {
  if (config.CEAC_WATCH_SECRET) return createSealer(await keyFromSecret(config.CEAC_WATCH_SECRET));
  const file = join(config.CEAC_WATCH_DATA, KEY_FILE_NAME);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new SealError(`cannot read the key file ${file}: ${(err as Error).message}`);
    }
  }
  if (text === undefined) {
    // The data directory holds the key and the database: its owner's only (see store/db.ts).
    if ((await mkdir(config.CEAC_WATCH_DATA, { recursive: true, mode: 0o700 })) !== undefined)
      await chmod(config.CEAC_WATCH_DATA, 0o700);
    const key = randomBytes(32);
    try {
      // 'wx': never overwrite a key another process created a moment ago.
      await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
      return createSealer(key);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new SealError(`cannot create the key file ${file}: ${(err as Error).message}`);
      }
      text = await readFile(file, 'utf8');
    }
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new SealError(`the key file ${file} is damaged (expected 32 base64 bytes); restore it from a backup`);
  }
  return createSealer(key);
}
