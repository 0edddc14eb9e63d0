export {
  alignCache,
  type CacheAlignInput,
  type CacheAlignment,
  type VolatileFinding,
} from './cache-aligner.js';
export type { AnthropicSystem } from './align-request.js';
export {
  cacheBreakpointMessages,
  withAnthropicCacheControl,
  type AnthropicCacheableRequest,
} from './cache-breakpoints.js';
export type { CacheReport } from './cache-report.js';
export {
  formatDynamicBlock,
  isDynamicBlock,
  moveVolatileValues,
  restoreVolatileValues,
  type MovedValue,
  type MovedVolatile,
} from './move-volatile.js';
export {
  createSession,
  type HeadroomSession,
  type PrefixObservation,
  type SessionCacheStats,
  type StablePrefix,
} from './session.js';
export { findVolatileValues, type VolatileKind, type VolatileValue } from './volatile-values.js';
