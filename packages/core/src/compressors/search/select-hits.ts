import type { HitScores } from './score-hits.js';
import type { SearchHit } from './search-hit.js';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options.js';

/** One file's hits, in original order, and which of them are shown. */
export interface FileHits {
  path: string;
  hits: SearchHit[];
  kept: SearchHit[];
}

/** What the selection shows: files in original order (those with kept hits), and the files only named. */
export interface HitSelection {
  shown: FileHits[];
  dropped: FileHits[];
}

/**
 * Query-driven selection: every hit that scores at least half the best against the query, with the
 * other members of its group (up to [25] in all), then one representative per file (its best hit by query and on its own; ties: the first)
 * for the best [15] files that have no relevant hit. Files keep their original order. `symbols[i]` is
 * hit i's group; the numbers are `options` ({@link SearchOptions}).
 */
export function selectHits(
  hits: readonly SearchHit[],
  { scores, symbols }: { scores: HitScores; symbols: readonly string[] },
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): HitSelection {
  const files = groupByPath(hits);
  const total = (h: SearchHit): number =>
    (scores.relevance[h.index] ?? 0) + (scores.intrinsic[h.index] ?? 0);
  const best = scores.relevance.reduce((m, s) => Math.max(m, s), 0);
  const ranked =
    best > 0
      ? hits
          .filter((h) => (scores.relevance[h.index] ?? 0) >= best * options.relevantShare)
          .sort((a, b) => total(b) - total(a) || a.index - b.index)
      : [];
  // The rest of a relevant hit's group (every call site of the class it throws), when the group is small.
  const groupLimit = Math.max(options.smallGroupHits, hits.length * options.smallGroupShare);
  const bySymbol = new Map<string, SearchHit[]>();
  for (const h of hits) {
    const symbol = symbols[h.index] ?? '';
    if (!symbol) continue;
    const group = bySymbol.get(symbol);
    if (group) group.push(h);
    else bySymbol.set(symbol, [h]);
  }
  const relevant = new Set(ranked);
  const expanded = new Set<string>();
  for (const h of ranked) {
    const symbol = symbols[h.index] ?? '';
    if ((scores.relevance[h.index] ?? 0) < best * options.groupLeaderShare || expanded.has(symbol))
      continue;
    expanded.add(symbol);
    const group = bySymbol.get(symbol) ?? [];
    if (group.length <= groupLimit) for (const member of group) relevant.add(member);
  }
  for (const h of [...relevant].slice(options.maxRelevant)) relevant.delete(h);
  for (const file of files) file.kept = file.hits.filter((h) => relevant.has(h));

  const most = files.reduce((m, f) => Math.max(m, f.hits.length), 1);
  const fileScores = new Map(
    files.map((f) => [
      f,
      f.hits.reduce((m, h) => Math.max(m, total(h)), 0) +
        (0.5 * Math.log2(1 + f.hits.length)) / Math.log2(1 + most),
    ]),
  );
  const fileScore = (f: FileHits): number => fileScores.get(f) ?? 0;
  const withRelevant = files.filter((f) => f.kept.length > 0).length;
  const others = files
    .map((file, order) => ({ file, order }))
    .filter(({ file }) => file.kept.length === 0)
    .sort((a, b) => fileScore(b.file) - fileScore(a.file) || a.order - b.order)
    .slice(0, Math.max(0, options.maxFiles - withRelevant));
  for (const { file } of others) file.kept = [representative(file.hits, total)];
  return {
    shown: files.filter((f) => f.kept.length > 0),
    dropped: files.filter((f) => f.kept.length === 0),
  };
}

function representative(hits: readonly SearchHit[], score: (h: SearchHit) => number): SearchHit {
  let best = hits[0]!;
  for (const h of hits) if (score(h) > score(best)) best = h;
  return best;
}

function groupByPath(hits: readonly SearchHit[]): FileHits[] {
  const byPath = new Map<string, FileHits>();
  for (const hit of hits) {
    let file = byPath.get(hit.path);
    if (!file) byPath.set(hit.path, (file = { path: hit.path, hits: [], kept: [] }));
    file.hits.push(hit);
  }
  return [...byPath.values()];
}
