import type { EventKind } from './types.js';

/**
 * What a notification is made from: an event and its case. Only these case fields are read: never the passport or
 * surname, and the case number is masked to its last 4 characters everywhere (including a label that happens to
 * contain it).
 */
export interface CaseFacts {
  id: number;
  label: string | null;
  group_name: string | null;
  case_number: string;
  app_type: string | null;
  location: string | null;
  /** CaseContext as JSON (route, slip, officer, passport): sharpens the meaning when it is decoded again in another language. */
  context_json?: string | null;
}

export interface EventFacts {
  id: number;
  case_id: number;
  kind: EventKind;
  at: number;
  from_json: string | null;
  to_json: string | null;
  interpretation_json: string | null;
  detail_json: string | null;
}

/** Events that carry a sentence of their own (detail_json: Notice) instead of a status change. */
export const NOTICE_KINDS: readonly EventKind[] = ['reminder', 'clearance_wave'];

/** detail_json of a reminder or clearance_wave event. */
export interface Notice {
  message: string;
  date?: string | null;
  source?: string | null;
}

export function maskLast4(caseNumber: string): string {
  const clean = caseNumber.trim();
  return clean.length <= 4 ? '****' : `${'*'.repeat(clean.length - 4)}${clean.slice(-4)}`;
}

/** The text with the case number masked wherever it appears. */
export function scrub(text: string, caseNumber: string): string {
  if (!caseNumber || caseNumber.length < 5) return text;
  return text.split(caseNumber).join(maskLast4(caseNumber));
}

export function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function caseName(c: CaseFacts): string {
  const masked = maskLast4(c.case_number);
  return c.label ? `${scrub(c.label, c.case_number)} (${masked})` : masked;
}
