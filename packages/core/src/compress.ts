import type { MessageAdapter } from './adapters/adapter.js';
import { anthropicAdapter, type AnthropicMessage } from './adapters/anthropic.js';
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
  const adapter = adapters[options.format ?? detectFormat(messages)] as unknown as MessageAdapter<M>;
  const segments = adapter.extract(messages);
  const stats = options.stats ?? globalStats;
  const counter = await createTokenCounter(options.model);
  const result = await compressSegments(segments, options, {
    counter,
    store: options.store ?? defaultStore,
    stats,
    messageCount: messages.length,
  });
  const out = result.edits.length > 0 ? adapter.apply(messages, result.edits) : [...messages];
  stats.recordCall(result.tokensBefore, result.tokensAfter, performance.now() - started);
  return {
    messages: out,
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    tokensSaved: result.tokensBefore - result.tokensAfter,
    ratio: result.tokensBefore === 0 ? 1 : result.tokensAfter / result.tokensBefore,
    compressed: result.edits.length > 0,
    transforms: result.transforms,
    ccrKeys: result.ccrKeys,
  };
}
