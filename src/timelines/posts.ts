/**
 * Checkee's consulate names to CEAC location codes. Checkee spells posts its own way (BeiJing,
 * NewDelhi, "Montreal " with a trailing space); the names that are not one post (Europe, Others)
 * are kept as given so that they can still be filtered on.
 */
import { findLocation } from '../knowledge/locations.js';

const CHECKEE_POSTS: Readonly<Record<string, string>> = {
  beijing: 'BEJ',
  shanghai: 'SHG',
  guangzhou: 'GUZ',
  chengdu: 'CHE',
  shenyang: 'SNY',
  wuhan: 'WUH',
  hongkong: 'HNK',
  taipei: 'TAI',
  toronto: 'TRT',
  ottawa: 'OTT',
  vancouver: 'VAC',
  montreal: 'MTL',
  quebec: 'QBC',
  calgary: 'CLG',
  halifax: 'HLF',
  mumbai: 'BMB',
  chennai: 'MDR',
  newdelhi: 'NWD',
  kolkata: 'CLC',
  hyderabad: 'HYD',
  tijuana: 'TJT',
  mexicocity: 'MEX',
};

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The CEAC code for a checkee consulate name (checkee's own spellings first, then any post name
 * the location list knows), or the trimmed name itself when it is not one post (Europe, Others).
 */
export function postFromCheckee(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const known = CHECKEE_POSTS[squash(trimmed)];
  if (known) return known;
  let found = looked.get(trimmed);
  if (found === undefined) looked.set(trimmed, (found = findLocation(trimmed)?.code ?? trimmed));
  return found;
}
const looked = new Map<string, string>();

/** The codes this module maps to, for checking them against the CEAC location list. */
export const CHECKEE_POST_CODES: readonly string[] = [...new Set(Object.values(CHECKEE_POSTS))];
