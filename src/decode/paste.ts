/**
 * Turns what people copy from the CEAC status page into an Observation. Pastes come in every shape:
 * the whole block or only the paragraph or only the status word; labels in any order, on one line or
 * split from their values; extra lines from the page or from the person; odd spacing, curly quotes,
 * upper case; masked case numbers; text cut short ("Please be advised that ……..").
 */
import { stateForStatusWord, STATUS_WORDS } from '../knowledge/statuses.js';
import type { Observation } from '../knowledge/types.js';
import { parseCeacDate } from './dates.js';
import { matchKnownText } from './match.js';
import { cleanPostName, cleanText, squash, trimEndOf } from './text.js';

/** Longer pastes are cut here: a CEAC page's text is about 2 KB, and decoding must stay fast. */
export const MAX_PASTE_CHARS = 200_000;
/** How much of a text that matched nothing is kept as the observation's message. */
const MAX_UNRECOGNISED_CHARS = 2_000;

/** The labels of the status block; a label always ends in a colon. */
const LABEL =
  '(application id or case number|application id|case number|case created|case last updated|(?:visa )?status)\\s*:';
const LABELS = new RegExp(LABEL, 'gi');
const LABEL_START = new RegExp(`^${LABEL}`, 'i');
const LABEL_LINE = new RegExp(`^${LABEL}\\s*(.*)$`, 'i');

type Field = 'caseNumber' | 'caseCreated' | 'caseLastUpdated' | 'status';
function fieldOf(label: string): Field {
  const l = label.toLowerCase();
  if (l === 'case created') return 'caseCreated';
  if (l === 'case last updated') return 'caseLastUpdated';
  if (l.endsWith('status')) return 'status';
  return 'caseNumber';
}

/** Lines of the page around the status that carry no information about the case. */
const PAGE_NOISE = new Set([
  'u.s. department of state',
  'us department of state',
  'visa status check',
  'nonimmigrant visa (niv)',
  'immigrant visa (iv)',
  'nonimmigrant visa application',
  'immigrant visa application',
  'nonimmigrant visa',
  'immigrant visa',
  'consular electronic application center',
  'ceac',
  'print',
  'close',
  'help',
  'status',
  'your visa status',
]);

const DATE_AT_START =
  /^(\d{1,2}[-\s./]+[A-Za-z]{3,9}\.?[-\s./,]+\d{4}|\d{4}-\d{1,2}-\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})/;
const CASE_NUMBER = /^[A-Z0-9]{6,20}$/;
/** NIV "AA0020AKAX", IV "LMA2020656002", DV "2023EU0012345", alone on a line without a label. */
const LOOKS_LIKE_CASE_NUMBER = /^(?:AA[0-9A-Z]{8}|[A-Z]{3}\d{10}|\d{4}[A-Z]{2}\d{1,10})$/i;

/**
 * Parses a pasted status (any of the forms above). Never throws; fields not found are null. When the
 * status word is missing but the text names its status unambiguously, `status` is that word.
 */
export function parsePaste(input: string): Observation {
  return parsePasteDetailed(input).observation;
}

export interface PasteParse {
  observation: Observation;
  /** The status word was not in the paste; it was taken from the recognised text. */
  statusFromText: boolean;
  /** The paste was longer than MAX_PASTE_CHARS and only its beginning was read. */
  truncated: boolean;
}

