import type { JsonNode, ObjectNode } from './json-node.js';
import { toJson } from './serialize-json.js';
import { cellValue, tableColumns, type Column } from './table-columns.js';

/** A table is "sparse" when fewer than this share of its columns are filled in most rows… */
const CORE_COLUMN_SHARE = 0.6;
/** …where "most rows" means this share. */
const CORE_ROW_SHARE = 0.8;
const MIN_BUCKETS = 2;
const MAX_BUCKETS = 8;
/** Column holding each row's position when buckets interleave. */
const POSITION = '_i';
const SIMPLE_NAME = /^[A-Za-z_$][\w$-]*$/;

function quoteCsv(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function needsQuotes(text: string): boolean {
  return text === '' || /[",\n\r]/.test(text) || /^\s|\s$/.test(text);
}

/** Missing is an empty cell and null is `null`, so the two stay apart; a string "null" is quoted. */
function cell(value: JsonNode | undefined, column: Column): string {
  if (value === undefined) return '';
  if (column.type === 'string' && value.t === 'string') {
    const text = value.v;
    return needsQuotes(text) || text === 'null' ? quoteCsv(text) : text;
  }
  const json = toJson(value);
  return /[",\n\r]/.test(json) ? quoteCsv(json) : json;
}

function headerName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : JSON.stringify(name);
}

function header(count: number, columns: readonly Column[], position: boolean): string {
  const names = columns.map((c) => {
    const name =
      c.inner === undefined ? headerName(c.key) : `${headerName(c.key)}.${headerName(c.inner)}`;
    return `${name}:${c.type}${c.optional ? '?' : ''}`;
  });
  return `[${count}]{${position ? `${POSITION}:int,` : ''}${names.join(',')}}`;
}

function renderRows(
  rows: readonly ObjectNode[],
  columns: readonly Column[],
  positions?: readonly number[],
): string {
  const lines = [header(rows.length, columns, positions !== undefined)];
  rows.forEach((row, i) => {
    const cells = columns.map((column) => cell(cellValue(row, column), column));
    lines.push((positions ? [String(positions[i]), ...cells] : cells).join(','));
  });
  return lines.join('\n');
}

function isSparse(rows: readonly ObjectNode[], columns: readonly Column[]): boolean {
  const core = columns.filter(
    (c) =>
      rows.filter((row) => cellValue(row, c) !== undefined).length >= rows.length * CORE_ROW_SHARE,
  );
  return core.length < columns.length * CORE_COLUMN_SHARE;
}

/**
 * Rows whose key sets differ a lot, split by a discriminator (a string field every row has, with
 * 2–8 values) into one table per value — or `undefined` when no field splits them well. Rows keep
 * their original position in an `_i` column when the buckets interleave.
 */
function renderBuckets(
  rows: readonly ObjectNode[],
  columns: readonly Column[],
): string | undefined {
  if (columns.some((c) => c.key === POSITION)) return undefined;
  let best: { key: string; groups: Map<string, number[]>; cells: number } | undefined;
  for (const column of columns) {
    if (column.type !== 'string' || column.optional || column.inner !== undefined) continue;
    const groups = new Map<string, number[]>();
    rows.forEach((row, index) => {
      const value = cellValue(row, column) as Extract<JsonNode, { t: 'string' }>;
      const members = groups.get(value.v);
      if (members) members.push(index);
      else groups.set(value.v, [index]);
    });
    if (groups.size < MIN_BUCKETS || groups.size > MAX_BUCKETS) continue;
    let cells = 0;
    for (const members of groups.values())
      cells += members.length * (tableColumns(members.map((i) => rows[i]!))?.length ?? Infinity);
    if (cells < rows.length * columns.length && (!best || cells < best.cells))
      best = { key: column.key, groups, cells };
  }
  if (!best) return undefined;
  const order = [...best.groups.values()].flat();
  const interleaved = order.some((index, i) => index !== i);
  const parts = [`__buckets:${headerName(best.key)}`];
  for (const [value, members] of best.groups) {
    const bucketRows = members.map((i) => rows[i]!);
    const bucketColumns = tableColumns(bucketRows)!.filter(
      (c) => c.key !== best.key || c.inner !== undefined,
    );
    parts.push(`__key:${SIMPLE_NAME.test(value) ? value : JSON.stringify(value)}`);
    parts.push(renderRows(bucketRows, bucketColumns, interleaved ? members : undefined));
  }
  return parts.join('\n');
}

/**
 * Renders an array of objects as a lossless table: a header `[N]{id:int,name:string,score:float?}`
 * then one CSV row per item (`?` marks columns that are missing or null in some rows; a missing
 * value is an empty cell, null is `null`).
 * Small nested objects of the same shape flatten into dotted columns; rows with very different
 * key sets are bucketed by a discriminator field. `undefined` when the rows cannot be a table.
 */
export function renderTable(rows: readonly ObjectNode[]): string | undefined {
  if (rows.length < 2) return undefined;
  const columns = tableColumns(rows);
  if (!columns || columns.length === 0) return undefined;
  return (isSparse(rows, columns) && renderBuckets(rows, columns)) || renderRows(rows, columns);
}
