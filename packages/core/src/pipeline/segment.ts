/** Where a segment's text sits inside its message; only the adapter that made it reads it. */
export interface SegmentRef {
  message: number;
  /** Index of the content part/block, when the content is an array. */
  part?: number;
  /** Index inside a nested array (Anthropic `tool_result` blocks). */
  sub?: number;
}

/** Neutral unit of text the pipeline works on; adapters map messages to these and back. */
export interface Segment {
  ref: SegmentRef;
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** `tool_result` text is a compression candidate; other text only informs (relevance query). */
  source: 'tool_result' | 'text';
  text: string;
  toolName?: string;
  toolCallId?: string;
  /** Arguments of the tool call that produced a tool result (file names, queries). */
  toolArgs?: unknown;
  isError?: boolean;
}

/** A replacement the pipeline asks an adapter to write back. */
export interface SegmentEdit {
  segment: Segment;
  text: string;
}
