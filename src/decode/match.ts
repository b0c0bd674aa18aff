/**
 * Recognises which known CEAC text a piece of writing is, the way a person would: word by word,
 * ignoring case, punctuation, quotes and spacing, forgiving a typo or a missing word, accepting a
 * text cut short, and finding the text even when other words surround it.
 *
 * Runs in time linear in the input (each alignment is bounded by the known text's length and stops
 * at the first run of mismatches), with no regular expression that could backtrack.
 */
import { STATUS_TEXTS, type StatusText } from '../knowledge/statuses.js';
import type { State } from '../knowledge/types.js';

/** The words of a text as numbers, with where each word sits (parallel arrays: matching allocates little). */
interface Words {
  text: string;
  length: number;
  /** The word's number in the vocabulary of the known texts; -1 for a word no known text has. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Every word of every known text, numbered: comparing numbers is what keeps matching fast. */
const VOCABULARY = new Map<string, number>();

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Splits a text into ASCII letter/digit words, lower-cased, up to `limit` words. */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Words {
  const capacity = Math.min(limit, (text.length >> 1) + 1);
  const ids = new Int32Array(capacity);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  let n = 0;
  let i = 0;
  while (i < text.length && n < capacity) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    ids[n] = VOCABULARY.get(text.slice(start, i).toLowerCase()) ?? -1;
    starts[n] = start;
    ends[n] = i;
    n++;
  }
  return { text, length: n, ids, starts, ends };
}

function wordAt(w: Words, i: number): string {
  return w.text.slice(w.starts[i], w.ends[i]).toLowerCase();
}

interface KnownText {
  entry: StatusText;
  words: string[];
  ids: number[];
}

const KNOWN: readonly KnownText[] = STATUS_TEXTS.filter((t) => t.text !== null).map((entry) => {
  const tokens = tokenize(entry.text!);
  const words = Array.from({ length: tokens.length }, (_, i) => wordAt(tokens, i));
  for (const w of words) if (!VOCABULARY.has(w)) VOCABULARY.set(w, VOCABULARY.size);
  return { entry, words, ids: words.map((w) => VOCABULARY.get(w)!) };
});

const V = VOCABULARY.size;
const trigramKey = (a: number, b: number, c: number) => (a * V + b) * V + c;

/** Every run of three words of every known text, to find where a known text starts inside a paste. */
const TRIGRAMS = new Map<number, { known: number; at: number }[]>();
KNOWN.forEach((k, known) => {
  for (let at = 0; at + 2 < k.ids.length; at++) {
    const key = trigramKey(k.ids[at]!, k.ids[at + 1]!, k.ids[at + 2]!);
    const list = TRIGRAMS.get(key) ?? [];
    list.push({ known, at });
    TRIGRAMS.set(key, list);
  }
});

/** A paste longer than this many words is not a CEAC paragraph; we look only at its beginning. */
const MAX_WORDS = 5000;
/** Fewer matching words than this (or than the whole known text) is not evidence. */
const MIN_MATCHED = 6;

interface Alignment {
  known: number;
  matched: number;
  errors: number;
  /** First and last message token of the match. */
  firstToken: number;
  lastToken: number;
  /** Where in the known text the match began and ended (word index). */
  knownStart: number;
  knownEnd: number;
  score: number;
}

/**
 * Walks the message and a known text side by side from a common starting point, forgiving a wrong,
 * missing or extra word now and then (one per 12 matched, plus one), and stops at the first run of
 * differences. The result ends at the last word that matched.
 */
