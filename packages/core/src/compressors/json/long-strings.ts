import type { Compressor, CompressorContext } from '../../types.js';
import type { JsonNode } from './json-node.js';

/** At most this many distinct long strings per document go to the strings compressor. */
const MAX_STRINGS = 64;

/** The distinct string values of at least `minChars` characters, in document order (an iterative walk: depth is unbounded). */
export function longStrings(root: JsonNode, minChars: number): string[] {
  const found = new Set<string>();
  const stack: JsonNode[] = [root];
  while (stack.length > 0 && found.size < MAX_STRINGS) {
    const node = stack.pop() as JsonNode;
    if (node.t === 'string') {
      if (node.v.length >= minChars) found.add(node.v);
    } else if (node.t === 'object') {
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i]![1]);
    } else if (node.t === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!);
    }
  }
  return [...found];
}

/**
 * Long string values compressed as the text they hold — a `{ "stdout": "<a 10k-line log>", "exit_code": 1 }`
 * tool result is mostly one log — keyed by their text. Only strings that came out shorter are kept; the
 * compressor stores each original it drops, so the value's marker leads back to it.
 */
export async function compressLongStrings(
  texts: readonly string[],
  compress: Compressor,
  ctx: CompressorContext,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const text of texts) {
    const result = await compress(text, ctx);
    if (result.text.length < text.length) out.set(text, result.text);
  }
  return out;
}
