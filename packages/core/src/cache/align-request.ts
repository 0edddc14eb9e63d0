import type { Segment, SegmentEdit } from '../pipeline/segment.js';
import { alignCache, type CacheAlignment } from './cache-aligner.js';

/**
 * Anthropic's top-level `system`: a string or text blocks (which may carry `cache_control`). No index
 * signature, so the SDK's own `TextBlockParam[]` (an interface, which has none) is one.
 */
export type AnthropicSystem =
  | string
  | ReadonlyArray<{ readonly type: string; readonly text?: string }>;

/** The aligner's verdict on a request, and the changes rewrite mode makes to it. */
export interface RequestAlignment {
  alignment: CacheAlignment;
  /** Rewritten OpenAI system/developer messages, as segment edits. */
  edits: SegmentEdit[];
  /** Every system text the rewrite changed, before and after (both formats). */
  rewrites: Array<{ before: string; after: string }>;
  /** The Anthropic system to send, when one was given. */
  system?: AnthropicSystem;
  /** The text of the user message carrying the moved values, when values were moved. */
  dynamicBlock?: string;
}

/**
 * Runs the CacheAligner on a request: system messages (OpenAI, AI SDK) come from the segments,
 * a request-level system (Anthropic) from `system`. In rewrite mode it returns the rewritten pieces.
 */
export function alignRequest(
  systemIn: 'messages' | 'request',
  segments: readonly Segment[],
  options: { system?: AnthropicSystem; tools?: readonly unknown[]; rewrite?: boolean },
): RequestAlignment {
  const inMessages = systemIn === 'messages';
  const systemSegments = inMessages
    ? segments.filter((s) => s.role === 'system' && s.source === 'text')
    : [];
  const texts = inMessages ? systemSegments.map((s) => s.text) : systemTexts(options.system);
  const alignment = alignCache(
    { system: texts, tools: options.tools },
    { rewrite: options.rewrite },
  );
  const rewrites = texts.flatMap((before, i) =>
    alignment.system[i] !== before ? [{ before, after: alignment.system[i]! }] : [],
  );
  const result: RequestAlignment = { alignment, edits: [], rewrites };
  if (inMessages) {
    systemSegments.forEach((segment, i) => {
      const text = alignment.system[i]!;
      if (text !== segment.text) result.edits.push({ segment, text });
    });
  } else if (options.system !== undefined) {
    result.system = rebuildSystem(options.system, alignment.system);
  }
  if (alignment.dynamicBlock) result.dynamicBlock = alignment.dynamicBlock;
  return result;
}

function systemTexts(system: AnthropicSystem | undefined): string[] {
  if (typeof system === 'string') return [system];
  if (!Array.isArray(system)) return [];
  return system.flatMap((block) =>
    block?.type === 'text' && typeof block.text === 'string' ? [block.text] : [],
  );
}

// Same shape as given, only texts changed: a caller's own system type holds for what comes back.
function rebuildSystem(system: AnthropicSystem, texts: readonly string[]): AnthropicSystem {
  if (typeof system === 'string') return texts[0] ?? system;
  if (!Array.isArray(system)) return system;
  let i = 0;
  return system.map((block: AnthropicSystemBlock) => {
    if (block?.type !== 'text' || typeof block.text !== 'string') return block;
    const text = texts[i++]!;
    return text === block.text ? block : { ...block, text };
  });
}

type AnthropicSystemBlock = Exclude<AnthropicSystem, string>[number];
