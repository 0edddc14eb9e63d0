import { bm25Scores, queryTerms } from '../../relevance/bm25.js';
import { relevanceTerms } from '../../relevance/tokenize.js';
import { matchesAnchor, queryAnchors } from './query-anchors.js';

/** A term in more than this share of items does not tell them apart. */
const MAX_TERM_SHARE = 0.5;
/** BM25 scores (normalised to the best item) from this level up count as a match. */
const MIN_RELEVANCE = 0.3;

/** Items the relevance query points at. */
export interface QueryMatches {
  /** Items holding an exact anchor from the query (UUID, email, long number, host, quoted string). */
  anchored: number[];
  /** Items ranking high on BM25 against the query's discriminating terms, best first. */
  relevant: number[];
}

/**
 * Matches the query against the items' texts. Anchors matching most items don't discriminate and
 * are ignored, as are terms present in most items (`status` in every API object).
 */
export function queryMatches(texts: readonly string[], query: string): QueryMatches {
  const none: QueryMatches = { anchored: [], relevant: [] };
  if (!query.trim() || texts.length === 0) return none;
  const lower = texts.map((text) => text.toLowerCase());
  const anchored = new Set<number>();
  for (const anchor of queryAnchors(query)) {
    const hits = lower.flatMap((text, index) => (matchesAnchor(text, anchor) ? [index] : []));
    if (hits.length <= texts.length * MAX_TERM_SHARE) for (const hit of hits) anchored.add(hit);
  }

  const terms = queryTerms(query);
  const documentFrequency = new Map<string, number>(terms.map((term) => [term, 0]));
  for (const text of texts) {
    for (const term of new Set(relevanceTerms(text))) {
      const count = documentFrequency.get(term);
      if (count !== undefined) documentFrequency.set(term, count + 1);
    }
  }
  const discriminating = terms.filter((term) => (documentFrequency.get(term) ?? 0) <= texts.length * MAX_TERM_SHARE);
  const scores = discriminating.length ? bm25Scores(texts, discriminating.join(' ')) : [];
  const relevant = scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score >= MIN_RELEVANCE && s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
  return { anchored: [...anchored].sort((a, b) => a - b), relevant };
}
