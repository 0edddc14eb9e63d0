import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInstalled } from '../../test-utils/package-file.node.js';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { compressTable } from './compress-table.js';
import { parseTable } from './parse-table.js';

const require = createRequire(import.meta.url);
const vega = (file: string): string =>
  readFileSync(join(dirname(require.resolve('vega-datasets')), '..', 'data', file), 'utf8');
/** The AI SDK's docs page listing providers and models: a real Markdown table of a hundred rows. */
const providersDoc = (): string =>
  readInstalled('ai', 'docs/02-foundations/02-providers-and-models.mdx');

describe('compressTable on real CSV and TSV (vega-datasets)', () => {
  it.each(['seattle-weather.csv', 'stocks.csv', 'airports.csv', 'unemployment.tsv'])(
    '%s: keeps the header and the first and last rows verbatim, drops most rows to CCR',
    async (file) => {
      const text = vega(file);
      const rows = text.trimEnd().split('\n');
      const { ctx, store } = await createTestContext();
      const output = compressTable(text, ctx).text;
      const lines = output.split('\n');
      expect(lines[0]).toBe(rows[0]);
      expect(lines[1]).toBe(rows[1]);
      expect(lines.at(-2)).toBe(rows.at(-1));
      const original = new Set(rows);
      for (const line of lines.slice(0, -1)) expect(original.has(line), line).toBe(true);
      expect(lines.at(-1)).toMatch(
        /^<<ccr:[0-9a-f]{24} \d+ of \d+ rows omitted \(kept: .+\); call headroom_retrieve>>$/,
      );
      expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.5);
      const [key] = findMarkerKeys(output);
      expect((await retrieve(store, key!)).content).toBe(text);
    },
  );

  it('returns the rows a query asks about from CCR', async () => {
    const text = vega('seattle-weather.csv');
    const { ctx, store } = await createTestContext();
    const [key] = findMarkerKeys(compressTable(text, ctx).text);
    const found = await retrieve(store, key!, { query: '2013-07-04' });
    const lines = found.content.split('\n');
    expect(lines).toContain(text.split('\n').find((l) => l.startsWith('2013-07-04,')));
    expect(lines.length).toBeLessThanOrEqual(50);
  });

  it('keeps the rows a relevance query points at', async () => {
    const text = vega('seattle-weather.csv');
    const { ctx } = await createTestContext({ query: 'what was the weather on 2014-02-18' });
    expect(compressTable(text, ctx).text).toContain('\n2014-02-18,15.2,8.9,5.0,6.2,rain\n');
  });
});

describe('compressTable on a real Markdown table (AI SDK docs)', () => {
  it('keeps the text around the table, and kept rows lose only their padding', async () => {
    const doc = providersDoc();
    const table = parseTable(doc)!;
    const { ctx } = await createTestContext();
    const output = compressTable(doc, ctx).text;
    expect(output.startsWith(table.before)).toBe(true);
    expect(output.endsWith(table.after)).toBe(true);
    expect(output).toContain(
      '| Provider | Model | Image Input | Object Generation | Tool Usage | Tool Streaming |\n| --- | --- | --- | --- | --- | --- |',
    );
    const rendered = new Set(table.rows.map((cells) => `| ${cells.join(' | ')} |`));
    const shown = output
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Provider') && !l.startsWith('| ---'));
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(table.rows.length);
    for (const row of shown) expect(rendered.has(row), row).toBe(true);
    expect(output).toMatch(/\|\n<<ccr:[0-9a-f]{24} \d+ of \d+ rows omitted/);
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(doc) * 0.7);
  });

  it('only strips padding from a small table, without a marker', async () => {
    const text = [
      '| Unit   | Example |',
      '| ------ | ------- |',
      '| `s`    | `30s`   |',
      '| `m`    | `5m`    |',
      '| `h`    | `24h`   |',
    ].join('\n');
    const { ctx, stashed } = await createTestContext();
    expect(compressTable(text, ctx).text).toBe(
      '| Unit | Example |\n| --- | --- |\n| `s` | `30s` |\n| `m` | `5m` |\n| `h` | `24h` |',
    );
    expect(stashed.size).toBe(0);
  });
});

describe('compressTable passthrough', () => {
  it('leaves small CSV, prose and broken tables unchanged', async () => {
    const { ctx, stashed } = await createTestContext();
    for (const text of [
      'a,b\n1,2\n3,4\n5,6',
      'Just some prose, with commas, here.\nAnd another line.',
      'x,y\n"open,1\n2,3\n4,5',
    ]) {
      expect(compressTable(text, ctx).text).toBe(text);
    }
    expect(stashed.size).toBe(0);
  });
});

describe('compressTable on space-aligned command output', () => {
  it('dpkg -l (routing corpus): keeps the legend, header and rule, rows verbatim, the rest in CCR', async () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../router/__fixtures__/corpus/dpkg-l.txt'),
      'utf8',
    );
    const { ctx, store } = await createTestContext();
    const output = compressTable(text, ctx);
    expect(output.strategy).toBe('table:aligned+smart_crush');
    const lines = output.text.split('\n');
    const original = text.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(original.slice(0, 5));
    const rows = new Set(original);
    for (const line of lines.slice(0, -1)) expect(rows.has(line), line).toBe(true);
    expect(ctx.countTokens(output.text)).toBeLessThan(ctx.countTokens(text) * 0.5);
    const [key] = findMarkerKeys(output.text);
    expect((await retrieve(store, key!, { query: 'base-files' })).content).toContain(
      'ii  base-files ',
    );
  });
});
