export { CAPTCHA_ALPHABET, CTC_BLANK, MODEL_INPUT_HEIGHT, MODEL_INPUT_WIDTH } from './alphabet.js';
export { CommandSolver } from './command.js';
export { type CtcLayout, ctcLayoutFor, greedyCtcDecode } from './ctc.js';
export {
  decodeGray,
  decodeRgb,
  type GrayImage,
  imageExtension,
  type ImageMime,
  type PlanarImage,
  resizeBilinear,
  sniffImageType,
  toGray,
} from './image.js';
export { type ModelInput, modelInputFor, type OnnxModelSettings, OnnxSolver } from './onnx.js';
export { inlineImage, inlineImageProtocol, type PromptIo, PromptSolver } from './prompt.js';
export { type CaptchaSolver, CaptchaSolverError, normaliseAnswer, type SolveContext } from './solver.js';
export { SOLVER_SPEC_HELP, solverFromSpec } from './spec.js';
