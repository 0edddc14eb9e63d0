import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { compressSearch } from './compress-search.js';
import { jsonLinesSearch } from './json-lines-hits.js';

/** Real `rg --json -C1 'throw new'` output over npm's own sources (see the corpus manifest). */
const rgJson = routingCorpus().find((entry) => entry.file === 'rg-json.jsonl')!.text;

interface RgRecord {
  type: string;
  data: { path?: { text: string }; lines?: { text: string }; line_number?: number };
}
const records = rgJson
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as RgRecord);
const matches = records.filter((r) => r.type === 'match').map((r) => r.data);

describe('jsonLinesSearch', () => {
  it('turns every rg --json match and context record into a search line, and nothing else', () => {
    const lines = jsonLinesSearch(rgJson)!;
    expect(lines.filter((l) => l.match)).toHaveLength(matches.length);
    expect(lines).toHaveLength(
      records.filter((r) => r.type !== 'begin' && r.type !== 'end' && r.type !== 'summary').length,
    );
    const first = matches[0]!;
    expect(lines.find((l) => l.match)).toMatchObject({
      path: first.path!.text,
      line: first.line_number,
      text: first.lines!.text.replace(/\n$/, ''),
    });
  });

  it('is undefined for JSON lines without hits, or text that is not all JSON objects', () => {
    expect(jsonLinesSearch('{"level":30,"msg":"a"}\n{"level":30,"msg":"b"}')).toBeUndefined();
    expect(jsonLinesSearch(`${rgJson}\nnot json`)).toBeUndefined();
  });
});

describe('compressSearch on rg --json output', () => {
  it('shows the hits the question is about under their path, with their context, and lists the rest', async () => {
    const { ctx } = await createTestContext({
      query: 'Where does npm refuse --no-workspaces together with --workspace?',
    });
    const result = compressSearch(rgJson, ctx);
    expect(result.strategy).toBe('search:json_lines');
    expect(ctx.countTokens(result.text)).toBeLessThan(ctx.countTokens(rgJson) * 0.15);
    const wanted = matches.find((m) => m.lines!.text.includes('--no-workspaces'))!;
    const block = result.text.split('\n');
    const at = block.indexOf(`${wanted.line_number}:${wanted.lines!.text.replace(/\n$/, '')}`);
    expect(at).toBeGreaterThan(0);
    expect(
      block
        .slice(0, at)
        .reverse()
        .find((l) => !/^\d+[:-]/.test(l)),
    ).toBe(wanted.path!.text);
    expect(block[at - 1]).toMatch(new RegExp(`^${wanted.line_number! - 1}-`));
    // Every file with a match is shown or named with its count.
    for (const path of new Set(matches.map((m) => m.path!.text)))
      expect(result.text).toContain(
        path.includes('/') ? path.slice(path.lastIndexOf('/') + 1) : path,
      );
  });

  it('stores the original; a query brings back its hits as path:line:text lines', async () => {
    const { ctx, store } = await createTestContext({ query: 'workspaces' });
    const [key] = findMarkerKeys(compressSearch(rgJson, ctx).text);
    expect((await retrieve(store, key!)).content).toBe(rgJson);
    const found = await retrieve(store, key!, { query: 'dist-tags' });
    const wanted = matches.filter((m) => /dist-tags/.test(m.lines!.text));
    expect(wanted.length).toBeGreaterThan(0);
    for (const m of wanted)
      expect(found.content).toContain(
        `${m.path!.text}:${m.line_number}:${m.lines!.text.trimEnd()}`,
      );
  });
});
