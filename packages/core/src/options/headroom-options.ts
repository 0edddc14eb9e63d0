import type { MessageFormat } from '../adapters/detect-format.js';
import type { AnthropicSystem } from '../cache/align-request.js';
import type { HeadroomSession } from '../cache/session.js';
import type { CcrStore } from '../ccr/store.js';
import type { CompressorsOption } from '../compressors/defaults.js';
import type { Stats } from '../stats/stats.js';
import type { TokenizerOption } from '../tokens/tokenizer-option.js';

/** How `headroom_retrieve` calls are answered by the integrations that answer them (middleware, LangChain, proxy). */
export interface RetrievalOptions {
  /** Most times one call answers `headroom_retrieve` and asks the model again. Default 3, at most 10. */
  maxRounds?: number;
  /** Most matching units on one page of a query retrieval. Default 50. */
  maxUnits?: number;
  /** Most characters of one reply to the model; longer originals and match lists come in pages. Default 100000 (about 25k tokens). */
  maxChars?: number;
}

/**
 * The one options type of every entry point: `compress()`, `createHeadroom()`, `headroomMiddleware()`,
 * the LangChain model and the proxy. Checked once, where it enters, with an `InvalidOptionError`
 * naming the option and the value.
 */
export interface HeadroomOptions {
  /** Model the requests go to; picks the tokenizer. Default `gpt-4o` (the middleware: the wrapped model's id). */
  model?: string;
  /** Where dropped originals go and `headroom_retrieve` reads them. Default: a new in-memory store per instance; `compress()` uses the process-wide `defaultStore`. */
  store?: CcrStore;
  /** Counters to record into. Default: the instance's own; `compress()` records into `globalStats`. */
  stats?: Stats;
  /**
   * A compressor per content kind in place of the default, or `false` to pass that kind through:
   * `{ code: createCodeCompressor({ grammars }), text: createTextCompressor({ kompress: true }) }`.
   */
  compressors?: CompressorsOption;
  /** Code in the last N messages is being edited and passes through whole. Default 4. */
  protectRecent?: number;
  /** Segments smaller than this many tokens pass through. Default 200. */
  minTokens?: number;
  /** A result is used only if it saves at least this share of the segment's tokens, in [0, 1). Default 0.15. */
  minSavings?: number;
  /**
   * Segments longer than this many characters pass through untouched. Default 32 MiB of text: a 16 MB
   * tool output is compressed (time grows linearly; peak memory is tens of times the input for JSON).
   */
  maxSegmentChars?: number;
  /**
   * Count tokens with one rank table for every model (`{ ranks: () => import('js-tiktoken/ranks/o200k_base') }`)
   * or your own function (`{ count }`), so an edge bundle can leave the tables it does not use out. Default: the
   * model's tiktoken table (o200k_base or cl100k_base), imported on first use.
   */
  tokenizer?: TokenizerOption;
  /** Time to live of stored originals, in seconds: positive and finite. Default: the store's. */
  ttlSeconds?: number;
  /** Milliseconds one store call (a `put`, a session load or save) may take; then the segment goes out whole. Default 500. */
  storeTimeoutMs?: number;
  /** Store writes of one call in flight at once. Default 8. */
  storeConcurrency?: number;
  /**
   * `rewrite` moves volatile values (dates, ids, counters) out of the system prompt into a short
   * user message appended at the end, so the prefix stays byte-stable. Default `report`: only warn.
   */
  cacheAlign?: 'report' | 'rewrite';
  /**
   * When to include `headroom_retrieve`: `when-needed` from the first marker on; `always` from the
   * first call, so adding it later never changes the tool list — which sits before everything else
   * in the provider's cache prefix. Default `when-needed` (the middleware: `always`).
   */
  retrieveTool?: 'when-needed' | 'always';
  retrieval?: RetrievalOptions;
  /**
   * Retrieval scope of every call (a tenant or user id): originals are stored under it and
   * `headroom_retrieve` answers only keys stored under the caller's scope. A call's `scope` overrides it.
   */
  scope?: string;
}

/** What one call adds to the instance's options. */
export interface CallOptions {
  /** Model of this call, for token counting; overrides the instance's `model`. */
  model?: string;
  /** Force a format instead of detecting it. */
  format?: MessageFormat;
  /** Anthropic's top-level `system` (implies the Anthropic format), checked by the CacheAligner; OpenAI system messages are read from `messages`. */
  system?: AnthropicSystem;
  /** The request's tool definitions: checked for volatile values and part of the prefix hash. */
  tools?: readonly unknown[];
  /** Overrides the per-segment relevance query (the last user text before each segment). */
  query?: string;
  /** Overrides the instance's `protectRecent` for this call, e.g. 0 for messages handed over whole, where nothing is being edited. */
  protectRecent?: number;
  signal?: AbortSignal;
  /** Retrieval scope of this call: its originals are stored under it (see `HeadroomOptions.scope`). */
  scope?: string;
  /**
   * State of this conversation across turns: reuses earlier decisions so old segments keep their
   * bytes, tracks the stable prefix and the retrieval tool. An instance passes its own.
   */
  session?: HeadroomSession;
}

/** Options of the one-shot {@link compress}: an instance's options and one call's, together. */
export type CompressOptions = HeadroomOptions & CallOptions;
