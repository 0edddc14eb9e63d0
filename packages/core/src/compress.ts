import type { MessageAdapter } from './adapters/adapter.js';
import { anthropicAdapter, type AnthropicMessage } from './adapters/anthropic.js';
import { alignRequest, type AnthropicSystem, type RequestAlignment } from './cache/align-request.js';
import type { CacheReport } from './cache/cache-report.js';
import { safeStringify } from './cache/safe-stringify.js';
import type { HeadroomSession } from './cache/session.js';
import { detectFormat, type MessageFormat } from './adapters/detect-format.js';
import { openaiAdapter, type OpenAIMessage } from './adapters/openai.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import type { CcrStore } from './ccr/store.js';
import { HeadroomError } from './errors/headroom-error.js';
import { compressSegments, type PipelineOptions, type TransformRecord } from './pipeline/compress-segments.js';
import { globalStats, type Stats } from './stats/stats.js';
import { createTokenCounter } from './tokens/token-counter.js';

/** Options for {@link compress}. */
export interface CompressOptions extends PipelineOptions {
  /** Model the request goes to; picks the tokenizer. Default `gpt-4o`. */
  model?: string;
  /** Where dropped originals go. Default: a process-wide in-memory store. */
  store?: CcrStore;
  /** Force a format instead of detecting it. */
  format?: MessageFormat;
  stats?: Stats;
  /**
   * State of this conversation across turns: reuses earlier decisions so old segments keep their
   * bytes, tracks the stable prefix and the retrieval tool. `createHeadroom()` passes its own.
   */
  session?: HeadroomSession;
  /** Anthropic's top-level `system` (implies the Anthropic format), checked by the CacheAligner; OpenAI system messages are read from `messages`. */
  system?: AnthropicSystem;
  /** The request's tool definitions: checked for volatile values and part of the prefix hash. */
  tools?: readonly unknown[];
  /**
   * `rewrite` moves volatile values (dates, ids, counters) out of the system prompt into a short
   * user message appended at the end, so the prefix stays byte-stable. Default `report`: only warn.
   */
  cacheAlign?: 'report' | 'rewrite';
  /**
   * When `result.retrieveTool` says to include `headroom_retrieve`: `when-needed` (default) from the
   * first marker on; `always` from the first call, so adding it later never changes the tool list —
   * which sits before everything else in the provider's cache prefix.
   */
  retrieveTool?: 'when-needed' | 'always';
}

/** Result of {@link compress}: the messages in the shape they came in, plus what was saved. */
export interface CompressResult<M> {
  messages: M[];
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  /** tokensAfter / tokensBefore (1 when nothing changed). */
  ratio: number;
  compressed: boolean;
  transforms: TransformRecord[];
  ccrKeys: string[];
  /** The Anthropic `system` to send (rewritten in rewrite mode); present when `system` was given. */
  system?: AnthropicSystem;
  /** CacheAligner findings and prefix stability. */
  cache: CacheReport;
  /** Include `headroom_retrieve` in the tools: markers were emitted now or earlier in the session. */
  retrieveTool: boolean;
}

/** Process-wide store used when none is given, so `createHeadroom().retrieve` and `compress` agree by default. */
export const defaultStore: CcrStore = new MemoryCcrStore();

const adapters: Record<MessageFormat, MessageAdapter<never>> = {
  openai: openaiAdapter as MessageAdapter<never>,
  anthropic: anthropicAdapter as MessageAdapter<never>,
};

/**
 * Compresses the tool outputs in OpenAI or Anthropic messages. Message count, roles, order and
 * tool-call ids never change; whatever is dropped is stored and marked for `headroom_retrieve`.
 */
export async function compress<M extends OpenAIMessage | AnthropicMessage>(
  messages: readonly M[],
  options: CompressOptions = {},
): Promise<CompressResult<M>> {
  if (!Array.isArray(messages)) {
    throw new HeadroomError({ code: 'invalid_messages', message: 'compress() expects an array of messages' });
  }
  const started = performance.now();
  // Only Anthropic has a top-level system; plain-text conversations would otherwise detect as OpenAI.
  const format = options.format ?? (options.system !== undefined ? 'anthropic' : detectFormat(messages));
  const adapter = adapters[format] as unknown as MessageAdapter<M>;
  const segments = adapter.extract(messages);
  const stats = options.stats ?? globalStats;
  const counter = await createTokenCounter(options.model);
  const { session } = options;
  const result = await compressSegments(segments, options, {
    counter,
    store: options.store ?? defaultStore,
    stats,
    messageCount: messages.length,
    session,
  });
  const aligned = alignRequest(format, segments, { system: options.system, tools: options.tools, rewrite: options.cacheAlign === 'rewrite' });
  const edits = [...result.edits, ...aligned.edits];
  const out = edits.length > 0 ? adapter.apply(messages, edits) : [...messages];
  if (aligned.dynamicMessage) insertDynamicMessage(out, aligned.dynamicMessage as M);
  const tokensAfter = result.tokensAfter + alignmentTokens(aligned, counter.count);
  stats.recordCall(result.tokensBefore, tokensAfter, performance.now() - started);
  if (session && result.ccrKeys.length > 0) session.markRetrieveToolInjected();

  const { alignment } = aligned;
  const cache: CacheReport = { volatile: alignment.findings, prefixHash: alignment.prefixHash, moved: alignment.moved };
  if (alignment.warning) cache.warning = alignment.warning;
  if (session) {
    const parts = requestParts(out, options.tools, format === 'anthropic' ? aligned.system : undefined);
    Object.assign(cache, session.observe({ prefixHash: alignment.prefixHash, parts }, counter.count));
  }
  const compressed: CompressResult<M> = {
    messages: out,
    tokensBefore: result.tokensBefore,
    tokensAfter,
    tokensSaved: result.tokensBefore - tokensAfter,
    ratio: result.tokensBefore === 0 ? 1 : tokensAfter / result.tokensBefore,
    compressed: edits.length > 0 || aligned.dynamicMessage !== undefined,
    transforms: result.transforms,
    ccrKeys: result.ccrKeys,
    cache,
    retrieveTool: options.retrieveTool === 'always' || result.ccrKeys.length > 0 || session?.retrieveToolInjected === true,
  };
  if (aligned.system !== undefined) compressed.system = aligned.system;
  return compressed;
}

/** The dynamic block goes last, or just before a trailing assistant prefill, which must stay last. */
function insertDynamicMessage<M>(messages: M[], message: M): void {
  const last = messages[messages.length - 1] as { role?: unknown } | undefined;
  messages.splice(last?.role === 'assistant' ? messages.length - 1 : messages.length, 0, message);
}

/** Tokens the rewrite adds: placeholders instead of values, plus the dynamic block. */
function alignmentTokens(aligned: RequestAlignment, count: (text: string) => number): number {
  if (!aligned.dynamicMessage) return 0;
  let delta = count(aligned.dynamicMessage.content);
  for (const { before, after } of aligned.rewrites) delta += count(after) - count(before);
  return delta;
}

/** The request as the provider sees it, in order, one serialized piece each: tools, system, messages. */
function requestParts(messages: readonly unknown[], tools: readonly unknown[] | undefined, system: AnthropicSystem | undefined): string[] {
  const parts: string[] = [];
  if (tools && tools.length > 0) parts.push(safeStringify(tools));
  if (system !== undefined) parts.push(safeStringify(system));
  for (const message of messages) parts.push(safeStringify(message));
  return parts;
}
