import { extractBlocks } from './extract-text.js';

/** Retrieval units of a stored HTML page: the blocks of its readable text (paragraphs, items, rows, code). */
export async function htmlUnits(original: string): Promise<string[]> {
  return (await extractBlocks(original)).map((block) => block.text);
}
