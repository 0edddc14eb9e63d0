import { hitFields, unwrapHit } from './hit-fields.js';
import type { SearchLine } from './parse-search.js';

/** A record of this kind is a line printed around a match (`rg --json`'s `"type":"context"`), not a match. */
const CONTEXT_KIND = /^context$/i;

/**
 * JSON-lines search output (`rg --json`, and tools that print one hit object per line) as search
 * lines: every line must be a JSON object; those with a path, a line number and a text (directly or
 * in the one object field that wraps them, rg's `data`) are hits, context when their `type` or `kind`
 * says so. Begin/end/summary records carry no line and are left out (the original keeps them).
 * `undefined` when a line is not a JSON object or fewer than two hits are found.
 */
export function jsonLinesSearch(text: string): SearchLine[] | undefined {
  const lines: SearchLine[] = [];
  const rawLines = text.trimEnd().split('\n');
  for (const [index, raw] of rawLines.entries()) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('{')) return undefined;
    let record: unknown;
    try {
      record = JSON.parse(trimmed);
    } catch {
      // Output cut at a size limit ends mid-record; the stored original keeps it.
      if (index === rawLines.length - 1 && index > 0) continue;
      return undefined;
    }
    const hit = unwrapHit(record);
    if (!hit) continue;
    const fields = hitFields(hit.record);
    if (!fields) continue;
    const kind = [hit.outer.type, hit.outer.kind, hit.record.type, hit.record.kind].find(
      (k) => typeof k === 'string',
    );
    lines.push({
      index,
      raw,
      path: fields.path,
      line: fields.line,
      match: !(typeof kind === 'string' && CONTEXT_KIND.test(kind)),
      // ripgrep keeps each line's terminator in its text.
      text: fields.text.replace(/\r?\n$/, ''),
      headed: true,
    });
  }
  return lines.length >= 2 ? lines : undefined;
}
