export { CaptchaSolverError, normaliseAnswer, type CaptchaSolver } from './solver.js';
export { CAPTCHA_ALPHABET, CTC_BLANK, MODEL_INPUT_HEIGHT, MODEL_INPUT_WIDTH } from './alphabet.js';
export { greedyCtcDecode, ctcLayoutFor, type CtcLayout } from './ctc.js';
export { pngToGray, resizeBilinear, type GrayImage } from './image.js';
export { CommandSolver } from './command.js';
export { PromptSolver, inlineImage, inlineImageProtocol, type PromptIo } from './prompt.js';
export { OnnxSolver, type OnnxModelSettings } from './onnx.js';
export { solverFromSpec, SOLVER_SPEC_HELP } from './spec.js';
