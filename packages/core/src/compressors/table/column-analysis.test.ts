import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import { createIdPairSet } from '../json/id-pair-set.js';
import { itemView } from '../json/item-view.js';
import { type ItemAnalysis, type TemplateKey, viewAnalysis } from '../json/plan-keep.js';
import { createWordIds } from '../json/word-ids.js';
import { columnAnalysis } from './column-analysis.js';
import { parseTable } from './parse-table.js';
import { rowNodes, tableRows } from './table-rows.js';

const vega = (file: string) => readFileSync(installedPath('vega-datasets', `data/${file}`), 'utf8');

/** Bigram counts and the distinct-bigram curve, as adaptive-k reads them. */
function curve(analysis: ItemAnalysis): { bigrams: number[]; distinct: number[] } {
  const wordIds = createWordIds();
  const seen = createIdPairSet();
  const bigrams: number[] = [];
  const distinct: number[] = [];
  for (let index = 0; index < analysis.items.length; index++) {
    bigrams.push(analysis.items.addBigrams(index, wordIds, seen));
    distinct.push(seen.size);
  }
  return { bigrams, distinct };
}

/** Field statistics with what they make on demand made. */
function stats(analysis: ItemAnalysis) {
  return analysis.stats().map((field) => ({
    ...field,
    values: field.values(),
    firstStrings: field.firstStrings(10),
  }));
}

/** Templates as the groups they make: each item's first item of the same template. */
function groups(templates: readonly TemplateKey[]): number[] {
  const first = new Map<TemplateKey, number>();
  return templates.map((template, index) => {
    if (!first.has(template)) first.set(template, index);
    return first.get(template)!;
  });
}

const tricky = [
  // Escapes in cells and keys, integer-like keys, repeated names, numbers that do not print back and
  // numbers that print with an exponent.
  'name,"say ""hi""",1,name\n"a\\b",x,01,2\n"tab\there",x,1e3,2\nnull,"q""q",1.50,2\nzeta,x,-0,2\nexp,x,1e+21,-1e-7\nexp,x,5,-3\n',
  // Keys without words (no bigram can be split at them), empty cells, non-ASCII that lowercases to ASCII.
  '#,%,name\n1,,İstanbul\n2,,KELVIN \u212a\n3,x,Straße\n3,x,Straße\n',
  // Failures by word, by error column and by status code; repeated values.
  'status,error,message\n200,,ok\n503,,ok\n200,boom,ok\n200,,request failed\n200,,ok\n',
  // Ragged rows: several layouts.
  '| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |\n| 6 | 7 | 8 | 9 |\n| 1 | 2 | 3 |\n',
  // Escapes that add word characters: a newline, a control character, a lone surrogate (paired ones stay).
  'key,value\n"two\nlines",a\ud800b\nbell\u0007,x\nplain,\ud83d\ude00y\n',
];

/**
 * A table of `rows` rows and `columns` columns, every number cell distinct and every text cell one of
 * `kinds` letter codes a column (no digits: each code its own template part), so there are `kinds`
 * templates, each seen again in later rows.
 */
function wideTable(columns: number, rows: number, kinds: number): string {
  const letters = (n: number): string =>
    n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26);
  const header = Array.from({ length: columns }, (_, c) => `c${c}`).join(',');
  const body = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) =>
      c % 2 ? `${letters(r % kinds)}x` : `${r}.${c + 1}`,
    ).join(','),
  );
  return `${header}\n${body.join('\n')}\n`;
}

describe('columnAnalysis', () => {
  it.each([
    ['seattle-weather.csv', vega('seattle-weather.csv')],
    ['airports.csv', vega('airports.csv')],
    ['unemployment.tsv', vega('unemployment.tsv')],
    ...tricky.map((text, i): [string, string] => [`tricky table ${i + 1}`, text]),
    // More distinct values a field, and more template parts, than the analysis sizes for up front.
    ['wide table of distinct values', wideTable(30, 3_000, 2_400)],
  ])('%s: reads the columns to the same analysis as the rows’ views', (_, text) => {
    const table = parseTable(text)!;
    const rows = tableRows(table)!;
    const fromColumns = columnAnalysis(rows);
    const fromViews = viewAnalysis(rowNodes(table).map(itemView));
    expect(curve(fromColumns)).toEqual(curve(fromViews));
    expect(stats(fromColumns)).toEqual(stats(fromViews));
    for (const without of [new Set<string>(), new Set([rows.fields[0]!.key])])
      expect(groups(fromColumns.templates(without))).toEqual(groups(fromViews.templates(without)));
    expect(fromColumns.errors()).toEqual(fromViews.errors());
    expect(fromColumns.texts()).toEqual(fromViews.texts());
    for (let index = 0; index < rows.length; index += 97) {
      expect(fromColumns.items.text(index)).toBe(fromViews.items.text(index));
      for (const { key } of rows.fields)
        expect(fromColumns.leaf(index, key)).toEqual(fromViews.leaf(index, key));
    }
  });

  it('finds the failing rows of a table by word, error column and status code', () => {
    expect(columnAnalysis(tableRows(parseTable(tricky[2]!)!)!).errors()).toEqual([1, 2, 3]);
  });
});
