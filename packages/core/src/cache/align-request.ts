import type { MessageFormat } from '../adapters/detect-format.js';
import type { Segment, SegmentEdit } from '../pipeline/segment.js';
import { alignCache, type CacheAlignment } from './cache-aligner.js';

/** Anthropic's top-level `system`: a string or text blocks (which may carry `cache_control`). */
export type AnthropicSystem = string | Array<{ type: string; text?: string; [k: string]: unknown }>;

/** The aligner's verdict on a request, and the changes rewrite mode makes to it. */
export interface RequestAlignment {
  alignment: CacheAlignment;
  /** Rewritten OpenAI system/developer messages, as segment edits. */
  edits: SegmentEdit[];
  /** Every system text the rewrite changed, before and after (both formats). */
  rewrites: Array<{ before: string; after: string }>;
  /** The Anthropic system to send, when one was given. */
  system?: AnthropicSystem;
  /** The message carrying the dynamic block, when values were moved. */
  dynamicMessage?: { role: 'user'; content: string };
}

/**
 * Runs the CacheAligner on a request: OpenAI system/developer messages come from the segments,
 * Anthropic's system from `system`. In rewrite mode it returns the rewritten pieces.
 */
export function alignRequest(
  format: MessageFormat,
  segments: readonly Segment[],
  options: { system?: AnthropicSystem; tools?: readonly unknown[]; rewrite?: boolean },
): RequestAlignment {
  const systemSegments = format === 'openai' ? segments.filter((s) => s.role === 'system' && s.source === 'text') : [];
  const texts = format === 'openai' ? systemSegments.map((s) => s.text) : systemTexts(options.system);
  const alignment = alignCache({ system: texts, tools: options.tools }, { rewrite: options.rewrite });
  const rewrites = texts.flatMap((before, i) => (alignment.system[i] !== before ? [{ before, after: alignment.system[i]! }] : []));
  const result: RequestAlignment = { alignment, edits: [], rewrites };
  if (format === 'openai') {
    systemSegments.forEach((segment, i) => {
      const text = alignment.system[i]!;
      if (text !== segment.text) result.edits.push({ segment, text });
    });
  } else if (options.system !== undefined) {
    result.system = rebuildSystem(options.system, alignment.system);
  }
  if (alignment.dynamicBlock) result.dynamicMessage = { role: 'user', content: alignment.dynamicBlock };
  return result;
}

function systemTexts(system: AnthropicSystem | undefined): string[] {
  if (typeof system === 'string') return [system];
  if (!Array.isArray(system)) return [];
  return system.flatMap((block) => (block?.type === 'text' && typeof block.text === 'string' ? [block.text] : []));
}

function rebuildSystem(system: AnthropicSystem, texts: readonly string[]): AnthropicSystem {
  if (typeof system === 'string') return texts[0] ?? system;
  if (!Array.isArray(system)) return system;
  let i = 0;
  return system.map((block) => {
    if (block?.type !== 'text' || typeof block.text !== 'string') return block;
    const text = texts[i++]!;
    return text === block.text ? block : { ...block, text };
  });
}
