import { bm25ScoresOfTerms, queryTerms } from '../../relevance/bm25.js';
import { relevanceTerms } from '../../relevance/tokenize.js';
import { matchesAnchor, queryAnchors } from './query-anchors.js';

/** A term in more than this share of items does not tell them apart. */
const MAX_TERM_SHARE = 0.5;
/** An anchor held by more items than this is broad: one item per template of its items is kept. */
const MAX_ANCHOR_HITS = 50;
/** BM25 scores (normalised to the best item) from this level up count as a match. */
const MIN_RELEVANCE = 0.3;

/** Items the relevance query points at. */
export interface QueryMatches {
  /** Items holding an exact anchor from the query (UUID, email, IP, long number, host, quoted string). */
  anchored: number[];
  /** Items holding a broad anchor (one that many items hold), ascending. */
  broad: number[];
  /** Items scoring high on BM25 against the query's discriminating terms, best first. */
  relevant: number[];
}

function discriminatingTerms(docTerms: ReadonlyArray<readonly string[]>, query: string): string[] {
  const terms = queryTerms(query);
  const documentFrequency = new Map<string, number>(terms.map((term) => [term, 0]));
  for (const termsOfDoc of docTerms) {
    for (const term of new Set(termsOfDoc)) {
      const count = documentFrequency.get(term);
      if (count !== undefined) documentFrequency.set(term, count + 1);
    }
  }
  return terms.filter(
    (term) => (documentFrequency.get(term) ?? 0) <= docTerms.length * MAX_TERM_SHARE,
  );
}

/**
 * Matches the query against the items' texts (each item's strings and numbers: `itemText`), read
 * only when there is a query. Anchors held by few items mark them all; one held by many is broad (the
 * caller keeps a sample of each kind); one most items hold says nothing. Terms present in most items
 * (`status` in every API object) are left out of BM25.
 */
export function queryMatches(itemTexts: () => readonly string[], query: string): QueryMatches {
  if (!query.trim()) return { anchored: [], broad: [], relevant: [] };
  const texts = itemTexts();
  if (texts.length === 0) return { anchored: [], broad: [], relevant: [] };
  const lower = texts.map((text) => text.toLowerCase());
  const anchored = new Set<number>();
  const broad = new Set<number>();
  for (const anchor of queryAnchors(query)) {
    const hits = lower.flatMap((text, index) => (matchesAnchor(text, anchor) ? [index] : []));
    if (hits.length > texts.length * MAX_TERM_SHARE) continue;
    for (const hit of hits) (hits.length <= MAX_ANCHOR_HITS ? anchored : broad).add(hit);
  }
  // Split once: the document frequencies and BM25 both need every item's terms.
  const docTerms = texts.map((text) => relevanceTerms(text));
  const terms = discriminatingTerms(docTerms, query);
  const scores = terms.length
    ? bm25ScoresOfTerms(docTerms, queryTerms(terms.join(' ')))
    : texts.map(() => 0);
  const relevant = scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0 && s.score >= MIN_RELEVANCE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
  const ascending = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);
  return { anchored: ascending(anchored), broad: ascending(broad), relevant };
}
