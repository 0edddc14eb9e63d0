import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInstalled } from '../../test-utils/package-file.node.js';
import { parseTable, splitMarkdownRow } from './parse-table.js';

const vega = join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
/** The AI SDK's docs page listing providers and models: a real Markdown table of a hundred rows. */
const providersDoc = (): string =>
  readInstalled('ai', 'docs/02-foundations/02-providers-and-models.mdx');

describe('parseTable', () => {
  it('reads a real CSV file with its header and every record', () => {
    const text = readFileSync(join(vega, 'seattle-weather.csv'), 'utf8');
    const table = parseTable(text)!;
    expect(table.format).toBe('csv');
    expect(table.header).toEqual([
      'date',
      'precipitation',
      'temp_max',
      'temp_min',
      'wind',
      'weather',
    ]);
    expect(table.rows).toHaveLength(1461);
    expect(table.rows[0]).toEqual(['2012-01-01', '0.0', '12.8', '5.0', '4.7', 'drizzle']);
    expect(table.rawRows[1]).toBe('2012-01-02,10.9,10.6,2.8,4.5,rain');
  });

  it('reads quoted CSV fields holding commas, and TSV', () => {
    const airports = parseTable(readFileSync(join(vega, 'airports.csv'), 'utf8'))!;
    expect(airports.header).toEqual([
      'iata',
      'name',
      'city',
      'state',
      'country',
      'latitude',
      'longitude',
    ]);
    expect(airports.rows.every((r) => r.length === 7)).toBe(true);
    const tsv = parseTable(readFileSync(join(vega, 'unemployment.tsv'), 'utf8'))!;
    expect(tsv.format).toBe('tsv');
    expect(tsv.header).toEqual(['id', 'rate']);
    expect(tsv.rows[0]).toEqual(['1001', '.097']);
    const quoted = parseTable('name,note\n"Smith, J","said ""hi""\nthen left"\nA,b\nC,d\nE,f')!;
    expect(quoted.rows[0]).toEqual(['Smith, J', 'said "hi"\nthen left']);
    expect(quoted.rawRows[0]).toBe('"Smith, J","said ""hi""\nthen left"');
  });

  it('finds a real Markdown table inside a document and keeps the text around it', () => {
    const doc = providersDoc();
    const table = parseTable(doc)!;
    expect(table.format).toBe('markdown');
    expect(table.header).toEqual([
      'Provider',
      'Model',
      'Image Input',
      'Object Generation',
      'Tool Usage',
      'Tool Streaming',
    ]);
    expect(table.rows.length).toBeGreaterThan(50);
    expect(table.rows[0]![0]).toBe('[xAI Grok](/providers/ai-sdk-providers/xai)');
    expect(table.before).toContain('# Providers and Models');
    expect(doc.startsWith(table.before)).toBe(true);
    expect(doc.endsWith(table.after)).toBe(true);
  });

  it('splits Markdown rows on unescaped pipes only', () => {
    expect(splitMarkdownRow('| `a \\| b` | c |')).toEqual(['`a \\| b`', 'c']);
  });

  it('says no to prose and to ragged lines', () => {
    expect(
      parseTable(
        'Hello, world. This is prose, with commas.\nAnd more, of it.\nYes.\nNo, really, it is.',
      ),
    ).toBeUndefined();
    expect(parseTable('a,b\n1,2\n"unterminated,3\n4,5')).toBeUndefined();
  });
});
