export { compress, defaultStore, type CompressOptions, type CompressResult } from './compress.js';
export { createHeadroom, type Headroom, type HeadroomCallOptions, type HeadroomConfig } from './create-headroom.js';
export {
  createMemorySessionStore,
  createSharedDecisionCache,
  type SessionStore,
  type SessionStoreCallOptions,
  type SharedDecisionCache,
} from './cache/session-store.js';
export type { SegmentDecision, StoredOriginal } from './cache/decision-cache.js';
export {
  alignCache,
  cacheBreakpointMessages,
  createSession,
  findVolatileValues,
  formatDynamicBlock,
  isDynamicBlock,
  moveVolatileValues,
  restoreVolatileValues,
  withAnthropicCacheControl,
  type AnthropicCacheableRequest,
  type AnthropicSystem,
  type CacheAlignment,
  type CacheReport,
  type HeadroomSession,
  type MovedValue,
  type PrefixObservation,
  type SessionCacheStats,
  type StablePrefix,
  type VolatileFinding,
  type VolatileKind,
  type VolatileValue,
} from './cache/index.js';
export type { OpenAIMessage } from './adapters/openai.js';
export type { AnthropicMessage } from './adapters/anthropic.js';
export { detectFormat, type MessageFormat } from './adapters/detect-format.js';
export { openaiAdapter } from './adapters/openai.js';
export { anthropicAdapter } from './adapters/anthropic.js';
export type { MessageAdapter } from './adapters/adapter.js';
export { compressSegments, type PipelineOptions, type SegmentsResult, type TransformRecord } from './pipeline/compress-segments.js';
export type { Segment, SegmentEdit, SegmentRef } from './pipeline/segment.js';
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
export { callStore, type StoreCallOptions } from './ccr/store-call.js';
export { MARKER_PATTERN, findMarkerKeys, formatMarker } from './ccr/marker.js';
export { answerRetrieveCall, parseRetrieveInput, retrieve, type RetrieveOptions, type RetrieveResult, type UnitSplitter } from './ccr/retrieve.js';
export { answerRetrieveCalls, retrievalOutcome, type RetrievalOutcome, type AnsweredRetrieveCall } from './ccr/retrieval-round.js';
export {
  RETRIEVE_TOOL_NAME,
  anthropicRetrieveTool,
  openaiRetrieveTool,
  retrieveToolDescription,
  retrieveToolSchema,
  type RetrieveToolInput,
} from './ccr/retrieval-tool.js';
export { detectContent } from './router/detect-content.js';
export { compressors, type CompressorSpec } from './compressors/registry.js';
export {
  codeCompressor,
  createCodeCompressor,
  createGrammars,
  type CodeCompressorOptions,
  type GrammarLoader,
  type GrammarName,
  type GrammarSources,
  type Grammars,
  type WasmSource,
} from './compressors/code/index.js';
export { compressDiff, diffUnits } from './compressors/diff/index.js';
export { compressHtml, htmlUnits } from './compressors/html/index.js';
export { createSmartCrusher, crushRows, DEFAULT_CRUSH_OPTIONS, jsonUnits, selectRows, smartCrusher, type CrushOptions, type RowSelection } from './compressors/json/index.js';
export { compressLog, logUnits } from './compressors/log/index.js';
export { compressSearch, searchUnits } from './compressors/search/index.js';
export { compressTable, tableUnits } from './compressors/table/index.js';
export {
  createTextCompressor,
  DEFAULT_KOMPRESS_MODEL,
  loadKompressModel,
  sentenceUnits,
  type KompressModel,
  type KompressOptions,
  type TextCompressorOptions,
} from './compressors/text/index.js';
export { createTokenCounter, isKnownModel, tokenizerForModel, type TokenCounter } from './tokens/index.js';
export { createStats, globalStats, type FallbackReason, type KindStats, type Stats, type StatsSnapshot } from './stats/stats.js';
export { HeadroomError, type HeadroomErrorCode } from './errors/index.js';
export { ccrKey, sha256Hex } from './hash/sha256.js';
export { bm25Scores, rankByRelevance } from './relevance/index.js';
export type * from './types.js';
