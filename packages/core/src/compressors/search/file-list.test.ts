import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { compressSearch } from './compress-search.js';
import { parseFileList } from './file-list.js';

const corpus = routingCorpus();
/** Real `rg -l` and `rg -c` output over npm's sources (see the corpus manifest). */
const filesWithMatches = corpus.find((e) => e.file === 'rg-files-with-matches.txt')!.text;
const counts = corpus.find((e) => e.file === 'rg-count.txt')!.text;

/** `dir/: a.js (3), b.js` lines back to full paths (with their counts). */
function listedPaths(output: string): string[] {
  return output
    .split('\n')
    .filter((l) => !l.startsWith('[') && !l.startsWith('<<') && l.includes('/: '))
    .flatMap((l) => {
      const at = l.indexOf('/: ');
      const dir = l.slice(0, at + 1);
      return l
        .slice(at + 3)
        .split(', ')
        .map((name) => (dir === './' ? name : `${dir}${name}`));
    });
}

describe('parseFileList', () => {
  it('reads paths, path:count lines and a header', () => {
    expect(parseFileList('Found 2 files\nsrc/a.ts:3\nsrc/b/c.ts:12')).toEqual({
      files: [
        { path: 'src/a.ts', count: 3 },
        { path: 'src/b/c.ts', count: 12 },
      ],
      notes: ['Found 2 files'],
    });
    expect(parseFileList('one sentence here\nanother sentence\nsrc/a.ts')).toBeUndefined();
  });
});

describe('compressSearch on file listings', () => {
  it('names every file of `rg -l` once, grouped by directory, and stores the original', async () => {
    const { ctx, store } = await createTestContext();
    const result = compressSearch(filesWithMatches, ctx);
    expect(result.strategy).toBe('search:file_list');
    const files = filesWithMatches.trim().split('\n');
    expect(files.length).toBeGreaterThan(200);
    const named = listedPaths(result.text);
    expect(named.sort()).toEqual(files.slice(0, 200).sort());
    expect(result.text).toContain(`[… ${files.length - 200} more files, by directory: `);
    expect(ctx.countTokens(result.text)).toBeLessThan(ctx.countTokens(filesWithMatches) * 0.6);
    const [key] = findMarkerKeys(result.text);
    expect((await retrieve(store, key!)).content).toBe(filesWithMatches);
    const found = await retrieve(store, key!, { query: 'redact' });
    expect(found.content.split('\n')).toEqual(files.filter((f) => f.includes('redact')));
  });

  it('names past the first 200 the files whose path the query mentions, with their counts', async () => {
    const { ctx } = await createTestContext({ query: 'what does the redact package require?' });
    const output = compressSearch(counts, ctx).text;
    const named = listedPaths(output);
    const lines = counts.trim().split('\n');
    const redact = lines.filter((l) => l.includes('/redact/'));
    expect(lines.indexOf(redact[0]!)).toBeGreaterThanOrEqual(200);
    for (const line of redact) {
      const [path, count] = line.split(':');
      expect(named).toContain(`${path} (${count})`);
    }
  });
});

describe('compressSearch on `grep -c` over every file', () => {
  it('counts the files with no match per directory instead of naming them', async () => {
    const lines = counts.trim().split('\n');
    const zeros = lines.map((l) => l.replace(/:\d+$/, ':0').replace(/\.js:0$/, '.mjs:0'));
    const text = [...lines.slice(0, 20), ...zeros].join('\n');
    const { ctx } = await createTestContext();
    const output = compressSearch(text, ctx).text;
    expect(listedPaths(output).sort()).toEqual(
      lines
        .slice(0, 20)
        .map((l) => l.replace(/:(\d+)$/, ' ($1)'))
        .sort(),
    );
    expect(output).toContain(`[${zeros.length} files with no match, by directory: lib/ (`);
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.2);
  });
});
