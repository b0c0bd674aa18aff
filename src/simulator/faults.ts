import { AppError } from '../errors.js';

/**
 * Injected faults: each kind happens with a rate in [0, 1], rolled per request where it applies.
 * `wrongcase` (an answer about another case) and `slow` (a late but good answer, within a client's
 * timeout) go beyond the list so that the client's WrongCase check and its patience can be
 * exercised too. `challenge` (Cloudflare's JavaScript challenge) is rolled once per new session,
 * before anything else, like `slow` apart from the per-request kinds.
 */
export const FAULT_KINDS = [
  '5xx',
  'timeout',
  'slow',
  'captcha',
  'maintenance',
  'blocked',
  'layout',
  'drop',
  'wrongcase',
  'challenge',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultSpec = Partial<Record<FaultKind, number>>;

export const FAULT_HELP =
  'a comma list of kind=rate, rates from 0 to 1, kinds: ' + FAULT_KINDS.join(', ') + ' (e.g. "5xx=0.2,captcha=0.3")';

export class FaultSpecError extends AppError {
  override name = 'FaultSpecError';
  override readonly code = 'fault_spec';
}

function isFaultKind(k: string): k is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(k);
}

/** Parses "5xx=0.2,captcha=0.3" (a kind alone means rate 1). */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind = '', rateText] = part.split('=').map((s) => s.trim());
    if (!isFaultKind(kind))
      throw new FaultSpecError(`unknown fault kind "${kind}" in "${part}": expected ${FAULT_HELP}`);
    const rate = rateText === undefined ? 1 : Number(rateText);
    if (rateText === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new FaultSpecError(`the rate of "${kind}" must be a number from 0 to 1, got "${rateText}"`);
    }
    spec[kind] = rate;
  }
  return spec;
}

/** Checks a spec that arrives as JSON (POST /__sim/faults). */
export function validateFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FaultSpecError(`faults must be an object like {"5xx": 0.2, "captcha": 0.3}`);
  }
  const spec: FaultSpec = {};
  for (const [k, v] of Object.entries(value)) {
    if (!isFaultKind(k)) throw new FaultSpecError(`unknown fault kind "${k}": expected ${FAULT_HELP}`);
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw new FaultSpecError(`the rate of "${k}" must be a number from 0 to 1`);
    spec[k] = v;
  }
  return spec;
}

/** What kind of request a fault may hit. */
export type RequestKind = 'form' | 'captcha' | 'post';

const APPLIES: Record<RequestKind, readonly FaultKind[]> = {
  form: ['blocked', 'drop', 'timeout', '5xx', 'maintenance', 'layout'],
  captcha: ['blocked', 'drop', 'timeout', '5xx'],
  post: ['blocked', 'drop', 'timeout', '5xx', 'maintenance', 'layout', 'captcha', 'wrongcase'],
};

/** The fault that hits this request, if any (first hit in a fixed order). `slow` and `challenge` are rolled apart. */
export function rollFault(spec: FaultSpec, kind: RequestKind, random: () => number = Math.random): FaultKind | null {
  for (const fault of APPLIES[kind]) {
    const rate = spec[fault] ?? 0;
    if (rate > 0 && random() < rate) return fault;
  }
  return null;
}
