import type { VolatileFinding } from './cache-aligner.js';
import type { MovedValue } from './move-volatile.js';
import type { PrefixObservation } from './session.js';

/** What `compress()` reports about prompt-cache friendliness of the request it produced. */
export interface CacheReport extends PrefixObservation {
  /** Volatile values in the system prompt and tool definitions. */
  volatile: VolatileFinding[];
  warning?: string;
  /** SHA-256 of the system prompt (as sent) and tool definitions. */
  prefixHash: string;
  /** Values moved to the dynamic block at the end (rewrite mode). */
  moved: MovedValue[];
}
