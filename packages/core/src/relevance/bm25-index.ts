import { bm25TermScore, queryTerms } from './bm25.js';
import { relevanceTerms } from './tokenize.js';

/** Where one term occurs: the documents holding it, ascending, and how often in each. */
interface Postings {
  docs: number[];
  counts: number[];
}

/**
 * The query-independent half of BM25 over a fixed set of documents: every term's postings and every
 * document's length. Built once, it answers any number of queries by touching only the documents that
 * hold a query term, where ranking the documents afresh re-splits every one of them for every query.
 */
export interface Bm25Index {
  readonly postings: ReadonlyMap<string, Postings>;
  readonly lengths: readonly number[];
  readonly avgLength: number;
}

/** Indexes `documents` by their {@link relevanceTerms}. */
export function createBm25Index(documents: readonly string[]): Bm25Index {
  const postings = new Map<string, Postings>();
  const lengths = documents.map((document, doc) => {
    const terms = relevanceTerms(document);
    for (const term of terms) {
      const entry = postings.get(term);
      if (!entry) {
        postings.set(term, { docs: [doc], counts: [1] });
        continue;
      }
      const last = entry.docs.length - 1;
      if (entry.docs[last] === doc) entry.counts[last] = (entry.counts[last] as number) + 1;
      else {
        entry.docs.push(doc);
        entry.counts.push(1);
      }
    }
    return terms.length;
  });
  const avgLength = lengths.reduce((sum, n) => sum + n, 0) / lengths.length || 1;
  return { postings, lengths, avgLength };
}

/**
 * {@link rankByRelevance} on an index: indices of the documents that match `query`, best first, ties
 * broken by index, with exactly the same scores (each document sums its terms' scores in query order).
 */
export function rankIndexed(index: Bm25Index, query: string, minScore = 0.3): number[] {
  const raw = new Map<number, number>();
  const count = index.lengths.length;
  for (const term of queryTerms(query)) {
    const entry = index.postings.get(term);
    if (!entry) continue;
    const n = entry.docs.length;
    entry.docs.forEach((doc, i) => {
      const score = bm25TermScore({
        docs: count,
        docFreq: n,
        termFreq: entry.counts[i] as number,
        length: index.lengths[doc] as number,
        avgLength: index.avgLength,
      });
      raw.set(doc, (raw.get(doc) ?? 0) + score);
    });
  }
  let best = 0;
  for (const score of raw.values()) best = Math.max(best, score);
  if (best <= 0) return [];
  return [...raw]
    .map(([index, score]) => ({ index, score: score / best }))
    .filter((s) => s.score > 0 && s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}

/**
 * Indices of the documents that match `query`, best first, ties broken by index.
 * A document matches when its normalised score reaches `minScore`.
 */
export function rankByRelevance(
  documents: readonly string[],
  query: string,
  minScore = 0.3,
): number[] {
  return rankIndexed(createBm25Index(documents), query, minScore);
}
