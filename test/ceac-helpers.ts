import { type CaptchaSolver, sniffImageType, type SolveContext } from '../src/captcha/index.js';
import type { CaseQuery } from '../src/ceac/index.js';
import type { SimCaseInfo } from '../src/simulator/index.js';

/** A solver that answers a fixed code and counts the captchas it was shown (and their types). */
export function fixedSolver(code: string): CaptchaSolver & { shown: number; mimes: string[] } {
  return {
    name: 'fixed',
    shown: 0,
    mimes: [],
    solve(image: Buffer, ctx: SolveContext) {
      this.shown++;
      const mime = sniffImageType(image);
      if (!mime || mime !== ctx.mime)
        return Promise.reject(new Error(`the captcha is not the image announced (${ctx.mime})`));
      this.mimes.push(mime);
      return Promise.resolve(code);
    },
  };
}

export function queryOf(c: SimCaseInfo): CaseQuery {
  const q: CaseQuery = { app: c.app, id: c.id };
  if (c.location) q.location = c.location;
  if (c.passport) q.passport = c.passport;
  if (c.surname) q.surname = c.surname;
  return q;
}

/** A small deterministic random source (LCG), so that fault rolls repeat run after run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** The calendar date (YYYY-MM-DD) a simulated time falls on, for a simulator started at T0. */
export function dateAt(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString().slice(0, 10);
}
