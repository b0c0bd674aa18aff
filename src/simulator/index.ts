export {
  CAPTCHA_FORMATS,
  CAPTCHA_HEIGHT,
  CAPTCHA_WIDTH,
  type CaptchaFormat,
  randomCaptchaCode,
  renderCaptcha,
  renderCaptchaJpeg,
  renderCaptchaPng,
  renderCaptchaWav,
} from './captcha-image.js';
export { CLEARANCE_COOKIE } from './challenge.js';
export { parseDuration } from './duration.js';
export {
  FAULT_HELP,
  FAULT_KINDS,
  type FaultKind,
  type FaultSpec,
  FaultSpecError,
  parseFaultSpec,
  validateFaultSpec,
} from './faults.js';
export { ERROR_TEXTS } from './pages.js';
export {
  loadScenarioFile,
  mergeScenarios,
  parseScenario,
  resolveScenario,
  type Scenario,
  type ScenarioCase,
  ScenarioError,
  type ScenarioInput,
  type ScenarioStep,
  shippedScenarios,
} from './scenario.js';
export { type RunningSimulator, type SimCaseInfo, type SimulatorOptions, startSimulator } from './server.js';
