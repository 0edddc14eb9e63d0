import { describe, expect, it } from 'vitest';
import { gitlabBlobs, realMatches } from './__fixtures__/api-results.node.js';
import { centerSnippets } from './center-snippets.js';
import { findJsonHits } from './json-hits.js';

describe('centerSnippets', () => {
  it("finds the matched line in GitLab's snippets, which start two lines above it", () => {
    for (const pattern of [
      /\bcutLongLine\b/,
      /\bqueryTerms\b/,
      /export function /,
      /\bthrow new\b/,
    ]) {
      const matches = realMatches(pattern);
      expect(matches.length).toBeGreaterThan(2);
      const hits = findJsonHits(JSON.parse(gitlabBlobs(matches)))!.hits;
      const right = hits.filter(
        (h, i) => h.line === matches[i]!.line && h.text === matches[i]!.text,
      );
      expect(right.length, String(pattern)).toBeGreaterThanOrEqual(matches.length * 0.9);
    }
    const hits = findJsonHits(JSON.parse(gitlabBlobs(realMatches(/\bqueryTerms\b/))))!.hits;
    const centered = hits.find((h) => h.before.length > 0)!;
    expect(centered.before.at(-1)!.line).toBe(centered.line - 1);
  });

  it('leaves hits the tool located (context before them, a column) as they are', () => {
    const hit = {
      index: 0,
      path: 'a.ts',
      line: 3,
      text: 'const a = 1;',
      before: [{ line: 2, text: 'x' }],
      after: [{ line: 4, text: 'call(a)' }],
    };
    const hits = [hit, { ...hit, index: 1, line: 9 }];
    expect(centerSnippets(hits)).toEqual(hits);
  });
});
