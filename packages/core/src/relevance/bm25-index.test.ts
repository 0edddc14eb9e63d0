import { describe, expect, it } from 'vitest';
import { bm25Scores } from './bm25.js';
import { createBm25Index, rankByRelevance, rankIndexed } from './bm25-index.js';

/** The ranking as `bm25Scores` defines it, documents scored one query at a time. */
function rankByScores(documents: string[], query: string, minScore = 0.3): number[] {
  return bm25Scores(documents, query)
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0 && s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}

const docs = [
  '2024-01-01 INFO request served in 12ms',
  '2024-01-01 ERROR payment-service connection refused to db-7',
  '',
  'getUserById failed: user_id 7 not found',
  'ERROR ERROR retry budget exhausted for payment',
  '2024-01-01 INFO cache hit ratio 0.93',
  'payment payment payment',
];

describe('rankIndexed', () => {
  it('ranks one index for many queries exactly as scoring each query afresh', () => {
    const index = createBm25Index(docs);
    const queries = [
      'payment error',
      'user id',
      'the of',
      'served 12ms',
      'nothing here',
      'db 7 refused',
    ];
    for (const query of queries)
      for (const minScore of [0, 0.3, 0.9])
        expect(rankIndexed(index, query, minScore)).toEqual(rankByScores(docs, query, minScore));
  });

  it('ranks nothing for no documents, a stopword query or unknown terms', () => {
    expect(rankByRelevance([], 'payment')).toEqual([]);
    expect(rankByRelevance(docs, 'the of and')).toEqual([]);
    expect(rankByRelevance(docs, 'zebra')).toEqual([]);
  });
});
