export { CAPTCHA_ALPHABET, CTC_BLANK, MODEL_INPUT_HEIGHT, MODEL_INPUT_WIDTH } from './alphabet.js';
export { CommandSolver } from './command.js';
export { type CtcLayout, ctcLayoutFor, greedyCtcDecode } from './ctc.js';
export { type GrayImage, pngToGray, resizeBilinear } from './image.js';
export { type OnnxModelSettings, OnnxSolver } from './onnx.js';
export { inlineImage, inlineImageProtocol, type PromptIo, PromptSolver } from './prompt.js';
export { type CaptchaSolver, CaptchaSolverError, normaliseAnswer } from './solver.js';
export { SOLVER_SPEC_HELP, solverFromSpec } from './spec.js';
