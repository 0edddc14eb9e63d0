import { getField, hasDuplicateKeys, type JsonNode, type ObjectNode } from './json-node.js';

/** Column types of a lossless table header. */
export type ColumnType = 'int' | 'float' | 'string' | 'bool' | 'null' | 'json';

/** One column of a lossless table: a top-level key, or a key of a flattened nested object. */
export interface Column {
  key: string;
  /** Set when the column is `key.inner` of a nested object flattened into dotted columns. */
  inner?: string;
  type: ColumnType;
  /** Some rows lack the value or hold null there: the header marks it with `?`. */
  optional: boolean;
}

/** Nested objects flatten into dotted columns only when small and shaped the same in every row. */
const MAX_FLATTEN_KEYS = 6;
const INT = /^-?\d+$/;
/** Characters a table cell cannot carry faithfully (control characters, lone surrogates). */
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The value of a column in a row: `undefined` when the row lacks it. */
export function cellValue(row: ObjectNode, column: Column): JsonNode | undefined {
  const value = getField(row, column.key);
  if (column.inner === undefined || value === undefined) return value;
  return value.t === 'object' ? getField(value, column.inner) : undefined;
}

function isScalar(node: JsonNode): boolean {
  return node.t === 'string' || node.t === 'number' || node.t === 'boolean' || node.t === 'null';
}

/** Inner keys to flatten `key` into, when every row has the same small all-scalar object there. */
function flattenKeys(
  rows: readonly ObjectNode[],
  key: string,
  topKeys: ReadonlySet<string>,
): string[] | undefined {
  let inner: string[] | undefined;
  for (const row of rows) {
    const value = getField(row, key);
    if (value === undefined) continue;
    if (
      value.t !== 'object' ||
      hasDuplicateKeys(value) ||
      !value.entries.every(([, v]) => isScalar(v))
    )
      return undefined;
    const keys = value.entries.map(([k]) => k);
    if (!inner) inner = keys;
    else if (keys.length !== inner.length || !keys.every((k) => inner!.includes(k)))
      return undefined;
  }
  if (!inner || inner.length === 0 || inner.length > MAX_FLATTEN_KEYS) return undefined;
  if (inner.some((k) => k.includes('.') || topKeys.has(`${key}.${k}`))) return undefined;
  return inner;
}

function columnType(values: readonly JsonNode[]): ColumnType {
  const kinds = new Set(values.filter((v) => v.t !== 'null').map((v) => v.t));
  if (kinds.size === 0) return 'null';
  if (kinds.size > 1) return 'json';
  const [kind] = kinds;
  if (kind === 'number')
    return values.every((v) => v.t !== 'number' || INT.test(v.raw)) ? 'int' : 'float';
  if (kind === 'string') return 'string';
  if (kind === 'boolean') return 'bool';
  return 'json';
}

/**
 * The columns of a table holding `rows` losslessly, in order of first appearance, or `undefined`
 * when the rows cannot be a table (a repeated key, or text a cell cannot carry).
 */
export function tableColumns(rows: readonly ObjectNode[]): Column[] | undefined {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (hasDuplicateKeys(row)) return undefined;
    for (const [key] of row.entries) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const specs = keys.flatMap((key) => {
    const inner = flattenKeys(rows, key, seen);
    return inner ? inner.map((name) => ({ key, inner: name })) : [{ key }];
  });
  const columns: Column[] = [];
  for (const spec of specs) {
    const column: Column = { ...spec, type: 'null', optional: false };
    const values: JsonNode[] = [];
    let missing = false;
    let nulls = false;
    for (const row of rows) {
      const value = cellValue(row, column);
      if (value === undefined) missing = true;
      else {
        if (value.t === 'null') nulls = true;
        if (value.t === 'string' && UNSAFE.test(value.v)) return undefined;
        values.push(value);
      }
    }
    column.type = columnType(values);
    column.optional = missing || nulls;
    columns.push(column);
  }
  return columns;
}
