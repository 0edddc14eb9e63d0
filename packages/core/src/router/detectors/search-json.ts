import { LINE_KEYS, PATH_KEYS, TEXT_KEYS } from './search-keys.js';

const PATH = new Set(PATH_KEYS);
const LINE = new Set(LINE_KEYS);
const TEXT = new Set(TEXT_KEYS);
const KEY = /"([A-Za-z_]{1,20})"\s*:/g;
const PREFIX_CHARS = 64 * 1024;
const MIN_HITS = 2;

/**
 * How sure we are that a JSON document is a list of code-search hits: in its first 64 KB, keys
 * for a path, a line number and a text each occur on several objects, about as often as each other.
 * Only the key names are read; the search compressor checks the structure and hands anything else
 * to the JSON compressor.
 */
export function searchJsonConfidence(text: string): number {
  const head = text.length > PREFIX_CHARS ? text.slice(0, PREFIX_CHARS) : text;
  let paths = 0;
  let lines = 0;
  let texts = 0;
  for (const match of head.matchAll(KEY)) {
    const key = match[1]!;
    if (PATH.has(key)) paths++;
    else if (LINE.has(key)) lines++;
    else if (TEXT.has(key)) texts++;
  }
  if (Math.min(paths, lines, texts) < MIN_HITS) return 0;
  // One path per line number and text: a hit list, not a file list that happens to carry a line.
  return Math.min(paths, lines) >= Math.max(paths, lines) * 0.8 && texts >= lines * 0.8 ? 0.8 : 0;
}