function align(msg: Words, from: number, known: number, knownFrom: number): Alignment {
  const k = KNOWN[known]!.ids;
  let i = from;
  let j = knownFrom;
  let matched = 0;
  let errors = 0;
  let goodI = from - 1;
  let goodJ = knownFrom - 1;
  let goodErrors = 0;
  while (i < msg.length && j < k.length) {
    const w = msg.ids[i]!;
    if (w !== -1 && w === k[j]) {
      matched++;
      goodI = i++;
      goodJ = j++;
      goodErrors = errors;
      continue;
    }
    // A text cut short in the middle of its last word ("Please be adv").
    if (i === msg.length - 1 && KNOWN[known]!.words[j]!.startsWith(wordAt(msg, i))) {
      matched++;
      goodI = i;
      goodJ = j;
      goodErrors = errors;
      break;
    }
    errors++;
    if (errors > 1 + Math.floor(matched / 12)) break;
    const next = i + 1 < msg.length ? msg.ids[i + 1]! : -2;
    if (next >= 0 && next === k[j + 1]) {
      i++; // a wrong word
      j++;
    } else if (w >= 0 && w === k[j + 1]) {
      j++; // a missing word
    } else if (next >= 0 && next === k[j]) {
      i++; // an extra word
    } else if (w >= 0 && w === k[j + 2]) {
      j += 2; // two missing words
    } else {
      i++;
      j++;
    }
  }
  // Every match moves the good point, so `matched` is already the count up to it; errors after it are dropped.
  return {
    known,
    matched,
    errors: goodErrors,
    firstToken: from,
    lastToken: goodI,
    knownStart: knownFrom,
    knownEnd: goodJ,
    score: matched - 3 * goodErrors,
  };
}

export interface TextMatch {
  /** The variant recognised, or, when the words fit several texts of one state, that state's id. */
  variant: string;
  state: State;
  /** Character range of the recognised text in the input. */
  start: number;
  end: number;
  /** Share of the known text's words that were seen (1 = all of it). */
  coverage: number;
  /** The match begins at the known text's first word (not a fragment from its middle). */
  fromStart: boolean;
  /** Words that differed (typos, missing or extra words). */
  errors: number;
  /** Other variants the words fit equally well (empty when the variant is certain). */
  alsoFits: string[];
  /** The known text matched, when one variant was recognised. */
  known: StatusText | null;
}

/**
 * Finds the known CEAC text in `text`. Null when no known text is there (too little in common).
 * When the words fit several texts equally (e.g. only "A U.S. consular officer has adjudicated and
 * refused your visa application.", shared by the 221(g) and the letter texts), `variant` is the
 * state id and `alsoFits` names them.
 */
export function matchKnownText(text: string): TextMatch | null {
  const msg = tokenize(text, MAX_WORDS);
  if (msg.length < 3) return null;
  const best = new Map<number, Alignment>();
  const coveredUntil = new Array<number>(KNOWN.length).fill(-1);
  for (let p = 0; p + 2 < msg.length; p++) {
    const w1 = msg.ids[p]!;
    const w2 = msg.ids[p + 1]!;
    const w3 = msg.ids[p + 2]!;
    if (w1 < 0 || w2 < 0 || w3 < 0) continue;
    const hits = TRIGRAMS.get(trigramKey(w1, w2, w3));
    if (!hits) continue;
    for (const { known, at } of hits) {
      if (p <= coveredUntil[known]!) continue;
      const a = align(msg, p, known, at);
      coveredUntil[known] = Math.max(coveredUntil[known]!, a.lastToken);
      const needed = Math.min(MIN_MATCHED, KNOWN[known]!.words.length);
      if (a.matched < needed) continue;
      const prev = best.get(known);
      if (!prev || a.score > prev.score || (a.score === prev.score && a.knownStart < prev.knownStart))
        best.set(known, a);
    }
  }
  if (best.size === 0) return null;
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.knownStart - b.knownStart);
  const top = ranked[0]!;
  const ties = ranked.filter((a) => a.score === top.score);
  const entries = ties.map((a) => KNOWN[a.known]!.entry);
  const states = new Set(entries.map((e) => e.state));
  const state: State = states.size === 1 ? entries[0]!.state : 'unknown';
  const single = ties.length === 1;
  const words = KNOWN[top.known]!.words;
  return {
    variant: single ? entries[0]!.variant : state,
    state,
    start: msg.starts[top.firstToken]!,
    end: msg.ends[top.lastToken]!,
    coverage: (top.knownEnd - top.knownStart + 1) / words.length,
    fromStart: top.knownStart === 0,
    errors: top.errors,
    alsoFits: single ? [] : entries.map((e) => e.variant),
    known: single ? entries[0]! : null,
  };
}
