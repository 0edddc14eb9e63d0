import type { AnthropicBlock } from '@headroom/core/internal';
import { responseParts } from './response-parts.js';

/** The content blocks of an Anthropic response; tool calls are `tool_use` blocks. */
export const contentBlocks = responseParts<AnthropicBlock>({
  key: 'content',
  callType: 'tool_use',
  readCall: (block) => [block.id, block.name, JSON.stringify(block.input ?? {})],
});
