/**
 * One line of a case's timeline in the style people post on forums and in chat groups:
 * "Interview: 2025-10-02 · Refused (221g): 2025-10-02 · Issued: 2025-11-14 · Post: Mumbai · F1".
 * It carries no case number, passport, name or e-mail: only dates, statuses, the post's city and
 * the visa class. Pure (the server builds it from a case's events; the browser extension from the
 * one answer on the page).
 */
import { STATUS_WORDS } from '../knowledge/statuses.js';
import type { State } from '../knowledge/types.js';

export interface ForumStep {
  state: State;
  variant: string;
  /** YYYY-MM-DD: CEAC's "Case Last Updated" when known, else the day it was seen. */
  date: string;
}

export interface ForumTimeline {
  /** The interview (or dropbox submission) date, YYYY-MM-DD. */
  interviewDate?: string | null;
  steps: ForumStep[];
  /** A city ("Mumbai") or a post's name ("U.S. Consulate General Mumbai": reduced to the city). */
  post?: string | null;
  visaClass?: string | null;
}

/** The forum shorthand of a variant: "Refused (221g)", "Refused (letter)". */
export function forumLabel(state: State, variant: string): string {
  const word = state === 'unknown' ? 'Unknown status' : STATUS_WORDS[state];
  if (variant === 'refused_221g') return `${word} (221g)`;
  if (variant === 'refused_letter' || variant === 'refused_letter_legacy') return `${word} (letter)`;
  return word;
}

/** "U.S. Consulate General Mumbai" -> "Mumbai"; "Embassy of the United States, Paris" -> "Paris". */
export function postCity(post: string): string {
  const s = post
    .replace(/^(the\s+)?(U\.?S\.?|United States)\s+(Embassy|Consulate(\s+General)?)(\s+(in|at))?\s*/i, '')
    .replace(/^(Embassy|Consulate(\s+General)?)\s+of\s+the\s+United\s+States,?\s*(in\s+)?/i, '')
    .trim();
  return s === '' ? post.trim() : s;
}

export function forumLine(t: ForumTimeline): string {
  const parts: string[] = [];
  if (t.interviewDate) parts.push(`Interview: ${t.interviewDate}`);
  let last = '';
  for (const step of t.steps) {
    const label = forumLabel(step.state, step.variant);
    // The same status seen again (a new "Case Last Updated") is not a new step for readers.
    if (label === last) continue;
    parts.push(`${label}: ${step.date}`);
    last = label;
  }
  if (t.post) parts.push(`Post: ${postCity(t.post)}`);
  if (t.visaClass) parts.push(t.visaClass);
  return parts.join(' · ');
}
