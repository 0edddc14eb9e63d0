// The public entry: what an application needs. Integrations and tools use `@headroom/core/internal`;
// test helpers live in `@headroom/core/testing`; Node-only pieces in `@headroom/core/node`.
export { compress, defaultStore } from './compress.js';
export {
  createHeadroom,
  type CreateHeadroomOptions,
  type Headroom,
  type HeadroomCallOptions,
} from './create-headroom.js';
export type {
  CallOptions,
  CompressOptions,
  HeadroomOptions,
  RetrievalOptions,
} from './options/headroom-options.js';
export type { CompressEvent, IntegrationOptions } from './options/integration-options.js';
export type { RetrievalExhaustion } from './ccr/retrieval-limit.js';
export type { RanksSource, TiktokenRanks, TokenizerOption } from './tokens/index.js';
export type { ResolvedOptions } from './options/resolve-options.js';
export type { CompressResult } from './pipeline/create-pipeline.js';
export {
  createMemorySessionStore,
  type SessionStore,
  type SessionStoreCallOptions,
} from './cache/session-store.js';
export type { TransformRecord } from './pipeline/compress-segments.js';
export type { MessageAdapter } from './adapters/adapter.js';
export type { OpenAIMessage } from './adapters/openai.js';
export type { AnthropicMessage } from './adapters/anthropic.js';
export type { ChatMessage } from './adapters/chat-message.js';
export type { MessageFormat } from './adapters/detect-format.js';
export type { Segment, SegmentEdit, SegmentRef } from './pipeline/segment.js';

export {
  cacheBreakpointMessages,
  createSession,
  restoreVolatileValues,
  withAnthropicCacheControl,
  type AnthropicCacheableRequest,
  type AnthropicSystem,
  type CacheReport,
  type HeadroomSession,
  type MovedValue,
  type PrefixObservation,
  type SessionCacheStats,
  type StablePrefix,
  type VolatileFinding,
} from './cache/index.js';

export { MemoryCcrStore, type MemoryCcrStoreOptions } from './ccr/memory-store.js';
export {
  checkTtlSeconds,
  DEFAULT_CCR_TTL_SECONDS,
  namespacedKey,
  type CcrEntry,
  type CcrGetOptions,
  type CcrMissReason,
  type CcrPutOptions,
  type CcrStore,
} from './ccr/store.js';
export { formatMarker } from './ccr/marker.js';
export { retrieve, type RetrieveOptions, type RetrieveResult } from './ccr/retrieve.js';
export {
  RETRIEVE_TOOL_NAME,
  anthropicRetrieveTool,
  openaiRetrieveTool,
  type RetrieveToolInput,
} from './ccr/retrieval-tool.js';

export { defaultCompressors, type CompressorsOption } from './compressors/defaults.js';
export {
  createCodeCompressor,
  type CodeCompressorOptions,
  type GrammarLoader,
  type GrammarName,
  type GrammarSources,
  type WasmSource,
} from './compressors/code/index.js';
export { createDiffCompressor, type DiffOptions } from './compressors/diff/index.js';
export { createHtmlCompressor, type HtmlCompressorOptions } from './compressors/html/index.js';
export {
  createJsonCompressor,
  type CrushOptions,
  type JsonCompressorOptions,
} from './compressors/json/index.js';
export { createLogCompressor, type LogOptions } from './compressors/log/index.js';
export {
  createSearchCompressor,
  type SearchCompressorOptions,
  type SearchOptions,
} from './compressors/search/index.js';
export { createTableCompressor } from './compressors/table/index.js';
export {
  createTextCompressor,
  type KompressOptions,
  type TextCompressorOptions,
} from './compressors/text/index.js';

export {
  createStats,
  globalStats,
  type FallbackReason,
  type KindStats,
  type Stats,
  type StatsSnapshot,
} from './stats/stats.js';
export {
  HeadroomError,
  InputTooLargeError,
  InvalidMessagesError,
  InvalidOptionError,
  StoreUnavailableError,
  type HeadroomErrorCode,
} from './errors/index.js';
export type * from './types.js';
