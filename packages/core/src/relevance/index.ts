export { bm25Scores, queryTerms, rankByRelevance } from './bm25.js';
export { relevanceTerms } from './tokenize.js';
