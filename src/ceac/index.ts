/**
 * The CEAC protocol client: what other parts use to check a case on CEAC (or on the simulator).
 */
export { CeacClient, DEFAULT_USER_AGENT, DEFAULT_REQUEST_INTERVAL_MS, type CeacClientOptions, type CheckProgress } from './client.js';
export { type CheckOutcome, type CheckOutcomeKind, type CheckCost, TRANSIENT_KINDS } from './outcome.js';
export { intervalBudget, unlimitedBudget, type RequestBudget } from './budget.js';
export {
  validateCaseQuery,
  normaliseCaseNumber,
  sameCaseNumber,
  surnameForForm,
  type CaseQuery,
  type QueryValidation,
} from './query.js';
export { solverFromSpec, SOLVER_SPEC_HELP, CaptchaSolverError, type CaptchaSolver } from '../captcha/index.js';
