import type { Child } from 'hono/jsx';

import type { MessageKey, MessageValue } from '../../i18n/catalog.js';
import { t } from '../language.js';

/**
 * A message whose arguments include markup (a date in <strong>, a link): the words come from the catalogue as one
 * sentence, so a translation may put the parts in any order, and the parts are put back as elements. Each
 * element's argument is formatted as a marker made of private-use characters, which no message contains.
 */
export function Rich(p: {
  k: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
  parts: Readonly<Record<string, Child>>;
}) {
  const markers: Record<string, string> = {};
  for (const name of Object.keys(p.parts)) markers[name] = `\uE000${name}\uE001`;
  const text = t(p.k, { ...p.values, ...markers });
  return (
    <>{text.split(/\uE000([^\uE001]*)\uE001/).map((piece, i) => (i % 2 === 1 ? (p.parts[piece] ?? null) : piece))}</>
  );
}
