import { statusTextFor } from '../knowledge/statuses.js';
import type { ScenarioCase } from './scenario.js';

export interface CaseView {
  status: string;
  variant: string;
  /** Description paragraph; empty where the knowledge base has no verbatim text. */
  text: string;
  /** Simulated seconds when the case was created (its first step). */
  createdAt: number;
  /** Simulated seconds of the latest status change or bump. */
  updatedAt: number;
}

/** What CEAC shows for a case at a simulated time; null before the case exists. */
export function caseViewAt(c: ScenarioCase, elapsed: number): CaseView | null {
  const first = c.steps[0];
  if (!first || first.at > elapsed) return null;
  let variant = first.variant!;
  let updatedAt = first.at;
  for (const step of c.steps) {
    if (step.at > elapsed) break;
    if (step.variant) variant = step.variant;
    updatedAt = step.at;
  }
  const t = statusTextFor(variant);
  return { status: t?.status ?? variant, variant, text: t?.text ?? '', createdAt: first.at, updatedAt };
}
