import { responseParts } from './response-parts.js';

/** A content block of an Anthropic message. */
export interface ContentBlock {
  type: string;
  id?: string;
  name?: string;
  input?: unknown;
  text?: string;
  [k: string]: unknown;
}

/** The content blocks of an Anthropic response; tool calls are `tool_use` blocks. */
export const contentBlocks = responseParts<ContentBlock>({
  key: 'content',
  callType: 'tool_use',
  readCall: (block) => [block.id, block.name, JSON.stringify(block.input ?? {})],
});
