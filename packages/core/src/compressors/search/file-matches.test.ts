import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { detectContent } from '../../router/detect-content.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import {
  githubCodeSearch,
  gitlabBlobs,
  realMatches,
  sourcegraphGraphql,
  sourcegraphStream,
} from './__fixtures__/api-results.node.js';
import { compressSearch } from './compress-search.js';

const matches = realMatches(/export function /);
const query = 'Where is cutLongLine defined, and what does it do?';
const focus = matches.find((m) => m.text.includes('export function cutLongLine('))!;

const shapes = [
  [
    'GitHub code search (text matches, no line numbers)',
    githubCodeSearch(matches),
    'headroom/core',
  ],
  ['Sourcegraph GraphQL (lineMatches)', sourcegraphGraphql(matches), 'github.com/headroom/core'],
  ['Sourcegraph stream (chunkMatches)', sourcegraphStream(matches), 'github.com/headroom/core'],
  ['GitLab blob search (snippets from startline)', gitlabBlobs(matches), ''],
] as const;

describe('compressSearch on code-search API answers', () => {
  it('has real hits to search, the focus among them, in both parts of the repository', () => {
    expect(matches.length).toBeGreaterThan(200);
    expect(focus).toBeDefined();
    expect(new Set(matches.map((m) => m.repo))).toEqual(new Set(['core', 'bench']));
  });

  it.each(shapes)(
    '%s routes to search and keeps the hit the question names',
    async (_name, text, repo) => {
      expect(detectContent(text).kind).toBe('search');
      const { ctx, store } = await createTestContext({ query });
      const result = compressSearch(text, ctx);
      expect(result.strategy).toBe('search:json_hits');
      const output = result.text;
      expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.2);
      // The focus hit's line under its file's heading (the repository in front when results span several).
      const lines = output.split('\n');
      const at = lines.findIndex((l) => l.endsWith(focus.text) && !l.startsWith('['));
      expect(at, output).toBeGreaterThan(0);
      const heading = lines
        .slice(0, at)
        .reverse()
        .find((l) => !/^\d+[:-]/.test(l) && l !== '--' && !l.startsWith('  ↳ '));
      expect(heading).toBe(repo ? `${repo}/${focus.path}` : focus.path);
      const [key] = findMarkerKeys(output);
      expect((await retrieve(store, key!)).content).toBe(text);
      expect((await retrieve(store, key!, { query: 'cutLongLine' })).content).toContain(
        'export function cutLongLine(',
      );
    },
  );

  it("shows Sourcegraph's and GitLab's line numbers as the tool counts them, GitHub's fragments without any", async () => {
    const { ctx } = await createTestContext({ query });
    const graphql = compressSearch(sourcegraphGraphql(matches), ctx).text;
    expect(graphql).toContain(`\n${focus.line - 1}:${focus.text}`);
    const gitlab = compressSearch(gitlabBlobs(matches), ctx).text;
    // GitLab does not say which snippet line matched: the one with the term every snippet shares.
    expect(gitlab).toContain(`\n${focus.line}:${focus.text}`);
    const github = compressSearch(githubCodeSearch(matches), ctx).text;
    expect(github).toContain(`\n${focus.text}`);
    expect(github).not.toMatch(/^\d+[:-]export function cutLongLine/m);
  });

  it('names every file with hits, shown or summarised (up to the 200 files the summary names)', async () => {
    const { ctx } = await createTestContext({ query });
    // The repository's sources grow: a bounded set keeps the files under the naming cap.
    const some = matches.slice(0, 300);
    expect(new Set(some.map((m) => `${m.repo}/${m.path}`)).size).toBeLessThan(200);
    const output = compressSearch(sourcegraphStream(some), ctx).text;
    for (const m of some) expect(output).toContain(m.path.slice(m.path.lastIndexOf('/') + 1));
  });
});
