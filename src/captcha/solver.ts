import { AppError } from '../errors.js';

/**
 * One interface for every way of answering a CEAC (BotDetect) captcha: a person, an external
 * program, or an OCR model. The client only ever sees this interface.
 */
export interface CaptchaSolver {
  readonly name: string;
  /**
   * Returns the code read from the image, as the site served it (JPEG, PNG or GIF; `mime` says
   * which); throws CaptchaSolverError when it cannot give one.
   */
  solve(image: Buffer, ctx: SolveContext): Promise<string>;
}

export interface SolveContext {
  attempt: number;
  /** The image's type (image/jpeg, image/png, image/gif); image/png when unknown. */
  mime?: string;
}

/** A solver that could not produce an answer (no terminal, program failed, model missing...). */
export class CaptchaSolverError extends AppError {
  override name = 'CaptchaSolverError';
  override readonly code = 'captcha_solver';
}

/**
 * Captcha codes on CEAC are digits and upper-case letters (docs/ceac-protocol.md); answers are sent
 * upper-case without spaces, whatever the solver printed.
 */
export function normaliseAnswer(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
