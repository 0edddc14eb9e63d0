import { isDynamicBlock } from './move-volatile.js';

type Block = { type?: unknown; text?: unknown; cache_control?: unknown; [k: string]: unknown };
type MessageLike = { role?: unknown; content?: unknown; [k: string]: unknown };

/** Anthropic's limit of `cache_control` breakpoints per request. */
const MAX_BREAKPOINTS = 4;
const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * Where prompt-cache breakpoints go, as message indexes: the last leading system message (for
 * formats that keep system in the list, like AI SDK prompts), and the last two messages of the
 * stable prefix — the end of the conversation, minus Headroom's dynamic block and a trailing
 * assistant prefill. The second anchor keeps an earlier cache write inside Anthropic's lookback
 * window when one turn adds many blocks. The AI SDK middleware sets
 * `providerOptions.anthropic.cacheControl` on these messages.
 */
export function cacheBreakpointMessages(messages: readonly unknown[]): number[] {
  let end = messages.length;
  if (end > 0 && roleOf(messages[end - 1]) === 'assistant') end -= 1;
  if (end > 0 && isDynamicBlock(textOf(messages[end - 1]))) end -= 1;
  const indexes: number[] = [];
  let system = -1;
  while (system + 1 < end && roleOf(messages[system + 1]) === 'system') system += 1;
  if (system >= 0) indexes.push(system);
  for (const index of [end - 2, end - 1]) if (index > system) indexes.push(index);
  return indexes;
}

/**
 * An Anthropic Messages request, as far as cache breakpoints are concerned; the rest passes through.
 * No index signatures: the SDK's own types (`MessageCreateParams`, `Tool`, `MessageParam`) are
 * interfaces, which a shape with one rejects.
 */
export interface AnthropicCacheableRequest {
  system?: string | readonly object[];
  tools?: readonly object[];
  messages: readonly { role: string; content?: unknown }[];
}

/**
 * Returns a copy of an Anthropic request with `cache_control: {type: 'ephemeral'}` at the end of
 * the stable prefix: the system prompt (or the last tool when there is none), which also covers
 * the tools before it, and the messages from {@link cacheBreakpointMessages}. A request that
 * already has breakpoints is returned unchanged: the application manages its own caching.
 */
export function withAnthropicCacheControl<R extends AnthropicCacheableRequest>(request: R): R {
  if (hasCacheControl(request)) return request;
  const out: R = { ...request };
  let placed = 0;
  if (
    typeof request.system === 'string'
      ? request.system.length > 0
      : Array.isArray(request.system) && request.system.length > 0
  ) {
    const blocks =
      typeof request.system === 'string'
        ? [{ type: 'text', text: request.system }]
        : (request.system as readonly Block[]);
    const marked = markLast(blocks);
    if (marked) {
      out.system = marked;
      placed += 1;
    }
  } else if (Array.isArray(request.tools) && request.tools.length > 0) {
    out.tools = [
      ...request.tools.slice(0, -1),
      { ...request.tools[request.tools.length - 1]!, cache_control: EPHEMERAL },
    ];
    placed += 1;
  }
  const messages = [...request.messages];
  for (const index of cacheBreakpointMessages(messages).reverse()) {
    if (placed >= MAX_BREAKPOINTS) break;
    const message = messages[index]!;
    const blocks =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content;
    const marked = Array.isArray(blocks) ? markLast(blocks as Block[]) : undefined;
    if (!marked) continue;
    messages[index] = { ...message, content: marked };
    placed += 1;
  }
  out.messages = messages;
  return out;
}

/** Marks the last block that can carry a breakpoint (not thinking, not empty text). */
function markLast(blocks: readonly Block[]): Block[] | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.type === 'thinking' || block.type === 'redacted_thinking') continue;
    if (block.type === 'text' && (typeof block.text !== 'string' || block.text.length === 0))
      continue;
    const out = [...blocks];
    out[i] = { ...block, cache_control: EPHEMERAL };
    return out;
  }
  return undefined;
}

function hasCacheControl(request: AnthropicCacheableRequest): boolean {
  const blocks = [
    ...(Array.isArray(request.system) ? request.system : []),
    ...(request.tools ?? []),
    ...request.messages.flatMap((m) => (Array.isArray(m.content) ? (m.content as Block[]) : [])),
  ];
  return blocks.some(
    (block) => block && typeof block === 'object' && block.cache_control !== undefined,
  );
}

function roleOf(message: unknown): unknown {
  return message && typeof message === 'object' ? (message as MessageLike).role : undefined;
}

/** Text of a message with string content or text parts (OpenAI, Anthropic and AI SDK shapes). */
function textOf(message: unknown): string {
  if (!message || typeof message !== 'object') return '';
  const { content } = message as MessageLike;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: Block) =>
      part && part.type === 'text' && typeof part.text === 'string' ? part.text : '',
    )
    .join('');
}
