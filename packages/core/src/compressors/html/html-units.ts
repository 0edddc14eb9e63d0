import { extractBlocks } from './extract-text.js';

/** Retrieval units of a stored HTML page: the blocks of its readable text (paragraphs, items, rows, code). */
export function htmlUnits(original: string): string[] {
  return extractBlocks(original).map((block) => block.text);
}
