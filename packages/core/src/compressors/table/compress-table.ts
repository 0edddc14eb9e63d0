import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { selectRowViews } from '../json/index.js';
import { flatRowView, type ItemView } from '../json/item-view.js';
import type { JsonNode } from '../json/json-node.js';
import { parseTable, type ParsedTable } from './parse-table.js';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Table compressor: a Markdown table, a CSV/TSV document or space-aligned columns (`ps aux`, `kubectl
 * get`, `pip list`) are parsed into row objects, SmartCrusher picks the rows worth showing (head and
 * tail, distinct errors, outliers, anomalies, change points, query matches), and those rows are written
 * back in the table's own format — CSV and aligned rows verbatim, Markdown rows without their alignment
 * padding. Dropped rows go to CCR behind one marker.
 */
export function compressTable(text: string, ctx: CompressorContext): CompressorOutput {
  const table = parseTable(text);
  if (!table) return { text };
  const selection = selectRowViews(rowViews(table), ctx);
  const kept = selection.dropped ? selection.keep : table.rows.map((_, i) => i);
  const body = render(table, kept);
  if (!selection.dropped) {
    // Nothing dropped: only Markdown padding can go, which loses no content.
    return body.length < text.length ? { text: body, strategy: 'table:compact' } : { text };
  }
  const key = ctx.stash(text, { kind: 'table', count: table.rows.length });
  const omitted = table.rows.length - kept.length;
  const note = `${omitted} of ${table.rows.length} rows omitted (kept: ${selection.reason.replace(/_/g, ' ')})`;
  const [head, tail] = splitAround(body, table);
  return {
    text: `${head}\n${formatMarker(key, note)}${tail}`,
    strategy: `table:${table.format}+smart_crush`,
  };
}

/**
 * Each row as the view of an object node; cells that print back exactly as numbers become numbers, for
 * SmartCrusher's statistics. Keys are those of a plain object built from the header (so a repeated
 * name gets its column number, and integer-like names come first, as `JSON.stringify` would list them).
 */
function rowViews(table: ParsedTable): ItemView[] {
  const layouts = new Map<number, RowLayout>();
  return table.rows.map((cells) => {
    let layout = layouts.get(cells.length);
    if (!layout) layouts.set(cells.length, (layout = rowLayout(table.header, cells.length)));
    const entries: Array<[string, JsonNode]> = [];
    // The row's compact JSON, as toJson writes it, with each key's JSON written once per layout.
    let json = '{';
    for (let i = 0; i < layout.keys.length; i++) {
      const [key, column] = layout.keys[i]!;
      const value = cellNode(cells[column]!);
      entries.push([key, value]);
      json += `${layout.prefixes[i]}${value.t === 'number' ? value.raw : JSON.stringify(value.v)}`;
    }
    return flatRowView({ t: 'object', entries }, layout.columns, `${json}}`);
  });
}

/** The keys of rows of one width: the column each holds, each key's entry index and its JSON prefix. */
interface RowLayout {
  keys: Array<[string, number]>;
  columns: Map<string, number>;
  /** `"key":` of each entry, after a comma for all but the first. */
  prefixes: string[];
}

/** The keys of a row of `width` cells, in the order a plain object lists them, with the column each holds. */
function rowLayout(header: readonly string[], width: number): RowLayout {
  const row: Record<string, number> = {};
  for (let i = 0; i < width; i++) {
    const name = header[i] || `column ${i + 1}`;
    row[name in row ? `${name} (${i + 1})` : name] = i;
  }
  const keys = Object.entries(row);
  return {
    keys,
    columns: new Map(keys.map(([key], index) => [key, index])),
    prefixes: keys.map(([key], index) => `${index === 0 ? '' : ','}${JSON.stringify(key)}:`),
  };
}

function cellNode(cell: string): Extract<JsonNode, { t: 'number' | 'string' }> {
  if (NUMBER.test(cell)) {
    const v = Number(cell);
    if (String(v) === cell) return { t: 'number', raw: cell, v };
  }
  return { t: 'string', v: cell };
}

function render(table: ParsedTable, kept: readonly number[]): string {
  if (table.format !== 'markdown')
    return [table.before, table.rawHeader, ...kept.map((i) => table.rawRows[i] as string)]
      .filter((part, i) => i > 0 || part !== '')
      .join('\n');
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rows = [
    line(table.header),
    `|${table.align.map((a) => ` ${a} |`).join('')}`,
    ...kept.map((i) => line(table.rows[i] as string[])),
  ];
  return [table.before, rows.join('\n'), table.after]
    .filter((part, i) => i === 1 || part !== '')
    .join('\n');
}

/** The rendered table and the text after it, so the marker sits right under the table. */
function splitAround(body: string, table: ParsedTable): [string, string] {
  if (table.format !== 'markdown' || table.after === '') return [body, ''];
  const cut = body.length - table.after.length - 1;
  return [body.slice(0, cut), body.slice(cut)];
}
