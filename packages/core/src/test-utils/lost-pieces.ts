import { parseJsonSafe } from '../util/parse-json-safe.js';

/**
 * The pieces of `original` found nowhere in `reachable` (the compressed text plus every original its
 * markers name): nothing was lost when this is empty. JSON comes back item by item and compact, so it
 * is compared by its words; any other text line by line.
 */
export function lostPieces(original: string, reachable: string): string[] {
  const pieces =
    parseJsonSafe(original) !== undefined
      ? (original.match(/[\p{L}\p{N}_]+/gu) ?? [])
      : original.split('\n').map((line) => line.trim());
  return [...new Set(pieces)].filter((piece) => piece !== '' && !reachable.includes(piece));
}
