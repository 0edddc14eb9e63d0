import type { UnitSplitter } from '../../types.js';
import { parseJsonSafe } from '../../util/parse-json-safe.js';
import { stripAnsi } from '../../util/strip-ansi.js';
import { looksLikeJson } from './compress-search.js';
import { findJsonHits } from './json-hits.js';
import { jsonLinesSearch } from './json-lines-hits.js';
import { parseSearch, type SearchLine } from './parse-search.js';

/**
 * Retrieval units of stored search output: for JSON hits, one compact JSON object per hit (the
 * document around them first); for JSON lines (`rg --json`), each hit as the `path:line:text` line grep
 * prints; for grep output, its result lines (blank lines and `--` dropped), with the path put back on
 * lines printed under a heading.
 */
export const searchUnits: UnitSplitter = (original) => {
  if (looksLikeJson(original)) {
    const found = findJsonHits(parseJsonSafe(original));
    if (found) {
      const items = found.items.map((item) => JSON.stringify(item));
      return found.envelope ? [found.envelope, ...items] : items;
    }
    const lines = jsonLinesSearch(original);
    if (lines) return lines.map(asGrepLine);
  }
  const parsed = parseSearch(stripAnsi(original));
  // Heading mode prints the path once per file: each unit gets it back, as `path:line:text`.
  if (parsed.lines.some((l) => l.headed)) return parsed.lines.map(asGrepLine);
  return stripAnsi(original)
    .split('\n')
    .filter((line) => line.trim() !== '' && line !== '--');
};

function asGrepLine(l: SearchLine): string {
  const sep = l.match ? ':' : '-';
  return l.headed ? `${l.path}${sep}${l.line}${sep}${l.text}` : l.raw;
}
