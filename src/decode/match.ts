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

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words of a text, lower-cased, with their character offsets in the original. */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const re = /[A-Za-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && tokens.length < limit) {
    tokens.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

interface KnownText {
  entry: StatusText;
  words: string[];
}

const KNOWN: readonly KnownText[] = STATUS_TEXTS.filter((t) => t.text !== null).map((entry) => ({
  entry,
  words: tokenize(entry.text!).map((t) => t.word),
}));

/** Every run of three words of every known text, to find where a known text starts inside a paste. */
const TRIGRAMS = new Map<string, { known: number; at: number }[]>();
KNOWN.forEach((k, known) => {
  for (let at = 0; at + 2 < k.words.length; at++) {
    const key = `${k.words[at]} ${k.words[at + 1]} ${k.words[at + 2]}`;
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

function align(msg: Token[], from: number, known: number, knownFrom: number): Alignment {
  const k = KNOWN[known]!.words;
  let i = from;
  let j = knownFrom;
  let matched = 0;
  let errors = 0;
  let good = { i: from - 1, j: knownFrom - 1, matched: 0, errors: 0 };
  while (i < msg.length && j < k.length) {
    const w = msg[i]!.word;
    if (w === k[j]) {
      matched++;
      i++;
      j++;
      good = { i: i - 1, j: j - 1, matched, errors };
      continue;
    }
    // A text cut short in the middle of its last word ("Please be adv").
    if (i === msg.length - 1 && k[j]!.startsWith(w)) {
      matched++;
      good = { i, j, matched, errors };
      break;
    }
    errors++;
    if (errors > 1 + Math.floor(matched / 12)) break;
    const next = msg[i + 1]?.word;
    if (next !== undefined && next === k[j + 1]) {
      i++; // a wrong word
      j++;
    } else if (w === k[j + 1]) {
      j++; // a missing word
    } else if (next !== undefined && next === k[j]) {
      i++; // an extra word
    } else if (w === k[j + 2]) {
      j += 2; // two missing words
    } else {
      i++;
      j++;
    }
  }
  return {
    known,
    matched: good.matched,
    errors: good.errors,
    firstToken: from,
    lastToken: good.i,
    knownStart: knownFrom,
    knownEnd: good.j,
    score: good.matched - 3 * good.errors,
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
    const hits = TRIGRAMS.get(`${msg[p]!.word} ${msg[p + 1]!.word} ${msg[p + 2]!.word}`);
    if (!hits) continue;
    for (const { known, at } of hits) {
      if (p <= coveredUntil[known]!) continue;
      const a = align(msg, p, known, at);
      coveredUntil[known] = Math.max(coveredUntil[known]!, a.lastToken);
      const needed = Math.min(MIN_MATCHED, KNOWN[known]!.words.length);
      if (a.matched < needed) continue;
      const prev = best.get(known);
      if (!prev || a.score > prev.score || (a.score === prev.score && a.knownStart < prev.knownStart)) best.set(known, a);
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
    start: msg[top.firstToken]!.start,
    end: msg[top.lastToken]!.end,
    coverage: (top.knownEnd - top.knownStart + 1) / words.length,
    fromStart: top.knownStart === 0,
    errors: top.errors,
    alsoFits: single ? [] : entries.map((e) => e.variant),
    known: single ? entries[0]! : null,
  };
}
