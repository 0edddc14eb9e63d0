import { alignedColumns, cellsAt } from './aligned-columns.js';

/** Table syntaxes the table compressor reads. */
export type TableFormat = 'markdown' | 'csv' | 'tsv' | 'aligned';

/** A parsed table with the text around it. */
export interface ParsedTable {
  format: TableFormat;
  header: string[];
  /** The header as written (CSV/TSV; aligned: with its rule) — Markdown headers are re-rendered. */
  rawHeader: string;
  rows: string[][];
  /** Each row as written in the original (a CSV record may span lines). */
  rawRows: string[];
  /** Markdown only: the separator row's alignments (`---`, `:--`, `--:`, `:-:`). */
  align: string[];
  before: string;
  after: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Fewer data rows than this is not worth treating as a table. */
const MIN_ROWS = 3;
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Parses the first Markdown table in the text, or the whole text as CSV/TSV or as columns aligned by
 * spaces (after a short preamble); undefined when it is none of them.
 */
export function parseTable(text: string): ParsedTable | undefined {
  return (
    parseMarkdown(text) ??
    parseDelimited(text, '\t', 'tsv') ??
    parseDelimited(text, ',', 'csv') ??
    parseAligned(text)
  );
}

function parseAligned(text: string): ParsedTable | undefined {
  const lines = text.replace(/\n+$/, '').split('\n');
  const columns = alignedColumns(lines);
  if (!columns) return undefined;
  const { header, body, starts } = columns;
  const rawRows = lines.slice(body).filter((line) => line.trim() !== '');
  return {
    format: 'aligned',
    header: cellsAt(lines[header] as string, starts),
    rawHeader: lines.slice(header, body).join('\n'),
    rows: rawRows.map((line) => cellsAt(line, starts)),
    rawRows,
    align: [],
    before: lines.slice(0, header).join('\n'),
    after: '',
  };
}

function parseMarkdown(text: string): ParsedTable | undefined {
  if (!text.includes('|')) return undefined;
  const lines = text.split('\n');
  const start = lines.findIndex(
    (line, i) =>
      line.includes('|') && MD_SEPARATOR.test(lines[i + 1] ?? '') && !MD_SEPARATOR.test(line),
  );
  if (start < 0) return undefined;
  let end = start + 2;
  while (end < lines.length && lines[end]!.includes('|') && lines[end]!.trim() !== '') end++;
  const header = splitMarkdownRow(lines[start] as string);
  const rawRows = lines.slice(start + 2, end);
  if (rawRows.length < MIN_ROWS) return undefined;
  const align = splitMarkdownRow(lines[start + 1] as string).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? ':-:' : left ? ':--' : right ? '--:' : '---';
  });
  return {
    format: 'markdown',
    header,
    rawHeader: lines[start] as string,
    rows: rawRows.map(splitMarkdownRow),
    rawRows,
    align,
    before: lines.slice(0, start).join('\n'),
    after: lines.slice(end).join('\n'),
  };
}

/** Cells of a Markdown row: outer pipes dropped, split on pipes not escaped with a backslash, trimmed. */
export function splitMarkdownRow(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * RFC 4180 records (quoted fields may hold the delimiter, doubled quotes and newlines). A table
 * needs a header with two or more columns and nearly all records of the header's width.
 */
function parseDelimited(
  text: string,
  delimiter: string,
  format: TableFormat,
): ParsedTable | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === LF) end--;
  const trimmed = text.slice(0, end);
  // A header of one column rules the delimiter out: no need to read the whole text with it.
  const first = readRecords(trimmed, delimiter, 1);
  if (!first || first.cells[0]!.length < 2) return undefined;
  const records = readRecords(trimmed, delimiter);
  if (!records || records.cells.length - 1 < MIN_ROWS) return undefined;
  const [header, ...rows] = records.cells;
  const [rawHeader, ...rawRows] = records.raw;
  const width = header!.length;
  let matching = 0;
  for (const row of rows) if (row.length === width) matching++;
  if (matching < rows.length * 0.9) return undefined;
  return {
    format,
    header: header!,
    rawHeader: rawHeader!,
    rows,
    rawRows,
    align: [],
    before: '',
    after: '',
  };
}

/**
 * Records up to `limit` (all by default): each one's cells and its text as written, side by side;
 * undefined on an unterminated quote. Unquoted runs are sliced, not copied char by char.
 */
function readRecords(
  text: string,
  delimiter: string,
  limit = Number.POSITIVE_INFINITY,
): { cells: string[][]; raw: string[] } | undefined {
  const records = { cells: [] as string[][], raw: [] as string[] };
  const separator = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let cell = '';
  let recordStart = 0;
  let i = 0;
  const endRecord = (end: number): void => {
    cells.push(cell);
    const rawEnd = end > recordStart && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    records.cells.push(cells);
    records.raw.push(text.slice(recordStart, rawEnd));
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && cell === '') {
      // A quoted field: runs to the next lone quote; a doubled quote is a literal one.
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return undefined; // an unterminated quote: not a well-formed table
        cell += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        cell += '"';
        i++;
      }
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === LF) {
      endRecord(i);
      if (records.cells.length >= limit) return records;
      recordStart = ++i;
    } else if (ch === CR) {
      if (text.charCodeAt(i + 1) !== LF) cell += '\r';
      i++;
    } else {
      let end = i + 1;
      for (; end < text.length; end++) {
        const next = text.charCodeAt(end);
        if (next === separator || next === LF || next === CR || next === QUOTE) break;
      }
      cell += text.slice(i, end);
      i = end;
    }
  }
  endRecord(text.length);
  return records;
}
