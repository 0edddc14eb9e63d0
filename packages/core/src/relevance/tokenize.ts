import { isAsciiAlnum } from '../util/is-ascii-alnum.js';

/**
 * Terms for lexical relevance: lowercased alphanumeric runs, plus the parts of
 * camelCase and snake_case identifiers so `getUserById` matches a query for "user".
 */
export function relevanceTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9_]+/g)) {
    const word = match[0];
    terms.push(word.toLowerCase());
    // Most words have no part boundary; testing for one is far cheaper than splitting every word.
    if (!partBoundary.test(word)) continue;
    const parts = word.split(/_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
    if (parts.length > 1) for (const part of parts) terms.push(part.toLowerCase());
  }
  return terms;
}

/** Where the split below could cut: an underscore or a case change. */
const partBoundary = /_|[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/;

/** Whether a UTF-16 code unit belongs in a {@link relevanceTerms} word: `[A-Za-z0-9_]`. */
export function isTermChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 95;
}
