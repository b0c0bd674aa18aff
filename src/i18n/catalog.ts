/**
 * Message keys and descriptors. Code that builds an answer says *which* message it means (`msg(key, values)`), and
 * the shell that shows the answer turns it into words in the reader's language. The key type comes from the English
 * catalogue, so a typo in a key, or a key missing from a translation, fails the typecheck.
 */
import type { en } from './catalogs/en.js';

export type MessageKey = keyof typeof en;

/** A translation: every key of the English catalogue, no more, no less. */
export type Catalog = Readonly<Record<MessageKey, string>>;

/** One area of a translation: every key of that area's English file. */
export type AreaCatalog<Source> = Readonly<Record<keyof Source, string>>;

/** A value in a message: a plain value, or another message translated in the same language. */
export type MessageValue = string | number | Msg;

/** A message to be put into words later, in the reader's language. */
export interface Msg {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export function msg(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Msg {
  return values ? { key, values } : { key };
}
