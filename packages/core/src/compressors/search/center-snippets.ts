import type { HitLine, SearchHit } from './search-hit.js';

const WORD = /[A-Za-z_$][\w$]{2,}/g;
/** The searched term is in nearly every snippet: a word in fewer than this share of them is not it. */
const MIN_SHARE = 0.8;

/**
 * Snippet hits whose tool did not say which of their lines matched (GitLab's blobs: a few lines from
 * `startline`, the first taken as the match): the line holding the word nearly every snippet shares,
 * the searched term, becomes the match, the lines above it its context. Ties go to the word seen
 * least often in all (a keyword recurs; the term is once a snippet). Hits with a column, or context
 * before them, were located by the tool and are left as they are.
 */
export function centerSnippets(hits: readonly SearchHit[]): SearchHit[] {
  const snippets = hits.filter((h) => h.after.length > 0);
  if (
    snippets.length < hits.length / 2 ||
    hits.some((h) => h.before.length > 0 || h.column !== undefined)
  )
    return [...hits];
  const lines = (h: SearchHit): HitLine[] => [{ line: h.line, text: h.text }, ...h.after];
  const share = new Map<string, number>();
  const total = new Map<string, number>();
  for (const hit of hits) {
    const words = lines(hit).flatMap((l) => l.text.match(WORD) ?? []);
    for (const word of words) total.set(word, (total.get(word) ?? 0) + 1);
    for (const word of new Set(words)) share.set(word, (share.get(word) ?? 0) + 1);
  }
  let term: string | undefined;
  for (const [word, n] of share) {
    if (n < hits.length * MIN_SHARE) continue;
    const best = term === undefined ? undefined : share.get(term)!;
    if (
      best === undefined ||
      n > best ||
      (n === best && total.get(word)! < total.get(term!)!) ||
      (n === best && total.get(word) === total.get(term!) && word < term!)
    )
      term = word;
  }
  if (term === undefined) return [...hits];
  const holds = new RegExp(`(?<![\\w$])${term.replace(/\$/g, '\\$')}(?![\\w$])`);
  return hits.map((hit) => {
    const all = lines(hit);
    const row = all.findIndex((l) => holds.test(l.text));
    if (row <= 0) return hit;
    const match = all[row]!;
    return {
      ...hit,
      line: match.line!,
      text: match.text,
      before: all.slice(0, row),
      after: all.slice(row + 1),
    };
  });
}
