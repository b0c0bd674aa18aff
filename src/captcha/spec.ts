import { CommandSolver } from './command.js';
import { OnnxSolver } from './onnx.js';
import { PromptSolver } from './prompt.js';
import { type CaptchaSolver, CaptchaSolverError } from './solver.js';

export const SOLVER_SPEC_HELP = 'prompt | command:<program> | onnx:<model.onnx>';

/**
 * The solver a spec names: 'prompt' (a person), 'command:CMD' (a program reading the PNG on stdin),
 * 'onnx:PATH' (a CTC model). Throws CaptchaSolverError with the accepted forms on anything else.
 */
export async function solverFromSpec(spec: string): Promise<CaptchaSolver> {
  const s = spec.trim();
  if (s === 'prompt') return new PromptSolver();
  const colon = s.indexOf(':');
  const kind = colon < 0 ? s : s.slice(0, colon);
  const arg = colon < 0 ? '' : s.slice(colon + 1).trim();
  if (kind === 'command') {
    if (!arg) throw new CaptchaSolverError('"command:" needs a program, e.g. --captcha "command:my-ocr --stdin"');
    return new CommandSolver(arg);
  }
  if (kind === 'onnx') {
    if (!arg) throw new CaptchaSolverError('"onnx:" needs a model file, e.g. --captcha "onnx:./captcha.onnx"');
    return OnnxSolver.load(arg);
  }
  throw new CaptchaSolverError(`unknown captcha solver "${s}": use ${SOLVER_SPEC_HELP}`);
}
