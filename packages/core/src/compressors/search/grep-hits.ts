import type { SearchLine } from './parse-search.js';
import type { HitLine, SearchHit } from './search-hit.js';

/**
 * Grep output as hits: each match line is one, with the context lines of the same file printed
 * for the lines right before and after it (the unbroken run of numbers, found by number so the
 * order lines come in does not matter), and the enclosing-function line `git grep -p` printed above it.
 */
export function grepHits(lines: readonly SearchLine[]): SearchHit[] {
  const context = new Map<string, Map<number, SearchLine>>();
  for (const l of lines) {
    if (l.match) continue;
    let byLine = context.get(l.path);
    if (!byLine) context.set(l.path, (byLine = new Map()));
    if (!byLine.has(l.line)) byLine.set(l.line, l);
  }
  // Lines printed under a heading hold no path: they are rendered under one again, not verbatim.
  const asHitLine = (l: SearchLine): HitLine =>
    l.headed ? { line: l.line, text: l.text } : { line: l.line, text: l.text, raw: l.raw };
  const hits: SearchHit[] = [];
  // The enclosing-function line last printed for each file (`git grep -p`), shown above its matches.
  const enclosing = new Map<string, SearchLine>();
  for (const l of lines) {
    if (l.enclosing) enclosing.set(l.path, l);
    if (!l.match) continue;
    const byLine = context.get(l.path);
    const before: HitLine[] = [];
    const after: HitLine[] = [];
    for (let n = l.line - 1, c = byLine?.get(n); c; c = byLine?.get(--n))
      before.unshift(asHitLine(c));
    const header = enclosing.get(l.path);
    if (header && header.line < l.line && !before.some((b) => b.line === header.line))
      before.unshift(asHitLine(header));
    for (let n = l.line + 1, c = byLine?.get(n); c; c = byLine?.get(++n)) after.push(asHitLine(c));
    hits.push({
      index: hits.length,
      path: l.path,
      line: l.line,
      text: l.text,
      ...(l.headed ? {} : { raw: l.raw }),
      before,
      after,
    });
  }
  return hits;
}
