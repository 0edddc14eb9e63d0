import { flatRowView, type ItemView } from '../json/item-view.js';
import type { JsonNode } from '../json/json-node.js';
import type { WordIds } from '../json/word-ids.js';
import type { ParsedTable } from './parse-table.js';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A cell's value as SmartCrusher sees it. */
export type Leaf = Extract<JsonNode, { t: 'number' | 'string' }>;

/**
 * One distinct value of one column of a layout, shared by the rows that hold it: what is worked out
 * about it is worked out once.
 */
export interface Cell {
  entry: [string, Leaf];
  /** Rows holding it. */
  count: number;
  /** The word ids it was added to adaptive-k's bigrams with, and its bigram count then. */
  addedWith?: WordIds;
  bigrams?: number;
  /** Its part of its row's template, and whether it reports a failure. */
  template?: string;
  error?: boolean;
}

/** The keys of rows of one width: the column each holds, each key's entry index, and its values. */
export interface RowLayout {
  keys: Array<[string, number]>;
  columns: Map<string, number>;
  /** Per entry: its distinct values, by text, in order of first appearance. */
  values: Array<Map<string, Cell>>;
}

/** A table's rows as SmartCrusher reads them, and the cells behind them. */
export interface TableRows {
  views: ItemView[];
  /** Per row: its layout and its cells (one per entry). */
  layouts: RowLayout[];
  cells: Cell[][];
}

/**
 * Each row as the view of an object node; cells that print back exactly as numbers become numbers, for
 * SmartCrusher's statistics. Keys are those of a plain object built from the header (so a repeated
 * name gets its column number, and integer-like names come first, as `JSON.stringify` would list them).
 * Rows holding the same value in a column share its entry.
 */
export function tableRows(table: ParsedTable): TableRows {
  const byWidth = new Map<number, RowLayout>();
  const layouts: RowLayout[] = [];
  const cells: Cell[][] = [];
  const views = table.rows.map((row) => {
    let layout = byWidth.get(row.length);
    if (!layout) byWidth.set(row.length, (layout = rowLayout(table.header, row.length)));
    layouts.push(layout);
    const rowCells: Cell[] = [];
    const entries: Array<[string, JsonNode]> = [];
    for (let i = 0; i < layout.keys.length; i++) {
      const [key, column] = layout.keys[i]!;
      const text = row[column]!;
      const values = layout.values[i]!;
      let cell = values.get(text);
      if (!cell) values.set(text, (cell = { entry: [key, cellNode(text)], count: 0 }));
      cell.count++;
      rowCells.push(cell);
      entries.push(cell.entry);
    }
    cells.push(rowCells);
    return flatRowView({ t: 'object', entries }, layout.columns);
  });
  return { views, layouts, cells };
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
    values: keys.map(() => new Map()),
  };
}

function cellNode(cell: string): Leaf {
  if (NUMBER.test(cell)) {
    const v = Number(cell);
    if (String(v) === cell) return { t: 'number', raw: cell, v };
  }
  return { t: 'string', v: cell };
}
