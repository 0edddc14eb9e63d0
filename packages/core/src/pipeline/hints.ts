import type { DetectionHints } from '../types.js';
import type { Segment } from './segment.js';

const fileKeys = [
  'path',
  'file_path',
  'filePath',
  'file',
  'filename',
  'fileName',
  'target_file',
  'absolute_path',
];

/** Router hints from the tool call that produced a segment: its name and the file it read, if any. */
export function hintsFor(segment: Segment): DetectionHints {
  const hints: DetectionHints = {};
  if (segment.toolName) hints.toolName = segment.toolName;
  const args = segment.toolArgs;
  if (typeof args === 'object' && args !== null) {
    for (const key of fileKeys) {
      const value = (args as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.length < 1024) {
        hints.fileName = value;
        break;
      }
    }
  }
  return hints;
}

/**
 * The relevance query for every segment: the last user text *before* it. Using the text before
 * (not the latest) keeps an old segment's compression identical on every later turn.
 */
export function queriesFor(segments: readonly Segment[]): string[] {
  let last = '';
  return segments.map((segment) => {
    const query = last;
    if (segment.role === 'user' && segment.source === 'text' && segment.text.trim())
      last = segment.text;
    return query;
  });
}
