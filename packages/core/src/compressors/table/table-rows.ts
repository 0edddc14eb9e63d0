import { MAX_FIELDS } from '../json/item-view.js';
import type { JsonNode, ObjectNode } from '../json/json-node.js';
import { withRoom } from '../../util/with-room.js';
import type { ParsedTable } from './parse-table.js';
import { createTextIds, type TextIds } from './text-ids.js';

/** Distinct values a table's fields are sized for up front, in all. */
const PRESIZED_VALUES = 1 << 16;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A cell's value as SmartCrusher sees it. */
export type Leaf = Extract<JsonNode, { t: 'number' | 'string' }>;

/**
 * One key of the rows, as SmartCrusher's field statistics list it, with its distinct values side by
 * side in arrays (one object per value would be thousands of long-lived objects per table).
 */
export interface Field {
  key: string;
  /** Its distinct values' texts, in order of first appearance. */
  texts: string[];
  /**
   * Per distinct value: the number it is, NaN when it is a string. Typed arrays, of some room past
   * the values (`texts` says how many): their memory is outside the heap that scavenges copy.
   */
  numbers: Float64Array;
  /** Per distinct value: rows holding it. */
  counts: Int32Array;
  /** Per row: the index of its value in `texts`, -1 when the row has no such key. */
  ids: Int32Array;
  /** Rows having the key. */
  present: number;
}

/** The keys of rows of one width, in the order a plain object lists them. */
export interface RowLayout {
  /** Per entry: its field's index. */
  fields: number[];
  /** Per entry: the row's column it holds. */
  columns: number[];
}

/**
 * A table's rows as SmartCrusher reads them, by column: each field's distinct values and which one
 * each row holds. Fields are listed in order of first appearance (rows of a new width may add some).
 */
export interface TableRows {
  length: number;
  fields: Field[];
  /** Per row: its layout (one object per width). */
  layouts: RowLayout[];
}

/**
 * Each row as an object node, by column; cells that print back exactly as numbers become numbers, for
 * SmartCrusher's statistics. Keys are those of a plain object built from the header (so a repeated
 * name gets its column number, and integer-like names come first, as `JSON.stringify` would list them).
 * Undefined when a row has more keys than an item view tracks: such rows are read from their views.
 */
export function tableRows(table: ParsedTable): TableRows | undefined {
  const n = table.rows.length;
  const fields: Field[] = [];
  const byKey = new Map<string, number>();
  const byText: TextIds[] = [];
  const byWidth = new Map<number, RowLayout>();
  const layouts = new Array<RowLayout>(n);
  // A field has at most one distinct value per row: its arrays are sized for that, within a budget
  // for the whole table (a wide one of few values a column must not take memory per cell).
  let widest = table.header.length;
  for (const cells of table.rows) widest = Math.max(widest, cells.length);
  const presized = Math.max(16, Math.min(n, Math.floor(PRESIZED_VALUES / widest)));
  for (let row = 0; row < n; row++) {
    const cells = table.rows[row]!;
    let layout = byWidth.get(cells.length);
    if (!layout) {
      const keys = rowKeys(table.header, cells.length);
      if (keys.length > MAX_FIELDS) return undefined;
      layout = { fields: [], columns: [] };
      for (const [key, column] of keys) {
        let field = byKey.get(key);
        if (field === undefined) {
          field = fields.length;
          byKey.set(key, field);
          const values = createTextIds(presized);
          byText.push(values);
          fields.push({
            key,
            texts: values.texts,
            numbers: new Float64Array(presized),
            counts: new Int32Array(presized),
            ids: new Int32Array(n).fill(-1),
            present: 0,
          });
        }
        layout.fields.push(field);
        layout.columns.push(column);
      }
      byWidth.set(cells.length, layout);
    }
    layouts[row] = layout;
    for (let entry = 0; entry < layout.fields.length; entry++) {
      const index = layout.fields[entry]!;
      const field = fields[index]!;
      const text = cells[layout.columns[entry]!]!;
      const id = byText[index]!.idOf(text);
      field.numbers = withRoom(field.numbers, id + 1);
      field.counts = withRoom(field.counts, id + 1);
      // A new value: its count is still 0.
      if (field.counts[id] === 0) field.numbers[id] = numberOf(text);
      field.counts[id]!++;
      field.ids[row] = id;
      field.present++;
    }
  }
  return { length: n, fields, layouts };
}

