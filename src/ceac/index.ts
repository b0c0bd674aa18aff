/**
 * The CEAC protocol client: what other parts use to check a case on CEAC (or on the simulator).
 */
export { type CaptchaSolver, CaptchaSolverError, SOLVER_SPEC_HELP, solverFromSpec } from '../captcha/index.js';
export { BrowserCeacClient, type BrowserClientOptions } from './browser.js';
export { type BrowserLookup, findBrowser } from './browser-path.js';
export { intervalBudget, type RequestBudget, unlimitedBudget } from './budget.js';
export {
  CeacClient,
  type CeacClientOptions,
  type CheckProgress,
  DEFAULT_REQUEST_INTERVAL_MS,
  DEFAULT_USER_AGENT,
} from './client.js';
export {
  type CeacChecker,
  type CeacClientSettings,
  CeacSetupError,
  createCeacClient,
  type Transport,
  TRANSPORTS,
} from './create.js';
export {
  type CheckCost,
  type CheckOutcome,
  type CheckOutcomeKind,
  SITE_LEVEL_KINDS,
  TRANSIENT_KINDS,
} from './outcome.js';
export {
  type CaseQuery,
  normaliseCaseNumber,
  type QueryValidation,
  sameCaseNumber,
  surnameForForm,
  validateCaseQuery,
} from './query.js';
