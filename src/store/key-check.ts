import { SetupError } from '../errors.js';
import type { Store } from './db.js';
import type { Sealer } from './seal.js';

/**
 * The key check: a fixed text sealed with the key the database was written with (table key_check).
 * Every start compares it with the key it was given, and refuses a key that does not open it, before
 * anything is read or written: with a wrong CEAC_WATCH_SECRET, nothing sealed could be read (sign-in
 * would fail, the same e-mail could sign up again, pending notifications could not be sent).
 */
const PROBE = 'ceac-watch key check v1';

/** Thrown at start when the key does not open this database: a usage error (exit 2), one line. */
export class KeyMismatchError extends SetupError {
  override name = 'KeyMismatchError';
}

export async function checkSealingKey(
  store: Store,
  sealer: Sealer,
  keySource: string,
  now: () => number = Date.now,
): Promise<void> {
  const db = store.db;
  const mismatch = () =>
    new KeyMismatchError(
      `${keySource} does not open the data in ${store.location}: it was written with another key. ` +
        'Start with the secret (or the key file) it was written with; nothing was changed.',
    );
  const opens = (sealed: string) => {
    try {
      return sealer.unseal(sealed);
    } catch {
      return null;
    }
  };
  const row = await db.selectFrom('key_check').select('sealed').where('id', '=', 1).executeTakeFirst();
  if (row) {
    if (opens(row.sealed) !== PROBE) throw mismatch();
    return;
  }
  // A database from before the key check: judge by a value already sealed in it, if there is one.
  const samples = await Promise.all([
    db.selectFrom('users').select('email_sealed as v').limit(1).executeTakeFirst(),
    db.selectFrom('notify_channels').select('url_sealed as v').limit(1).executeTakeFirst(),
    db
      .selectFrom('cases')
      .select('surname_sealed as v')
      .where('surname_sealed', 'is not', null)
      .limit(1)
      .executeTakeFirst(),
  ]);
  for (const s of samples) if (s?.v && opens(s.v) === null) throw mismatch();
  await db
    .insertInto('key_check')
    .values({ id: 1, sealed: sealer.seal(PROBE), created_at: now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  // Two first starts at once: whichever row won must open with this key too.
  const stored = await db.selectFrom('key_check').select('sealed').where('id', '=', 1).executeTakeFirstOrThrow();
  if (opens(stored.sealed) !== PROBE) throw mismatch();
}
