import { describe, expect, it } from 'vitest';
import { readInstalled } from '../../test-utils/package-file.node.js';
import { detectContent } from '../detect-content.js';
import { searchJsonConfidence } from './search-json.js';
import {
  githubCodeSearch,
  gitlabBlobs,
  realMatches,
  sourcegraphGraphql,
  sourcegraphStream,
} from '../../compressors/search/__fixtures__/api-results.node.js';

/** Hits over a real file: every line holding `pattern`, as a code-search tool returns them. */
function hitsOver(
  text: string,
  pattern: RegExp,
  keys: { path: string; line: string; text: string },
) {
  return text
    .split(/\r?\n/)
    .flatMap((line, i) =>
      pattern.test(line)
        ? [{ [keys.path]: 'README.md', [keys.line]: i + 1, [keys.text]: line, score: 1 / (i + 1) }]
        : [],
    );
}

describe('searchJsonConfidence', () => {
  const readme = readInstalled('typescript', 'README.md');

  it('JSON code-search hits are search results, under any common field names and wrappers', () => {
    const hits = hitsOver(readme, /TypeScript/, { path: 'path', line: 'line', text: 'match' });
    expect(hits.length).toBeGreaterThan(3);
    expect(detectContent(JSON.stringify(hits, null, 2))).toMatchObject({ kind: 'search' });
    const other = hitsOver(readme, /TypeScript/, {
      path: 'file_path',
      line: 'line_number',
      text: 'content',
    });
    expect(detectContent(JSON.stringify({ total: other.length, items: other }))).toMatchObject({
      kind: 'search',
    });
  });

  it('JSON with paths but no line numbers, or a single hit, stays JSON', () => {
    const files = readme
      .split('\n')
      .slice(0, 20)
      .map((line, i) => ({ path: `docs/${i}.md`, size: line.length, text: line }));
    expect(searchJsonConfidence(JSON.stringify(files))).toBe(0);
    expect(detectContent(JSON.stringify(files)).kind).toBe('json');
    const one = hitsOver(readme, /TypeScript/, { path: 'path', line: 'line', text: 'text' }).slice(
      0,
      1,
    );
    expect(detectContent(JSON.stringify(one)).kind).toBe('json');
  });
});

describe('searchJsonConfidence on code-search API answers', () => {
  const matches = realMatches(/export function /);

  it('GitHub, Sourcegraph and GitLab answers are search', () => {
    for (const text of [
      githubCodeSearch(matches),
      sourcegraphGraphql(matches),
      sourcegraphStream(matches),
      gitlabBlobs(matches),
    ])
      expect(searchJsonConfidence(text)).toBeGreaterThanOrEqual(0.6);
  });

  it('a GitHub answer without text matches is a file list: JSON, for the JSON compressor', () => {
    const answer = JSON.parse(githubCodeSearch(matches)) as { items: Record<string, unknown>[] };
    for (const item of answer.items) delete item.text_matches;
    expect(detectContent(JSON.stringify(answer)).kind).toBe('json');
  });

  it('records that carry a line number but no text are not hits', () => {
    const files = matches.slice(0, 20).map((m) => ({ path: m.path, line: m.line, size: 10 }));
    expect(searchJsonConfidence(JSON.stringify(files))).toBe(0);
  });
});
