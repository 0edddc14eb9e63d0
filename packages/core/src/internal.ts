// Building blocks for Headroom's own integrations (AI SDK middleware, LangChain, proxy, MCP, CLI,
// bench). Not a stable API: names here may change between minor versions.
export * from './index.js';
export { chatAdapter } from './compress.js';
export { CODE_LANGUAGES, CONTENT_KINDS } from './types.js';
export { createPipeline, type Pipeline } from './pipeline/create-pipeline.js';
export {
  compressSegments,
  type PipelineOptions,
  type SegmentsResult,
} from './pipeline/compress-segments.js';
export {
  MAX_RETRIEVAL_ROUNDS,
  checkCallOptions,
  resolveOptions,
} from './options/resolve-options.js';
export { checkMessages } from './options/check-messages.js';
export { checkScope } from './options/checks.js';
export { compressEvent, exhaustionEvent } from './options/integration-options.js';
export { retrievalLimitNote } from './ccr/retrieval-limit.js';
export { integration, type Integration } from './integration.js';
export { resolveCompressors, unitSplittersOf } from './compressors/defaults.js';
export {
  alignCache,
  findVolatileValues,
  formatDynamicBlock,
  isDynamicBlock,
  moveVolatileValues,
  type CacheAlignment,
  type VolatileKind,
  type VolatileValue,
} from './cache/index.js';
export { applyEdits } from './adapters/apply-edits.js';
export { detectFormat } from './adapters/detect-format.js';
export { openaiAdapter } from './adapters/openai.js';
export { anthropicAdapter, type AnthropicBlock } from './adapters/anthropic.js';
export { MARKER_PATTERN, findMarkerKeys } from './ccr/marker.js';
export { callStore, type StoreCallOptions } from './ccr/store-call.js';
export { throwIfAborted } from './util/abort.js';
export { utf8Length } from './util/utf8-length.js';
export { answerRetrieveCall, parseRetrieveInput } from './ccr/retrieve.js';
export {
  answerRetrieveCalls,
  retrievalOutcome,
  type AnswerRetrieveCall,
  type AnsweredRetrieveCall,
  type RetrievalOutcome,
} from './ccr/retrieval-round.js';
export { retrieveToolDescription, retrieveToolSchema } from './ccr/retrieval-tool.js';
export { detectContent } from './router/detect-content.js';
export {
  codeCompressor,
  createGrammars,
  declaredNamesIn,
  namesMissing,
  type Grammars,
} from './compressors/code/index.js';
export { compressDiff, diffUnits } from './compressors/diff/index.js';
export { htmlUnits } from './compressors/html/index.js';
export {
  createSmartCrusher,
  crushRows,
  DEFAULT_CRUSH_OPTIONS,
  jsonUnits,
  selectRows,
  smartCrusher,
  type RowSelection,
} from './compressors/json/index.js';
export { compressLog, logUnits } from './compressors/log/index.js';
export { compressSearch, searchUnits } from './compressors/search/index.js';
export { compressTable, tableUnits } from './compressors/table/index.js';
export {
  DEFAULT_KOMPRESS_MODEL,
  loadKompressModel,
  sentenceUnits,
  type KompressModel,
} from './compressors/text/index.js';
export {
  createTokenCounter,
  isKnownModel,
  tokenizerForModel,
  type TokenCounter,
} from './tokens/index.js';
export { ccrKey, sha256Hex } from './hash/sha256.js';
export { bm25Scores, rankByRelevance } from './relevance/index.js';
export { createBoundedLru, type BoundedLru, type BoundedLruOptions } from './util/bounded-lru.js';
export { parseJsonSafe } from './util/parse-json-safe.js';
export { createSharedDecisionCache, type SharedDecisionCache } from './cache/session-store.js';
export type { SegmentDecision, StoredOriginal } from './cache/decision-cache.js';
