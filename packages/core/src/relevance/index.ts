export { bm25Scores, queryTerms } from './bm25.js';
export { rankByRelevance } from './bm25-index.js';
export { relevanceTerms } from './tokenize.js';
