import { alignedColumns } from '../../compressors/table/aligned-columns.js';
import type { Sample } from '../sample.js';

const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const DELIMITERS: ReadonlyArray<{ delimiter: string; confidence: number }> = [
  { delimiter: ',', confidence: 0.85 },
  { delimiter: '\t', confidence: 0.8 },
  { delimiter: ';', confidence: 0.85 },
  { delimiter: '|', confidence: 0.8 },
];
const MAX_RECORDS = 60;
const MAX_COLUMNS = 200;
const HEADER_NAME = /^[A-Za-z_][\w .()/#%-]{0,40}$/;

/**
 * How sure we are that the sample is a table: a markdown table, CSV/TSV/semicolon/pipe-separated rows,
 * or columns aligned by spaces under a header of names (below a log's score: `kubectl get events` is both).
 */
export function tableConfidence(sample: Sample): number {
  let best = alignedColumns(sample.lines) ? 0.8 : 0;
  best = Math.max(best, markdownTable(sample));
  for (const { delimiter, confidence } of DELIMITERS) {
    const shape = delimited(sample, delimiter);
    // A header row of names over three or more columns is a data file even when rows start with timestamps.
    if (shape) best = Math.max(best, shape.header && shape.columns >= 3 ? 0.9 : confidence);
  }
  return best;
}

// A markdown table (header, `---|---` separator, rows) that makes up most of the text, not one inside prose.
function markdownTable(sample: Sample): number {
  const lines = sample.nonEmpty;
  const separator = lines.findIndex(
    (line, i) =>
      i > 0 && line.includes('|') && MD_SEPARATOR.test(line) && lines[i - 1]!.includes('|'),
  );
  if (separator < 0) return 0;
  const rows = lines.filter((line) => line.includes('|')).length;
  return rows >= 3 && rows / lines.length >= 0.6 ? 0.95 : 0;
}

// Delimited rows with the same number of fields (quotes respected) whose fields are values, not sentences.
function delimited(
  sample: Sample,
  delimiter: string,
): { columns: number; header: boolean } | undefined {
  // A `cat -n` view is judged without its gutter, or every numbered file would be a two-column TSV.
  const text = sample.numbered ? sample.lines.join('\n') : sample.head;
  let records = splitRecords(text, delimiter, sample.head.length < sample.text.length);
  // psql and friends frame rows with pipes: `| a | b |` has no empty first or last column.
  if (delimiter === '|')
    records = records.map((record) =>
      record.slice(record[0]!.trim() ? 0 : 1, record.at(-1)!.trim() ? undefined : -1),
    );
  if (records.length < 3) return undefined;
  const columns = commonLength(records);
  const rows = records.filter((record) => record.length === columns);
  if (columns < 2 || rows.length / records.length < 0.9) return undefined;
  // A column that is nearly always empty is a line-end `;` or `,` (code), or indentation before a tab.
  const mostlyEmpty = Array.from(
    { length: columns },
    (_, c) => rows.filter((row) => row[c]!.trim() === '').length / rows.length > 0.5,
  );
  if (mostlyEmpty[0] || mostlyEmpty.filter(Boolean).length * 2 >= columns) return undefined;
  const fields = rows.flat();
  const prose = fields.filter((field) => field.trim().split(/\s+/).length > 6).length;
  if (prose / fields.length > 0.2) return undefined;
  const first = records[0]!;
  return {
    columns,
    header: first.length === columns && first.every((field) => HEADER_NAME.test(field.trim())),
  };
}

/** The field count most records share (the larger one on a tie). */
function commonLength(records: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  let best = 0;
  let bestTimes = 0;
  for (const [count, times] of counts) {
    if (times > bestTimes || (times === bestTimes && count > best))
      [best, bestTimes] = [count, times];
  }
  return best;
}

/** Records of delimited text (RFC 4180 quoting), up to `MAX_RECORDS`; a record cut by the head is dropped. */
function splitRecords(text: string, delimiter: string, truncated: boolean): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length && records.length < MAX_RECORDS) {
    let field: string;
    if (text[i] === '"') {
      // A quoted field: `""` is a quote, and delimiters and newlines inside are data.
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return records;
        parts.push(text.slice(from, quote));
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        parts.push('"');
        from = quote + 2;
      }
      field = parts.join('');
      // Whatever follows the closing quote up to the delimiter belongs to the field, as lenient readers do.
      const end = fieldEnd(text, i, delimiter);
      field += text.slice(i, end);
      i = end;
    } else {
      const end = fieldEnd(text, i, delimiter);
      field = text.slice(i, end);
      i = end;
    }
    record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    // Hundreds of "columns" is a run of delimiters (indentation, separators), not a table.
    if (record.length > MAX_COLUMNS) return [];
    if (i >= text.length) break;
    if (text[i] === '\n') {
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    }
    i++;
  }
  if (i >= text.length && !truncated && record.length > 0 && records.length < MAX_RECORDS)
    records.push(record);
  return records;
}

function fieldEnd(text: string, from: number, delimiter: string): number {
  let i = from;
  while (i < text.length && text[i] !== delimiter && text[i] !== '\n') i++;
  return i;
}