/** Each row as an object node, for tables too wide for {@link tableRows}. */
export function rowNodes(table: ParsedTable): ObjectNode[] {
  const byWidth = new Map<number, Array<[string, number]>>();
  return table.rows.map((cells) => {
    let keys = byWidth.get(cells.length);
    if (!keys) byWidth.set(cells.length, (keys = rowKeys(table.header, cells.length)));
    return {
      t: 'object',
      entries: keys.map(([key, column]): [string, JsonNode] => [key, cellNode(cells[column]!)]),
    };
  });
}

/** The keys of a row of `width` cells, in the order a plain object lists them, with the column each holds. */
function rowKeys(header: readonly string[], width: number): Array<[string, number]> {
  const row: Record<string, number> = {};
  for (let i = 0; i < width; i++) {
    const name = header[i] || `column ${i + 1}`;
    row[name in row ? `${name} (${i + 1})` : name] = i;
  }
  return Object.entries(row);
}

/** A field's distinct value as SmartCrusher sees it. */
export function leafOf(field: Field, id: number): Leaf {
  const text = field.texts[id]!;
  const v = field.numbers[id]!;
  return Number.isNaN(v) ? { t: 'string', v: text } : { t: 'number', v, raw: text };
}

function cellNode(cell: string): Leaf {
  const v = numberOf(cell);
  return Number.isNaN(v) ? { t: 'string', v: cell } : { t: 'number', v, raw: cell };
}

/** The number a cell is when it prints back exactly as one (NaN otherwise). */
function numberOf(cell: string): number {
  const plain = plainDecimal(cell);
  if (plain !== undefined) return plain;
  if (!NUMBER.test(cell)) return Number.NaN;
  const v = Number(cell);
  return String(v) === cell ? v : Number.NaN;
}

const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const MINUS = 0x2d;
/** Powers of ten a double holds exactly. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The number a cell is when it is a decimal that `String(Number(cell))` gives back without printing
 * it: at most 15 significant digits (which a double holds exactly, so the shortest form printed is
 * those digits), no leading or trailing zeros, and in the range printed without an exponent (1e-6 up
 * to 1e21). NaN when it is no number at all; undefined when that takes printing to tell (16 digits and
 * more, exponents). The value is its digits as an integer over a power of ten: both exact, the one
 * division rounds as `Number()` does (the fast path of decimal parsing), without `Number()`'s parser.
 */
function plainDecimal(cell: string): number | undefined {
  const end = cell.length;
  const negative = cell.charCodeAt(0) === MINUS;
  let at = negative ? 1 : 0;
  const intStart = at;
  let digits = 0;
  for (let code = cell.charCodeAt(at); at < end && isDigit(code); code = cell.charCodeAt(++at))
    digits = digits * 10 + code - ZERO;
  const intDigits = at - intStart;
  if (intDigits === 0) return Number.NaN;
  const leadingZero = cell.charCodeAt(intStart) === ZERO;
  if (leadingZero && intDigits > 1) return Number.NaN;
  if (at === end) {
    // An integer: -0 prints as 0.
    if (leadingZero) return negative ? undefined : 0;
    if (intDigits > 15) return undefined;
    return negative ? -digits : digits;
  }
  if (cell.charCodeAt(at) !== DOT) return undefined;
  const fracStart = ++at;
  for (let code = cell.charCodeAt(at); at < end && isDigit(code); code = cell.charCodeAt(++at))
    digits = digits * 10 + code - ZERO;
  if (at === fracStart) return Number.NaN;
  if (at !== end || cell.charCodeAt(end - 1) === ZERO) return undefined;
  let significant = intDigits + (end - fracStart);
  if (leadingZero) {
    // 0.000123: the zeros before the first non-zero digit are not significant.
    let zeros = 0;
    while (cell.charCodeAt(fracStart + zeros) === ZERO) zeros++;
    if (zeros > 5) return undefined;
    significant -= 1 + zeros;
  }
  if (significant > 15) return undefined;
  const v = digits / EXACT_POWERS[end - fracStart]!;
  return negative ? -v : v;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}
