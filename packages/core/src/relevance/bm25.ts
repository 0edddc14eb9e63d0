import { relevanceTerms } from './tokenize.js';

const K1 = 1.2;
const B = 0.75;

/** Words too common to say anything about relevance. */
const STOPWORDS = new Set(
  'a an and are as at be by can do does for from has have how i in is it its me my of on or please show tell that the this to was what when where which who why will with you your'.split(
    ' ',
  ),
);

/** Query terms worth scoring: no stopwords, no one-letter noise. */
export function queryTerms(query: string): string[] {
  return [...new Set(relevanceTerms(query).filter((t) => t.length > 1 && !STOPWORDS.has(t)))];
}

/**
 * BM25 scores of `documents` against `query`, normalised to 0..1 by the best score.
 * Pure and deterministic; an empty query scores everything 0.
 */
export function bm25Scores(documents: readonly string[], query: string): number[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || documents.length === 0) return documents.map(() => 0);
  return bm25ScoresOfTerms(
    documents.map((d) => relevanceTerms(d)),
    terms,
  );
}

/** {@link bm25Scores} on documents already split by `relevanceTerms`, for callers that need the terms too. */
export function bm25ScoresOfTerms(
  docTerms: ReadonlyArray<readonly string[]>,
  terms: readonly string[],
): number[] {
  if (terms.length === 0 || docTerms.length === 0) return docTerms.map(() => 0);
  const avgLength = docTerms.reduce((sum, t) => sum + t.length, 0) / docTerms.length || 1;
  const docFreq = new Map<string, number>();
  for (const termsOfDoc of docTerms) {
    for (const term of new Set(termsOfDoc))
      if (terms.includes(term)) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
  }
  const raw = docTerms.map((termsOfDoc) => {
    const tf = new Map<string, number>();
    for (const term of termsOfDoc) if (docFreq.has(term)) tf.set(term, (tf.get(term) ?? 0) + 1);
    let score = 0;
    for (const term of terms) {
      const f = tf.get(term);
      if (!f) continue;
      const n = docFreq.get(term) ?? 0;
      const idf = Math.log(1 + (docTerms.length - n + 0.5) / (n + 0.5));
      score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * termsOfDoc.length) / avgLength));
    }
    return score;
  });
  // reduce, not Math.max(...raw): spreading 150k+ scores overflows the call stack.
  const best = raw.reduce((a, b) => Math.max(a, b), 0);
  return best > 0 ? raw.map((s) => s / best) : raw;
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
  const scores = bm25Scores(documents, query);
  return scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0 && s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}