export function parsePasteDetailed(input: string): PasteParse {
  const text = cleanText(input.length > MAX_PASTE_CHARS ? input.slice(0, MAX_PASTE_CHARS) : input);
  const found: Record<Field, string | null> = {
    caseNumber: null,
    caseCreated: null,
    caseLastUpdated: null,
    status: null,
  };
  let post: string | null = null;

  // Each label starts a line of its own, so that "Case Created: 28-Jul-2022 Case Last Updated: …" splits.
  const lines = text.replace(LABELS, '\n$1:').split('\n').map(squash);
  const free: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      free.push('');
      continue;
    }
    const label = LABEL_LINE.exec(line);
    if (label) {
      const field = fieldOf(label[1]!);
      let value = label[2]!;
      // The value on the next line, as when a table is copied cell by cell.
      if (value === '') {
        let j = i + 1;
        while (j < lines.length && lines[j] === '') j++;
        if (j < lines.length && !LABEL_START.test(lines[j]!)) {
          value = lines[j]!;
          i = j;
        }
      }
      const rest = takeValue(field, value, found);
      if (rest) free.push(rest);
      continue;
    }
    if (line.length <= 60 && PAGE_NOISE.has(trimEndOf(line.toLowerCase(), ' :'))) continue;
    if (found.caseNumber === null && LOOKS_LIKE_CASE_NUMBER.test(line)) {
      found.caseNumber = line.toUpperCase();
      continue;
    }
    if (found.status === null) {
      const state = stateForStatusWord(line);
      if (state) {
        found.status = STATUS_WORDS[state];
        continue;
      }
    }
    free.push(line);
  }

  let freeText = free.join('\n');
  const postSentence = findPostSentence(freeText);
  if (postSentence) {
    post = postSentence.post;
    freeText = freeText.slice(0, postSentence.start) + '\n' + freeText.slice(postSentence.end);
  }

  let message: string | null = null;
  let statusFromText = false;
  const match = matchKnownText(freeText);
  if (match) {
    const end = extendOverPunctuation(freeText, match.end);
    message = squash(freeText.slice(match.start, end));
    if (found.status === null) {
      // "Refused  A U.S. consular officer…" on one line: the status word sits just before the text.
      const lineStart = freeText.lastIndexOf('\n', match.start - 1) + 1;
      const state = statusWordAtEnd(freeText.slice(lineStart, match.start));
      if (state) found.status = STATUS_WORDS[state];
    }
    if (found.status === null && match.state !== 'unknown') {
      found.status = STATUS_WORDS[match.state];
      statusFromText = true;
    }
  } else {
    const rest = squash(freeText);
    // Unrecognised text is kept for the person to see, but a megabyte of it is nobody's status.
    message =
      rest === '' ? null : rest.length > MAX_UNRECOGNISED_CHARS ? `${rest.slice(0, MAX_UNRECOGNISED_CHARS)}…` : rest;
    if (found.status === null && message !== null && message.length <= 60) {
      // A short note such as "refused, administrative processing?" names a status loosely.
      const loose = looseStatusWord(message);
      if (loose) {
        found.status = loose;
        if (stateForStatusWord(message)) message = null;
      }
    }
  }

  const observation: Observation = {
    status: found.status,
    caseNumber: found.caseNumber,
    caseCreated: found.caseCreated,
    caseLastUpdated: found.caseLastUpdated,
    post,
    message,
  };
  return { observation, statusFromText, truncated: input.length > MAX_PASTE_CHARS };
}

/** A status word (one to three words) just before the text on its line: "… Refused: A U.S. …". */
function statusWordAtEnd(before: string) {
  const words = trimEndOf(before.slice(-60), ' :.-').split(' ');
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const state = stateForStatusWord(words.slice(-n).join(' '));
    if (state) return state;
  }
  return undefined;
}

/** Stores a labelled value; returns what followed the value on its line (free text). */
function takeValue(field: Field, value: string, found: Record<Field, string | null>): string {
  if (field === 'caseCreated' || field === 'caseLastUpdated') {
    const m = DATE_AT_START.exec(value);
    if (!m) return value;
    if (found[field] === null) found[field] = parseCeacDate(m[1]!);
    return squash(value.slice(m[0].length));
  }
  if (field === 'status') {
    const state = stateForStatusWord(value);
    if (state) {
      found.status ??= STATUS_WORDS[state];
      return '';
    }
    return value;
  }
  const first = value.split(' ', 1)[0] ?? '';
  const rest = squash(value.slice(first.length));
  const id = first.replace(/[-–]/g, '').toUpperCase();
  // A masked number ("***********", "AA00••••12", "XXXXXXXXXX") is not a case number.
  const masked = /[^A-Z0-9]/.test(id) || /^X+$/.test(id);
  if (!masked && CASE_NUMBER.test(id) && /\d/.test(id)) found.caseNumber ??= id;
  return rest;
}

const POST_SENTENCE = /for more information,? please visit\s+(?!travel\.state\.gov)(?!the website)([^\n]{2,160})/gi;

/** The last "For more information, please visit <post>." of the text, and where it sits. */
function findPostSentence(text: string): { post: string; start: number; end: number } | null {
  let last: RegExpExecArray | null = null;
  POST_SENTENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POST_SENTENCE.exec(text)) !== null) last = m;
  if (!last) return null;
  const raw = last[1]!;
  const post = cleanPostName(raw);
  if (!post) return null;
  // Remove up to the end of the post's sentence only; whatever follows stays free text.
  const nameAt = last.index + last[0].length - raw.length;
  const sentenceEnd = raw.indexOf(post) + post.length;
  const end = nameAt + sentenceEnd + (raw[sentenceEnd] === '.' ? 1 : 0);
  return { post, start: last.index, end };
}

/** Includes the closing punctuation of the last word (".", "……") in the message. */
function extendOverPunctuation(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < 12 && /[.!?,;:'")\]]/.test(text[e]!)) e++;
  return e;
}

/** The one status named anywhere in a short note; undefined when none or several. */
function looseStatusWord(note: string): string | undefined {
  const lower = ` ${note.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  const named = new Set<string>();
  for (const word of Object.values(STATUS_WORDS)) {
    if (lower.includes(` ${word.toLowerCase()} `)) named.add(word);
  }
  return named.size === 1 ? [...named][0] : undefined;
}
