import { MemoryCcrStore } from './ccr/memory-store.js';
import { retrieve, type RetrieveResult } from './ccr/retrieve.js';
import type { CcrStore } from './ccr/store.js';
import { compress, type CompressOptions, type CompressResult } from './compress.js';
import { createStats, type StatsSnapshot } from './stats/stats.js';
import type { AnthropicMessage } from './adapters/anthropic.js';
import type { OpenAIMessage } from './adapters/openai.js';

/** Configuration shared by every call of one {@link createHeadroom} instance. */
export type HeadroomConfig = Omit<CompressOptions, 'stats' | 'signal'>;

/** A configured Headroom: one store, one set of stats. */
export interface Headroom {
  compress<M extends OpenAIMessage | AnthropicMessage>(messages: readonly M[], options?: CompressOptions): Promise<CompressResult<M>>;
  retrieve(key: string, options?: { query?: string }): Promise<RetrieveResult>;
  stats(): StatsSnapshot;
  readonly store: CcrStore;
}

/** Creates a Headroom instance with its own store (in-memory unless given) and stats. */
export function createHeadroom(config: HeadroomConfig = {}): Headroom {
  const store = config.store ?? new MemoryCcrStore();
  const stats = createStats();
  return {
    store,
    compress: (messages, options = {}) => compress(messages, { ...config, store, stats, ...options }),
    async retrieve(key, options = {}) {
      try {
        const result = await retrieve(store, key, { query: options.query });
        stats.recordCcr('hit');
        return result;
      } catch (error) {
        stats.recordCcr('miss');
        throw error;
      }
    },
    stats: () => stats.snapshot(),
  };
}
