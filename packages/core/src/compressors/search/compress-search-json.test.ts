import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { smartCrusher } from '../json/smart-crusher.js';
import { compressSearch } from './compress-search.js';
import { createSearchCompressor } from './search-compressor.js';
import { searchUnits } from './search-units.js';

interface Hit {
  path: string;
  line: number;
  column: number;
  match: string;
  before: string[];
  after: string[];
}

/** A code-search tool's JSON answer over the real gson tree: path, line, column, match and two lines of context. */
function searchGson(pattern: RegExp, limit: number): { hits: Hit[]; json: string } {
  const root = dataPath('code', 'java', 'gson');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((p) => p.endsWith('.java'))
    .sort();
  const hits: Hit[] = [];
  for (const path of files) {
    const lines = readFileSync(join(root, path), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const column = text.search(pattern);
      if (column < 0 || hits.length >= limit) return;
      hits.push({
        path,
        line: i + 1,
        column: column + 1,
        match: text,
        before: lines.slice(Math.max(0, i - 2), i),
        after: lines.slice(i + 1, i + 3),
      });
    });
  }
  const json = JSON.stringify(
    {
      query: pattern.source,
      total: hits.length,
      results: hits.map((h) => ({ repo: 'google/gson', ...h })),
    },
    null,
    2,
  );
  return { hits, json };
}

describe.skipIf(!dataDir)(
  dataDir
    ? 'compressSearch on JSON code-search results'
    : `compressSearch on JSON: ${noDataReason}`,
  () => {
    it('shows every hit of the symbol the question names, under its path, and lists the others by line', async () => {
      const { hits, json } = searchGson(/throw new /, 100);
      const { ctx } = await createTestContext({
        query: 'Which call sites throw JsonSyntaxException? List them as file:line.',
      });
      const output = compressSearch(json, ctx).text;
      expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(json) * 0.3);
      const blocks = fileBlocks(output);
      const wanted = hits.filter((h) => h.match.includes('JsonSyntaxException'));
      expect(wanted.length).toBeGreaterThan(3);
      for (const hit of wanted)
        expect(blocks.get(hit.path)).toContain(`${hit.line}:${hit.column}:${hit.match}`);
      // Every other hit: shown, listed by line number in its file's summary, or its file named as dropped.
      for (const hit of hits) {
        const block = blocks.get(hit.path);
        if (!block) {
          expect(output).toContain(`${hit.path.split('/').pop()} (`);
          continue;
        }
        const shown = block.some((l) => l.startsWith(`${hit.line}:`));
        // Past [16] hits a file's summary lists the first ones and ends with `…`.
        const listed = block.some(
          (l) =>
            l.startsWith('[… ') &&
            (new RegExp(`[ ,]${hit.line}[,;\\]]`).test(l) || l.endsWith('; …]')),
        );
        expect(shown || listed, `${hit.path}:${hit.line}`).toBe(true);
      }
      expect(output.split('\n')[0]).toBe(
        '{"query":"throw new ","total":100,"results":"(100 hits)"}',
      );
      expect(output).toContain('every hit: {"repo":"google/gson"}');
    });

    it('stores the original; a query brings back just the hits it matches, as JSON objects', async () => {
      const { hits, json } = searchGson(/throw new /, 100);
      const { ctx, store } = await createTestContext({ query: 'malformed JSON' });
      const [key] = findMarkerKeys(compressSearch(json, ctx).text);
      expect((await retrieve(store, key!)).content).toBe(json);
      const found = await retrieve(store, key!, { query: 'NullPointerException' });
      const units = found.content.split('\n').map((u) => JSON.parse(u) as Hit);
      const wanted = hits.filter((h) => h.match.includes('NullPointerException'));
      expect(wanted.length).toBeGreaterThan(1);
      expect(units.map((u) => `${u.path}:${u.line}`)).toEqual(
        wanted.map((h) => `${h.path}:${h.line}`),
      );
    });

    it('splits a stored JSON search into the document around the hits and one unit per hit', () => {
      const { hits, json } = searchGson(/throw new /, 30);
      const units = searchUnits(json, { kind: 'search' }) as string[];
      expect(units).toHaveLength(hits.length + 1);
      expect(units[0]).toBe('{"query":"throw new ","total":30,"results":"(30 hits)"}');
      expect(JSON.parse(units[1]!)).toEqual({ repo: 'google/gson', ...hits[0] });
    });
  },
);

describe('createSearchCompressor', () => {
  it('hands JSON that holds no hits to the JSON compressor it is given', async () => {
    const { ctx } = await createTestContext();
    const files = JSON.stringify(
      Array.from({ length: 40 }, (_, i) => ({
        path: `src/f${i}.ts`,
        line: i,
        size: i * 10,
        text: 'x',
      })).map(({ line: _line, ...rest }) => rest),
      null,
      2,
    );
    const search = createSearchCompressor({ json: smartCrusher });
    expect(await search.compress(files, ctx)).toEqual(await smartCrusher.compress(files, ctx));
    expect((await createSearchCompressor().compress(files, ctx)).text).toBe(files);
  });
});

/** Output lines under each path heading, up to the next heading. */
function fileBlocks(output: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (/^[\w./-]+\.java$/.test(line)) blocks.set(line, (current = []));
    else current?.push(line);
  }
  return blocks;
}
