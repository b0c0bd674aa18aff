export { startSimulator, type SimulatorOptions, type SimCaseInfo, type RunningSimulator } from './server.js';
export {
  parseScenario,
  loadScenarioFile,
  resolveScenario,
  shippedScenarios,
  mergeScenarios,
  ScenarioError,
  type Scenario,
  type ScenarioInput,
  type ScenarioCase,
  type ScenarioStep,
} from './scenario.js';
export { FAULT_KINDS, FAULT_HELP, parseFaultSpec, validateFaultSpec, FaultSpecError, type FaultKind, type FaultSpec } from './faults.js';
export { renderCaptchaPng, randomCaptchaCode, CAPTCHA_WIDTH, CAPTCHA_HEIGHT } from './captcha-image.js';
export { ERROR_TEXTS } from './pages.js';
export { parseDuration } from './duration.js';
