import { describe, expect, it } from 'vitest';
import { bm25Scores } from './bm25.js';
import { rankByRelevance } from './bm25-index.js';
import { relevanceTerms } from './tokenize.js';

describe('bm25', () => {
  const docs = [
    'func getUserById(id string)',
    'the payment failed with timeout',
    'list all users',
    'timeout retry budget',
  ];

  it('ranks documents by query terms, best first, ties by index', () => {
    expect(rankByRelevance(docs, 'why did the payment time out? timeout')).toEqual([1, 3]);
    expect(rankByRelevance(docs, 'user by id')[0]).toBe(0);
  });

  it('normalises to 0..1 and scores nothing for an empty or stopword query', () => {
    const scores = bm25Scores(docs, 'timeout');
    expect(Math.max(...scores)).toBe(1);
    expect(bm25Scores(docs, 'the of and')).toEqual([0, 0, 0, 0]);
  });

  it('splits identifiers so camelCase and snake_case parts match', () => {
    expect(relevanceTerms('getUserById max_retry_count')).toEqual(
      expect.arrayContaining([
        'getuserbyid',
        'get',
        'user',
        'by',
        'id',
        'max_retry_count',
        'max',
        'retry',
        'count',
      ]),
    );
  });
});
