/** What the content script asks the background worker, and what it answers. */
import type { Language } from '../../src/i18n/languages.js';
import type { Observation } from '../../src/knowledge/types.js';

export type Request =
  | { type: 'save'; observation: Observation }
  | { type: 'forum-line'; caseNumber: string }
  | { type: 'open-options' }
  | { type: 'language-pack'; language: Language };

export type SaveResult =
  | { kind: 'saved'; recorded: boolean; events: number }
  | { kind: 'not_connected' }
  | { kind: 'no_case'; addUrl: string }
  | { kind: 'token_rejected' }
  | { kind: 'unreachable'; url: string }
  | { kind: 'failed'; message: string };

export type ForumResult =
  { kind: 'line'; text: string } | { kind: 'not_connected' } | Exclude<SaveResult, { kind: 'saved' }>;

/** The connection to the person's ceac-watch, kept in chrome.storage.local. */
export interface Connection {
  url: string;
  token: string;
}
