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
      const termFreq = tf.get(term);
      if (!termFreq) continue;
      score += bm25TermScore({
        docs: docTerms.length,
        docFreq: docFreq.get(term) ?? 0,
        termFreq,
        length: termsOfDoc.length,
        avgLength,
      });
    }
    return score;
  });
  // reduce, not Math.max(...raw): spreading 150k+ scores overflows the call stack.
  const best = raw.reduce((a, b) => Math.max(a, b), 0);
  return best > 0 ? raw.map((s) => s / best) : raw;
}

/** What one query term's BM25 score in one document depends on. */
export interface Bm25TermStats {
  /** Documents in the collection. */
  docs: number;
  /** Documents holding the term. */
  docFreq: number;
  /** Times the term occurs in this document. */
  termFreq: number;
  /** Terms in this document. */
  length: number;
  avgLength: number;
}

/** One term's BM25 score in one document: the single formula every BM25 caller here sums. */
export function bm25TermScore({
  docs,
  docFreq,
  termFreq,
  length,
  avgLength,
}: Bm25TermStats): number {
  const idf = Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
  return (idf * termFreq * (K1 + 1)) / (termFreq + K1 * (1 - B + (B * length) / avgLength));
}
