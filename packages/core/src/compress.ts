import type { MessageAdapter } from './adapters/adapter.js';
import { anthropicAdapter } from './adapters/anthropic.js';
import type { ChatMessage } from './adapters/chat-message.js';
import type { AnthropicSystem } from './cache/align-request.js';
import { detectFormat } from './adapters/detect-format.js';
import { openaiAdapter } from './adapters/openai.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import type { CcrStore } from './ccr/store.js';
import { checkMessages } from './options/check-messages.js';
import type { CallOptions, CompressOptions } from './options/headroom-options.js';
import { checkCallOptions, resolveOptions } from './options/resolve-options.js';
import { createPipeline, type CompressResult } from './pipeline/create-pipeline.js';
import { globalStats } from './stats/stats.js';

/** Process-wide store of the one-shot {@link compress}, so `retrieve(defaultStore, key)` finds what it stored. */
export const defaultStore: CcrStore = new MemoryCcrStore();

/** The adapter for OpenAI or Anthropic messages: the format given, else detected (a top-level `system` means Anthropic). */
export function chatAdapter<M extends ChatMessage>(
  messages: readonly M[],
  call: CallOptions,
): MessageAdapter<M> {
  const format = call.format ?? (call.system !== undefined ? 'anthropic' : detectFormat(messages));
  return (format === 'anthropic'
    ? anthropicAdapter
    : openaiAdapter) as unknown as MessageAdapter<M>;
}

/**
 * Compresses the tool outputs in OpenAI or Anthropic messages, once: a pipeline over the
 * process-wide `defaultStore` and `globalStats` unless the options name others. Message count,
 * roles, order and tool-call ids never change; whatever is dropped is stored and marked for
 * `headroom_retrieve`. For a conversation over many turns, use `createHeadroom()`.
 */
export async function compress<M extends ChatMessage, S extends AnthropicSystem = AnthropicSystem>(
  messages: readonly M[],
  options: CompressOptions & { system?: S } = {},
): Promise<CompressResult<M, S>> {
  const pipeline = createPipeline(
    resolveOptions(options, { store: () => defaultStore, stats: () => globalStats }),
  );
  const call = checkCallOptions(options);
  checkMessages(messages);
  // checkCallOptions checked `system` and returns it as given.
  return pipeline.run(chatAdapter(messages, call), messages, call as CallOptions & { system?: S });
}
