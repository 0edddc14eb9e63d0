export { exactMatch, tokenF1 } from './answer-agreement.js';
export {
  formatEvals,
  runEvals,
  workloadIds,
  type EvalReport,
  type RunEvalsOptions,
  type WorkloadEval,
} from './run-evals.js';
export { findDataDir, noDataReason } from '../data-dir.js';
